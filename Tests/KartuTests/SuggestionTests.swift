import Testing
@testable import Kartu

@Suite("Suggestion (did you mean)")
struct SuggestionTests {
    let themes = ["reflection", "collaboration", "leadership", "sustainability"]

    @Test("a typo gets the closest candidate")
    func typo() {
        #expect(Suggestion.didYouMean("refelction", in: themes) == "did you mean 'reflection'?")
        #expect(Suggestion.didYouMean("colaboration", in: themes) == "did you mean 'collaboration'?")
        #expect(Suggestion.closest(to: "titel", in: DocumentMetadata.commonKeys) == "title")
        #expect(Suggestion.closest(to: "change-projet", in: DocumentKind.allCases.map(\.rawValue)) == "change-project")
    }

    @Test("matching ignores case but suggests the candidate's spelling")
    func caseInsensitive() {
        #expect(Suggestion.closest(to: "baseUrl", in: SiteConfig.knownKeys) == "baseURL")
        #expect(Suggestion.closest(to: "Reflection", in: themes) == "reflection")
    }

    @Test("nothing close means no suggestion")
    func nothingClose() {
        #expect(Suggestion.closest(to: "x", in: themes) == nil)
        #expect(Suggestion.didYouMean("geography", in: themes) == nil)
        #expect(Suggestion.closest(to: "anything", in: [String]()) == nil)
    }

    @Test("a short word entirely different from every candidate gets no suggestion")
    func shortWordsAreNotTypos() {
        // 'de' shares no letter position with 'en': two edits in two letters is not a typo.
        #expect(Suggestion.closest(to: "de", in: ["lt", "en", "pl"]) == nil)
        #expect(Suggestion.closest(to: "xy", in: ["lt", "en", "pl"]) == nil)
        // …while a one-letter slip in a short word still is.
        #expect(Suggestion.closest(to: "lit", in: ["lt", "en", "pl"]) == "lt")
    }

    @Test("ties go to the alphabetically first candidate, whatever the input order")
    func ties() {
        #expect(Suggestion.closest(to: "cat", in: ["cot", "bat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", in: ["bat", "cot"]) == "bat")
    }

    @Test("edit distance counts an adjacent transposition as one edit")
    func editDistance() {
        func distance(_ a: String, _ b: String) -> Int { Suggestion.editDistance(Array(a), Array(b)) }
        #expect(distance("ab", "ba") == 1)
        #expect(distance("reflection", "refelction") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "") == 3)
        #expect(distance("same", "same") == 0)
    }
}
