/// Escaping for text kartu writes into XML and HTML itself (sitemaps, feeds, labels it puts into
/// rendered Markdown); templates escape on their own. Front-matter text can hold anything.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Nearly all text (URLs, dates, most titles) needs nothing: checked on bytes, returned as is.
        // U+FFFE and U+FFFF begin with 0xEF; such text takes the full path below.
        let clean = text.utf8.allSatisfy { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: return false
            case 0x09, 0x0A, 0x0D: return true
            default: return byte >= 0x20
            }
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
