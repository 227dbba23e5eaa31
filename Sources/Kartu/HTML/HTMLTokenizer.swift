/// Tokens of HTML an editor wrote, read by the HTML standard's tokenization rules (§13.2.5), so that
/// what the sanitizer decides about a tag is what a browser would have seen as that tag.
///
/// Unlike `HTMLScanner`, which reads kartu's own well-formed output, this reads anything: unquoted,
/// valueless, duplicate and `=`-named attributes, `/` between attributes, a tag cut off by the end
/// of the input (dropped, as a browser drops it), comments ended by `-->`, `--!>`, `<!-->` or
/// `<!--->`, bogus comments (`<?x>`, `</ x>`, `<![CDATA[x]]>` outside foreign content), and the
/// raw-text elements whose content is not markup (`<script>`, `<style>`, `<textarea>`, …), which
/// the caller switches to with `skipRawText(until:)`.
///
/// Character references are not decoded (text and values come as written); `HTMLCharacterReference`
/// decodes a value where a decision needs it. Offsets are byte offsets into the input, for locating
/// a token at its line.
struct HTMLTokenizer {
    struct Attribute: Equatable {
        /// Lower case, as the tokenizer folds it.
        var name: String
        /// As written, character references not decoded; "" for an attribute without a value.
        var value: String
    }

    enum Token: Equatable {
        case text(String)
        /// Lower-case name; duplicate attributes dropped (the first wins, as in a browser).
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
        /// A comment, doctype, processing instruction or CDATA section: never content.
        case markup
    }

    private let bytes: [UInt8]
    private(set) var index = 0

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// The byte offset where the next token starts.
    var offset: Int { index }

    /// The next token, or nil at the end of the input.
    mutating func next() -> Token? {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let token = markupOrTag() { return token }
            // A `<` that opens nothing is text, and so is everything up to the next `<`.
            let start = index
            index += 1
            while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
            return .text(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        return nil
    }

    /// Skips the content of a raw-text element (`script`, `style`, `textarea`, …) up to, not
    /// including, its end tag `</name` followed by a space, `/` or `>`; to the end when there is none.
    /// Returns whether the end tag was found.
    @discardableResult
    mutating func skipRawText(until name: String) -> Bool {
        let pattern = Array(name.utf8)
        var i = index
        while i + 2 + pattern.count <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "/"),
               zip(bytes[(i + 2)...], pattern).allSatisfy({ Self.lower($0) == $1 }) {
                let after = i + 2 + pattern.count
                if after == bytes.count || HTMLScanner.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "/") || bytes[after] == UInt8(ascii: ">") {
                    index = i
                    return true
                }
            }
            i += 1
        }
        index = bytes.count
        return false
    }

    /// Skips the rest of the input (`<plaintext>`: nothing after it is markup, or ever ends it).
    mutating func skipToEnd() {
        index = bytes.count
    }

    // MARK: - Tag open state

    /// The token at `index`, which holds `<`; nil (and `index` unmoved) when the `<` is text.
    private mutating func markupOrTag() -> Token? {
        let start = index
        guard start + 1 < bytes.count else { return nil }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "!"):
            index = start + 2
            markupDeclaration()
            return .markup
        case UInt8(ascii: "?"):
            // A processing instruction is a bogus comment in HTML, ended by the first `>`.
            index = start + 1
            bogusComment()
            return .markup
        case UInt8(ascii: "/"):
            guard start + 2 < bytes.count else { return nil }
            let third = bytes[start + 2]
            if third == UInt8(ascii: ">") {
                index = start + 3
                return .markup
            }
            index = start + 2
            guard HTMLScanner.isLetter(third) else {
                bogusComment()
                return .markup
            }
            guard let (name, _, _) = tag() else { return cutOff() }
            return .endTag(name: name)
        default:
            guard HTMLScanner.isLetter(second) else { return nil }
            index = start + 1
            guard let (name, attributes, selfClosing) = tag() else { return cutOff() }
            return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
        }
    }

    /// A tag the input cut off: dropped whole with the rest of the input, as a browser drops it.
    private mutating func cutOff() -> Token {
        index = bytes.count
        return .markup
    }

    /// After `<!`: a comment, a doctype, a CDATA section (a bogus comment in HTML content) or a bogus comment.
    private mutating func markupDeclaration() {
        if bytes[index...].starts(with: "--".utf8) {
            index += 2
            comment()
        } else {
            bogusComment()
        }
    }

    /// After `<!--`: up to `-->` or `--!>`; `<!-->` and `<!--->` are empty comments.
    private mutating func comment() {
        if bytes[index...].starts(with: ">".utf8) { index += 1; return }
        if bytes[index...].starts(with: "->".utf8) { index += 2; return }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-") {
                if bytes[index...].starts(with: "-->".utf8) { index += 3; return }
                if bytes[index...].starts(with: "--!>".utf8) { index += 4; return }
            }
            index += 1
        }
    }

    /// Up to and including the next `>`, or to the end.
    private mutating func bogusComment() {
        while index < bytes.count && bytes[index] != UInt8(ascii: ">") { index += 1 }
        if index < bytes.count { index += 1 }
    }

    // MARK: - Tag name and attribute states

    /// A tag from its name (at `index`) to its `>`; nil when the input ends first.
    private mutating func tag() -> (String, [Attribute], Bool)? {
        var name: [UInt8] = []
        while index < bytes.count, !HTMLScanner.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            name.append(Self.lower(bytes[index]))
            index += 1
        }
        var attributes: [Attribute] = []
        var names = Set<String>()
        while true {
            // Before attribute name.
            while index < bytes.count && (HTMLScanner.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/")) {
                if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                    index += 2
                    return (Self.string(name), attributes, true)
                }
                index += 1
            }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (Self.string(name), attributes, false)
            }
            // Attribute name: a first `=` belongs to the name.
            var attributeName: [UInt8] = [Self.lower(bytes[index])]
            index += 1
            while index < bytes.count, !HTMLScanner.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                  bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") {
                attributeName.append(Self.lower(bytes[index]))
                index += 1
            }
            // After attribute name.
            var afterName = index
            while afterName < bytes.count && HTMLScanner.isSpace(bytes[afterName]) { afterName += 1 }
            var value: [UInt8] = []
            if afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") {
                index = afterName + 1
                while index < bytes.count && HTMLScanner.isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let end = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                    value = Array(bytes[(index + 1)..<end])
                    index = end + 1
                } else if quote != UInt8(ascii: ">") {
                    while index < bytes.count, !HTMLScanner.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                        value.append(bytes[index])
                        index += 1
                    }
                }
            } else {
                index = afterName
            }
            let attribute = Self.string(attributeName)
            if names.insert(attribute).inserted {
                attributes.append(Attribute(name: attribute, value: Self.string(value)))
            }
        }
    }

    private static func string(_ bytes: [UInt8]) -> String {
        // The standard makes NUL U+FFFD in names and values; invalid UTF-8 cannot reach here (kartu
        // refuses it when it reads a file), and decoding repairs it anyway.
        String(decoding: bytes, as: UTF8.self).replacingNUL()
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

extension String {
    /// NUL as the HTML tokenizer reads it: U+FFFD.
    func replacingNUL() -> String {
        guard utf8.contains(0) else { return self }
        return String(unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : Character($0) })
    }
}
