/// Character references in an attribute value, decoded where a decision depends on the characters
/// a browser will see: a URL's scheme (`java&#x73;cript&colon;`) and an id (`fn&#45;1`).
///
/// Numeric references are decoded as the standard says (with or without `;`). Of the 2,231 named
/// ones only those that decode to ASCII are: the rest decode to other characters, so one left as
/// written can neither spell a scheme nor hide the `:`, tab or newline that end or split one; the
/// callers treat a `&` that is left as not part of a scheme or an id.
enum HTMLCharacterReference {
    /// Named references to ASCII characters that can matter in a URL or an id, as the standard maps them.
    private static let named: [String: String] = [
        "Tab": "\t", "NewLine": "\n", "excl": "!", "quot": "\"", "QUOT": "\"", "num": "#", "dollar": "$",
        "percnt": "%", "amp": "&", "AMP": "&", "apos": "'", "lpar": "(", "rpar": ")", "ast": "*",
        "midast": "*", "plus": "+", "comma": ",", "period": ".", "sol": "/", "colon": ":", "semi": ";",
        "lt": "<", "LT": "<", "equals": "=", "gt": ">", "GT": ">", "quest": "?", "commat": "@",
        "lsqb": "[", "lbrack": "[", "bsol": "\\", "rsqb": "]", "rbrack": "]", "Hat": "^", "lowbar": "_",
        "UnderBar": "_", "grave": "`", "DiacriticalGrave": "`", "lcub": "{", "lbrace": "{", "verbar": "|",
        "vert": "|", "VerticalLine": "|", "rcub": "}", "rbrace": "}", "fjlig": "fj",
    ]

    /// Windows-1252's meaning of the C1 codes, which numeric references in 0x80…0x9F take (§13.2.5.80).
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// `value` with its numeric references and the ASCII named ones (with `;`) decoded; others stay as written.
    static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let scalars = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", i + 1 < scalars.count else {
                out.append(scalars[i])
                i += 1
                continue
            }
            if scalars[i + 1] == "#", let (scalar, end) = numeric(scalars, from: i + 2) {
                out.append(scalar)
                i = end
                continue
            }
            var end = i + 1
            while end < scalars.count, end - i <= 32, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) { end += 1 }
            if end < scalars.count, scalars[end] == ";", let character = named[String(String.UnicodeScalarView(scalars[(i + 1)..<end]))] {
                out.append(contentsOf: character.unicodeScalars)
                i = end + 1
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// The scalar of `&#…` whose digits start at `start`, and the index after the reference.
    private static func numeric(_ scalars: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        var i = start
        let hex = i < scalars.count && (scalars[i] == "x" || scalars[i] == "X")
        if hex { i += 1 }
        let digitsStart = i
        var code: UInt32 = 0
        while i < scalars.count, let digit = Int(String(scalars[i]), radix: hex ? 16 : 10), scalars[i].isASCII {
            code = min(code &* (hex ? 16 : 10) &+ UInt32(digit), 0x110000)
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < scalars.count && scalars[i] == ";" { i += 1 }
        if let mapped = windows1252[code] { code = mapped }
        let scalar = code == 0 || (0xD800...0xDFFF).contains(code) ? nil : Unicode.Scalar(code)
        return (scalar ?? "\u{FFFD}", i)
    }
}
