import Foundation
import Testing
@testable import Kartu

/// The EPUB of each edition, built from a whole tiny site: where it is written, what it holds, how
/// its links are rewritten, and that two builds write the same bytes.
@Suite("Publication EPUB")
struct PublicationEPUBTests {
    static let folder = "content/lt/publications/vadovas"

    /// A Lithuanian guide with a foreword, a chapter, a part with two chapters and an image, and an
    /// English edition with one chapter.
    static func site() throws -> TestSite {
        try TestSite.small([
            "\(folder)/index.md": Fixture.page([
                "title: Vadovas", "kind: publication", "subtitle: Mokytis kartu", "editors: [Rūta Žemaitė]",
                "partners: [Utenos rajono savivaldybė, Leeds City Council]", "year: 2018", "license: CC BY 4.0",
                "date: 2018-05-01", "translationKey: vadovas",
                "chapters: [ivadas, praktikos/kazlu-ruda, praktikos/alytus]",
            ], body: "Pratarmė.\n"),
            "\(folder)/ivadas.md": PublicationSite.chapter("Įvadas", ["translationKey: ivadas", "date: 2018-06-30"])
                .replacingOccurrences(of: "Text.\n", with: "## Tikslai\n\nŽr. [Alytų](praktikos/alytus.md#metu-ciklas) ir [projektą](../../projects/ltlt.md).\n\n![Laiko juosta](laikas.svg)\n"),
            "\(folder)/ataskaita.pdf": "%PDF-1.4\n",
            "\(folder)/laikas.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
            "\(folder)/praktikos/_index.md": Fixture.page(["title: Praktikos"], body: "Dvi savivaldybės.\n"),
            "\(folder)/praktikos/kazlu-ruda.md": PublicationSite.chapter("Kazlų Rūda", ["translationKey: kazlu-ruda"])
                .replacingOccurrences(of: "Text.\n", with: "Grįžti į [įvadą](../ivadas.md#tikslai). [Ataskaita](../ataskaita.pdf).\n"),
            "\(folder)/praktikos/alytus.md": PublicationSite.chapter("Alytus", ["translationKey: alytus"])
                .replacingOccurrences(of: "Text.\n", with: "## Metų ciklas\n\nTekstas.\n"),
            "content/lt/projects/ltlt.md": SmallSite.doc("Leading to Learn Together"),
            "content/en/publications/guide/index.md": Fixture.page(["title: Guide", "kind: publication", "translationKey: vadovas", "year: 2018"]),
            "content/en/publications/guide/intro.md": PublicationSite.chapter("Introduction", ["translationKey: ivadas"]),
        ])
    }

    static let epubPath = "site/lt/publications/vadovas/vadovas-lt.epub"

