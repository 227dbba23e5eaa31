import Foundation
import Testing
@testable import Kartu

/// `RelatedDocuments` on hand-made documents: idf weighting, tie-breaks, same language first,
/// other-language fill and its exclusions.
@Suite("Cross-linking: related documents")
struct RelatedDocumentsTests {
    /// A page document at `path` (`content/<lang>/<path inside the language>`).
    static func doc(_ path: String, _ themes: [String], date: String? = nil, key: String? = nil,
                    role: Document.Role = .page, title: String? = nil) -> Document {
        let parts = path.split(separator: "/").map(String.init)
        var meta = DocumentMetadata()
        meta.title = title ?? String(parts.last!.dropLast(3))
        meta.kind = .project
        meta.themes = themes
        meta.date = date.flatMap { DayDate(iso: $0) }
        meta.translationKey = key
        return Document(sourcePath: path, language: parts[1], role: role, languagePath: parts[2...].joined(separator: "/"),
                        metadata: meta, body: "", bodyLineOffset: 0)
    }

    /// Related documents of every document, as source paths (without `content/`), keyed by the same.
    static func related(_ documents: [Document], limit: Int = 5, isPage: [Bool]? = nil) -> [String: [String]] {
        let result = RelatedDocuments(limit: limit, workers: Workers()).compute(documents, isPage: isPage ?? documents.map { $0.role == .page })
        var byPath: [String: [String]] = [:]
        for (i, list) in result.enumerated() {
            byPath[String(documents[i].sourcePath.dropFirst("content/".count))] = list.map { String(documents[$0].sourcePath.dropFirst("content/".count)) }
        }
        return byPath
    }

    @Test("idf weighting: one shared rare theme beats two shared common ones (plain counts, dates and paths say the opposite)")
    func idfBeatsCount() {
        // N = 12. df(rare) = 2: idf = ln 7 ≈ 1.95. df(common1) = df(common2) = 11: idf = ln(1 + 12/11) ≈ 0.74 each, 1.47 together.
        var documents = [
            Self.doc("content/lt/p/a.md", ["rare", "common1", "common2"], date: "2019-01-01"),
            Self.doc("content/lt/p/z-rare.md", ["rare"], date: "2018-01-01"),
            Self.doc("content/lt/p/c-common.md", ["common1", "common2"], date: "2020-01-01"),
        ]
        for i in 1...9 { documents.append(Self.doc("content/lt/p/filler-\(i).md", ["common1", "common2"])) }
        let related = Self.related(documents)
        #expect(related["lt/p/a.md"] == ["lt/p/z-rare.md", "lt/p/c-common.md", "lt/p/filler-1.md", "lt/p/filler-2.md", "lt/p/filler-3.md"])
        // The rare one relates only to a.
        #expect(related["lt/p/z-rare.md"] == ["lt/p/a.md"])
        // A filler: c-common and the other fillers score the same as a (both common themes): a is older than
        // c-common and dated, so c-common, a, then the undated fillers by path.
        #expect(related["lt/p/filler-5.md"] == ["lt/p/c-common.md", "lt/p/a.md", "lt/p/filler-1.md", "lt/p/filler-2.md", "lt/p/filler-3.md"])
    }

    @Test("idf is ln(1 + N/df): two themes of df 4 outscore one of df 2 (with ln(N/df) they would tie and the newer win)")
    func idfFormula() {
        // N = 8 (the document without themes counts). idf(p) = idf(q) = ln 3 ≈ 1.10, together 2.20; idf(r) = ln 5 ≈ 1.61.
        let documents = [
            Self.doc("content/lt/p/a.md", ["p", "q", "r"]),
            Self.doc("content/lt/p/b.md", ["p", "q"], date: "2010-01-01"),
            Self.doc("content/lt/p/c.md", ["r"], date: "2020-01-01"),
            Self.doc("content/lt/p/d1.md", ["p"]), Self.doc("content/lt/p/d2.md", ["p"]),
            Self.doc("content/lt/p/e1.md", ["q"]), Self.doc("content/lt/p/e2.md", ["q"]),
            Self.doc("content/lt/p/g.md", []),
        ]
        let related = Self.related(documents)
        #expect(related["lt/p/a.md"] == ["lt/p/b.md", "lt/p/c.md", "lt/p/d1.md", "lt/p/d2.md", "lt/p/e1.md"])
        #expect(related["lt/p/g.md"] == [])
    }

