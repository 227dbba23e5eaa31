/// Raw HTML an editor wrote in Markdown, made safe by an allow-list (`HTMLAllowList`) when
/// `unsafeHTML` is off: kept tags are written again from their tokens (a name, double-quoted values),
/// other tags are removed and their text kept, `<script>`, `<style>` and the like go with their
/// content. Nothing is written as it was read, so nothing the tokenizer might read differently from
/// a browser survives: the output is text without `<` and tags from the list.
///
/// One sanitizer reads one document's raw HTML pieces in order. An element removed with its content
/// can open in one piece and close in a later one (`a <style>` … `</style> b` in a paragraph are two
/// inline pieces); `isDropping` says the caller must drop what lies between, `endOfBlock()` ends it.
struct HTMLSanitizer {
    /// What one tag lost, at its byte offset in the piece it was in.
    struct Removal: Equatable {
        enum What: Equatable {
            /// The tag went; its text (and allowed tags inside) stayed.
            case tag
            /// The element went with everything in it.
            case tagAndContent
            /// These attributes went, each named as an editor would find it (`onclick`, `href="javascript:…"`).
            case attributes([String])
            /// An end tag that closes nothing the raw HTML opened: it would close kartu's own markup.
            case strayEndTag
        }

        let offset: Int
        let element: String
        let what: What
        /// Why an attribute the list allows went: its URL's scheme, or its id taken.
        var reason: Reason?

        enum Reason: Equatable {
            case scheme
            case id
        }
    }

    /// Ids a raw `id` or `name` may not take: those of the document's headings and of the page around it.
    private var takenIDs: Set<String>
    private(set) var dropping: (name: String, depth: Int)?
    /// Elements the raw HTML opened and has not closed, with the scope each opened in (see `close`).
    private var open: [(name: String, scope: Int)] = []

    /// The page's own ids (the default theme's landmarks, search and contents) and footnotes'.
    static let reservedIDPrefixes = ["kartu-", "search-", "fn-", "fnref-"]

    init(takenIDs: Set<String>) {
        self.takenIDs = takenIDs
    }

    var isDropping: Bool { dropping != nil }

    /// Ends an element removed with its content at the end of the block it opened in (Markdown ends
    /// raw HTML there too: the next block's HTML is its own).
    mutating func endOfBlock() {
        dropping = nil
    }

    /// End tags for what the raw HTML of `scope` left open, closed now: an inline tag's at the end
    /// of its paragraph (a `<b>` left open there would carry on into the next paragraphs), a block's
    /// at the end of the text (`finish()`), so nothing an editor opens reaches the page around the text.
    mutating func close(scope: Int) -> String {
        var out = ""
        while let last = open.last, last.scope == scope {
            out += "</\(last.name)>"
            open.removeLast()
        }
        return out
    }

    /// End tags for everything still open, at the end of the document.
    mutating func finish() -> String {
        let out = open.reversed().map { "</\($0.name)>" }.joined()
        open.removeAll()
        return out
    }