    static func entries(_ site: TestSite, _ path: String = epubPath) throws -> [String: String] {
        let data = try #require(site.data(path))
        return Dictionary(uniqueKeysWithValues: try EPUBFixtures.entries(of: data).map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    @Test("each edition gets <name>-<lang>.epub beside its landing page; mimetype first and stored")
    func written() throws {
        let site = try Self.site()
        let report = try site.build(baseURL: "https://example.org/guide/")
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
        #expect(site.exists("site/en/publications/guide/guide-en.epub"))
        let data = try #require(site.data(Self.epubPath))
        let first = try #require(try EPUBFixtures.entries(of: data).first)
        #expect(first.path == "mimetype" && !first.compressed && String(decoding: first.data, as: UTF8.self) == "application/epub+zip")
    }

    @Test("reading order: foreword, chapter, part page, its chapters; the navigation nests the part")
    func order() throws {
        let site = try Self.site()
        try site.build(baseURL: "https://example.org/guide/")
        let files = try Self.entries(site)
        let opf = try #require(files["OEBPS/package.opf"])
        let spine = opf.components(separatedBy: "<itemref ").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(spine.count >= 5)
        let nav = try #require(files["OEBPS/nav.xhtml"])
        let titles = ["Vadovas", "Įvadas", "Praktikos", "Kazlų Rūda", "Alytus"].map { nav.range(of: ">\($0)<")?.lowerBound }
        #expect(titles.allSatisfy { $0 != nil }, "\(nav)")
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
        #expect(files["OEBPS/foreword.xhtml"]?.contains("Pratarmė.") == true)
        #expect(files["OEBPS/part-01.xhtml"]?.contains("Dvi savivaldybės.") == true)
    }

    @Test("links: chapters become book files with their anchors, other pages absolute URLs, images packed")
    func links() throws {
        let site = try Self.site()
        try site.build(baseURL: "https://example.org/guide/")
        let files = try Self.entries(site)
        let intro = try #require(files["OEBPS/chapter-01.xhtml"])
        #expect(intro.contains("href=\"chapter-03.xhtml#metu-ciklas\""))
        #expect(intro.contains("href=\"https://example.org/guide/lt/projects/ltlt/\""))
        #expect(intro.contains("src=\"images/laikas-1.svg\""))
        #expect(files["OEBPS/images/laikas-1.svg"]?.contains("<rect") == true)
        #expect(files["OEBPS/chapter-02.xhtml"]?.contains("href=\"chapter-01.xhtml#tikslai\"") == true)
        // A file that is not an image is linked on the site, not packed.
        #expect(files["OEBPS/chapter-02.xhtml"]?.contains("href=\"https://example.org/guide/lt/publications/vadovas/ataskaita.pdf\"") == true)
        #expect(!files.keys.contains { $0.hasSuffix(".pdf") })
    }

    @Test("metadata: stable identifier, editors and partners, modified from the newest content date")
    func metadata() throws {
        let site = try Self.site()
        try site.build(baseURL: "https://example.org/guide/")
        let opf = try #require(try Self.entries(site)["OEBPS/package.opf"])
        #expect(opf.contains("2018-06-30T00:00:00Z"))
        #expect(opf.contains(">Rūta Žemaitė<"))
        #expect(opf.contains(">Leeds City Council<"))
        #expect(opf.contains(">CC BY 4.0<"))
        #expect(opf.contains("<dc:language>lt</dc:language>"))
        let identifier = EPUBIdentifier.derived(translationKey: "vadovas", language: "lt", namespace: "https://example.org/guide/")
        #expect(opf.contains(identifier))
    }

    @Test("two builds write byte-identical books, on one thread or two")
    func deterministic() throws {
        let site = try Self.site()
        try site.build(output: "one", baseURL: "https://example.org/guide/")
        let first = try #require(site.data("one/lt/publications/vadovas/vadovas-lt.epub"))
        try site.build(output: "two", baseURL: "https://example.org/guide/", jobs: 1)
        #expect(site.data("two/lt/publications/vadovas/vadovas-lt.epub") == first)
    }

    @Test("without an absolute base URL, links out of the book cannot work: one warning at the publication")
    func noAbsoluteBase() throws {
        let site = try Self.site()
        let report = try site.build()
        let warnings = report.diagnostics.filter { $0.message.contains("EPUB") }.map(\.description)
        #expect(warnings == [
            "\(Self.folder)/index.md:1:1: warning: the site has no absolute base URL, so the EPUB of this publication shows its links to pages of the site as plain text\n"
                + "    hint: set baseURL in content/site.yaml (or pass --base-url https://…) to keep them as links",
        ])
        #expect(site.exists(Self.epubPath))
    }

    /// The guide with one more chapter of every kind of link: an anchor in the chapter, a footnote,
    /// another chapter, the landing page (the foreword), a page and a file of the site.
    static func linkingSite() throws -> TestSite {
        let site = try site()
        try site.write("\(folder)/praktikos/alytus.md", PublicationSite.chapter("Alytus", ["translationKey: alytus"])
            .replacingOccurrences(of: "Text.\n", with: """
                ## Metų ciklas

                Žr. [ciklą](#metu-ciklas), [įvadą](../ivadas.md#tikslai), [pratarmę](../index.md), \
                [**Leading** to Learn](../../../projects/ltlt.md) ir [ataskaitą](../ataskaita.pdf)[^1].

                [^1]: Pastaba.

                """))
        return site
    }

    @Test("without an absolute base URL, links out of the book become their words; chapters, anchors and images stay")
    func plainTextWithoutBase() throws {
        let site = try Self.linkingSite()
        let report = try site.build()
        // Still said once, at the publication, however many links lost their address.
        #expect(report.diagnostics.filter { $0.message.contains("EPUB") }.map(\.file) == ["\(Self.folder)/index.md"])
        let files = try Self.entries(site)
        let alytus = try #require(files["OEBPS/chapter-03.xhtml"])
        #expect(alytus.contains("<strong>Leading</strong> to Learn ir ataskaitą<sup"), "\(alytus)")
        #expect(!alytus.contains("projects/ltlt") && !alytus.contains("ataskaita.pdf"), "\(alytus)")
        #expect(alytus.contains("<a href=\"#metu-ciklas\">ciklą</a>"))
        #expect(alytus.contains("<a href=\"chapter-01.xhtml#tikslai\">įvadą</a>"))
        #expect(alytus.contains("<a href=\"foreword.xhtml\">pratarmę</a>"))
        #expect(alytus.contains("href=\"#fn-1\""))
        let intro = try #require(files["OEBPS/chapter-01.xhtml"])
        #expect(intro.contains(" ir projektą.") && !intro.contains("projects/ltlt"), "\(intro)")
        #expect(intro.contains("href=\"chapter-03.xhtml#metu-ciklas\""))
        #expect(intro.contains("src=\"images/laikas-1.svg\""))
        let kazluRuda = try #require(files["OEBPS/chapter-02.xhtml"])
        #expect(kazluRuda.contains(" Ataskaita.") && !kazluRuda.contains("ataskaita.pdf"), "\(kazluRuda)")
    }

