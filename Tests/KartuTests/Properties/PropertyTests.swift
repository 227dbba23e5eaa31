import Foundation
import PropertyBased
import Testing
@testable import Kartu
@testable import KartuFuzz

/// Invariants that are laws rather than crashes, checked on generated inputs (a failure prints the
/// input, shrunk, and the seed that reproduces it with `.fixedSeed(…)`).
@Suite("Properties")
struct PropertyTests {
    @Test("a slug is [a-z0-9] words joined by single hyphens, and its own slug")
    func slugs() async {
        await propertyCheck(count: 2000, input: Inputs.text) { text in
            let slug = Slug.make(text)
            #expect(isSlugText(slug))
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            #expect(Slug.make(slug) == slug)
        }
    }

    @Test("folding is idempotent, and Latin text folds the same by table and by the general path")
    func folding() async {
        await propertyCheck(count: 2000, input: Inputs.text) { text in
            let folded = Slug.fold(text)
            #expect(Slug.fold(folded) == folded)
            #expect(folded == Slug.foldAny(text))
        }
        // The cases fuzzing found, whatever the generator draws.
        #expect(Slug.fold("\u{30C}x") == "x")
        #expect(Slug.fold("\0\u{30C}") == "\0")
        #expect(Slug.fold("Ǽ ǿ") == "ae o")
        #expect(Slug.fold("Zażółć GĘŚLĄ jaźń") == "zazolc gesla jazn")
        #expect(Slug.fold("Kaz\u{6C}\u{75}\u{328} Ru\u{304}da") == "kazlu ruda")
        #expect(Slug.fold("Москва Kazlų") == "москва kazlu")
    }

    @Test("search words are folded words of two or more letters or digits, the same for folded text")
    func searchWords() async {
        await propertyCheck(count: 2000, input: Inputs.text) { text in
            let words = SearchIndex.words(text)
            #expect(words.allSatisfy { $0.count >= 2 && Slug.fold($0) == $0 })
            #expect(SearchIndex.words(Slug.fold(text)) == words)
        }
    }

    @Test("each language's collation is a total order: antisymmetric and transitive",
          arguments: ["lt-LT", "lv-LV", "et-EE", "pl-PL", "en-GB"])
    func collation(locale: String) async {
        let formatting = LocaleFormatting(localeIdentifier: locale)
        await propertyCheck(count: 2000, input: Inputs.title, Inputs.title, Inputs.title) { a, b, c in
            let ab = formatting.compare(a, b), ba = formatting.compare(b, a)
            #expect(ab.rawValue == -ba.rawValue, "\(a) \(b)")
            #expect(formatting.compare(a, a) == .orderedSame)
            // Sorted three ways round, the order is one order.
            let sorted = [a, b, c].sorted { formatting.compare($0, $1) == .orderedAscending }
            for (x, y) in zip(sorted, sorted.dropFirst()) { #expect(formatting.compare(x, y) != .orderedDescending, "\(sorted)") }
            #expect(formatting.compare(sorted[0], sorted[2]) != .orderedDescending, "\(sorted)")
        }
        // What the generator found: Foundation on Linux had `Ą` > `Aš` and `Aš` > `Ą` in pl-PL.
        #expect(formatting.compare("Ą", "Aš").rawValue == -formatting.compare("Aš", "Ą").rawValue)
    }

    @Test("pagination: the pages of a list hold each entry once, in order, none over the page size")
    func paginationSlices() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...300), Gen.int(in: -1...40)) { count, size in
            let pagination = Pagination(size: size, count: count)
            let slices = (1...pagination.pageCount).map(pagination.range(of:))
            #expect(slices.flatMap { Array($0) } == Array(0..<count))
            #expect(size <= 0 || slices.allSatisfy { $0.count <= size })
            #expect(slices.dropLast().allSatisfy { !$0.isEmpty })
        }
    }

    @Test("pagination of a built site: a section's and a theme's pages list each of their documents exactly once")
    func paginatedSite() async throws {
        await propertyCheck(count: 12, input: Inputs.document.array(of: 0...14), Gen.int(in: 1...4)) { documents, size in
            var files = Inputs.files(documents).merging(PaginationTests.templates) { _, new in new }
            files["content/site.yaml"] = Fixture.siteYAML + "paginate: \(size)\n"
            let site = try TestSite.small(files)
            #expect(try site.build().printed == [])
            for language in ["lt", "en", "pl"] {
                let mine = documents.filter { $0.language == language }
                #expect(Self.listed(site, "site/\(language)/projects/").sorted() == mine.map(\.title).sorted(), "\(language) section")
                let onTheme = mine.filter(\.reflection)
                guard !onTheme.isEmpty else { continue }
                #expect(Self.listed(site, "site/\(language)/themes/reflection/").sorted() == onTheme.map(\.title).sorted(), "\(language) theme")
            }
        }
    }

    /// The ITEM lines of a list's pages (the list, then page/2/, page/3/… while they exist).
    static func listed(_ site: TestSite, _ list: String) -> [String] {
        var titles: [String] = []
        var page = 1
        while case let path = list + (page == 1 ? "" : "page/\(page)/") + "index.html", site.exists(path) {
            titles += site.lines(path, prefixed: "ITEM ").map { String($0.dropFirst("ITEM ".count)) }
            page += 1
        }
        return titles
    }

    @Test("--jobs N writes the same bytes as --jobs 1, with the default theme")
    func jobs() async throws {
        await propertyCheck(count: 6, input: Inputs.document.array(of: 1...12), Gen.int(in: 2...5)) { documents, jobs in
            var files = Inputs.files(documents)
            files["content/site.yaml"] = Fixture.siteYAML
            files["content/themes.yaml"] = SmallSite.themesYAML
            files.merge(SmallSite.homes) { _, new in new }
            let site = try TestSite(files)
            try site.build(output: "one", baseURL: "https://example.org/", jobs: 1)
            try site.build(output: "many", baseURL: "https://example.org/", jobs: jobs)
            let one = site.contents(under: "one")
            #expect(one.count > 10)
            #expect(Tree.differences(one, site.contents(under: "many")) == [], "--jobs \(jobs)")
        }
    }
}
