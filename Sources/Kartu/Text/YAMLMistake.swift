import Yams

/// A mistake an editor makes in YAML, at the place to edit and with the fix.
///
/// libyaml reports where it noticed a problem, which is often not where the editor must edit: a
/// key without ':' shows on the next line, an unclosed quote at the end of the file. Once a parse
/// has failed, the text itself tells the mistake. Each classification is confirmed against
/// libyaml's own report (or by parsing the repaired text), so valid YAML is never blamed.
struct YAMLMistake: Equatable {
    /// 1-based, in the user's file.
    var line: Int
    /// 1-based, in characters.
    var column: Int
    var message: String
    var hint: String
}

extension YAMLMistake {
    /// The mistake behind a libyaml error reported at `problem`, or nil when the text shows none.
    static func find(in text: String, lineOffset: Int, failedAt problem: Mark) -> YAMLMistake? {
        YAMLMistakeFinder(text: text, problem: problem).firstMistake().map { $0.moved(by: lineOffset) }
    }

    private func moved(by lineOffset: Int) -> YAMLMistake {
        YAMLMistake(line: line + lineOffset, column: column, message: message, hint: hint)
    }

    /// Each repeat of a duplicated key of the mapping whose key is at `mark`, naming the line of the
    /// first; empty when the keys cannot be found in the text (a `{…}` mapping).
    static func duplicates(of names: [String], in text: String, lineOffset: Int, mappingAt mark: Mark) -> [YAMLMistake] {
        let lines = YAMLLine.lines(of: text)
        guard (1...lines.count).contains(mark.line) else { return [] }
        let keyColumn = lines[mark.line - 1].index(ofColumn: mark.column)
        var first: [String: Int] = [:]
        var mistakes: [YAMLMistake] = []
        for index in YAMLLine.mappingLines(of: lines, around: mark.line - 1, keyColumn: keyColumn) {
            guard let key = lines[index].key, key.start == keyColumn, names.contains(key.text) else { continue }
            if let firstLine = first[key.text] {
                mistakes.append(YAMLMistake(line: index + 1 + lineOffset, column: key.start + 1,
                                            message: "duplicate key '\(key.text)': it is already set on line \(firstLine)",
                                            hint: "remove this line or line \(firstLine), whichever is wrong"))
            } else {
                first[key.text] = index + 1 + lineOffset
            }
        }
        return mistakes
    }
}

/// One line of YAML text as the classifier reads it: indentation, `- ` item markers, a `key:`.
private struct YAMLLine {
    struct Key {
        /// Index of the key's first character (its quote, when quoted).
        var start: Int
        /// The key without quotes.
        var text: String
        /// Index of the value's first character; the line's length when the value is empty.
        var valueStart: Int
    }

    let characters: [Character]
    /// Index of the first character that is neither a space nor a tab.
    let contentStart: Int
    /// Index of the first character after the indentation and any `- ` item markers.
    let bodyStart: Int
    let isItem: Bool
    /// Index of the first tab in the indentation or between item markers.
    let tab: Int?
    let key: Key?