    @Test("epubcheck finds no error or warning in a book that links out, with or without an absolute base URL",
          .enabled(if: EPUBCheck.isAvailable || EPUBCheck.isCI),
          arguments: [nil, "https://example.org/guide/"])
    func validLinkingOut(baseURL: String?) throws {
        let site = try Self.linkingSite()
        try site.build(baseURL: baseURL)
        let result = try EPUBCheck.run(try #require(site.data(Self.epubPath)))
        #expect(result.messages.isEmpty, "\(result.messages.joined(separator: "\n"))")
        #expect(result.status == 0)
    }

    @Test("an image of a type e-book readers do not show: a warning at the file, left out of the book, which stays valid",
          arguments: [nil, "https://example.org/guide/"])
    func unpackableImage(baseURL: String?) throws {
        let site = try Self.site()
        try site.write("\(Self.folder)/skenas.tiff", "II*\0")
        try site.write("\(Self.folder)/praktikos/alytus.md", PublicationSite.chapter("Alytus", ["translationKey: alytus"])
            .replacingOccurrences(of: "Text.\n", with: "## Metų ciklas\n\n![Skenas](../skenas.tiff)\n"))
        let report = try site.build(baseURL: baseURL)
        #expect(report.diagnostics.filter { $0.file?.hasSuffix(".tiff") == true }.map(\.description) == [
            "\(Self.folder)/skenas.tiff: warning: '\(Self.folder)/skenas.tiff' is not an image type e-book readers show, so the EPUB leaves it out\n"
                + "    hint: use SVG, PNG, JPEG, GIF or WebP for images in a publication",
        ])
        let chapters = try Self.entries(site).filter { $0.key.hasSuffix(".xhtml") }.values.joined()
        #expect(chapters.contains("Metų ciklas"))
        #expect(!chapters.contains("skenas"))
        // The page itself still shows the image.
        #expect(site.read("site/lt/publications/vadovas/praktikos/alytus/index.html")?.contains("skenas.tiff") == true)
        if EPUBCheck.isAvailable || EPUBCheck.isCI {
            let result = try EPUBCheck.run(try #require(site.data(Self.epubPath)))
            #expect(result.messages.isEmpty, "\(result.messages.joined(separator: "\n"))")
        }
    }

    @Test("a chapter with source: says where its text comes from after the text, in the book as on its page")
    func sourceNote() throws {
        let site = try Self.site()
        let path = "\(Self.folder)/praktikos/alytus.md"
        try site.write(path, try #require(site.read(path)).replacingOccurrences(of: "translationKey: alytus", with: "translationKey: alytus\nsource: \"Alytaus taryba, projektas Nr. TŽ-477 & priedai\""))
        try site.build(baseURL: "https://example.org/guide/")
        let chapters = try Self.entries(site).filter { $0.key.hasSuffix(".xhtml") }
        let withSource = chapters.filter { $0.value.contains("class=\"source-note\"") }
        #expect(withSource.count == 1)
        #expect(withSource.first?.value.contains("Alytaus taryba, projektas Nr. TŽ-477 &amp; priedai</p>") == true)
    }

    @Test("an image the book would pack that cannot be read is an error naming it, not a wrong type")
    func unreadableImage() throws {
        let site = try Self.site()
        try FileProblemsTests.makeSocket(at: site.url("\(Self.folder)/foto.png").path)
        try site.write("\(Self.folder)/praktikos/alytus.md", PublicationSite.chapter("Alytus", ["translationKey: alytus"])
            .replacingOccurrences(of: "Text.\n", with: "## Metų ciklas\n\n![Foto](../foto.png)\n"))
        let report = try site.build(baseURL: "https://example.org/guide/")
        #expect(report.printed == [
            "\(Self.folder)/foto.png: error: cannot read the file '\(Self.folder)/foto.png': it is a socket or a device, not a file\n"
                + "    hint: remove it from the site folder",
        ])
        #expect(report.exitStatus == 1)
    }

    @Test("epubcheck finds no error or warning in a built edition", .enabled(if: EPUBCheck.isAvailable || EPUBCheck.isCI))
    func valid() throws {
        let site = try Self.site()
        try site.build(baseURL: "https://example.org/guide/")
        let result = try EPUBCheck.run(try #require(site.data(Self.epubPath)))
        #expect(result.messages.isEmpty, "\(result.messages.joined(separator: "\n"))")
        #expect(result.status == 0)
    }
}
