/// JSON for the files kartu writes (search index): strings escaped for JSON and, for safety, with
/// `<`, `>` and `&` as `\u` escapes, so a title like `</script>` stays inert even if inlined into a
/// page. Keys are written in sorted order, so the bytes are the same on every build.
enum JSONText {
    static func string(_ text: String, into out: inout String) {
        out.append("\"")
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need nothing are copied whole; U+2028/2029 are E2 80 A8/A9.
            var runStart = 0
            var i = 0
            func flushRun(upTo end: Int) {
                if end > runStart { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)) }
            }
            while i < bytes.count {
                let byte = bytes[i]
                let escaped: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case UInt8(ascii: "<"): escaped = "\\u003c"
                case UInt8(ascii: ">"): escaped = "\\u003e"
                case UInt8(ascii: "&"): escaped = "\\u0026"
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escaped = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: escaped = nil
                }
                if let escaped {
                    flushRun(upTo: i)
                    out.append(escaped)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flushRun(upTo: bytes.count)
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