    @Test("the score is the sum over shared themes, not the best one")
    func scoreIsSum() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x", "y"]),
            Self.doc("content/lt/p/b.md", ["x"], date: "2022-01-01"),
            Self.doc("content/lt/p/c.md", ["x", "y"], date: "2001-01-01"),
            Self.doc("content/lt/p/d.md", ["y"], date: "2023-01-01"),
        ]
        // df(x) = df(y) = 3: each shared theme weighs the same; c shares both.
        #expect(Self.related(documents)["lt/p/a.md"] == ["lt/p/c.md", "lt/p/d.md", "lt/p/b.md"])
    }

    @Test("document frequency and N count every language")
    func idfOverAllLanguages() {
        // In lt alone x and y would be equally rare (df 2), and b, the newer, would lead.
        // With en, df(x) = 6, df(y) = 2: c leads. Then the fill from en (three of four, by path).
        let documents = [
            Self.doc("content/lt/p/a.md", ["x", "y"], date: "2019-01-01"),
            Self.doc("content/lt/p/b.md", ["x"], date: "2020-01-01"),
            Self.doc("content/lt/p/c.md", ["y"], date: "2018-01-01"),
            Self.doc("content/en/p/e1.md", ["x"]), Self.doc("content/en/p/e2.md", ["x"]),
            Self.doc("content/en/p/e3.md", ["x"]), Self.doc("content/en/p/e4.md", ["x"]),
        ]
        #expect(Self.related(documents)["lt/p/a.md"] == ["lt/p/c.md", "lt/p/b.md", "en/p/e1.md", "en/p/e2.md", "en/p/e3.md"])
    }

    @Test("equal scores: the newer first, undated last")
    func tieByDate() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x"], date: "2019-01-01"),
            Self.doc("content/lt/p/b.md", ["x"], date: "2018-01-01"),
            Self.doc("content/lt/p/c.md", ["x"]),
            Self.doc("content/lt/p/d.md", ["x"], date: "2020-06-30"),
            Self.doc("content/lt/p/e.md", ["x"], date: "2020-07-01"),
        ]
        #expect(Self.related(documents)["lt/p/a.md"] == ["lt/p/e.md", "lt/p/d.md", "lt/p/b.md", "lt/p/c.md"])
        #expect(Self.related(documents)["lt/p/c.md"] == ["lt/p/e.md", "lt/p/d.md", "lt/p/a.md", "lt/p/b.md"])
    }

    @Test("equal scores and dates: the smaller source path first, whatever the input order and the titles")
    func tieByPath() {
        let documents = [
            Self.doc("content/lt/p/m.md", ["x"], date: "2019-01-01"),
            Self.doc("content/lt/p/b.md", ["x"], date: "2019-01-01", title: "AAA"),
            Self.doc("content/lt/p/a2.md", ["x"], date: "2019-01-01", title: "Zeta"),
            Self.doc("content/lt/p/a10.md", ["x"], date: "2019-01-01", title: "Omega"),
            Self.doc("content/lt/a/z.md", ["x"], date: "2019-01-01"),
        ]
        #expect(Self.related(documents)["lt/p/m.md"] == ["lt/a/z.md", "lt/p/a10.md", "lt/p/a2.md", "lt/p/b.md"])
        #expect(Self.related(Array(documents.reversed()))["lt/p/m.md"] == ["lt/a/z.md", "lt/p/a10.md", "lt/p/a2.md", "lt/p/b.md"])
    }

    @Test("documents of the same language first, whatever their score; other languages fill up to the limit")
    func sameLanguageFirst() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x", "y", "z"]),
            Self.doc("content/lt/p/b.md", ["x"], date: "2000-01-01"),
            Self.doc("content/en/p/e.md", ["x", "y", "z"], date: "2022-01-01"),
            Self.doc("content/pl/p/p.md", ["x", "y"], date: "2023-01-01"),
            Self.doc("content/en/p/f.md", ["z"]),
        ]
        let related = Self.related(documents)
        // Then the other languages by score, not grouped by language.
        #expect(related["lt/p/a.md"] == ["lt/p/b.md", "en/p/e.md", "pl/p/p.md", "en/p/f.md"])
        #expect(related["en/p/e.md"] == ["en/p/f.md", "lt/p/a.md", "pl/p/p.md", "lt/p/b.md"])
        #expect(related["pl/p/p.md"] == ["en/p/e.md", "lt/p/a.md", "lt/p/b.md"])  // a and e tie: e is dated
    }

    @Test("no other language when the language alone fills the limit")
    func noFillWhenFull() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x", "y"]),
            Self.doc("content/lt/p/b.md", ["x"]),
            Self.doc("content/lt/p/c.md", ["x"]),
            Self.doc("content/en/p/e.md", ["x", "y"], date: "2024-01-01"),
        ]
        #expect(Self.related(documents, limit: 2)["lt/p/a.md"] == ["lt/p/b.md", "lt/p/c.md"])
        #expect(Self.related(documents, limit: 3)["lt/p/a.md"] == ["lt/p/b.md", "lt/p/c.md", "en/p/e.md"])
    }

    @Test("at most `limit` documents, the best ones")
    func limit() {
        var documents = [Self.doc("content/lt/p/a.md", ["x", "y"])]
        for i in 1...7 { documents.append(Self.doc("content/lt/p/d\(i).md", ["x"], date: "2019-01-0\(i)")) }
        documents.append(Self.doc("content/lt/p/z.md", ["x", "y"]))
        let related = Self.related(documents)
        #expect(related["lt/p/a.md"] == ["lt/p/z.md", "lt/p/d7.md", "lt/p/d6.md", "lt/p/d5.md", "lt/p/d4.md"])
        #expect(Self.related(documents, limit: 1)["lt/p/a.md"] == ["lt/p/z.md"])
    }

    @Test("other languages exclude translations of the document itself and documents translated into its language")
    func fillExclusions() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x"], key: "a"),
            // Translations of a: by key, and by path (no key, same path under another language).
            Self.doc("content/en/p/a-en.md", ["x"], key: "a"),
            Self.doc("content/lt/p/same.md", ["y"]),
            Self.doc("content/pl/p/same.md", ["y"]),
            // e has a Lithuanian translation (off the theme, so not related itself): e is left out.
            Self.doc("content/en/p/e.md", ["x"], key: "e"),
            Self.doc("content/lt/p/e-lt.md", [], key: "e"),
            // f has no Lithuanian translation: offered. p and q translate each other but not into lt: both offered.
            Self.doc("content/en/p/f.md", ["x"], date: "2018-01-01"),
            Self.doc("content/pl/p/p.md", ["x"], date: "2020-01-01", key: "pq"),
            Self.doc("content/en/p/q.md", ["x"], date: "2019-01-01", key: "pq"),
        ]
        let related = Self.related(documents)
        #expect(related["lt/p/a.md"] == ["pl/p/p.md", "en/p/q.md", "en/p/f.md"])
        #expect(related["lt/p/same.md"] == [])
        #expect(related["pl/p/same.md"] == [])
        // From en a-en: the same language first (f, q, e), then pl p is q's translation: left out; lt a is a-en's own.
        #expect(related["en/p/a-en.md"] == ["en/p/q.md", "en/p/f.md", "en/p/e.md"])
    }

    @Test("no shared theme, no relation; documents without themes and non-pages have none and are none")
    func noSharedTheme() {
        let documents = [
            Self.doc("content/lt/p/a.md", ["x"]),
            Self.doc("content/lt/p/b.md", ["y"]),
            Self.doc("content/en/p/c.md", ["y"]),
            Self.doc("content/lt/p/none.md", []),
            Self.doc("content/lt/p/_index.md", ["x"], role: .list),
            Self.doc("content/lt/themes/x.md", ["x"], role: .theme),
        ]
        let related = Self.related(documents)
        #expect(related["lt/p/a.md"] == [])
        #expect(related["lt/p/b.md"] == ["en/p/c.md"])
        #expect(related["lt/p/none.md"] == [])
        #expect(related["lt/p/_index.md"] == [])
        #expect(related["lt/themes/x.md"] == [])
        // isPage decides, not the role.
        let forced = Self.related(documents, isPage: [true, true, true, true, true, false])
        #expect(forced["lt/p/a.md"] == ["lt/p/_index.md"])
        #expect(forced["lt/themes/x.md"] == [])
    }
}