    /// Lines as arrays of characters, so that every index is a column counted in characters; split
    /// where libyaml counts a line break, so that line numbers agree with its marks.
    static func lines(of text: String) -> [YAMLLine] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { breaks.contains($0) }).map { YAMLLine(Array($0)) }
    }

    private static let breaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The index of the character at a libyaml column, which counts code points from 1.
    func index(ofColumn column: Int) -> Int {
        var scalars = 0
        for (index, character) in characters.enumerated() {
            if scalars >= column - 1 { return index }
            scalars += character.unicodeScalars.count
        }
        return characters.count
    }

    init(_ characters: [Character]) {
        self.characters = characters
        var i = 0
        var tab: Int?
        func skipBlanks() {
            while i < characters.count, characters[i] == " " || characters[i] == "\t" {
                if characters[i] == "\t", tab == nil { tab = i }
                i += 1
            }
        }
        skipBlanks()
        contentStart = i
        var isItem = false
        while i < characters.count, characters[i] == "-", i + 1 == characters.count || Self.isBlank(characters[i + 1]) {
            isItem = true
            i += 1
            skipBlanks()
        }
        bodyStart = i
        self.isItem = isItem
        self.tab = tab
        key = Self.key(in: characters, at: i)
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    /// Nothing but blanks, or a comment.
    var isEmpty: Bool { !isItem && (bodyStart == characters.count || characters[bodyStart] == "#") }

    /// `---`, `...` or a `%` directive: lines that belong to no value.
    var isMarker: Bool {
        contentStart == 0 && (characters.starts(with: "---") || characters.starts(with: "...") || characters.first == "%")
    }

    /// A `key:` (plain or quoted) followed by a blank or the end of the line.
    private static func key(in c: [Character], at start: Int) -> Key? {
        guard start < c.count else { return nil }
        if c[start] == "\"" || c[start] == "'" {
            guard let close = closingQuote(in: c, from: start + 1, quote: c[start]) else { return nil }
            var i = close + 1
            while i < c.count, isBlank(c[i]) { i += 1 }
            guard let colon = indicator(in: c, at: i) else { return nil }
            let inner = String(c[(start + 1)..<close])
            let text = c[start] == "'" ? inner.replacingOccurrences(of: "''", with: "'") : inner
            return Key(start: start, text: text, valueStart: valueStart(in: c, after: colon))
        }
        guard !"[]{},#&*!|>%@`?".contains(c[start]) else { return nil }
        guard let colon = firstIndicator(in: c, from: start) else { return nil }
        var end = colon
        while end > start, isBlank(c[end - 1]) { end -= 1 }
        return Key(start: start, text: String(c[start..<end]), valueStart: valueStart(in: c, after: colon))
    }

    private static func valueStart(in c: [Character], after colon: Int) -> Int {
        var i = colon + 1
        while i < c.count, isBlank(c[i]) { i += 1 }
        return i < c.count && c[i] == "#" ? c.count : i
    }

    /// `i` when a ':' there is a mapping indicator: followed by a blank or the end of the line.
    static func indicator(in c: [Character], at i: Int) -> Int? {
        i < c.count && c[i] == ":" && (i + 1 == c.count || isBlank(c[i + 1])) ? i : nil
    }

    /// The first mapping indicator of plain text from `start`, up to a comment.
    static func firstIndicator(in c: [Character], from start: Int) -> Int? {
        var i = start
        while i < c.count {
            if c[i] == "#", i > start, isBlank(c[i - 1]) { return nil }
            if let colon = indicator(in: c, at: i) { return colon }
            i += 1
        }
        return nil
    }

    /// The index of the quote that closes a quoted scalar opened before `from`, on this line.
    static func closingQuote(in c: [Character], from: Int, quote: Character) -> Int? {
        var i = from
        while i < c.count {
            if quote == "\"", c[i] == "\\" {
                i += 2
                continue
            }
            if c[i] == quote {
                // Inside '…', a quote is written twice.
                if quote == "'", i + 1 < c.count, c[i + 1] == "'" {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Indexes of the lines of the block mapping with a key at `keyColumn` on line `index`:
    /// from its first key (an item's `- key:` included) to the line before one indented less.
    static func mappingLines(of lines: [YAMLLine], around index: Int, keyColumn: Int) -> ClosedRange<Int> {
        func inside(_ line: YAMLLine) -> Bool { line.isEmpty || line.contentStart > keyColumn || line.isKeyLine(at: keyColumn, item: false) }
        var first = index
        if !lines[index].isItem {
            while first > 0, inside(lines[first - 1]) { first -= 1 }
            if first > 0, lines[first - 1].isKeyLine(at: keyColumn, item: true) { first -= 1 }
        }
        var last = index
        while last + 1 < lines.count, inside(lines[last + 1]) { last += 1 }
        return first...last
    }

    private func isKeyLine(at column: Int, item: Bool) -> Bool {
        key?.start == column && isItem == item && (item || contentStart == column)
    }

    /// The line from `start` on, without a trailing comment or blanks.
    func trimmed(from start: Int) -> String { String(characters[start..<trimmedEnd(from: start)]) }

    func trimmedEnd(from start: Int) -> Int {
        var end = Self.commentStart(in: characters, from: start) ?? characters.count
        while end > start, Self.isBlank(characters[end - 1]) { end -= 1 }
        return end
    }

    private static func commentStart(in c: [Character], from start: Int) -> Int? {
        (start..<c.count).first { c[$0] == "#" && $0 > start && isBlank(c[$0 - 1]) }
    }
}

/// Walks the lines up to libyaml's error in order, skipping what lies inside quoted, block and
/// `[…]`/`{…}` values, and returns the first confirmed mistake.
private struct YAMLMistakeFinder {
    let lines: [YAMLLine]
    let problem: Mark
    /// Where libyaml stopped: the line's index, and the index of the character in it.
    let problemLine: Int
    let problemColumn: Int

    init(text: String, problem: Mark) {
        lines = YAMLLine.lines(of: text)
        self.problem = problem
        problemLine = problem.line - 1
        problemColumn = lines.indices.contains(problemLine) ? lines[problemLine].index(ofColumn: problem.column) : problem.column - 1
    }

    /// What follows a line: the mistake it shows, or the index of the next line to read.
    enum Step {
        case mistake(YAMLMistake)
        case next(Int)
    }

    func firstMistake() -> YAMLMistake? {
        var index = 0
        while index < lines.count, index <= problemLine {
            switch step(at: index) {
            case .mistake(let mistake): return mistake
            case .next(let next): index = next
            }
        }
        return nil
    }

    private func step(at index: Int) -> Step {
        let line = lines[index]
        if let mistake = tabMistake(index) { return .mistake(mistake) }
        if line.isEmpty || line.isMarker { return .next(index + 1) }
        let start = line.key?.valueStart ?? line.bodyStart
        guard start < line.characters.count else { return .next(index + 1) }
        switch line.characters[start] {
        case "\"", "'":
            return quoted(at: index, start: start)
        case "[", "{":
            guard let end = flowEnd(from: index, start: start) else {
                return unclosedFlow(at: index, start: start).map(Step.mistake) ?? .next(lines.count)
            }
            return afterValue(index, next: end + 1)
        case "|", ">":
            return .next(blockEnd(after: index, indent: line.key?.start ?? line.contentStart) + 1)
        case "&", "*", "!", "%", "@", "`":
            return .next(index + 1)
        default:
            if line.key == nil && !line.isItem, let mistake = missingColon(at: index) { return .mistake(mistake) }
            return plain(at: index, start: start)
        }
    }

    // MARK: Tabs

    /// libyaml stops at a tab that indents a line (outside quoted and block values).
    private func tabMistake(_ index: Int) -> YAMLMistake? {
        guard index == problemLine, let tab = lines[index].tab, tab == problemColumn else { return nil }
        return YAMLMistake(line: index + 1, column: tab + 1, message: "a tab indents this line",
                           hint: "YAML indents with spaces: replace the tab with spaces")
    }

    // MARK: Quoted values

    private func quoted(at index: Int, start: Int) -> Step {
        let line = lines[index]
        let quote = line.characters[start]
        if let close = YAMLLine.closingQuote(in: line.characters, from: start + 1, quote: quote) {
            if let mistake = textAfterQuote(at: index, start: start, close: close) { return .mistake(mistake) }
            return afterValue(index, next: index + 1)
        }
        let owner = line.key?.start ?? line.contentStart
        guard let (closeLine, _) = closingQuote(after: index, quote: quote) else {
            return .mistake(unclosed(at: index, start: start))
        }
        // libyaml reads on to the next quote, even past lines at the key's own indentation;
        // an editor who swallowed such a line (`kind: page`) left the quote open.
        let swallowedKey = (index + 1...closeLine).contains { lines[$0].key != nil && lines[$0].contentStart <= owner }
        if swallowedKey && problemLine >= closeLine { return .mistake(unclosed(at: index, start: start)) }
        return afterValue(index, next: closeLine + 1)
    }

    /// The line after a value that ended before `next`: a key indented under it is a mistake.
    private func afterValue(_ index: Int, next: Int) -> Step {
        guard let following = (next..<lines.count).first(where: { !lines[$0].isEmpty }),
              following == problemLine, let mistake = indentedKey(at: following, under: index)
        else { return .next(next) }
        return .mistake(mistake)
    }

    private func unclosed(at index: Int, start: Int) -> YAMLMistake {
        let line = lines[index]
        let quote = line.characters[start]
        var end = line.characters.count
        while end > start + 1, YAMLLine.isBlank(line.characters[end - 1]) { end -= 1 }
        let fixed = String(line.characters[line.contentStart..<end]) + String(quote)
        return YAMLMistake(line: index + 1, column: start + 1, message: "this quoted value is not closed",
                           hint: "end the value with \(quote) on the same line: \(fixed)")
    }

    /// The line and index of the quote that closes a value left open on line `index`.
    private func closingQuote(after index: Int, quote: Character) -> (Int, Int)? {
        for next in (index + 1)..<lines.count {
            if let close = YAMLLine.closingQuote(in: lines[next].characters, from: 0, quote: quote) { return (next, close) }
        }
        return nil
    }

    /// Text after a value's closing quote, where libyaml stops: `title: "He said "hi""` (a quote
    /// inside the value ends it early) or `title: "Kartu" projektas` (quotes meant as text).
    private func textAfterQuote(at index: Int, start: Int, close: Int) -> YAMLMistake? {
        let line = lines[index]
        let c = line.characters
        var after = close + 1
        while after < c.count, YAMLLine.isBlank(c[after]) { after += 1 }
        guard index == problemLine, after == problemColumn, after < c.count, c[after] != "#" else { return nil }
        let rest = line.trimmed(from: start)
        let prefix = String(c[line.contentStart..<start])
        if rest.count > 2, rest.last == c[start] {
            return YAMLMistake(line: index + 1, column: close + 1, message: "a quote inside the value ends it early",
                               hint: "write \(prefix)\(Self.quoted(String(rest.dropFirst().dropLast())))")
        }
        return YAMLMistake(line: index + 1, column: start + 1, message: "text after the closing quote",
                           hint: "to keep the quotes as text, put the whole value in quotes: \(prefix)\(Self.quoted(rest))")
    }

    static func quoted(_ text: String) -> String { YAMLText.quoted(text) }

    // MARK: Plain values

    /// A plain value: a `: ` inside it, then its continuation lines (indented past its key).
    private func plain(at index: Int, start: Int) -> Step {
        let line = lines[index]
        if let key = line.key, let colon = YAMLLine.firstIndicator(in: line.characters, from: start),
           index == problemLine, colon == problemColumn {
            return .mistake(YAMLMistake(
                line: index + 1, column: colon + 1, message: "the value of '\(key.text)' contains ': ' and must be in quotes",
                hint: "write \(String(line.characters[line.contentStart..<start]))\(Self.quoted(line.trimmed(from: start)))"))
        }
        let owner = line.key?.start ?? line.contentStart
        var next = index + 1
        while next < lines.count, lines[next].bodyStart == lines[next].characters.count || lines[next].contentStart > owner {
            if let mistake = tabMistake(next) ?? indentedKey(at: next, under: index) { return .mistake(mistake) }
            next += 1
        }
        return .next(next)
    }

    /// `title: A` then ` kind: page`: libyaml reads the second line as more of the value and
    /// stops at its ':' (after a quoted value, at the key).
    private func indentedKey(at index: Int, under owner: Int) -> YAMLMistake? {
        let line = lines[index]
        guard let ownerKey = lines[owner].key, let key = line.key, !line.isItem, index == problemLine,
              line.contentStart > ownerKey.start, !key.text.contains(where: YAMLLine.isBlank),
              let colon = YAMLLine.firstIndicator(in: line.characters, from: key.start),
              problemColumn == colon || problemColumn == key.start
        else { return nil }
        return YAMLMistake(line: index + 1, column: key.start + 1,
                           message: "'\(key.text)' is indented more than '\(ownerKey.text)' above it",
                           hint: "start '\(key.text)' in the same column as '\(ownerKey.text)'")
    }

    // MARK: Keys without ':'

    /// A line with no `key:` in a mapping (`title Rīga`, `title:Rīga`, a bare word): confirmed
    /// by parsing the text with the line repaired, which must get past libyaml's error.
    private func missingColon(at index: Int) -> YAMLMistake? {
        let line = lines[index]
        let c = line.characters
        let end = line.trimmedEnd(from: line.contentStart)
        let firstBlank = (line.contentStart..<end).first { YAMLLine.isBlank(c[$0]) } ?? end
        let word = String(c[line.contentStart..<firstBlank])
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
            let at = line.contentStart + word.distance(from: word.startIndex, to: colon)
            let fixed = String(c[line.contentStart...at]) + " " + String(c[(at + 1)..<end])
            guard repairs(index, with: String(c[..<line.contentStart]) + fixed) else { return nil }
            return YAMLMistake(line: index + 1, column: at + 2, message: "missing space after ':'", hint: "write \(fixed)")
        }
        let value = String(c[firstBlank..<end]).drop { YAMLLine.isBlank($0) }
        let fixed = word + ":" + (value.isEmpty ? "" : " " + value)
        guard repairs(index, with: String(c[..<line.contentStart]) + fixed) else { return nil }
        var hint = value.isEmpty ? "write \(word): …" : "write \(fixed)"
        if let above = plainKey(before: index) { hint += ", or indent the line if it continues the value of '\(above)'" }
        return YAMLMistake(line: index + 1, column: firstBlank + 1, message: "missing ':' after '\(word)'", hint: hint)
    }

    /// The key of the line before `index` when that line ends in a plain value.
    private func plainKey(before index: Int) -> String? {
        guard let above = (0..<index).last(where: { !lines[$0].isEmpty }), let key = lines[above].key,
              key.valueStart < lines[above].characters.count, !"\"'[{|>".contains(lines[above].characters[key.valueStart])
        else { return nil }
        return key.text
    }

    /// Whether the text with line `index` replaced parses, or fails only after libyaml's error.
    private func repairs(_ index: Int, with replacement: String) -> Bool {
        var repaired = lines.map { String($0.characters) }
        repaired[index] = replacement
        do {
            _ = try Yams.compose(yaml: repaired.joined(separator: "\n"), YAMLSource.resolver, .default, .utf8)
            return true
        } catch let error as YamlError {
            guard let mark = error.problemMark else { return true }
            return (mark.line, mark.column) > (problem.line, problem.column)
        } catch {
            return false
        }
    }

    // MARK: Values over several lines

    /// The line where a `[…]` or `{…}` value opened at `start` closes; nil when it does not.
    private func flowEnd(from index: Int, start: Int) -> Int? {
        var depth = 0
        var quote: Character?
        for lineIndex in index..<lines.count {
            let c = lines[lineIndex].characters
            var i = lineIndex == index ? start : 0
            while i < c.count {
                if let open = quote {
                    if let close = YAMLLine.closingQuote(in: c, from: i, quote: open) {
                        quote = nil
                        i = close + 1
                        continue
                    }
                    break
                }
                switch c[i] {
                case "\"", "'": quote = c[i]
                case "[", "{": depth += 1
                case "]", "}":
                    depth -= 1
                    if depth == 0 { return lineIndex }
                case "#" where i > 0 && YAMLLine.isBlank(c[i - 1]):
                    i = c.count
                default: break
                }
                i += 1
            }
        }
        return nil
    }

    /// `themes: [reflection` with no `]`: libyaml stops on a later line.
    private func unclosedFlow(at index: Int, start: Int) -> YAMLMistake? {
        let line = lines[index]
        let isList = line.characters[start] == "["
        let closer = isList ? "]" : "}"
        let fixed = line.trimmed(from: line.contentStart) + closer
        guard repairs(index, with: String(line.characters[..<line.contentStart]) + fixed) else { return nil }
        return YAMLMistake(line: index + 1, column: start + 1, message: "this \(isList ? "list" : "mapping") is not closed",
                           hint: "end it with \(closer) on the same line: \(fixed)")
    }

    /// The last line of a `|` or `>` value: blank lines and lines indented past its key.
    private func blockEnd(after index: Int, indent: Int) -> Int {
        var last = index
        while last + 1 < lines.count {
            let line = lines[last + 1]
            guard line.bodyStart == line.characters.count || line.characters.prefix(indent + 1).allSatisfy({ $0 == " " }) else { break }
            last += 1
        }
        return last
    }
}

extension YamlError {
    /// Where libyaml stopped, for the errors that say so.
    var problemMark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }
}
