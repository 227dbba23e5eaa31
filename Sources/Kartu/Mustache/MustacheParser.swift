/// Reads a Mustache template into nodes, on UTF-8 bytes.
///
/// Whitespace follows the Mustache specification, and where the specification leaves room, what
/// swift-mustache did (kartu rendered with it until issue 13), so every theme keeps its bytes: a
/// tag alone on its line (a "standalone" tag) takes the line with it; text is cut at line breaks.
/// Syntax errors stop the template and name the line and column.
struct MustacheParser {
    struct SyntaxError: Error {
        let message: String
        let hint: String?
        let offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private let file: String
    private var names: MustacheNameTable
    private let lineStarts: [Int]

    /// The nodes of `text`, with names numbered in `names`; or a syntax error at its line and column.
    static func parse(_ text: String, file: String, names: inout MustacheNameTable) -> Result<[MustacheNode], Diagnostic> {
        var parser = MustacheParser(bytes: Array(text.utf8), file: file, names: names)
        do {
            let nodes = try parser.parse(State())
            names = parser.names
            return .success(nodes)
        } catch {
            return .failure(Diagnostic(.error, "template syntax error: \(error.message)", at: parser.location(of: error.offset), hint: error.hint))
        }
    }

    private init(bytes: [UInt8], file: String, names: MustacheNameTable) {
        self.bytes = bytes
        self.file = file
        self.names = names
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// Where the open section's tag is, for messages about it.
        var sectionOffset = 0
        /// Nothing but spaces and tabs so far on this line.
        var atLineStart = true
        /// Inside `{{< parent}}…{{/parent}}`, and directly in it (where only block overrides go).
        var inParent = false
        var inParentTopLevel = false
        /// Inside an override: the indentation of its first line, removed from every line.
        var overrideIndent: [UInt8]?
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)

        func section(_ name: String, transforms: [String] = [], at offset: Int, standalone: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.sectionTransforms = transforms
            state.inParentTopLevel = false
            if !standalone { state.atLineStart = false }
            return state
        }
    }

    // MARK: Parsing

    private mutating func parse(_ initial: State) throws(SyntaxError) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = initial
        var leading: [UInt8] = []
        while position < bytes.count {
            if state.atLineStart {
                let whitespace = readSpacesAndTabs()
                if state.inParent, !state.inParentTopLevel {
                    if let indent = state.overrideIndent {
                        leading = Array(whitespace.dropFirst(indent.count))
                    } else {
                        state.overrideIndent = whitespace
                    }
                } else {
                    leading = whitespace
                }
            }
            let text = readTextUntilTagOrLineBreak(state)
            if let lineBreak = lineBreakLength(at: position) {
                nodes.append(.text(leading + text + bytes[position..<position + lineBreak]))
                position += lineBreak
                state.atLineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(leading + text))
                leading = []
                state.atLineStart = false
            }
            guard position < bytes.count else { break }
            func flushLeading() {
                if !leading.isEmpty { nodes.append(.text(leading)); leading = [] }
            }
            let tagStart = position - state.open.count
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (name, transforms, nameStart) = try readName(state)
                if isStandalone(state) { standalone = true } else { flushLeading() }
                let content = try parse(state.section(name, transforms: transforms, at: tagStart, standalone: standalone))
                let tag = makeName(name, transforms: transforms, at: nameStart)
                nodes.append(inverted ? .inverted(tag, content) : .section(tag, content))

