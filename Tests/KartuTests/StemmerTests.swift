import Foundation
import Testing
@testable import Kartu

/// The stemmers against their test vectors (`Tests/Fixtures/stemmer/<language>.tsv`), which the
/// search script is held to as well (`scripts/stemmer-vectors.js`, run by `scripts/test.sh`).
@Suite("Stemmer")
struct StemmerTests {
    static let languages = ["en", "lt", "lv", "et", "pl"]

    /// One vectors file: every word with its stem, the groups of one word's forms (`=` must
    /// share a folded stem, `~` need not) and the pairs that must not.
    struct Vectors {
        var stems: [(word: String, stem: String, line: Int)] = []
        var groups: [(name: String, words: [String])] = []
        var distinct: [(String, String)] = []

        init(language: String) throws {
            let url = TestSite.repoRoot.appendingPathComponent("Tests/Fixtures/stemmer/\(language).tsv")
            var inGroup = false
            for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("= ") {
                    groups.append((String(line.dropFirst(2)), []))
                    inGroup = true
                } else if line.hasPrefix("~ ") {
                    inGroup = false
                } else if line.hasPrefix("! ") {
                    let pair = line.dropFirst(2).split(separator: " ")
                    distinct.append((String(pair[0]), String(pair[1])))
                } else if let tab = line.firstIndex(of: "\t") {
                    let word = String(line[..<tab]), stem = String(line[line.index(after: tab)...])
                    stems.append((word, stem, n + 1))
                    if inGroup { groups[groups.count - 1].words.append(word) }
                }
            }
        }
    }

    func folded(_ stemmer: Stemmer, _ word: String) -> String {
        Slug.fold(stemmer.stem(word.lowercased().precomposedStringWithCanonicalMapping))
    }

    @Test("every word of the vectors stems as written", arguments: languages)
    func vectors(language: String) throws {
        let vectors = try Vectors(language: language)
        let stemmer = try #require(Stemmer.forLanguage(language))
        #expect(vectors.stems.count >= 300, "a few hundred words per language")
        for (word, stem, line) in vectors.stems {
            #expect(stemmer.stem(word) == stem, "\(language).tsv:\(line): \(word)")
        }
    }

    @Test("the forms of one word share a stem, different words do not", arguments: languages)
    func conflation(language: String) throws {
        let vectors = try Vectors(language: language)
        let stemmer = try #require(Stemmer.forLanguage(language))
        #expect(vectors.groups.count >= 50)
        for (name, words) in vectors.groups {
            let stems = Set(words.map { folded(stemmer, $0) })
            #expect(stems.count == 1, "\(language): the forms of \(name) stem to \(stems.sorted())")
        }
        #expect(vectors.distinct.count >= 20)
        for (a, b) in vectors.distinct {
            #expect(folded(stemmer, a) != folded(stemmer, b), "\(language): \(a) and \(b) stem alike")
        }
    }

    /// The forms a reader typed that found nothing (the search issue's examples), next to forms the
    /// documents have.
    @Test("a query's form finds the text's", arguments: [
        ("lt", "mokytojams", "mokytojai"), ("lt", "mokytojams", "mokytojų"), ("lt", "utenoje", "Utena"),
        ("lt", "refleksijos", "refleksija"), ("lt", "kompetencijas", "kompetencijų"), ("en", "collaborating", "collaboration"),
        ("en", "collaborative", "collaborate"), ("pl", "szkołach", "szkoła"), ("pl", "szkołach", "szkół"),
        ("pl", "szkolach", "szkole"), ("pl", "wspolpraca", "współpracy"), ("lv", "kompetences", "kompetenču"),
        ("lv", "skolotājiem", "skolotājs"), ("et", "õpetajatele", "õpetaja"), ("et", "õpilastega", "õpilane"),
    ])
    func queries(language: String, query: String, text: String) throws {
        let stemmer = try #require(Stemmer.forLanguage(language))
        let analyze = { (raw: String) in SearchIndex.Analyzer.analyze(raw, stemmer: stemmer)?.stem }
        #expect(analyze(query) != nil && analyze(query) == analyze(text))
    }

    @Test("an ending's conditions: the longest decides, R1, a vowel in the stem, undoubling")
    func rules() {
        let english = Stemmer.english
        #expect(english.stem("planning") == "plan")       // undoubled
        #expect(english.stem("sing") == "sing")           // no vowel before -ing
        #expect(english.stem("focus") == "focus")         // -us is not a plural
        #expect(english.stem("implement") == "implement") // -ement fails R2, so -ent is not tried
        #expect(english.stem("community") != english.stem("communication"))  // R1 after commun-
        #expect(Stemmer.lithuanian.stem("tai") == "tai")  // no R1: nothing is removed
        #expect(Stemmer.forLanguage("lt-LT")?.language == "lt")
        #expect(Stemmer.forLanguage("de") == nil)
    }

    @Test("the rules as the script reads them carry every ending, folded ones too")
    func json() throws {
        let data = Data(Stemmer.polish.json.utf8)
        let rules = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(rules["language"] as? String == "pl")
        let steps = try #require(rules["steps"] as? [[String: Any]])
        #expect(steps.count == Stemmer.polish.steps.count)
        let endings = try #require(steps[0]["endings"] as? [String: String])
        #expect(endings["ach"] == "" && endings["ą"] == "" && endings["a"] == "")
        #expect(endings["rze"] == "r")
    }
}
