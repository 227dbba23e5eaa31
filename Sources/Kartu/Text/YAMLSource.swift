import Yams

/// A YAML text and where it sits in the user's file, so every node maps back to a line and column
/// of that file (front matter starts on line 2 of a `.md` file, not on line 1).
struct YAMLSource {
    let file: String
    /// Number of file lines before the first YAML line.
    let lineOffset: Int
    /// The last line of the text parsed (in the file) and one past its last character: libyaml
    /// counts a line after the last one when the text does not end with a line break, and puts the
    /// end of an unclosed flow, or the empty document of `---`, there (found by the site-yaml fuzz
    /// target: 11:1 in a ten-line file, 2:1 in a one-line one). Such a place is moved here.
    private var end: (line: Int, column: Int)?

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Documents are read with no implicit types: every scalar is text, read as written. Yams
    /// resolves a scalar's type by trying regular expressions on it, and does so for every scalar
    /// (for duplicate-key checks, too), which was most of the cost of reading front matter; the
    /// few fields that take a boolean or a number are typed on their own (`YAMLFields.typed`).
    static let resolver = Resolver.basic

    /// The implicit types kartu reads, for a plain scalar of a boolean or integer field.
    static let typedResolver = Resolver.basic.appending(.bool).appending(.int)

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        if let end, mark.line + lineOffset > end.line { return SourceLocation(file: file, line: end.line, column: end.column) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// Parses one YAML document; a syntax error becomes a diagnostic at its place in the file.
    mutating func parse(_ text: String, diagnostics: inout Diagnostics) -> Node? {
        let text = Self.withoutUnicodeLineBreaks(text)
        let lastLine = text.utf8.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.index(after: $0) } ?? text.startIndex
        end = (lineOffset + 1 + text.utf8.count { $0 == UInt8(ascii: "\n") }, text[lastLine...].count + 1)
        do {
            // An explicit encoding: Yams's default reads the process environment on every parse,
            // which was half the cost of parsing front matter. UTF-8 is what that default picks here.
            return try Yams.compose(yaml: text, Self.resolver, .default, .utf8)
        } catch let error as YamlError {
            report(error, in: text, diagnostics: &diagnostics)
            return nil
        } catch {
            // Yams throws only YamlError; anything else is no mistake of the editor's to locate.
            diagnostics.error("cannot read this YAML", at: location(nil), hint: "save the file as UTF-8 text and check its syntax")
            return nil
        }
    }

    /// libyaml ends a line at U+0085, U+2028 and U+2029 too, where no editor shows a line break, so
    /// its line numbers ran ahead of the file's (found by the front-matter fuzz target). Text pasted
    /// from a word processor carries U+2028: read as a space, a value is what the editor sees, and
    /// every position stays where it is (one character for one).
    static func withoutUnicodeLineBreaks(_ text: String) -> String {
        let isBreak = { (scalar: Unicode.Scalar) in scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" }
        guard text.unicodeScalars.contains(where: isBreak) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isBreak($0) ? " " : $0 }))
    }

    /// The editor's mistake when the text shows it, else libyaml's report.
    private func report(_ error: YamlError, in text: String, diagnostics: inout Diagnostics) {
        var mistakes: [YAMLMistake] = []
        if let problem = error.problemMark, let mistake = YAMLMistake.find(in: text, lineOffset: lineOffset, failedAt: problem) {
            mistakes = [mistake]
        } else if case .duplicatedKeysInMapping(let names, let context) = error {
            mistakes = YAMLMistake.duplicates(of: names, in: text, lineOffset: lineOffset, mappingAt: context.mark)
        }
        if mistakes.isEmpty { return diagnostics.append(diagnostic(for: error)) }
        for mistake in mistakes {
            diagnostics.error(mistake.message, at: SourceLocation(file: file, line: mistake.line, column: mistake.column), hint: mistake.hint)
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "check indentation, the ':' after each key, and quote values that contain ': ' or start with a special character"
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(message, at: location(mark), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(names) in YAML mapping", at: location(context.mark),
                          hint: "keep one of the entries")
        case .reader(let problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: location(nil), hint: "save the file as UTF-8")
        default:
            // Writing errors (emitter, representer): a parse never throws them.
            return .error("cannot read this YAML", at: location(nil), hint: hint)
        }
    }
}

/// Reads typed values out of YAML nodes, reporting wrong types at the value's position.
struct YAMLFields {
    let source: YAMLSource

