#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// Any text (a title, a heading, a file name, a search query): its slug is `[a-z0-9]` words joined
/// by single hyphens and is its own slug; folding is idempotent, and the table path for Latin text
/// folds as the general path does; search words are folded words of two or more characters, and
/// every language's stemmer gives each a folded stem of two or more.
enum SlugTarget {
    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let text = String(decoding: bytes, as: UTF8.self)
        let slug = Slug.make(text)
        try require(isSlugText(slug), "slug \(slug.debugDescription) is not [a-z0-9-]")
        try require(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "slug \(slug.debugDescription) has a stray hyphen")
        try require(Slug.make(slug) == slug, "the slug of \(slug.debugDescription) is \(Slug.make(slug).debugDescription)")

        let folded = Slug.fold(text)
        try require(Slug.fold(folded) == folded, "folding \(text.debugDescription) twice: \(folded.debugDescription), then \(Slug.fold(folded).debugDescription)")
        var table: [UInt8] = []
        if Slug.foldLatin(utf8: text.utf8, into: &table) {
            let general = Slug.foldAny(text)
            try require(String(decoding: table, as: UTF8.self) == general,
                        "the Latin table folds \(text.debugDescription) to \(String(decoding: table, as: UTF8.self).debugDescription), the general path to \(general.debugDescription)")
        }
        for word in SearchIndex.words(text) {
            try require(word.count >= 2, "search word \(word.debugDescription) is shorter than two characters")
            try require(Slug.fold(word) == word, "search word \(word.debugDescription) is not folded")
        }
        // Each language's stemmer on every raw word: a stem of two or more folded characters, filed
        // under the same form as without stemming.
        for language in ["en", "lt", "lv", "et", "pl"] {
            let stemmer = Stemmer.forLanguage(language)
            var failure: String?
            SearchIndex.forEachRawWord(in: text) { raw in
                guard failure == nil else { return }
                let plain = SearchIndex.Analyzer.analyze(raw, stemmer: nil)
                let stemmed = SearchIndex.Analyzer.analyze(raw, stemmer: stemmer)
                if plain?.form != stemmed?.form {
                    failure = "\(language): \(raw.debugDescription) has the form \(String(describing: stemmed?.form)) stemmed, \(String(describing: plain?.form)) not"
                } else if let stem = stemmed?.stem, stem.unicodeScalars.count < 2 || Slug.fold(stem) != stem {
                    failure = "\(language): the stem \(stem.debugDescription) of \(raw.debugDescription) is short or not folded"
                }
            }
            if let failure { try require(false, failure) }
        }
    }
}
#endif
