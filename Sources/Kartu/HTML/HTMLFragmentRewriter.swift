/// Rewrites the links and ids of a rendered chapter so that it works somewhere other than its own
/// page: in an EPUB (site URLs → `chapter-02.xhtml#heading`, images → `images/x.svg`) or on a
/// single print page that holds every chapter (site URLs → `#c2--heading`, ids made unique).
///
/// Works on HTML and on XHTML alike and leaves every tag it does not change byte for byte as it was.
public enum HTMLFragmentRewriter {
    /// A link found in a fragment: the value of an `href` or `src` attribute.
    public struct Link: Sendable, Hashable {
        public enum Attribute: Sendable, Hashable {
            case href
            case src
        }

        /// The URL with character references decoded (`?a=1&b=2`, not `&amp;`).
        public let url: String
        public let attribute: Attribute
        /// The element that carries it, lower case: `a`, `img`, ….
        public let element: String

        /// A link as the rewriter gives it to a map (for a map's tests).
        public init(url: String, attribute: Attribute, element: String) {
            self.url = url
            self.attribute = attribute
            self.element = element
        }

        /// The URL without its fragment: `/lt/guide/intro/` of `/lt/guide/intro/#goals`.
        public var path: Substring {
            url.firstIndex(of: "#").map { url[..<$0] } ?? url[...]
        }

        /// The fragment without `#`: `goals` of `/lt/guide/intro/#goals`; nil when there is no `#`.
        public var fragment: Substring? {
            url.firstIndex(of: "#").map { url[url.index(after: $0)...] }
        }
    }

    /// What a map does with one link.
    public enum Change: Sendable, Hashable {
        /// The URL stays as written.
        case keep
        /// The URL becomes this one (unescaped; it is escaped here).
        case url(String)
        /// The element's start and end tags go, what is between them stays: a link with nowhere
        /// to lead becomes its words (`<a href="/x/">the <em>plan</em></a>` → `the <em>plan</em>`).
        /// A void element (`<img>`) has nothing between its tags, so it goes altogether.
        case unwrap
    }

    /// `html` with every `href` and `src` given to `map`: a non-nil result replaces the URL (give it
    /// unescaped; it is escaped here), nil keeps it. Fragment-only links (`#x`) are given too.
    public static func rewriteLinks(_ html: String, _ map: (Link) -> String?) -> String {
        rewrite(html, idPrefix: nil, links: map)
    }

    /// `html` with every `href` and `src` given to `map`, which may also unwrap the element (see
    /// `Change.unwrap`). Fragment-only links (`#x`) are given too.
    public static func rewriteLinks(_ html: String, changes map: (Link) -> Change) -> String {
        rewrite(html, idPrefix: nil, changes: map)
    }

    /// `html` with `prefix` put before every id (`id="x"` → `id="c2--x"`), every link to an id in
    /// the fragment (`href="#x"` → `href="#c2--x"`, footnote references and back-references
    /// included) and every attribute that names ids (`for`, `headers`, `aria-describedby`, …).
    public static func prefixIDs(_ html: String, prefix: String) -> String {
        rewrite(html, idPrefix: prefix) { _ in nil }
    }

    /// Both in one pass: ids prefixed as `prefixIDs` does, fragment-only links prefixed and not given
    /// to `map`, every other `href` and `src` given to `map` as `rewriteLinks` does. Use this (or
    /// `prefixIDs` before `rewriteLinks`) when `map` returns fragment-only links that already carry a
    /// prefix, which a later `prefixIDs` would prefix again.
    public static func rewrite(_ html: String, idPrefix: String?, links map: (Link) -> String?) -> String {
        rewrite(html, idPrefix: idPrefix) { link in map(link).map(Change.url) ?? .keep }
    }

