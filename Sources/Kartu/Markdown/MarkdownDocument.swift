import CCmarkGFM
import Foundation

/// The parsed Markdown of one document: a libcmark-gfm tree with GitHub extensions and footnotes,
/// its headings (with stable ids) and its links (with their positions in the file).
///
/// Parsing and rendering are separate steps so that every document's headings are known before any
/// link is checked. The tree is owned by this object and touched by one thread at a time.
final class MarkdownDocument: @unchecked Sendable {
    struct Heading: Sendable, Hashable {
        let level: Int
        let text: String
        let id: String
    }

    struct Link {
        let node: OpaquePointer
        let url: String
        let isImage: Bool
        let line: Int
        let column: Int
    }

    private let parser: OpaquePointer
    let root: OpaquePointer
    private let unsafeHTML: Bool
    private(set) var headings: [Heading] = []
    private(set) var links: [Link] = []
    /// Each table's scrolling box, in document order: named and numbered when rendering.
    private var tableBoxes: [OpaquePointer] = []
    /// A table has an empty header cell, which rendering writes as a data cell.
    private var hasEmptyHeaderCell = false
    /// What the allow-list took out of the raw HTML, where it stood in the file.
    var removedHTML: [RemovedHTML] = []
    /// Sanitized raw HTML in places cmark takes no custom node (table cells), by marker number.
    var markedHTML: [String] = []

    /// Ids used by the page around the Markdown (skip link target, cross-link sections).
    static let reservedIDs = ["main", "related", "backlinks", "other-languages", "contents"]

    /// The node type of GitHub tables, set when the table extension registers.
    private static let tableType: cmark_node_type = {
        precondition(registered)
        return kartu_table_node_type()
    }()

    /// One document's inlines parsed at a time. libcmark-gfm keeps the characters its inline
    /// extensions react to (`:` and `w` for autolinks, `~` for strikethrough) in one table for the
    /// process, which `cmark_parser_finish` sets before parsing the inlines and clears after: parsed
    /// at once on two threads, one document lost its autolinks and strikethrough when the other
    /// finished first (`MarkdownConcurrencyTests`). Blocks (`cmark_parser_feed`) and rendering, most
    /// of the time, stay parallel.
    private static let inlineParsing = NSLock()

