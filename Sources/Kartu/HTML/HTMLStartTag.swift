/// A start tag found by `HTMLScanner`, which the fragment passes change and write back.
struct HTMLStartTag {
    struct Attribute {
        var name: String
        /// The value as written, character references not decoded, `"` escaped; nil when the
        /// attribute has no value (`<section data-footnotes>`).
        var value: String?
    }

    var name: String
    var attributes: [Attribute]
    /// Written as `<name … />`.
    var selfClosing: Bool
    /// The tag as it stood in the input, written back when nothing changed.
    let raw: ArraySlice<UInt8>

    func value(of attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// The tag written out, values between double quotes, `/>` spaced like cmark writes it.
    var serialized: String {
        var out = "<" + name
        for attribute in attributes {
            out += " " + attribute.name
            if let value = attribute.value { out += "=\"" + value + "\"" }
        }
        return out + (selfClosing ? " />" : ">")
    }

    /// Elements that have no content and no end tag in HTML.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
}
