import Foundation

/// Turns titles, headings and file names into URL-safe lowercase ASCII:
/// `Kazlų Rūda` → `kazlu-ruda`, `Łódź` → `lodz`, `Straße` → `strasse`.
public enum Slug {
    /// Letters that Unicode does not decompose into a base letter plus marks, so diacritic
    /// stripping alone leaves them (or drops them); they get an explicit ASCII spelling.
    static let undecomposable: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ħ": "h", "Ħ": "H", "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ŀ": "l", "Ŀ": "L",
    ]

    /// Lowercase ASCII letters and digits separated by single hyphens; empty if nothing remains.
    public static func make(_ text: String) -> String {
        // Latin text (nearly all headings and titles here) folds byte to byte by table; other text
        // through `fold`. Either way only ASCII letters and digits are kept, so the bytes of any
        // character left non-ASCII are separators like any other.
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        if !foldLatin(utf8: text.utf8, into: &folded) { folded = Array(fold(text).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        var pendingHyphen = false
        for byte in folded {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(byte)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A slug for a file or folder name from free text (a municipality, a project's name): at most
    /// `limit` bytes, so that a long value cannot make a name the file system refuses (255 bytes).
    /// A longer slug is cut at a hyphen and ends in six hex digits of its whole, so two long values
    /// that begin alike still get pages of their own.
    public static func make(_ text: String, limit: Int) -> String {
        let slug = make(text)
        guard slug.utf8.count > limit else { return slug }
        var hash: UInt32 = 2_166_136_261
        for byte in slug.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let kept = slug.utf8.prefix(limit - 7)
        let cut = kept.lastIndex(of: UInt8(ascii: "-")).map { kept[..<$0] } ?? kept[...]
        let digits = String(hash & 0xFFFFFF, radix: 16)
        return String(decoding: cut, as: UTF8.self) + "-" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Case-, diacritic- and special-letter-insensitive form of a text, for slugs and matching.
    /// Non-ASCII characters that survive folding are kept (so Cyrillic or Greek still compare).
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        if let fast = foldLatin(text) { return fast }
        return foldAny(text)
    }

    /// Folded form of each scalar of the Latin blocks (U+0000…U+024F), worked out once with the
    /// general path below, so that Baltic, Polish and other Latin text folds by table lookups.
    private static let latinTable: [String] = (0..<0x250).map { value in
        foldAny(String(Character(Unicode.Scalar(UInt32(value))!)))
    }

    /// The same table as UTF-8 bytes, for folding straight from bytes to bytes.
    private static let latinBytes: [[UInt8]] = latinTable.map { Array($0.utf8) }

    /// The table path: nil when the text has a scalar outside the Latin blocks and the combining
    /// diacritics (U+0300…U+036F, which folding removes).
    private static func foldLatin(_ text: String) -> String? {
        var out: [UInt8] = []
        guard foldLatin(utf8: text.utf8, into: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `fold` of UTF-8 text made only of Latin-block scalars and combining diacritics, as
    /// UTF-8; false when another scalar occurs (those need `foldAny`). Those scalars are one or two
    /// bytes long, so they are decoded here without building a String.
    static func foldLatin<Bytes: Collection<UInt8>>(utf8 bytes: Bytes, into out: inout [UInt8]) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let lead = bytes[index]
            bytes.formIndex(after: &index)
            if lead < 0x80 {
                out.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                continue
            }
            // A two-byte sequence (U+0080…U+07FF) or nothing this path handles.
            guard lead & 0xE0 == 0xC0, index != bytes.endIndex else { return false }
            let trail = bytes[index]
            guard trail & 0xC0 == 0x80 else { return false }
            bytes.formIndex(after: &index)
            let value = Int(lead & 0x1F) << 6 | Int(trail & 0x3F)
            if value < 0x250 {
                out.append(contentsOf: latinBytes[value])
            } else if value < 0x300 || value > 0x36F {
                return false
            }
        }
        return true
    }

    static func foldAny(_ text: String) -> String {
        var folded = spelledOut(text).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        // Once more after folding: a letter that decomposes into one of these and a mark (ǽ, ǿ)
        // becomes it only now (the slug fuzz target found `ǽ` folding to `æ`, and that to `ae`).
        folded = spelledOut(folded)
        // Foundation keeps a combining mark it finds no letter for (after a space or at the start)
        // and spacing marks; the Latin table and the search script drop every mark wherever it
        // stands. (The slug fuzz target found the two paths folding a stray U+030C differently.)
        guard folded.unicodeScalars.contains(where: isMark) else { return folded }
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { !isMark($0) }))
    }

    /// `text` with the letters of `undecomposable` spelled out in ASCII.
    private static func spelledOut(_ text: String) -> String {
        // These letters lie in U+00C6…U+0153, but for ẞ: a range check per scalar before any lookup.
        var replaced = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if (scalar.value >= 0xC6 && scalar.value <= 0x153) || scalar.value == 0x1E9E, let ascii = undecomposable[scalar] {
                replaced.append(contentsOf: ascii.unicodeScalars)
                changed = true
            } else {
                replaced.append(scalar)
            }
        }
        return changed ? String(replaced) : text
    }

    /// A combining mark (`\p{M}`): what folding and the search script drop wherever it stands.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