    /// `html` (one raw HTML piece of the document) made safe, and what it lost. `scope` is where
    /// the piece stands: 0 for a block, another number for each paragraph (or inline container).
    mutating func sanitize(_ html: String, scope: Int = 0) -> (html: String, removals: [Removal]) {
        var tokenizer = HTMLTokenizer(html)
        var out = ""
        var removals: [Removal] = []
        if let open = dropping, HTMLAllowList.rawText.contains(open.name) { tokenizer.skipRawText(until: open.name) }
        while true {
            let start = tokenizer.offset
            guard let token = tokenizer.next() else { break }
            if var open = dropping {
                switch token {
                case .startTag(open.name, _, _): open.depth += 1
                case .endTag(open.name): open.depth -= 1
                default: break
                }
                dropping = open.depth > 0 ? open : nil
                continue
            }
            switch token {
            case .text(let text):
                out += Self.escapeText(text)
            case .markup:
                // Comments, doctypes and processing instructions show nothing: gone without a word.
                break
            case let .startTag(name, attributes, _):
                if HTMLAllowList.droppedWithContent.contains(name) {
                    removals.append(Removal(offset: start, element: name, what: .tagAndContent))
                    switch name {
                    case "plaintext": tokenizer.skipToEnd()
                    case "embed": break // void: no content to drop
                    default:
                        dropping = (name, 1)
                        if HTMLAllowList.rawText.contains(name) { tokenizer.skipRawText(until: name) }
                    }
                    continue
                }
                guard let allowed = HTMLAllowList.elements[name] else {
                    removals.append(Removal(offset: start, element: name, what: .tag))
                    continue
                }
                var kept: [(name: String, value: String)] = []
                var removed: [String] = []
                var reason: Removal.Reason?
                for attribute in attributes {
                    guard allowed.contains(attribute.name) || HTMLAllowList.globalAttributes.contains(attribute.name) else {
                        removed.append(attribute.name)
                        continue
                    }
                    if let schemes = HTMLAllowList.urlSchemes[attribute.name],
                       !Self.isAllowedURL(attribute.value, schemes: schemes, dataImage: name == "img" && attribute.name == "src") {
                        removed.append("\(attribute.name)=\"\(Self.excerpt(attribute.value))\"")
                        reason = reason ?? .scheme
                        continue
                    }
                    if attribute.name == "id" || attribute.name == "name" {
                        guard claim(attribute.value) else {
                            removed.append("\(attribute.name)=\"\(Self.excerpt(attribute.value))\"")
                            reason = reason ?? .id
                            continue
                        }
                    }
                    kept.append((attribute.name, attribute.value))
                }
                // HTML5 has no `name` on `a`: the anchor becomes the element's id, which links reach the same way.
                if let anchor = kept.firstIndex(where: { $0.name == "name" }) {
                    if kept.contains(where: { $0.name == "id" }) {
                        removed.append("name=\"\(Self.excerpt(kept[anchor].value))\"")
                        kept.remove(at: anchor)
                    } else {
                        kept[anchor].name = "id"
                    }
                }
                if !removed.isEmpty {
                    removals.append(Removal(offset: start, element: name, what: .attributes(removed), reason: reason))
                }
                let element = HTMLAllowList.renamed[name] ?? name
                out += "<\(element)" + kept.map { " \($0.name)=\"\(Self.escapeValue($0.value))\"" }.joined()
                if HTMLAllowList.voidElements.contains(name) {
                    out += " />"
                } else {
                    out += ">"
                    open.append((element, scope))
                }
            case .endTag(let name):
                if name == "br" {
                    // A browser reads `</br>` as `<br>`.
                    out += "<br />"
                } else if HTMLAllowList.elements[name] != nil && !HTMLAllowList.voidElements.contains(name) {
                    let element = HTMLAllowList.renamed[name] ?? name
                    guard let index = open.lastIndex(where: { $0.name == element }) else {
                        removals.append(Removal(offset: start, element: name, what: .strayEndTag))
                        continue
                    }
                    // `<b><i>x</b>`: what opened inside closes with it, in order.
                    out += open[index...].reversed().map { "</\($0.name)>" }.joined()
                    open.removeSubrange(index...)
                }
            }
        }
        return (out, removals)
    }

    /// Takes `value` as an id if it is a word (letters, digits, `-`, `_`, `.`) that no heading, footnote,
    /// the page or an earlier raw id has: a clash would send a contents or footnote link to the wrong place,
    /// or give the theme's script the wrong element.
    private mutating func claim(_ value: String) -> Bool {
        let id = HTMLCharacterReference.decode(value)
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
              !Self.reservedIDPrefixes.contains(where: { id.lowercased().hasPrefix($0) }) else { return false }
        return takenIDs.insert(id).inserted
    }

    /// Whether a URL leads somewhere harmless: no scheme (relative, `#fragment`), a scheme of `schemes`,
    /// or for an image a `data:` raster. Read as a browser reads it: references decoded, leading and
    /// trailing controls and spaces trimmed, tabs and newlines removed (`java&#9;script:` is `javascript:`).
    static func isAllowedURL(_ value: String, schemes: Set<String>, dataImage: Bool) -> Bool {
        var url = HTMLCharacterReference.decode(value).unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = url.first, first.value <= 0x20 { url.removeFirst() }
        guard let end = url.firstIndex(where: { $0 == ":" || $0 == "/" || $0 == "?" || $0 == "#" }), url[end] == ":" else { return true }
        let scheme = String(String.UnicodeScalarView(url[..<end])).lowercased()
        if schemes.contains(scheme) { return true }
        guard dataImage, scheme == "data" else { return false }
        let rest = String(String.UnicodeScalarView(url[url.index(after: end)...])).lowercased()
        return HTMLAllowList.dataImageTypes.contains { rest.hasPrefix($0 + ";") || rest.hasPrefix($0 + ",") }
    }

    /// Text as a browser shows it, with no `<` left to open a tag. References stay as written (`&nbsp;`).
    static func escapeText(_ text: String) -> String {
        escape(text.replacingNUL(), quotes: false)
    }

    /// An attribute value for between double quotes. References stay as written.
    static func escapeValue(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// By bytes, not characters: `<` and a combining mark after it are one Character (`<\u{64F}`),
    /// which a comparison with "<" misses (a fuzz find).
    private static func escape(_ text: String, quotes: Bool) -> String {
        let special = { (byte: UInt8) in byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || (quotes && byte == UInt8(ascii: "\"")) }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\"") where quotes: out += "&quot;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A value short enough for a message.
    private static func excerpt(_ value: String) -> String {
        value.count <= 40 ? value : String(value.prefix(39)) + "…"
    }
}
