/// The text of rendered HTML, for search and summaries: tags removed, the five entities cmark
/// writes decoded, whitespace collapsed. Works on UTF-8 bytes: every byte that matters here is ASCII,
/// and multi-byte characters pass through untouched.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count / 2)
        var inTag = false
        var lastWasSpace = true
        var entity: [UInt8]? = nil
        func space() {
            if !lastWasSpace { out.append(0x20) }
            lastWasSpace = true
        }
        func text(_ byte: UInt8) {
            out.append(byte)
            lastWasSpace = false
        }
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") {
                    inTag = false
                    space()
                }
                continue
            }
            if var pending = entity {
                if byte == UInt8(ascii: ";") {
                    switch String(decoding: pending, as: UTF8.self) {
                    case "amp": text(UInt8(ascii: "&"))
                    case "lt": text(UInt8(ascii: "<"))
                    case "gt": text(UInt8(ascii: ">"))
                    case "quot": text(UInt8(ascii: "\""))
                    case "#39", "apos": text(UInt8(ascii: "'"))
                    default:
                        out.append(UInt8(ascii: "&"))
                        out += pending
                        text(UInt8(ascii: ";"))
                    }
                    entity = nil
                } else if pending.count < 8 {
                    pending.append(byte)
                    entity = pending
                } else {
                    out.append(UInt8(ascii: "&"))
                    out += pending
                    entity = nil
                    text(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: "&"): entity = []
            case 0x20, 0x0A, 0x09, 0x0D: space()
            default: text(byte)
            }
        }
        if let pending = entity {
            out.append(UInt8(ascii: "&"))
            out += pending
        }
        // `space()` never writes a leading space and writes at most one trailing one.
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
