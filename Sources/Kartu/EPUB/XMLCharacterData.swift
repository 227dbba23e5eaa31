/// Makes HTML character data (text or an attribute value, character references not decoded) fit to
/// stand in XML: XML knows only five named references and no bare `&` or `<`.
///
/// cmark writes the characters themselves and escapes only `&`, `<`, `>` and `"`, so its output passes
/// through unchanged; named references other than XML's five can only come from raw HTML.
enum XMLCharacterData {
    /// Appends `data` to `out`, fixed for XML.
    static func append(_ data: some Collection<UInt8>, to out: inout [UInt8]) {
        var i = data.startIndex
        while i != data.endIndex {
            let byte = data[i]
            switch byte {
            case UInt8(ascii: "&"):
                let (replacement, next) = reference(in: data, at: i)
                out += replacement
                i = next
                continue
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            // XML 1.0 allows no control characters but tab and line breaks, not even as references.
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: break
            default: out.append(byte)
            }
            i = data.index(after: i)
        }
    }

    static func fixed(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// What to write for the `&` at `start`, and where to go on.
    private static func reference<C: Collection<UInt8>>(in data: C, at start: C.Index) -> ([UInt8], C.Index) {
        var i = data.index(after: start)
        var name: [UInt8] = []
        // Longest reference kept: `&#x10FFFF;` and the longest names in the table fit in 32.
        while i != data.endIndex, name.count < 32, data[i] != UInt8(ascii: ";"),
            HTMLScanner.isLetter(data[i]) || (data[i] >= UInt8(ascii: "0") && data[i] <= UInt8(ascii: "9")) || data[i] == UInt8(ascii: "#") {
            name.append(data[i])
            i = data.index(after: i)
        }
        guard i != data.endIndex, data[i] == UInt8(ascii: ";"), !name.isEmpty else { return (Array("&amp;".utf8), data.index(after: start)) }
        let next = data.index(after: i)
        let text = String(decoding: name, as: UTF8.self)
        if text.first == "#" {
            let digits = text.dropFirst()
            let scalar: UInt32? = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let scalar, isXMLCharacter(scalar) else { return (Array("&#xFFFD;".utf8), next) }
            return (Array("&\(text);".utf8), next)
        }
        if xmlNames.contains(text) { return (Array("&\(text);".utf8), next) }
        if let scalar = htmlNames[text] { return (Array("&#\(scalar);".utf8), next) }
        // An unknown name is shown as written, as browsers do.
        return (Array("&amp;".utf8), data.index(after: start))
    }

    private static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static let xmlNames: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// HTML's named references that hand-written HTML in education texts uses; the full list has
    /// over two thousand, which raw HTML in Markdown hardly ever needs.
    private static let htmlNames: [String: UInt32] = [
        "nbsp": 0xA0, "iexcl": 0xA1, "cent": 0xA2, "pound": 0xA3, "curren": 0xA4, "yen": 0xA5, "brvbar": 0xA6,
        "sect": 0xA7, "uml": 0xA8, "copy": 0xA9, "ordf": 0xAA, "laquo": 0xAB, "not": 0xAC, "shy": 0xAD, "reg": 0xAE,
        "macr": 0xAF, "deg": 0xB0, "plusmn": 0xB1, "sup2": 0xB2, "sup3": 0xB3, "acute": 0xB4, "micro": 0xB5,
        "para": 0xB6, "middot": 0xB7, "cedil": 0xB8, "sup1": 0xB9, "ordm": 0xBA, "raquo": 0xBB, "frac14": 0xBC,
        "frac12": 0xBD, "frac34": 0xBE, "iquest": 0xBF, "times": 0xD7, "divide": 0xF7, "szlig": 0xDF,
        "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "eacute": 0xE9,
        "Eacute": 0xC9, "egrave": 0xE8, "agrave": 0xE0, "ccedil": 0xE7, "oacute": 0xF3, "Oacute": 0xD3,
        "aring": 0xE5, "Aring": 0xC5, "oslash": 0xF8, "Oslash": 0xD8, "aelig": 0xE6, "AElig": 0xC6,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E,
        "rlm": 0x200F, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022,
        "hellip": 0x2026, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "euro": 0x20AC, "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193,
        "harr": 0x2194, "minus": 0x2212, "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248,
        "infin": 0x221E, "check": 0x2713, "star": 0x2606,
    ]
}