    /// GitHub extensions enabled on every document.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `markdown`, whose first line is line `lineOffset + 1` of the file, so positions are the file's.
    init(_ markdown: Substring, lineOffset: Int, unsafeHTML: Bool) {
        precondition(Self.registered)
        self.unsafeHTML = unsafeHTML
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = String(markdown)
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        self.parser = parser
        Self.inlineParsing.lock()
        root = cmark_parser_finish(parser)
        Self.inlineParsing.unlock()
        collect(lineOffset: lineOffset, text: text)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Walks the tree once: ids for headings, positions for links and raw HTML, then raw HTML sanitized unless allowed.
    private func collect(lineOffset: Int, text: String) {
        let columns = CharacterColumns(text)
        var lastPosition = (line: 1, byteColumn: 1)
        var rawHTML: [RawHTML] = []
        var headingNodes: [OpaquePointer] = []
        var tables: [OpaquePointer] = []
        // Ids the page templates use themselves stay free for them: a heading "Related" becomes `related-1`.
        var usedIDs = Dictionary(uniqueKeysWithValues: Self.reservedIDs.map { ($0, 1) })
        // The open paragraph: its first link and raw HTML, and its lines (start line, and line breaks seen).
        var paragraph: (firstLink: Int, firstRawHTML: Int, startLine: Int, breaks: Int)?
        /// A link at cmark's line and byte column of the body, `shift` lines further down.
        func link(_ node: OpaquePointer, url: String, isImage: Bool, at position: (line: Int, byteColumn: Int), shift: Int = 0) -> Link {
            Link(node: node, url: url, isImage: isImage, line: position.line + shift + lineOffset,
                 column: columns.column(line: position.line + shift, byteColumn: position.byteColumn))
        }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
               let open = paragraph {
                paragraph = nil
                // Reference definitions that open a paragraph are taken out of it, and cmark then
                // places its inlines as if its text still began on its first line: a link after
                // `[x]: /y` was reported lines early. The lines taken out are the paragraph's lines
                // its text does not fill.
                let shift = Int(cmark_node_get_end_line(node)) - open.startLine - open.breaks
                if shift > 0, open.firstLink < links.count || open.firstRawHTML < rawHTML.count,
                   Self.startsWithDefinition(text, line: open.startLine) {
                    for i in open.firstLink..<links.count {
                        guard let position = Self.position(of: links[i].node) else { continue }
                        links[i] = link(links[i].node, url: links[i].url, isImage: links[i].isImage, at: position, shift: shift)
                    }
                    for i in open.firstRawHTML..<rawHTML.count { rawHTML[i].line += shift }
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_start_line(node) > 0 && cmark_node_get_type(node) != CMARK_NODE_DOCUMENT {
                lastPosition = (Int(cmark_node_get_start_line(node)), max(1, Int(cmark_node_get_start_column(node))))
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                paragraph = (links.count, rawHTML.count, Int(cmark_node_get_start_line(node)), 0)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                paragraph?.breaks += 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !unsafeHTML {
                    let position = Self.position(of: node) ?? lastPosition
                    rawHTML.append(RawHTML(node: node, line: position.line, byteColumn: position.byteColumn))
                }
                if paragraph != nil, let literal = cmark_node_get_literal(node) {
                    paragraph?.breaks += UnsafeBufferPointer(start: literal, count: strlen(literal)).count { $0 == 0x0A }
                }
            case CMARK_NODE_HEADING:
                let text = Self.plainText(node)
                var id = Slug.make(text)
                if id.isEmpty { id = "section" }
                // Footnotes take `fn-<label>` and `fnref-<label>` (any label): `## Fn 1` would take the
                // id of footnote 1, and its link would jump to the heading.
                if id.hasPrefix("fn-") || id.hasPrefix("fnref-") { id = "section-" + id }
                if var n = usedIDs[id] {
                    // `Intro`, `Intro` → intro, intro-1; skip numbers another heading already took
                    // (`H 1`, `H`, `H` → h-1, h, h-2).
                    while usedIDs["\(id)-\(n)"] != nil { n += 1 }
                    usedIDs[id] = n + 1
                    id += "-\(n)"
                }
                usedIDs[id] = usedIDs[id] ?? 1
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
                headingNodes.append(node)
            case let type where type == Self.tableType:
                tables.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(link(node, url: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                  at: Self.position(of: node) ?? lastPosition))
            default:
                break
            }
        }
        // Raw HTML is kept as far as the allow-list allows, once every heading's id is known (a raw id
        // may not take one).
        sanitize(rawHTML, lineOffset: lineOffset, columns: columns)
        // A wide table scrolls inside its own box (not the table itself: a table keeps its
        // semantics), which keyboard users can focus and scroll, and screen readers name.
        for table in tables {
            let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_exit(box, "</div>")
            cmark_node_insert_before(table, box)
            cmark_node_append_child(box, table)
            tableBoxes.append(box)
            // A table's first row is its header row.
            var cell = cmark_node_first_child(cmark_node_first_child(table))
            while let current = cell, !hasEmptyHeaderCell {
                hasEmptyHeaderCell = cmark_node_first_child(current) == nil
                cell = cmark_node_next(current)
            }
        }
        // cmark writes headings without ids; a custom block with the same children carries the id.
        for (node, heading) in zip(headingNodes, headings) {
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(block, "<h\(heading.level) id=\"\(heading.id)\">")
            cmark_node_set_on_exit(block, "</h\(heading.level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
    }

    /// Whether line `line` of `text` opens a reference definition (`[label]:`, up to three spaces in).
    static func startsWithDefinition(_ text: String, line: Int) -> Bool {
        var utf8 = Substring(text).utf8[...]
        for _ in 1..<max(line, 1) {
            guard let newline = utf8.firstIndex(of: 0x0A) else { return false }
            utf8 = utf8[utf8.index(after: newline)...]
        }
        let start = utf8.prefix(3).prefix { $0 == 0x20 }.count
        let rest = utf8.dropFirst(start).prefix { $0 != 0x0A }
        guard rest.first == UInt8(ascii: "["), let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return false }
        return rest[rest.index(after: close)...].first == UInt8(ascii: ":")
    }

    /// `<br>`, `<br/>` or `<br />`, in any case: the literal of an inline HTML node.
    static func isLineBreakTag(_ node: OpaquePointer) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        let bytes = Array(String(cString: literal).utf8)
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "<"), bytes[1] | 0x20 == UInt8(ascii: "b"),
              bytes[2] | 0x20 == UInt8(ascii: "r"), bytes.last == UInt8(ascii: ">") else { return false }
        var rest = bytes[3..<(bytes.count - 1)].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
        return rest.isEmpty
    }

    /// A node's start line and byte column. cmark leaves some inlines unpositioned (line 0), such as
    /// links in table cells made from a paragraph; then the nearest positioned ancestor below the
    /// document is used, else nil (the caller falls back to the last position seen).
    static func position(of node: OpaquePointer) -> (line: Int, byteColumn: Int)? {
        var current: OpaquePointer? = node
        while let here = current, cmark_node_get_type(here) != CMARK_NODE_DOCUMENT {
            let line = Int(cmark_node_get_start_line(here))
            if line > 0 { return (line, max(1, Int(cmark_node_get_start_column(here)))) }
            current = cmark_node_parent(here)
        }
        return nil
    }

    /// Text of a node's inline content, as a reader sees it (for heading ids and the table of contents).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_HTML_INLINE where isLineBreakTag(child), CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_HTML_INLINE:
                // A tag is markup, not text: `## <b>Bold</b> title` reads "Bold title" (id
                // `bold-title`, as GitHub gives), not "<b>Bold</b> title" (issue 19).
                break
            default:
                break
            }
        }
        return text
    }

    /// Sets a link's destination (after resolving it against the site).
    func setURL(_ url: String, of link: Link) {
        cmark_node_set_url(link.node, url)
    }

    /// Words the HTML carries for screen readers, in the document's language.
    struct Labels: Sendable {
        /// A footnote's link back to the text (cmark writes it in English).
        var footnoteBack: String?
        /// A table's scrolling box, numbered: "Table 1", "Table 2"…
        var table: String?
    }

    /// HTML of the whole document, with `labels` in the document's language.
    func renderHTML(labels: Labels = Labels()) -> String {
        var options = CMARK_OPT_FOOTNOTES
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        // The boxes are named before rendering, not by replacing text after it: Foundation's string
        // replacement goes through NSString on Linux (a table in every document made the Markdown
        // step of a 1k build six times slower).
        let name = XMLText.escape(labels.table ?? "Table")
        for (n, box) in tableBoxes.enumerated() {
            cmark_node_set_on_enter(box, "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(name) \(n + 1)\">")
        }
        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // strstr on cmark's C string: Foundation's String.contains went through NSString on Linux,
        // 1.3 million instructions a document, a fifth of a 1k-document build.
        if let label = labels.footnoteBack, strstr(rendered, Self.footnoteBackAttribute) != nil {
            html = html.replacingOccurrences(of: Self.footnoteBackAttribute,
                                             with: "data-footnote-backref aria-label=\"\(XMLText.escape(label))\"")
        }
        if !markedHTML.isEmpty { html = Self.unmark(html, markedHTML) }
        if hasEmptyHeaderCell {
            // An empty header cell (a table's corner) is a data cell: a header must have text.
            for align in ["", " align=\"left\"", " align=\"center\"", " align=\"right\""] {
                html = html.replacingOccurrences(of: "<th\(align)></th>", with: "<td\(align)></td>")
            }
        }
        return html
    }

    /// cmark's back-link attributes whole, not the label alone: an author's own
    /// `aria-label="Back to content"` (raw HTML with unsafeHTML) keeps its words (issue 19).
    private static let footnoteBackAttribute = "data-footnote-backref aria-label=\"Back to content\""
}

/// cmark counts columns in bytes; editors and the rest of kartu's diagnostics count characters.
struct CharacterColumns {
    let text: String
    let isASCII: Bool
    /// Byte offset of each line's start; empty for ASCII text, whose columns need no conversion.
    private var lineStarts: [Int] = []

    init(_ text: String) {
        var text = text
        var starts: [Int] = []
        let isASCII = text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
            starts.append(0)
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            return false
        }
        self.text = text
        self.isASCII = isASCII
        lineStarts = starts
    }

    /// The 1-based character column of a 1-based byte column on a 1-based line.
    func column(line: Int, byteColumn: Int) -> Int {
        guard !isASCII, line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return String(decoding: utf8[start..<end], as: UTF8.self).count + 1
    }
}
