/// Stable identifiers for books, so that an EPUB keeps its identity from one build to the next.
///
/// The form is a UUID (`urn:uuid:…`), which every reading system and epubcheck accepts and most
/// tools write; the UUID is version 8 (RFC 9562: content defined by the application) over the
/// 128-bit FNV-1a hash of namespace, translation key and language. That is stable without the clock,
/// a random source or a new dependency. It only needs to tell books apart, not to resist attack, so
/// a cryptographic hash is not called for. A readable `urn:kartu:key:lang` would collide between two
/// sites that both have a `guide` in `lt`, which the namespace prevents.
public enum EPUBIdentifier {
    /// `urn:uuid:…` for the book of `translationKey` in `language`. `namespace` names the site, e.g.
    /// its base URL, or its title when it has none: the same key on two sites gives two identifiers.
    public static func derived(translationKey: String, language: String, namespace: String) -> String {
        // Unit separators keep ("a b", "c") and ("a", "b c") apart.
        "urn:uuid:" + uuid(of: namespace + "\u{1F}" + translationKey + "\u{1F}" + language)
    }

    /// A version-8 UUID, lower case, from the FNV-1a 128-bit hash of `name`'s UTF-8.
    static func uuid(of name: String) -> String {
        let (high, low) = fnv1a128(name)
        let versioned = high & ~0xF000 | 0x8000
        let variant = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        let hex = hexDigits(versioned) + hexDigits(variant)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return groups.joined(separator: "-")
    }

    /// FNV-1a with 128-bit state, as (high, low) 64-bit halves.
    static func fnv1a128(_ name: String) -> (high: UInt64, low: UInt64) {
        var high: UInt64 = 0x6C62_272E_07BB_0142
        var low: UInt64 = 0x62B8_2175_6295_C58D
        for byte in name.utf8 {
            low ^= UInt64(byte)
            // × the FNV prime 2^88 + 0x13B, modulo 2^128: 2^88 moves `low` 24 bits into `high`.
            let (carry, product) = low.multipliedFullWidth(by: 0x13B)
            high = high &* 0x13B &+ carry &+ (low << 24)
            low = product
        }
        return (high, low)
    }

    private static func hexDigits(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
