/// Turns an HTML fragment as kartu renders it (libcmark-gfm plus kartu's markup) into XHTML that an
/// EPUB content document can hold: well-formed XML and valid HTML5.
///
/// What changes: attributes without a value get one (`<section data-footnotes>` →
/// `data-footnotes=""`), void elements are closed (`<br>` → `<br />`), the obsolete `align` of table
/// cells becomes `style="text-align: …"`, element and attribute names are lower case, named
/// references other than XML's five become numeric ones, and comments are dropped. cmark's output
/// needs only the first and third; the rest is for raw HTML (`unsafeHTML`), which is fixed as far as
/// a tag-by-tag pass can: an end tag HTML lets one omit (`</p>`) is not added.
///
/// Converting twice gives the same result as converting once.
public enum XHTMLFragment {
    /// The XHTML form of `html`.
    public static func fromHTML(_ html: String) -> String {
        var scanner = HTMLScanner(html)
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        // Inside inline SVG or MathML, names are case-sensitive (`viewBox`) and HTML's rules do not apply.
        var foreignDepth = 0
        while let token = scanner.next() {
            switch token {
            case .text(let text):
                XMLCharacterData.append(text, to: &out)
            case .startTag(var tag):
                let isForeignRoot = foreignElements.contains(tag.name.lowercased())
                if isForeignRoot && !tag.selfClosing { foreignDepth += 1 }
                if adapt(&tag, foreign: foreignDepth > 0 || isForeignRoot) { out += tag.serialized.utf8 } else { out += tag.raw }
            case .endTag(let name, let raw):
                if foreignDepth > 0 && !foreignElements.contains(name.lowercased()) {
                    out += raw
                    continue
                }
                let lowercased = name.lowercased()
                if foreignElements.contains(lowercased) { foreignDepth = max(0, foreignDepth - 1) }
                // `</br>` and the like: void elements have been closed where they start.
                if HTMLStartTag.voidElements.contains(lowercased) { continue }
                if lowercased == name { out += raw } else { out += "</\(lowercased)>".utf8 }
            case .markup:
                // Comments may hold `--`, which XML forbids, and a fragment has no doctype to keep.
                continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let foreignElements: Set<String> = ["svg", "math"]

    /// Makes `tag` XHTML; false when it already was, so the caller can copy it as written. A `foreign`
    /// tag (inside SVG or MathML) keeps the case of its names, its `align` and its form.
    private static func adapt(_ tag: inout HTMLStartTag, foreign: Bool) -> Bool {
        var changed = false
        let name = foreign ? tag.name : tag.name.lowercased()
        if name != tag.name {
            tag.name = name
            changed = true
        }
        var seen = Set<String>()
        var textAlign: String?
        var attributes: [HTMLStartTag.Attribute] = []
        attributes.reserveCapacity(tag.attributes.count)
        for var attribute in tag.attributes {
            let attributeName = foreign ? attribute.name : attribute.name.lowercased()
            if attributeName != attribute.name {
                attribute.name = attributeName
                changed = true
            }
            // XML forbids repeating an attribute; HTML keeps the first.
            guard seen.insert(attributeName).inserted else {
                changed = true
                continue
            }
            if attributeName == "align" && !foreign {
                let value = (attribute.value ?? "").lowercased()
                if name != "img", ["left", "center", "right", "justify"].contains(value) { textAlign = value }
                changed = true
                continue
            }
            if let value = attribute.value {
                let fixed = XMLCharacterData.fixed(value)
                if fixed != value {
                    attribute.value = fixed
                    changed = true
                }
            } else {
                attribute.value = ""
                changed = true
            }
            attributes.append(attribute)
        }
        if let textAlign {
            let declaration = "text-align: \(textAlign)"
            if let index = attributes.firstIndex(where: { $0.name == "style" }), let style = attributes[index].value, !style.isEmpty {
                attributes[index].value = declaration + "; " + style
            } else {
                attributes.removeAll { $0.name == "style" }
                attributes.append(.init(name: "style", value: declaration))
            }
        }
        tag.attributes = attributes
        if !foreign && HTMLStartTag.voidElements.contains(name) && !tag.selfClosing {
            tag.selfClosing = true
            changed = true
        }
        return changed
    }
}