    init(source: YAMLSource) { self.source = source }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func string(_ node: Node, field: String, diagnostics: inout Diagnostics) -> String? {
        if case .scalar(let scalar) = node {
            if scalar.style == .plain && Self.nullSpellings.contains(scalar.string) {
                diagnostics.error("'\(field)' is empty", at: source.location(of: node), hint: "give '\(field)' a value or remove the line")
                return nil
            }
            return scalar.string
        }
        diagnostics.error("'\(field)' must be text, not \(Self.describe(node))", at: source.location(of: node),
                          hint: "write it on one line: \(field): \"…\"")
        return nil
    }

    /// A list of strings; a single scalar where a list is expected is reported with the fix.
    func stringList(_ node: Node, field: String, diagnostics: inout Diagnostics) -> [(String, SourceLocation)]? {
        switch node {
        case .sequence(let sequence):
            var values: [(String, SourceLocation)] = []
            for item in sequence {
                if case .scalar(let scalar) = item {
                    values.append((scalar.string, source.location(of: item)))
                } else {
                    diagnostics.error("each entry of '\(field)' must be text, not \(Self.describe(item))",
                                      at: source.location(of: item))
                }
            }
            return values
        case .scalar(let scalar):
            let shown = scalar.string.isEmpty ? "…" : scalar.string
            diagnostics.error("'\(field)' must be a list, not \(Self.describe(node))", at: source.location(of: node),
                              hint: "write it as a list: \(field): [\(shown)]")
            return nil
        default:
            diagnostics.error("'\(field)' must be a list, not \(Self.describe(node))", at: source.location(of: node),
                              hint: "write it as a list: \(field): [a, b]")
            return nil
        }
    }

    func date(_ node: Node, field: String, diagnostics: inout Diagnostics) -> DayDate? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("'\(field)' must be a date (YYYY-MM-DD), not \(Self.describe(node))",
                              at: source.location(of: node), hint: "write it as \(field): 2019-01-31")
            return nil
        }
        guard let date = DayDate(iso: scalar.string) else {
            diagnostics.error("invalid date '\(scalar.string)' in '\(field)'", at: source.location(of: node),
                              hint: Self.dateHint(scalar.string))
            return nil
        }
        return date
    }

    /// The date rewritten as YYYY-MM-DD when its form tells the day, both readings when it does not.
    static func dateHint(_ text: String) -> String {
        let readings = DayDate.readings(of: text)
        switch readings.count {
        case 1:
            return "did you mean \(readings[0])? Dates are written YYYY-MM-DD"
        case 2:
            return "'\(text)' is \(readings[0]) with the day first or \(readings[1]) with the month first: write the one you mean as YYYY-MM-DD"
        default:
            return "write the date as YYYY-MM-DD, e.g. 2019-01-31"
        }
    }

    /// YAML's null (Yams's `null` rule): empty, `~`, `null`, `Null`, `NULL`.
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// A plain scalar resolved with the boolean and integer rules; quoted text stays text.
    static func typed(_ node: Node) -> Node? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return Node(scalar.string, Tag(.implicit, YAMLSource.typedResolver, .default), .plain)
    }

    func bool(_ node: Node, field: String, diagnostics: inout Diagnostics) -> Bool? {
        if let typed = Self.typed(node), typed.tag == Tag(.bool), let value = typed.bool { return value }
        diagnostics.error("'\(field)' must be true or false, not \(Self.describe(node))", at: source.location(of: node),
                          hint: "write \(field): true or \(field): false")
        return nil
    }

    func int(_ node: Node, field: String, diagnostics: inout Diagnostics) -> Int? {
        if let typed = Self.typed(node), typed.tag == Tag(.int), let value = typed.int { return value }
        diagnostics.error("'\(field)' must be a whole number, not \(Self.describe(node))", at: source.location(of: node),
                          hint: "write e.g. \(field): 10")
        return nil
    }

    func mapping(_ node: Node, field: String, example: String, diagnostics: inout Diagnostics) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        diagnostics.error("'\(field)' must be a mapping, not \(Self.describe(node))", at: source.location(of: node),
                          hint: "write it as\n        \(example)")
        return nil
    }

    /// Key/value pairs of a mapping with the key's text; keys that are not text are reported.
    func entries(_ mapping: Node.Mapping, diagnostics: inout Diagnostics) -> [(key: String, keyNode: Node, value: Node)] {
        var result: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.error("a key must be text, not \(Self.describe(key))", at: source.location(of: key))
                continue
            }
            result.append((scalar.string, key, value))
        }
        return result
    }
}