    /// `rewrite(_:idPrefix:links:)` with a map that may also unwrap elements (see `Change.unwrap`).
    public static func rewrite(_ html: String, idPrefix: String?, changes map: (Link) -> Change) -> String {
        let prefix = idPrefix.map(XMLText.escape)
        var scanner = HTMLScanner(html)
        var unwrapped = UnwrappedElements()
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        while let token = scanner.next() {
            switch token {
            case .text(let bytes), .markup(let bytes):
                out += bytes
            case .endTag(let name, let bytes):
                if !unwrapped.closes(name) { out += bytes }
            case .startTag(var tag):
                var changed = false
                var unwraps = false
                for index in tag.attributes.indices {
                    guard let value = tag.attributes[index].value else { continue }
                    switch rewritten(value, of: tag.attributes[index].name.lowercased(), in: tag, prefix: prefix, map: map) {
                    case .keep: continue
                    case .url(let new):
                        guard new != value else { continue }
                        tag.attributes[index].value = new
                        changed = true
                    case .unwrap: unwraps = true
                    }
                }
                if unwraps {
                    unwrapped.open(tag)
                } else {
                    unwrapped.nest(tag)
                    if changed { out += tag.serialized.utf8 } else { out += tag.raw }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What becomes of one attribute: `.url` with the new value already escaped, `.keep`, or `.unwrap`.
    private static func rewritten(_ value: String, of attribute: String, in tag: HTMLStartTag, prefix: String?, map: (Link) -> Change) -> Change {
        if let prefix {
            if attribute == "id" { return value.isEmpty ? .keep : .url(prefix + value) }
            if idReferenceAttributes.contains(attribute) {
                return .url(value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { prefix + $0 }.joined(separator: " "))
            }
            if attribute == "href", value.hasPrefix("#") {
                return value.count > 1 ? .url("#" + prefix + value.dropFirst()) : .keep
            }
        }
        guard attribute == "href" || attribute == "src" else { return .keep }
        let link = Link(url: decoded(value), attribute: attribute == "href" ? .href : .src, element: tag.name.lowercased())
        switch map(link) {
        case .url(let url): return .url(XMLText.escape(url))
        case let change: return change
        }
    }

    /// The elements whose start tag was dropped and whose end tag is still to come, so that the
    /// right end tag is dropped too: an element of the same name opened inside one of them (a
    /// `<span>` in an unwrapped `<span>`) keeps its own end tag.
    private struct UnwrappedElements {
        /// Innermost last: the lower-case name and how many elements of that name are open inside.
        private var waiting: [(name: String, nested: Int)] = []

        /// A start tag dropped; a void or self-closed element has no end tag to wait for.
        mutating func open(_ tag: HTMLStartTag) {
            let name = tag.name.lowercased()
            guard !tag.selfClosing, !HTMLStartTag.voidElements.contains(name) else { return }
            waiting.append((name, 0))
        }

        /// A start tag kept: counted when an unwrapped element of its name is open around it.
        mutating func nest(_ tag: HTMLStartTag) {
            // Nothing is unwrapped in nearly every fragment: no lower-casing then.
            guard !waiting.isEmpty, !tag.selfClosing else { return }
            let name = tag.name.lowercased()
            if let index = waiting.lastIndex(where: { $0.name == name }) { waiting[index].nested += 1 }
        }

        /// True when this end tag belongs to an unwrapped element, which it then closes.
        mutating func closes(_ endTag: String) -> Bool {
            guard !waiting.isEmpty else { return false }
            let name = endTag.lowercased()
            guard let index = waiting.lastIndex(where: { $0.name == name }) else { return false }
            if waiting[index].nested > 0 {
                waiting[index].nested -= 1
                return false
            }
            waiting.remove(at: index)
            return true
        }
    }

    /// Attributes whose value is a list of ids in the same document.
    private static let idReferenceAttributes: Set<String> = [
        "for", "headers", "list", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
        "aria-activedescendant", "aria-details", "aria-errormessage", "aria-flowto",
    ]

    /// An attribute value with XML's five named references and numeric references decoded; other
    /// named references (only raw HTML has them) stay as written.
    static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = value[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            if let character = named[String(name)] ?? numeric(name) {
                out.unicodeScalars.append(character)
            } else {
                out += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    private static func numeric(_ name: Substring) -> Unicode.Scalar? {
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init)
    }
}
