import Foundation

/// How text becomes search words, exactly as the search script takes a query apart:
/// - a word is a run of letters, digits and combining marks (`[\p{L}\p{N}\p{M}]+`);
/// - it is lower-cased and composed (NFC), and stemmed by the language's rules in that spelling;
/// - then the word and its stem are folded (`Slug.fold`: case, diacritics, `ł` → `l`, `ß` → `ss`)
///   and kept to letters and digits: `Mokytojams` → form `mokytojams`, stem `mokytoj`;
///   `Szkołach` → `szkolach`, `szkol`.
/// Words shorter than two characters are not indexed.
extension SearchIndex {
    /// A word as indexed: its folded spelling, and the folded stem it is filed under.
    struct Word: Sendable, Hashable {
        let form: String
        let stem: String
    }

    /// Turns the raw words of a text into `Word`s, each distinct spelling worked out once.
    struct Analyzer: Sendable {
        let stemmer: Stemmer?
        private(set) var known: [String: Word?] = [:]

        init(stemmer: Stemmer?) {
            self.stemmer = stemmer
        }

        mutating func word(_ raw: String) -> Word? {
            if let done = known[raw] { return done }
            let word = Self.analyze(raw, stemmer: stemmer)
            known[raw] = word
            return word
        }

        static func analyze(_ raw: String, stemmer: Stemmer?) -> Word? {
            let lower = raw.utf8.allSatisfy { $0 < 0x80 } ? raw.lowercased() : raw.lowercased().precomposedStringWithCanonicalMapping
            let form = lettersAndDigits(Slug.fold(lower))
            guard form.unicodeScalars.count >= 2 else { return nil }
            guard let stemmer else { return Word(form: form, stem: form) }
            let stem = lettersAndDigits(Slug.fold(stemmer.stem(lower)))
            return Word(form: form, stem: stem.unicodeScalars.count >= 2 ? stem : form)
        }

        /// Folding keeps what is not a letter or digit in a few scripts' spacing marks; a word keeps
        /// only its letters and digits, as the script's does.
        private static func lettersAndDigits(_ text: String) -> String {
            guard !text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.filter(isWordScalar)))
        }
    }

    /// A letter or digit as the script's `[\p{L}\p{N}]` takes them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Calls `body` with each raw word of `text` (a run of letters, digits and marks), in order.
    /// On the UTF-8 bytes, as `Slug.foldLatin` reads them: walking `unicodeScalars` instead made
    /// the 10k corpus's pages step 120 ms (9 %) slower.
    static func forEachRawWord(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var i = 0
            func end(_ at: Int) {
                if start >= 0 { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)) }
                start = -1
            }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    if isWord { if start < 0 { start = i } } else { end(i) }
                    i += 1
                    continue
                }
                // A multi-byte scalar: decoded to ask its category.
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for k in 1..<width where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                // Latin letters (U+00C0…U+024F but × and ÷), most of the non-ASCII here, without a table lookup.
                let isWord = (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
                    || (Unicode.Scalar(value).map { isWordScalar($0) || Slug.isMark($0) } ?? false)
                if isWord { if start < 0 { start = i } } else { end(i) }
                i += width
            }
            end(bytes.count)
        }
    }

    /// The folded words of a text, in order, repeated as they occur (what a query is split into).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachRawWord(in: text) { raw in
            if let word = Analyzer.analyze(raw, stemmer: nil) { words.append(word.form) }
        }
        return words
    }

    /// A text cut into passages of at most `passageBytes` (a word longer than that is a passage of
    /// its own), at sentence ends where it can and at spaces otherwise: the pieces a result shows
    /// around the word it matched. Works on UTF-8 bytes; every byte it cuts at is ASCII.
    static func passages(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var passages: [String] = []
            var start = 0          // the current passage's first byte
            var lastSentenceEnd = -1, lastSpace = -1
            var i = 0
            func cut(at end: Int) {
                if end > start { passages.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1  // past the space
                lastSentenceEnd = -1
                lastSpace = -1
            }
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    let previous = i > 0 ? bytes[i - 1] : 0
                    if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: ":") {
                        lastSentenceEnd = i
                    }
                    lastSpace = i
                }
                if i - start >= passageBytes {
                    // Full: cut at the last sentence end in its second half, else at the last space.
                    if lastSentenceEnd > start + passageBytes / 2 {
                        cut(at: lastSentenceEnd)
                    } else if lastSpace > start {
                        cut(at: lastSpace)
                    } else {
                        // One long word: to its end.
                        var end = i
                        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                        cut(at: end)
                        i = end + 1
                        continue
                    }
                }
                i += 1
            }
            if start < bytes.count { passages.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return passages
        }
    }
}
