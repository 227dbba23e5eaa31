/// One forward pass over machine-written HTML (libcmark-gfm's output plus kartu's own markup): text,
/// start tags with their attributes, end tags, and other markup (comments, doctypes) as written.
///
/// Not a general HTML parser: it builds no tree, fixes no nesting and knows no raw-text elements.
/// It needs none of that, because the HTML it reads is well formed and quotes every attribute;
/// the odd raw-HTML input (unquoted or valueless attributes, a stray `<`) still scans sensibly.
struct HTMLScanner {
    enum Token {
        /// Characters between tags, as written (character references not decoded).
        case text(ArraySlice<UInt8>)
        case startTag(HTMLStartTag)
        /// `</name>`; `name` as written.
        case endTag(name: String, raw: ArraySlice<UInt8>)
        /// A comment, doctype, CDATA section or processing instruction.
        case markup(ArraySlice<UInt8>)
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// The next token, or nil at the end.
    mutating func next() -> Token? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "<"), let token = tag() { return token }
        // Text runs to the next `<`; a `<` that starts no tag is text too.
        let start = index
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
        return .text(bytes[start..<index])
    }

    /// The tag at `index` (which holds `<`), or nil, leaving `index` alone, when none starts there.
    private mutating func tag() -> Token? {
        let start = index
        guard start + 1 < bytes.count else { return nil }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "!") || second == UInt8(ascii: "?") {
            let isComment = bytes[start...].starts(with: "<!--".utf8)
            let end = isComment ? find("-->".utf8, from: start + 4) : find(">".utf8, from: start + 2)
            index = end ?? bytes.count
            return .markup(bytes[start..<index])
        }
        if second == UInt8(ascii: "/") {
            guard start + 2 < bytes.count, Self.isLetter(bytes[start + 2]), let end = find(">".utf8, from: start + 2) else { return nil }
            var nameEnd = start + 2
            while nameEnd < end - 1 && !Self.isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
            index = end
            return .endTag(name: String(decoding: bytes[(start + 2)..<nameEnd], as: UTF8.self), raw: bytes[start..<end])
        }
        guard Self.isLetter(second), let tag = startTag(at: start) else { return nil }
        return .startTag(tag)
    }

    /// Parses `<name attr="value" …>` or `… />` starting at `start`; nil when the input ends first.
    private mutating func startTag(at start: Int) -> HTMLStartTag? {
        var i = start + 1
        let nameStart = i
        while i < bytes.count && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") && bytes[i] != UInt8(ascii: "/") { i += 1 }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        var attributes: [HTMLStartTag.Attribute] = []
        while true {
            while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ">") {
                index = i + 1
                return HTMLStartTag(name: name, attributes: attributes, selfClosing: false, raw: bytes[start..<index])
            }
            if bytes[i] == UInt8(ascii: "/") {
                if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">") {
                    index = i + 2
                    return HTMLStartTag(name: name, attributes: attributes, selfClosing: true, raw: bytes[start..<index])
                }
                i += 1
                continue
            }
            let attributeStart = i
            while i < bytes.count && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: "=")
                && bytes[i] != UInt8(ascii: ">") && bytes[i] != UInt8(ascii: "/") { i += 1 }
            // `=` as the first character of a name (invalid HTML) is taken as part of it, so the scan moves on.
            if i == attributeStart { i += 1 }
            let attributeName = String(decoding: bytes[attributeStart..<i], as: UTF8.self)
            var afterName = i
            while afterName < bytes.count && Self.isSpace(bytes[afterName]) { afterName += 1 }
            guard afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") else {
                attributes.append(.init(name: attributeName, value: nil))
                continue
            }
            i = afterName + 1
            while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return nil }
            let quote = bytes[i]
            let value: ArraySlice<UInt8>
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let end = bytes[(i + 1)...].firstIndex(of: quote) else { return nil }
                value = bytes[(i + 1)..<end]
                i = end + 1
            } else {
                let valueStart = i
                while i < bytes.count && !Self.isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") { i += 1 }
                value = bytes[valueStart..<i]
            }
            attributes.append(.init(name: attributeName, value: Self.doubleQuotable(value)))
        }
    }

    /// The index just after the first occurrence of `needle` at or after `from`.
    private func find(_ needle: String.UTF8View, from: Int) -> Int? {
        let pattern = Array(needle)
        var i = from
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i + pattern.count }
            i += 1
        }
        return nil
    }

    /// A value as written, with any `"` (possible in a single-quoted or unquoted value) escaped, so
    /// every value can be written back between double quotes.
    private static func doubleQuotable(_ value: ArraySlice<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "\"")) else { return String(decoding: value, as: UTF8.self) }
        var escaped: [UInt8] = []
        for byte in value {
            if byte == UInt8(ascii: "\"") { escaped += "&quot;".utf8 } else { escaped.append(byte) }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
