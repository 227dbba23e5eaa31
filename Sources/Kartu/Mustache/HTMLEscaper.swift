/// The HTML escaping `{{name}}` applies, on UTF-8 bytes: the five characters and the entities
/// swift-mustache used (`&#39;` for the apostrophe), so themes see no difference. Text without any
/// of them, nearly all of it, is copied whole.
enum HTMLEscaper {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscaping) else {
                output.append(contentsOf: bytes)
                return
            }
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: lt)
                case UInt8(ascii: ">"): output.append(contentsOf: gt)
                case UInt8(ascii: "&"): output.append(contentsOf: amp)
                case UInt8(ascii: "\""): output.append(contentsOf: quot)
                case UInt8(ascii: "'"): output.append(contentsOf: apos)
                default: output.append(byte)
                }
            }
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
