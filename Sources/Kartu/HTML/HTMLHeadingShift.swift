/// Moves every heading of an HTML fragment down the outline: `<h2>` becomes `<h3>` and so on, `<h6>`
/// stays `<h6>`. For bodies shown under a heading of their own: a chapter under its title on the
/// print page, a foreword under "Foreword". Only the tag names change; ids, attributes and text
/// are kept byte for byte (text cannot hold a tag: `<` is written `&lt;` there).
enum HTMLHeadingShift {
    static func shift(_ html: String, by levels: Int = 1) -> String {
        guard levels > 0 else { return html }
        var changed = false
        var text = html
        let out = text.withUTF8 { shift($0, levels: levels, changed: &changed) }
        return changed ? String(decoding: out, as: UTF8.self) : html
    }

    private static func shift(_ bytes: UnsafeBufferPointer<UInt8>, levels: Int, changed: inout Bool) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            out.append(b)
            i += 1
            guard b == UInt8(ascii: "<") else { continue }
            // `<h2…` or `</h2…`
            var j = i
            if j < n, bytes[j] == UInt8(ascii: "/") { j += 1 }
            guard j + 2 <= n, bytes[j] | 0x20 == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[j + 1])
            else { continue }
            // The digit must end the tag name: `<h2>`, `<h2 id=…>`, not `<h2x>`.
            if j + 2 < n {
                let after = bytes[j + 2]
                guard after == UInt8(ascii: ">") || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t")
                        || after == UInt8(ascii: "\n") || after == UInt8(ascii: "/") else { continue }
            }
            let level = min(6, Int(bytes[j + 1] - UInt8(ascii: "0")) + levels)
            while i < j + 1 { out.append(bytes[i]); i += 1 }
            out.append(UInt8(ascii: "0") + UInt8(level))
            if level != Int(bytes[j + 1] - UInt8(ascii: "0")) { changed = true }
            i = j + 2
        }
        return out
    }
}
