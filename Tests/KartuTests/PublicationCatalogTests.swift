import Foundation
import Testing
@testable import Kartu

/// Publications read from small content trees: tables of contents, reading order, untranslated chapters.
@Suite("Publications: model")
struct PublicationCatalogTests {
    static let folder = "content/lt/publications/kartu/"
    typealias P = PublicationSite

    /// The Lithuanian book: a part of three chapters between weighted chapters, an unweighted
    /// chapter, and a chapter that is a bundle folder.
    static let lithuanian: [String: String] = [
        folder + "index.md": Fixture.page(["title: Kartu", "kind: publication", "translationKey: kartu"]),
        folder + "ivadas.md": P.chapter("Įvadas", ["weight: 1", "translationKey: intro"]),
        folder + "praktikos/_index.md": Fixture.page(["title: Praktikos", "weight: 2", "translationKey: practices"]),
        // In Lithuanian, Ylakiai sorts between Ignalina and Jonava (y is an i letter).
        folder + "praktikos/jonava.md": P.chapter("Jonava", ["translationKey: jonava"]),
        folder + "praktikos/ylakiai.md": P.chapter("Ylakiai", ["translationKey: ylakiai"]),
        folder + "praktikos/ignalina/index.md": P.chapter("Ignalina", ["translationKey: ignalina"]),
        folder + "praktikos/ignalina/photo.png": "png",
        folder + "isvados.md": P.chapter("Išvados", ["weight: 3", "translationKey: conclusions"]),
        folder + "priedas.md": P.chapter("Priedas", ["translationKey: annex"]),
    ]