            case UInt8(ascii: "/"):
                position += 1
                let (name, transforms, nameStart) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    let written = transforms.reduce(name) { "\($1)(\($0))" }
                    guard let open = state.sectionName.map({ n in state.sectionTransforms.reduce(n) { "\($1)(\($0))" } }) else {
                        throw SyntaxError(message: "{{/\(written)}} closes no open section",
                                          hint: "remove it, or open the section with {{#\(written)}}", offset: nameStart)
                    }
                    let line = location(of: state.sectionOffset).line
                    throw SyntaxError(message: "{{/\(written)}} does not close the open section {{#\(open)}} (line \(line))",
                                      hint: "close {{#\(open)}} with {{/\(open)}} first: sections close innermost first", offset: nameStart)
                }
                if !isStandalone(state) { flushLeading() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close, from: position) else {
                    throw SyntaxError(message: "comment is not closed", hint: "end it with \(String(decoding: state.close, as: UTF8.self))", offset: tagStart)
                }
                position = end + state.close.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"):
                flushLeading()
                position += 1
                let (name, transforms, nameStart) = try readName(state)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw SyntaxError(message: "tag is not closed", hint: "end {{{name}}} with }}}", offset: tagStart)
                }
                position += 1
                nodes.append(.variable(makeName(name, transforms: transforms, at: nameStart), escaped: false))

            case UInt8(ascii: "&"):
                flushLeading()
                position += 1
                let (name, transforms, nameStart) = try readName(state)
                nodes.append(.variable(makeName(name, transforms: transforms, at: nameStart), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state, at: tagStart)
                if !leading.isEmpty { nodes.append(.text(leading)) }
                standalone = isStandalone(state)
                nodes.append(.partial(MustachePartial(name: name, indentation: standalone ? leading : nil, overrides: nil, location: location(of: tagStart))))
                leading = []

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state, at: tagStart)
                if !leading.isEmpty { nodes.append(.text(leading)) }
                standalone = isStandalone(state)
                var parentState = state
                parentState.sectionName = name
                parentState.sectionTransforms = []
                parentState.sectionOffset = tagStart
                parentState.atLineStart = true
                parentState.inParent = true
                parentState.inParentTopLevel = true
                var overrides: [String: [MustacheNode]] = [:]
                for node in try parse(parentState) {
                    switch node {
                    case .blockOverride(let block, let content): overrides[block] = content
                    case .text: break
                    default:
                        throw SyntaxError(message: "only {{$block}} overrides may appear inside {{<\(name)}}",
                                          hint: "put the content inside {{$name}}…{{/name}}", offset: tagStart)
                    }
                }
                nodes.append(.partial(MustachePartial(name: name, indentation: leading, overrides: overrides, location: location(of: tagStart))))
                leading = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms, _) = try readName(state)
                let blockStart = tagStart
                guard transforms.isEmpty else {
                    throw SyntaxError(message: "a block cannot take a transform", hint: "write {{$\(name)}}", offset: tagStart)
                }
                if state.inParentTopLevel {
                    standalone = isStandalone(state)
                    nodes.append(.blockOverride(name: name, try parse(state.section(name, at: blockStart, standalone: standalone))))
                } else {
                    if !leading.isEmpty { nodes.append(.text(leading)) }
                    standalone = isStandalone(state)
                    let defaults = try parse(state.section(name, at: blockStart, standalone: standalone))
                    var intrinsic: [UInt8] = []
                    if standalone, case .text(let line) = defaults.first {
                        intrinsic = Array(line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
                    }
                    nodes.append(.block(name: name, defaults: defaults, indentation: leading, intrinsic: intrinsic))
                    leading = []
                }

            case UInt8(ascii: "="):
                position += 1
                state = try readDelimiters(state, at: tagStart)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                throw SyntaxError(message: "pragmas ({{%…}}) are not supported", hint: "remove the tag", offset: tagStart)

            default:
                flushLeading()
                let (name, transforms, nameStart) = try readName(state)
                nodes.append(.variable(makeName(name, transforms: transforms, at: nameStart), escaped: true))
            }
            state.atLineStart = standalone
        }
        if let open = state.sectionName {
            throw SyntaxError(message: "section {{#\(open)}} is not closed", hint: "close it with {{/\(open)}}", offset: state.sectionOffset)
        }
        return nodes
    }

    // MARK: Reading

    private mutating func readSpacesAndTabs() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return Array(bytes[start..<position])
    }

    private func lineBreakLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(ascii: "\n") { return 1 }
        if bytes[offset] == UInt8(ascii: "\r") {
            return offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
        }
        return nil
    }

    /// Text up to a line break (not taken) or up to and including an opening delimiter.
    private mutating func readTextUntilTagOrLineBreak(_ state: State) -> [UInt8] {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return Array(bytes[start..<position]) }
            if byte == state.open[0], matches(state.open, at: position) {
                let text = Array(bytes[start..<position])
                position += state.open.count
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// The rest of the line is blank: take it and its line break. Only for a tag that began the line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if position >= bytes.count { return true }
        var cursor = position
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        guard let lineBreak = lineBreakLength(at: cursor) else { return false }
        position = cursor + lineBreak
        return true
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for (i, byte) in delimiter.enumerated() where bytes[offset + i] != byte { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var cursor = offset
        while cursor + delimiter.count <= bytes.count {
            if matches(delimiter, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
        case UInt8(ascii: "/"): return slash
        default: return false
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    /// A tag's name up to its closing delimiter, split into name and transforms.
    /// Also where the name starts, for messages about it.
    private mutating func readName(_ state: State) throws(SyntaxError) -> (String, [String], Int) {
        let tagStart = position
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: position) else {
            throw SyntaxError(message: position < bytes.count && !matches(state.open, at: position)
                                ? "'\(String(decoding: [bytes[position]], as: UTF8.self))' cannot be part of a name" : "tag is not closed",
                              hint: "names are letters, digits and . - _; end the tag with \(String(decoding: state.close, as: UTF8.self))",
                              offset: position < bytes.count ? position : tagStart)
        }
        position += state.close.count
        let (name, transforms) = try Self.splitTransforms(text, at: start)
        return (name, transforms, start)
    }

    /// `a(b(name))` → (`name`, [a, b]).
    private static func splitTransforms(_ text: String, at offset: Int) throws(SyntaxError) -> (String, [String]) {
        guard text.contains("(") || text.contains(")") else { return (text, []) }
        var rest = Substring(text)
        var transforms: [String] = []
        while let open = rest.firstIndex(of: "(") {
            let transform = rest[..<open]
            guard !transform.contains(")") else { break }
            transforms.append(String(transform))
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.drop { $0 != ")" }
        let name = rest.prefix { $0 != ")" }
        guard !transforms.isEmpty, closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }), !name.contains("(") else {
            throw SyntaxError(message: "'\(text)' is not a name or a transform", hint: "write name, or transform(name) as in empty(themes)", offset: offset)
        }
        return (String(name), transforms)
    }

    private mutating func readPartialName(_ state: State, at tagStart: Int) throws(SyntaxError) -> String {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            throw SyntaxError(message: "dynamic partial names ({{>*name}}) are not supported",
                              hint: "name the partial: kartu checks that it exists before any page renders", offset: tagStart)
        }
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true, slash: true) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: position) else {
            throw SyntaxError(message: "tag is not closed", hint: "end the tag with \(String(decoding: state.close, as: UTF8.self))", offset: tagStart)
        }
        position += state.close.count
        return name
    }

    /// `{{=<% %>=}}`: new delimiters from here to the end of the template.
    private mutating func readDelimiters(_ state: State, at tagStart: Int) throws(SyntaxError) -> State {
        let invalid = SyntaxError(message: "invalid set-delimiter tag", hint: "write it as {{=<% %>=}}: two delimiters, a space between", offset: tagStart)
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        let open = Array(bytes[openStart..<position])
        guard position < bytes.count else { throw invalid }
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
        let close = Array(bytes[closeStart..<position])
        guard position < bytes.count else { throw invalid }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(state.close, at: position), !open.isEmpty, !close.isEmpty else { throw invalid }
        position += state.close.count
        var state = state
        state.open = open
        state.close = close
        state.inParentTopLevel = false
        return state
    }

    // MARK: Names and positions

    private mutating func makeName(_ text: String, transforms: [String], at offset: Int) -> MustacheName {
        let anchored = text.hasPrefix(".") && text != "."
        let parts = text == "." || text.isEmpty ? [] : text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        return MustacheName(text: transforms.reduce(text) { "\($1)(\($0))" }, parts: parts, ids: parts.map { names.number(for: $0) },
                            transforms: transforms, isAnchored: anchored, location: location(of: offset))
    }

    private func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        // Columns count characters, not bytes: UTF-8 continuation bytes are not counted.
        let column = bytes[start..<min(offset, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(file: file, line: low + 1, column: column)
    }
}
