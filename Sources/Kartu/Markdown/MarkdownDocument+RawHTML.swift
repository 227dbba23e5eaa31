import CCmarkGFM
import Foundation

/// Raw HTML in Markdown when `unsafeHTML` is off: each piece cmark found (an HTML block, an inline
/// tag) replaced by what `HTMLSanitizer` keeps of it, and what it lost located in the file for a
/// warning. GitHub does the same after rendering; here it is done on the pieces, so kartu's own
/// markup around them (heading ids, footnotes, table boxes) is never read as an editor's.
extension MarkdownDocument {
    /// A raw HTML node and where cmark placed it (body line and byte column).
    struct RawHTML {
        let node: OpaquePointer
        var line: Int
        let byteColumn: Int
    }

    /// What the allow-list took out, at its line and column in the file.
    struct RemovedHTML: Equatable {
        let line: Int
        let column: Int
        let removal: HTMLSanitizer.Removal
    }

    /// Replaces every piece of `raw` by its sanitized HTML, in document order, and records what went.
    func sanitize(_ raw: [RawHTML], lineOffset: Int, columns: CharacterColumns) {
        guard !raw.isEmpty else { return }
        var sanitizer = HTMLSanitizer(takenIDs: Set(headings.map(\.id)).union(Self.reservedIDs))
        // Where each node is in `raw`, for an inline piece met among a dropped element's siblings.
        let index = Dictionary(raw.enumerated().map { ($1.node, $0) }, uniquingKeysWith: { a, _ in a })
        var done = Set<OpaquePointer>()
        var dropped: [OpaquePointer] = []
        // The inline container (paragraph, emphasis, cell) of the inline pieces being read, and its
        // scope: what they open closes at its end.
        var container: (node: OpaquePointer, scope: Int)?
        var scopes = 0
        for piece in raw where !done.contains(piece.node) {
            let isInline = cmark_node_get_type(piece.node) == CMARK_NODE_HTML_INLINE
            let parent = cmark_node_parent(piece.node)
            if let current = container, !isInline || current.node != parent {
                close(current, with: &sanitizer)
                container = nil
            }
            if isInline, let parent, container == nil {
                scopes += 1
                container = (parent, scopes)
            }
            let scope = isInline ? scopes : 0
            replace(piece, scope: scope, with: &sanitizer, lineOffset: lineOffset, columns: columns)
            // `a <style>x</style> b`: the inlines between an inline tag that drops its content and
            // its end tag go too; an inline tag ends with its paragraph (its siblings' end). An HTML
            // block holds its element whole, and the blocks after it are the editor's Markdown.
            var next = isInline ? cmark_node_next(piece.node) : nil
            while sanitizer.isDropping, let sibling = next {
                next = cmark_node_next(sibling)
                if cmark_node_get_type(sibling) == CMARK_NODE_HTML_INLINE, let i = index[sibling] {
                    done.insert(sibling)
                    replace(raw[i], scope: scope, with: &sanitizer, lineOffset: lineOffset, columns: columns)
                } else {
                    dropped.append(sibling)
                }
            }
            sanitizer.endOfBlock()
        }
        if let current = container { close(current, with: &sanitizer) }
        let rest = sanitizer.finish()
        if !rest.isEmpty {
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(block, rest)
            cmark_node_append_child(root, block)
        }
        for node in raw.map(\.node) + dropped {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Closes, at the end of an inline container, what its raw HTML left open.
    private func close(_ container: (node: OpaquePointer, scope: Int), with sanitizer: inout HTMLSanitizer) {
        let tags = sanitizer.close(scope: container.scope)
        guard !tags.isEmpty else { return }
        insert(tags, inline: true, in: container.node, before: nil)
    }

    /// Puts the sanitized HTML of `piece` before it in the tree (the piece itself is freed later).
    private func replace(_ piece: RawHTML, scope: Int, with sanitizer: inout HTMLSanitizer, lineOffset: Int, columns: CharacterColumns) {
        let literal = cmark_node_get_literal(piece.node).map { String(cString: $0) } ?? ""
        let (html, removals) = sanitizer.sanitize(literal, scope: scope)
        let utf8 = removals.isEmpty ? [] : Array(literal.utf8)
        for removal in removals {
            // The removal's line within the piece, and its byte column on that line.
            let before = utf8[..<min(removal.offset, utf8.count)]
            let newlines = before.count { $0 == 0x0A }
            let byteColumn = newlines == 0 ? piece.byteColumn + before.count : before.count - (before.lastIndex(of: 0x0A) ?? 0)
            let line = piece.line + newlines
            removedHTML.append(RemovedHTML(line: line + lineOffset, column: columns.column(line: line, byteColumn: byteColumn), removal: removal))
        }
        guard !html.isEmpty else { return }
        insert(html, inline: cmark_node_get_type(piece.node) == CMARK_NODE_HTML_INLINE, in: cmark_node_parent(piece.node), before: piece.node)
    }

    /// A custom node of `html` before `sibling`, or last in `parent`. A table cell takes no custom
    /// inline (cmark's table extension refuses it): a marker text goes there instead, which
    /// rendering turns into the HTML.
    private func insert(_ html: String, inline: Bool, in parent: OpaquePointer?, before sibling: OpaquePointer?) {
        let custom = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(custom, html)
        func put(_ node: OpaquePointer) -> Bool {
            if let sibling { return cmark_node_insert_before(sibling, node) != 0 }
            guard let parent else { return false }
            return cmark_node_append_child(parent, node) != 0
        }
        if put(custom) { return }
        cmark_node_free(custom)
        let marker = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(marker, Self.marker(markedHTML.count))
        markedHTML.append(html)
        if !put(marker) { cmark_node_free(marker) }
    }

    /// Private-use characters no editor types, around the number of a marked piece.
    static func marker(_ n: Int) -> String {
        "\u{F8FF}\u{E000}\(n)\u{E000}"
    }

    /// `html` with every marker replaced by its piece.
    static func unmark(_ html: String, _ pieces: [String]) -> String {
        var html = html
        for (n, piece) in pieces.enumerated() {
            html = html.replacingOccurrences(of: marker(n), with: piece)
        }
        return html
    }

    /// Warnings for what the allow-list removed from `file`: the first few each at its place, then
    /// one that counts the rest, so a pasted Word page does not bury the build's other messages.
    func rawHTMLWarnings(file: String) -> [Diagnostic] {
        let shown = removedHTML.prefix(Self.rawHTMLWarningLimit)
        var warnings = shown.map { removed in
            let (message, hint) = Self.describe(removed.removal)
            return Diagnostic(.warning, message, file: file, line: removed.line, column: removed.column, hint: hint)
        }
        let rest = removedHTML.dropFirst(Self.rawHTMLWarningLimit)
        if let first = rest.first {
            var lines = [Int]()
            for removed in rest where lines.last != removed.line { lines.append(removed.line) }
            let listed = lines.prefix(8).map(String.init).joined(separator: ", ") + (lines.count > 8 ? ", …" : "")
            warnings.append(Diagnostic(
                .warning, "raw HTML: \(rest.count) more \(rest.count == 1 ? "removal" : "removals") in this file (\(lines.count == 1 ? "line" : "lines") \(listed))",
                file: file, line: first.line, column: first.column, hint: Self.rawHTMLHint))
        }
        return warnings
    }

    /// Warnings shown one by one per document; the rest are counted in one more.
    static let rawHTMLWarningLimit = 3

    static let rawHTMLHint = "kartu keeps only the HTML listed in README \"Raw HTML\": write it in Markdown, or, if everyone who edits the site is trusted, set 'unsafeHTML: true' in content/site.yaml"

    private static func describe(_ removal: HTMLSanitizer.Removal) -> (message: String, hint: String) {
        let element = "<\(removal.element)>"
        switch (removal.what, removal.reason) {
        case (.tag, _):
            return ("raw HTML \(element) removed; its text is kept", rawHTMLHint)
        case (.tagAndContent, _):
            return ("raw HTML \(element) removed with its content", rawHTMLHint)
        case (.strayEndTag, _):
            return ("raw HTML </\(removal.element)> removed: it closes no <\(removal.element)> of this text",
                    "remove it, or open the element before it; what raw HTML opens is closed at the end of its paragraph, or of the text")
        case (.attributes(let names), .scheme?):
            return ("raw HTML: \(names.joined(separator: ", ")) removed from \(element): a link may lead only to an http, https, mailto or tel address or within the site",
                    "write the link in Markdown, [text](https://example.org/), or give it a web address")
        case (.attributes(let names), .id?):
            return ("raw HTML: \(names.joined(separator: ", ")) removed from \(element): the id is a heading's, a footnote's or the page's, or is used twice",
                    "choose another id of letters, digits, '-', '_' and '.' (kartu's own start with kartu-, search-, fn- and fnref-)")
        case (.attributes(let names), nil):
            return ("raw HTML: \(names.joined(separator: ", ")) removed from \(element)", rawHTMLHint)
        }
    }
}
