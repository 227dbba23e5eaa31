import Foundation

/// A light suffix-stripping stemmer, written as rules (data) rather than code, so that the search
/// script runs exactly the same function on a reader's query as the engine ran on the text: the
/// rules go into the index (`meta.json`, `stemmer`), and `assets/search.js` interprets them with the
/// same few lines as `stem(_:)` here. Test vectors in `Tests/Fixtures/stemmer/` hold both to it.
///
/// A word is stemmed lower-cased and composed (NFC), before diacritics are folded: the rules see
/// `moterų`, not `moteru`. Each ending also has its folded spelling (`ų` → `u`) unless that is an
/// ending of its own, so a query typed without diacritics loses the same ending.
///
/// Rules, applied in order, each once at most:
/// - a step lists endings with what replaces them (usually nothing);
/// - of the endings the word has, the longest is replaced if its conditions hold (as Snowball's
///   `among` does: a shorter one is not tried): the stem before it keeps at least `minimum`
///   characters, starts no earlier than the step's region (R1 or R2, as Snowball defines them;
///   after one of `r1Prefixes` for R1, as Porter 2 has for `commun-`), and has a vowel when the
///   step asks for one;
/// - an ending that replaces itself (`ss` → `ss`) keeps a shorter one (`s`) from applying;
/// - `undouble` letters: a doubled one left at the end after an ending went is made single
///   (`planning` → `plann` → `plan`).
struct Stemmer: Sendable {
    enum Region: Int, Sendable {
        case word = 0, r1 = 1, r2 = 2
    }

    struct Step: Sendable {
        let region: Region
        let minimum: Int
        let needsVowel: Bool
        let undouble: Set<Unicode.Scalar>
        /// Ending → replacement, with the folded spellings added.
        let endings: [String: String]
        let longest: Int

        /// `endings`: space-separated, each `ending` (removed) or `ending>replacement`.
        init(region: Region = .word, minimum: Int = 2, needsVowel: Bool = false, undouble: String = "", _ endings: String) {
            self.region = region
            self.minimum = minimum
            self.needsVowel = needsVowel
            self.undouble = Set(undouble.unicodeScalars)
            var table: [String: String] = [:]
            for item in endings.split(separator: " ") {
                let parts = item.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
                let ending = String(parts[0]).precomposedStringWithCanonicalMapping
                let replacement = parts.count > 1 ? String(parts[1]).precomposedStringWithCanonicalMapping : ""
                // Endings are listed by paradigm, so one may be listed twice, but always with one meaning.
                precondition(table[ending, default: replacement] == replacement, "ending \(ending) with two replacements")
                table[ending] = replacement
            }
            // Folded spellings: an ending a reader types without its diacritics.
            for (ending, replacement) in table.sorted(by: { $0.key < $1.key }) {
                let folded = Slug.fold(ending)
                if folded != ending, table[folded] == nil { table[folded] = Slug.fold(replacement) }
            }
            self.endings = table
            longest = table.keys.map { $0.unicodeScalars.count }.max() ?? 0
        }
    }

    /// The language code (`lt`) the rules are for.
    let language: String
    let vowels: Set<Unicode.Scalar>
    /// Words starting with one of these have R1 after it.
    let r1Prefixes: [String]
    let steps: [Step]

    init(language: String, vowels: String, r1Prefixes: String = "", steps: [Step]) {
        self.language = language
        self.r1Prefixes = r1Prefixes.split(separator: " ").map(String.init)
        var all = Set(vowels.precomposedStringWithCanonicalMapping.unicodeScalars)
        for scalar in Slug.fold(vowels).unicodeScalars { all.insert(scalar) }
        self.vowels = all
        self.steps = steps
    }

    /// The stem of one lower-cased, composed word.
    func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        let r1 = r1Prefixes.first(where: word.hasPrefix).map { $0.unicodeScalars.count } ?? regionStart(scalars, from: 0)
        let r2 = regionStart(scalars, from: r1)
        for step in steps {
            var length = min(step.longest, scalars.count)
            while length > 0 {
                defer { length -= 1 }
                let at = scalars.count - length
                guard let replacement = step.endings[String(String.UnicodeScalarView(scalars[at...]))] else { continue }
                // The longest ending decides: if its conditions fail, the step leaves the word.
                guard at >= step.minimum, at >= (step.region == .r1 ? r1 : step.region == .r2 ? r2 : 0),
                      !step.needsVowel || scalars[..<at].contains(where: vowels.contains) else { break }
                scalars.removeSubrange(at...)
                scalars.append(contentsOf: replacement.unicodeScalars)
                if replacement.isEmpty, scalars.count >= 2, let last = scalars.last, step.undouble.contains(last),
                   scalars[scalars.count - 2] == last {
                    scalars.removeLast()
                }
                break
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Where R1 starts when `from` is 0 (R2 when it is R1's start): after the first non-vowel that
    /// follows a vowel, at or after `from`; the word's end if there is none.
    private func regionStart(_ scalars: [Unicode.Scalar], from: Int) -> Int {
        var i = from + 1
        while i < scalars.count {
            if !vowels.contains(scalars[i]) && vowels.contains(scalars[i - 1]) { return i + 1 }
            i += 1
        }
        return scalars.count
    }

    /// The rules as the search script reads them:
    /// `{"language":…,"vowels":…,"steps":[{"region":0|1|2,"minimum":n,"vowel":bool,"undouble":…,"endings":{…}}]}`.
    var json: String {
        var out = "{\"language\":" + JSONText.string(language) + ",\"vowels\":"
        out += JSONText.string(String(String.UnicodeScalarView(vowels.sorted { $0.value < $1.value })))
        out += ",\"r1Prefixes\":[" + r1Prefixes.map(JSONText.string).joined(separator: ",") + "]"
        out += ",\"steps\":["
        for (i, step) in steps.enumerated() {
            if i > 0 { out += "," }
            out += "{\"region\":\(step.region.rawValue),\"minimum\":\(step.minimum),\"vowel\":\(step.needsVowel),\"undouble\":"
            out += JSONText.string(String(String.UnicodeScalarView(step.undouble.sorted { $0.value < $1.value })))
            out += ",\"endings\":{"
            for (j, ending) in step.endings.keys.sorted().enumerated() {
                if j > 0 { out += "," }
                out += JSONText.string(ending) + ":" + JSONText.string(step.endings[ending]!)
            }
            out += "}}"
        }
        return out + "]}"
    }

    /// The stemmer for a site language (`lt`, `lt-LT`), nil for a language kartu has no rules for:
    /// its words are then matched as written (folded), by prefix.
    static func forLanguage(_ code: String) -> Stemmer? {
        switch code.lowercased().prefix(while: { $0 != "-" && $0 != "_" }) {
        case "en": english
        case "lt": lithuanian
        case "lv": latvian
        case "et": estonian
        case "pl": polish
        default: nil
        }
    }
}
