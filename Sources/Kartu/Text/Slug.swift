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
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            let v = scalar.value
            let isAlnum = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
            if isAlnum {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
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

    /// The table path: nil when the text has a scalar outside the Latin blocks and the combining
    /// diacritics (U+0300…U+036F, which folding removes).
    private static func foldLatin(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
            } else if v < 0x250 {
                out.append(contentsOf: latinTable[Int(v)].unicodeScalars)
            } else if v >= 0x300 && v <= 0x36F {
                continue
            } else {
                return nil
            }
        }
        return String(out)
    }

    static func foldAny(_ text: String) -> String {
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
        let source = changed ? String(replaced) : text
        return source.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    }
}
