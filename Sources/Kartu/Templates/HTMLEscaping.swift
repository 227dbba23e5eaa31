import Mustache

/// The HTML escaping `{{name}}` applies, done on UTF-8 bytes.
///
/// swift-mustache escapes by looking every `Character` up in a dictionary and appending it to a
/// new string; on a 10k-page site that was a fifth of the build. Same five characters, same
/// entities, but text without any of them — nearly all of it — is returned as it is.
struct HTMLEscaping: MustacheContentType {
    /// The name templates are rendered under (see `TemplateSet.render`).
    static let name = "KARTU_HTML"

    /// Registers the content type with swift-mustache, once per process.
    static let register: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
                case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
                case UInt8(ascii: "\""): out.append(contentsOf: Self.quot)
                case UInt8(ascii: "'"): out.append(contentsOf: Self.apos)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8)
    // The entity swift-mustache's own HTML escaping uses, so themes see no difference.
    private static let apos = Array("&#39;".utf8)
}
