/// JSON for the files kartu writes (search index): strings escaped for JSON and, for safety, with
/// `<`, `>` and `&` as `\u` escapes, so a title like `</script>` stays inert even if inlined into a
/// page. Keys are written in sorted order, so the bytes are the same on every build.
enum JSONText {
    static func string(_ text: String, into out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "<": out.append("\\u003c")
            case ">": out.append("\\u003e")
            case "&": out.append("\\u0026")
            // U+2028/2029 are line breaks to JavaScript; control characters must be escaped in JSON.
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }

    static func string(_ text: String) -> String {
        var out = ""
        string(text, into: &out)
        return out
    }

    static func integers(_ values: [Int], into out: inout String) {
        out.append("[")
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(",") }
            out.append(String(value))
        }
        out.append("]")
    }

    /// `{"key":"value",…}` with sorted keys.
    static func object(_ fields: [String: String]) -> String {
        var out = "{"
        for (i, key) in fields.keys.sorted().enumerated() {
            if i > 0 { out.append(",") }
            string(key, into: &out)
            out.append(":")
            string(fields[key]!, into: &out)
        }
        out.append("}")
        return out
    }
}
