import Foundation

/// The text of rendered HTML, for search and summaries: tags removed, the five entities cmark
/// writes decoded, whitespace collapsed.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        var inTag = false
        var lastWasSpace = true
        var entity: String?
        func append(_ c: Character) {
            if c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{A0}" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(c)
                lastWasSpace = false
            }
        }
        for c in html {
            if inTag {
                if c == ">" { inTag = false; append(" ") }
                continue
            }
            if var pending = entity {
                if c == ";" {
                    switch pending {
                    case "amp": append("&")
                    case "lt": append("<")
                    case "gt": append(">")
                    case "quot": append("\"")
                    case "#39", "apos": append("'")
                    default: out += "&" + pending + ";"
                    }
                    entity = nil
                } else if pending.count < 8 {
                    pending.append(c)
                    entity = pending
                } else {
                    out += "&" + pending
                    entity = nil
                    append(c)
                }
                continue
            }
            switch c {
            case "<": inTag = true
            case "&": entity = ""
            default: append(c)
            }
        }
        if let pending = entity { out += "&" + pending }
        // `append` never writes a leading space and writes at most one trailing one.
        if out.last == " " { out.removeLast() }
        return out
    }
}