/// Related documents as document pages show them (`document.related`).
@Suite("Cross-linking: related documents on pages")
struct RelatedDocumentsPageTests {
    static let content: [String: String] = [
        "content/lt/projects/a.md": SmallSite.doc("Alytus", ["date: 2019-01-01", "themes: [reflection, inclusion]", "translationKey: a"]),
        "content/lt/projects/b.md": SmallSite.doc("Biržai", ["date: 2018-01-01", "themes: [reflection]"]),
        "content/lt/projects/c.md": SmallSite.doc("Czarny", ["date: 2020-01-01", "themes: [inclusion]"]),
        "content/lt/projects/d.md": SmallSite.doc("Druskininkai", ["themes: [collaboration]"]),
        // English: the translation of Alytus, a document translated into lt (Biržai, by path), one that is not.
        "content/en/projects/alytus.md": SmallSite.doc("Alytus", ["date: 2019-01-01", "themes: [reflection, inclusion]", "translationKey: a"]),
        "content/en/projects/b.md": SmallSite.doc("Birzai", ["date: 2018-01-01", "themes: [reflection]"]),
        "content/en/projects/leeds.md": SmallSite.doc("Leeds", ["date: 2017-01-01", "themes: [reflection]"]),
        "content/pl/projects/gdansk.md": SmallSite.doc("Gdańsk", ["date: 2016-01-01", "themes: [inclusion]"]),
        // A theme description is no candidate.
        "content/lt/themes/reflection.md": Fixture.page(["title: Apie refleksiją"]),
    ]

