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

    /// `html` with every `href` and `src` given to `map`: a non-nil result replaces the URL (give it
    /// unescaped; it is escaped here), nil keeps it. Fragment-only links (`#x`) are given too.
    public static func rewriteLinks(_ html: String, _ map: (Link) -> String?) -> String {
        rewrite(html, idPrefix: nil, links: map)
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
        let prefix = idPrefix.map(XMLText.escape)
        var scanner = HTMLScanner(html)
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        while let token = scanner.next() {
            switch token {
            case .text(let bytes), .markup(let bytes), .endTag(_, let bytes):
                out += bytes
            case .startTag(var tag):
                var changed = false
                for index in tag.attributes.indices {
                    guard let value = tag.attributes[index].value,
                        let new = rewritten(value, of: tag.attributes[index].name.lowercased(), in: tag, prefix: prefix, map: map),
                        new != value
                    else { continue }
                    tag.attributes[index].value = new
                    changed = true
                }
                if changed { out += tag.serialized.utf8 } else { out += tag.raw }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The new (escaped) value of one attribute, or nil to keep it.
    private static func rewritten(_ value: String, of attribute: String, in tag: HTMLStartTag, prefix: String?, map: (Link) -> String?) -> String? {
        if let prefix {
            if attribute == "id" { return value.isEmpty ? nil : prefix + value }
            if idReferenceAttributes.contains(attribute) {
                return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { prefix + $0 }.joined(separator: " ")
            }
            if attribute == "href", value.hasPrefix("#") {
                return value.count > 1 ? "#" + prefix + value.dropFirst() : nil
            }
        }
        guard attribute == "href" || attribute == "src" else { return nil }
        let link = Link(url: decoded(value), attribute: attribute == "href" ? .href : .src, element: tag.name.lowercased())
        return map(link).map(XMLText.escape)
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