    @Test("without chapters:, top-level chapters and parts interleave by weight, then title; a part's chapters by title in the language's order")
    func byWeightThenTitle() throws {
        let site = try P(Self.lithuanian)
        #expect(site.printed == [])
        let book = try site.edition("lt")
        #expect(site.documents[book.document].sourcePath == Self.folder + "index.md")
        #expect(book.folder == "publications/kartu")
        #expect(site.outline(book) == [
            "ivadas",
            "praktikos/ (praktikos/_index) Praktikos: praktikos/ignalina, praktikos/ylakiai, praktikos/jonava",
            "isvados",
            "priedas",
        ])
        #expect(site.readingOrder(book) == ["ivadas", "praktikos/ignalina", "praktikos/ylakiai", "praktikos/jonava", "isvados", "priedas"])
        #expect(book.untranslated == [])
    }

    @Test("previous and next follow the reading order across parts; the catalog finds the publication of any of its documents")
    func readingOrder() throws {
        let site = try P(Self.lithuanian)
        let book = try site.edition("lt")
        let index = Dictionary(uniqueKeysWithValues: book.readingOrder.map { (site.name($0, in: book), $0) })
        let intro = try #require(index["ivadas"]), first = try #require(index["praktikos/ignalina"])
        let last = try #require(index["priedas"]), conclusions = try #require(index["isvados"])
        #expect(book.neighbours(of: intro) == (nil, first))
        #expect(book.neighbours(of: conclusions) == (index["praktikos/jonava"], last))
        #expect(book.neighbours(of: last) == (conclusions, nil))
        #expect(book.neighbours(of: book.document) == (nil, nil))
        for chapter in book.readingOrder { #expect(site.catalog.publication(of: chapter)?.document == book.document) }
        let partPage = try #require(site.documents.firstIndex { $0.sourcePath == Self.folder + "praktikos/_index.md" })
        #expect(site.catalog.publication(of: partPage)?.document == book.document)
        #expect(site.catalog.publication(of: site.documents.firstIndex { $0.role == .home }!) == nil)
    }

    @Test("chapters: gives the order, .md and ./ optional; a part comes where its first chapter is listed and keeps the list's order")
    func byList() throws {
        var content = Self.lithuanian
        content[Self.folder + "index.md"] = Fixture.page(["title: Kartu", "kind: publication", "chapters:", "  - isvados",
                                                          "  - praktikos/jonava.md", "  - ./ivadas.md", "  - praktikos/ignalina",
                                                          "  - priedas", "  - praktikos/ylakiai/"])
        let site = try P(content)
        #expect(site.printed == [])
        let book = try site.edition("lt")
        #expect(site.outline(book) == [
            "isvados",
            "praktikos/ (praktikos/_index) Praktikos: praktikos/jonava, praktikos/ignalina, praktikos/ylakiai",
            "ivadas",
            "priedas",
        ])
        #expect(site.readingOrder(book) == ["isvados", "praktikos/jonava", "praktikos/ignalina", "praktikos/ylakiai", "ivadas", "priedas"])
    }

    @Test("a chapter left out of chapters: comes after the listed ones of its level, by weight then title")
    func unlistedAfterListed() throws {
        var content = Self.lithuanian
        content[Self.folder + "index.md"] = Fixture.page(["title: Kartu", "kind: publication", "chapters: [priedas, praktikos/jonava]"])
        let site = try P(content)
        let book = try site.edition("lt")
        #expect(site.outline(book) == [
            "priedas",
            "praktikos/ (praktikos/_index) Praktikos: praktikos/jonava, praktikos/ignalina, praktikos/ylakiai",
            "ivadas",
            "isvados",
        ])
        #expect(site.printed.count == 4)
    }

    @Test("a part without _index.md takes its title from the folder; a part with no chapter is kept")
    func partsWithoutIndex() throws {
        let site = try P([
            Self.folder + "index.md": Fixture.page(["title: Kartu", "kind: publication"]),
            Self.folder + "b.md": P.chapter("B"),
            Self.folder + "geroji-patirtis/a.md": P.chapter("A"),
            Self.folder + "tuscia/_index.md": Fixture.page(["title: Tuščia"]),
        ])
        #expect(site.printed == [])
        #expect(site.outline(try site.edition("lt")) == ["b", "geroji-patirtis/ Geroji Patirtis: geroji-patirtis/a", "tuscia/ (tuscia/_index) Tuščia: "])
    }

    /// The English edition lacks the conclusions, the annex and two of the three practices; its
    /// part carries the same translationKey as the Lithuanian one. The Polish edition has only the
    /// introduction and an annex the others lack.
    static let editions: [String: String] = lithuanian.merging([
        "content/en/publications/together/index.md": Fixture.page(["title: Together", "kind: publication", "translationKey: kartu"]),
        "content/en/publications/together/intro.md": P.chapter("Introduction", ["weight: 1", "translationKey: intro"]),
        "content/en/publications/together/practices/_index.md": Fixture.page(["title: Practices", "weight: 2", "translationKey: practices"]),
        "content/en/publications/together/practices/ylakiai.md": P.chapter("Ylakiai", ["translationKey: ylakiai"]),
        "content/pl/publications/razem/index.md": Fixture.page(["title: Razem", "kind: publication", "translationKey: kartu"]),
        "content/pl/publications/razem/wstep.md": P.chapter("Wstęp", ["translationKey: intro"]),
        "content/pl/publications/razem/zrodla.md": P.chapter("Źródła", ["translationKey: sources"]),
        // Another book: never mixed with this one.
        "content/pl/publications/inna/index.md": Fixture.page(["title: Inna", "kind: publication"]),
        "content/pl/publications/inna/a.md": P.chapter("A"),
    ]) { _, new in new }

    @Test("an edition with fewer chapters lists the others' chapters in their place, with the documents to link to")
    func untranslated() throws {
        let site = try P(Self.editions)
        #expect(site.printed == [])
        let en = try site.edition("en")
        #expect(site.outline(en) == ["intro", "practices/ (practices/_index) Practices: practices/ylakiai"])
        func describe(_ missing: Publication.UntranslatedChapter) -> String {
            let where_ = missing.part.map { "part \($0) at \(missing.index)" } ?? "top at \(missing.index)"
            return "\(missing.documents.map { site.documents[$0].sourcePath }.joined(separator: " ")) | read at \(missing.readingIndex) | \(where_)"
        }
        // Źródła follows the introduction in Polish: before the part, where it shares a reading index
        // with the part's first missing chapter.
        #expect(en.untranslated.map(describe) == [
            "content/pl/publications/razem/zrodla.md | read at 1 | top at 1",
            "content/lt/publications/kartu/praktikos/ignalina/index.md | read at 1 | part 1 at 0",
            "content/lt/publications/kartu/praktikos/jonava.md | read at 2 | part 1 at 1",
            "content/lt/publications/kartu/isvados.md | read at 2 | top at 2",
            "content/lt/publications/kartu/priedas.md | read at 2 | top at 2",
        ])

        // Polish: the part does not exist here, so its chapters sit at the top level after the introduction.
        let pl = try #require(site.catalog.publications(in: "pl").first { $0.folder == "publications/razem" })
        #expect(site.readingOrder(pl) == ["wstep", "zrodla"])
        #expect(pl.untranslated.map(describe) == [
            "content/lt/publications/kartu/praktikos/ignalina/index.md | read at 1 | top at 1",
            "content/lt/publications/kartu/praktikos/ylakiai.md content/en/publications/together/practices/ylakiai.md | read at 1 | top at 1",
            "content/lt/publications/kartu/praktikos/jonava.md | read at 1 | top at 1",
            "content/lt/publications/kartu/isvados.md | read at 1 | top at 1",
            "content/lt/publications/kartu/priedas.md | read at 1 | top at 1",
        ])

        let lt = try site.edition("lt")
        #expect(lt.untranslated.map(describe) == ["content/pl/publications/razem/zrodla.md | read at 1 | top at 1"])
        #expect(site.catalog.editions(of: lt).map(\.folder) == ["publications/together", "publications/razem"])
        let other = try #require(site.catalog.publications(in: "pl").first { $0.folder == "publications/inna" })
        #expect(other.untranslated == [])
        #expect(site.catalog.editions(of: other).isEmpty)
    }

    @Test("a site without publications has an empty catalog")
    func none() throws {
        let site = try P(["content/lt/projects/a.md": SmallSite.doc("A")])
        #expect(site.catalog.publications.isEmpty)
        #expect(site.printed == [])
    }

    @Test("a draft chapter is left out, and listing it is no error")
    func draftChapter() throws {
        let site = try P([
            Self.folder + "index.md": Fixture.page(["title: Kartu", "kind: publication", "chapters: [a, juodrastis]"]),
            Self.folder + "a.md": P.chapter("A"),
            Self.folder + "juodrastis.md": P.chapter("Juodraštis", ["draft: true"]),
        ])
        #expect(site.printed == [])
        #expect(site.outline(try site.edition("lt")) == ["a"])
    }
}