    @Test("same language first, then untranslated documents of other languages marked as such; no self, no translation")
    func related() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        // N = 8; df(reflection) = 5, df(inclusion) = 4: inclusion weighs more (Czarny before Biržai, Gdańsk before Leeds).
        // en Birzai translates lt Biržai: not offered on the Lithuanian page, nor Biržai on the English one.
        // Gdańsk: lt Czarny (newest), then the two Alytus of 2019 by path (content/en/… before content/lt/…).
        #expect(site.line("site/lt/projects/a/index.html", "related: ") == "related: lt:Czarny;lt:Biržai;pl:Gdańsk*;en:Leeds*;")
        #expect(site.line("site/en/projects/alytus/index.html", "related: ") == "related: en:Birzai;en:Leeds;lt:Czarny*;pl:Gdańsk*;")
        #expect(site.line("site/lt/projects/d/index.html", "related: ") == "related: ")
        #expect(site.line("site/pl/projects/gdansk/index.html", "related: ") == "related: lt:Czarny*;en:Alytus*;lt:Alytus*;")
    }

    @Test("at most five on a page")
    func atMostFive() throws {
        var content = Self.content
        for i in 1...6 { content["content/lt/more/m\(i).md"] = SmallSite.doc("M\(i)", ["date: 2015-01-0\(i)", "themes: [reflection]"]) }
        let site = try TestSite.small(content)
        #expect(try site.build().printed == [])
        #expect(site.line("site/lt/projects/b/index.html", "related: ") == "related: lt:Alytus;lt:M6;lt:M5;lt:M4;lt:M3;")
    }
}
