/// The text of rendered HTML, for search and summaries: tags removed, the five entities cmark
/// writes decoded, whitespace collapsed. Works on UTF-8 bytes: every byte that matters here is ASCII,
/// and multi-byte characters pass through untouched.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var html = html
        let out = html.withUTF8 { bytes -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            var lastWasSpace = true
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                i += 1
                switch byte {
                case UInt8(ascii: "<"):
                    // A tag reads as a space: skip to its end.
                    while i < n, bytes[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                    if !lastWasSpace { out.append(0x20) }
                    lastWasSpace = true
                case 0x20, 0x0A, 0x09, 0x0D:
                    if !lastWasSpace { out.append(0x20) }
                    lastWasSpace = true
                case UInt8(ascii: "&"):
                    // An entity name of up to 8 bytes and `;`: the five cmark writes are decoded,
                    // anything else is kept as written.
                    var end = i
                    while end < n, end - i < 8, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "<") { end += 1 }
                    if end < n, bytes[end] == UInt8(ascii: ";"), let decoded = entity(bytes[i..<end]) {
                        out.append(decoded)
                        i = end + 1
                    } else {
                        out.append(byte)
                    }
                    lastWasSpace = false
                default:
                    out.append(byte)
                    lastWasSpace = false
                }
            }
            // Never a leading space, at most one trailing one.
            if out.last == 0x20 { out.removeLast() }
            return out
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8? {
        switch name.count {
        case 2 where name.elementsEqual("lt".utf8): return UInt8(ascii: "<")
        case 2 where name.elementsEqual("gt".utf8): return UInt8(ascii: ">")
        case 3 where name.elementsEqual("amp".utf8): return UInt8(ascii: "&")
        case 3 where name.elementsEqual("#39".utf8): return UInt8(ascii: "'")
        case 4 where name.elementsEqual("quot".utf8): return UInt8(ascii: "\"")
        case 4 where name.elementsEqual("apos".utf8): return UInt8(ascii: "'")
        default: return nil
        }
    }
}
