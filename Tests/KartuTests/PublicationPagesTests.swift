import Foundation
import Testing
@testable import Kartu

/// Publications as pages, built end to end with the default theme: the landing page, chapter and
/// part pages, the print edition, "cited in" on the documents chapters link to, and the EPUB link.
@Suite("Publications: pages")
struct PublicationPagesTests {
    typealias P = PublicationSite

    /// A book in three languages. Lithuanian and English have every chapter: the introduction, the
    /// part "practices" (Jonava, Utena) and the conclusions. Polish lacks Utena (in the part) and
    /// the conclusions (at the end). The introduction links into the part, to a heading of a
    /// chapter, to a good practice outside the book and to another host; it has a footnote. Every
    /// edition's Jonava chapter cites the Lithuanian good practice.
    static let book: [String: String] = {
        var files: [String: String] = [:]
        for (code, words) in [("lt", ["Kartu", "Įvadas", "Praktikos", "Išvados"]), ("en", ["Together", "Introduction", "Practices", "Conclusions"]),
                              ("pl", ["Razem", "Wstęp", "Praktyki", "Wnioski"])] {
            let folder = "content/\(code)/publications/kartu/"
            files[folder + "index.md"] = Fixture.page(
                ["title: \"\(words[0])\"", "kind: publication", "translationKey: kartu", "subtitle: \"Subtitle \(code)\"",
                 "editors: [Ona Onaitė, Jonas Jonaitis]", "partners: [Partner A, Partner B]", "year: 2019", "license: CC BY 4.0",
                 "isbn: 978-609-000-00-0", "summary: \"Book summary \(code)\"",
                 code == "pl" ? "chapters: [intro, practices/jonava]" : "chapters: [intro, practices/jonava, practices/utena, conclusions]"],
                body: "Foreword text: [the aims](intro.md#aims) and [the practices](practices/_index.md).\n\n## Sources\n\nSources.\n")
            files[folder + "intro.md"] = P.chapter(words[1], ["translationKey: intro", "summary: \"Intro summary \(code)\""]) .replacingOccurrences(
                of: "Text.\n",
                with: "Intro[^1] text, see [Jonava's history](practices/jonava.md#history), [the part](practices/_index.md), "
                    + "[the foreword](index.md), [a practice](/\(code)/projects/good.md), [elsewhere](https://example.org/x) "
                    + "and [aims](#aims).\n\n## Aims\n\nAims.\n\n[^1]: A footnote.\n")
            files[folder + "practices/_index.md"] = Fixture.page(["title: \"\(words[2])\"", "translationKey: practices", "summary: \"Part summary \(code)\""],
                                                                  body: "Part text, back to [the introduction](../intro.md#aims).\n")
            files[folder + "practices/jonava.md"] = P.chapter("Jonava \(code)", ["translationKey: jonava"])
                .replacingOccurrences(of: "Text.\n", with: "## History\n\nHistory, cites [a Lithuanian practice](/lt/projects/good.md); "
                                                    + "back to [the introduction](../intro.md).\n")
            if code != "pl" {
                files[folder + "practices/utena.md"] = P.chapter("Utena \(code)", ["translationKey: utena", "summary: \"Utena summary \(code)\""])
                files[folder + "conclusions.md"] = P.chapter(words[3], ["translationKey: conclusions"])
            }
            files["content/\(code)/projects/good.md"] = SmallSite.doc("Good \(code)", ["translationKey: good"], kind: "good-practice")
        }
        return files
    }()

    static let folder = "publications/kartu/"

    /// An absolute base, as a published site has: the EPUBs' links out of the book need one (without
    /// it each edition gets a warning, see PublicationEPUBTests).
    static let base = "https://example.org/"

    /// The book with the repository's templates (the default theme), built.
    static func built(_ extra: [String: String] = [:], baseURL: String? = base) throws -> (TestSite, BuildReport) {
        var files = book.merging(SmallSite.homes) { _, new in new }
        files["content/site.yaml"] = Fixture.siteYAML
        files["content/themes.yaml"] = SmallSite.themesYAML
        files.merge(extra) { _, new in new }
        let site = try TestSite(files, repoTemplates: true)
        let report = try site.build(baseURL: baseURL)
        return (site, report)
    }

    func page(_ site: TestSite, _ path: String) throws -> String {
        try #require(site.read("site/" + path + "index.html"), "no page \(path)")
    }

    @Test("the landing page: metadata, editions, print link, contents with parts and summaries, untranslated chapters in their place, foreword")
    func landing() throws {
        let (site, report) = try Self.built()
        #expect(report.printed == [])
        let html = try page(site, "pl/" + Self.folder)
        for expected in [
            "<h1>Razem</h1>", "<p class=\"subtitle\">Subtitle pl</p>", "<p class=\"lead\">Book summary pl</p>",
            "<div><dt>Redakcja</dt><dd>Ona Onaitė, Jonas Jonaitis</dd></div>", "<div><dt>Rok</dt><dd>2019</dd></div>",
            "<div><dt>Licencja</dt><dd>CC BY 4.0</dd></div>", "<div><dt>ISBN</dt><dd>978-609-000-00-0</dd></div>",
            "<ul class=\"partners\"><li>Partner A</li><li>Partner B</li></ul>",
            "<a class=\"button\" rel=\"next\" href=\"/pl/publications/kartu/intro/\">Zacznij czytać</a>",
            "<a class=\"button secondary\" href=\"/pl/publications/kartu/print/\">Wersja do druku</a>",
            "<li><a href=\"/lt/publications/kartu/\" hreflang=\"lt\" lang=\"lt\"><span class=\"lang-name\">Lietuvių</span>Kartu</a></li>",
            "<li><a href=\"/en/publications/kartu/\" hreflang=\"en\" lang=\"en\"><span class=\"lang-name\">English</span>Together</a></li>",
        ] {
            #expect(html.contains(expected), "\(expected)")
        }
        // The EPUB written by the e-book step, offered with its size.
        #expect(html.contains("href=\"/pl/publications/kartu/kartu-pl.epub\" type=\"application/epub+zip\" download>"))
        #expect(site.exists("site/pl/publications/kartu/kartu-pl.epub"))
        // The contents, in order: chapter, part (title, summary, chapters, the missing Utena), the missing conclusions.
        let contents = try #require(Self.between(html, "<nav class=\"book-contents\"", "</nav>"))
        #expect(Self.texts(contents) == [
            "Spis treści",
            "Wstęp", "Intro summary pl",
            "Część Praktyki", "Part summary pl",
            "Jonava pl",
            "Utena lt Jeszcze nieprzetłumaczony", "Można przeczytać: Lietuvių, English",
            "Išvados Jeszcze nieprzetłumaczony", "Można przeczytać: Lietuvių, English",
        ])
        #expect(contents.contains("<a href=\"/pl/publications/kartu/practices/\">Praktyki</a>"))
        #expect(contents.contains("<span class=\"entry-title\" lang=\"lt\">Utena lt</span>"))
        #expect(contents.contains("<a href=\"/lt/publications/kartu/practices/utena/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>, "
                                  + "<a href=\"/en/publications/kartu/practices/utena/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // Utena sits in the part, after Jonava; the conclusions after the part.
        let utena = try #require(contents.range(of: "Utena lt")), part = try #require(contents.range(of: "</ol>\n      </li>"))
        #expect(utena.lowerBound < part.lowerBound)
        #expect(try #require(contents.range(of: "Išvados")).lowerBound > part.lowerBound)
        // The foreword under its own heading, its headings one level down.
        #expect(html.contains("<h2 id=\"kartu-foreword\">Przedmowa</h2>"))
        #expect(html.contains("<h3 id=\"sources\">"))
        // A complete edition has no untranslated chapter.
        #expect(!(try page(site, "lt/" + Self.folder)).contains("entry-missing"))
    }

    @Test("chapter pages: previous and next across the part's boundaries, the landing page before the first, nothing after the last")
    func previousNext() throws {
        let (site, _) = try Self.built()
        func pager(_ chapter: String) throws -> [String] {
            let html = try page(site, "lt/" + Self.folder + chapter)
            let nav = try #require(Self.between(html, "<nav class=\"pager\"", "</nav>"))
            return Self.anchors(nav)
        }
        #expect(try pager("intro/") == [
            "class=\"pager-prev\" rel=\"prev\" href=\"/lt/publications/kartu/\" | Leidinys Kartu",
            "class=\"pager-next\" rel=\"next\" href=\"/lt/publications/kartu/practices/jonava/\" | Kitas skyrius Jonava lt",
        ])
        #expect(try pager("practices/jonava/") == [
            "class=\"pager-prev\" rel=\"prev\" href=\"/lt/publications/kartu/intro/\" | Ankstesnis skyrius Įvadas",
            "class=\"pager-next\" rel=\"next\" href=\"/lt/publications/kartu/practices/utena/\" | Kitas skyrius Utena lt",
        ])
        #expect(try pager("practices/utena/") == [
            "class=\"pager-prev\" rel=\"prev\" href=\"/lt/publications/kartu/practices/jonava/\" | Ankstesnis skyrius Jonava lt",
            "class=\"pager-next\" rel=\"next\" href=\"/lt/publications/kartu/conclusions/\" | Kitas skyrius Išvados",
        ])
        #expect(try pager("conclusions/") == ["class=\"pager-prev\" rel=\"prev\" href=\"/lt/publications/kartu/practices/utena/\" | Ankstesnis skyrius Utena lt"])
        // Polish: Jonava is the last chapter there.
        let last = try page(site, "pl/" + Self.folder + "practices/jonava/")
        #expect(Self.anchors(try #require(Self.between(last, "<nav class=\"pager\"", "</nav>"))) == [
            "class=\"pager-prev\" rel=\"prev\" href=\"/pl/publications/kartu/intro/\" | Poprzedni rozdział Wstęp",
        ])
    }

    @Test("chapter pages: breadcrumb home › publication › part › chapter, contents with the chapter current, the document's own features")
    func chapterPage() throws {
        let (site, _) = try Self.built()
        let html = try page(site, "en/" + Self.folder + "practices/jonava/")
        let crumbs = try #require(Self.between(html, "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">", "</nav>"))
        #expect(crumbs.contains("<ol>"))
        #expect(Self.anchors(crumbs) == [
            "href=\"/en/\" | Home", "href=\"/en/publications/kartu/\" | Together", "href=\"/en/publications/kartu/practices/\" | Practices",
            "href=\"/en/publications/kartu/practices/jonava/\" aria-current=\"page\" | Jonava en",
        ])
        let intro = try page(site, "en/" + Self.folder + "intro/")
        #expect(Self.anchors(try #require(Self.between(intro, "<nav class=\"breadcrumb\"", "</nav>"))).count == 3)
        // The contents beside the text (and folded above it on narrow screens): only this chapter is current.
        let side = try #require(Self.between(html, "<nav class=\"book-toc\"", "</nav>"))
        #expect(Self.anchors(side) == [
            "href=\"/en/publications/kartu/\" | Together",
            "href=\"/en/publications/kartu/intro/\" | Introduction",
            "class=\"toc-part-title\" href=\"/en/publications/kartu/practices/\" | Practices",
            "href=\"/en/publications/kartu/practices/jonava/\" aria-current=\"page\" | Jonava en",
            "href=\"/en/publications/kartu/practices/utena/\" | Utena en",
            "href=\"/en/publications/kartu/conclusions/\" | Conclusions",
        ])
        let compact = try #require(Self.between(html, "<details class=\"book-toc-compact\">", "</details>"))
        #expect(compact.components(separatedBy: "aria-current=\"page\"").count == 2)
        // Still a document: translations, themes and the text.
        #expect(html.contains("<a href=\"/lt/publications/kartu/practices/jonava/\" hreflang=\"lt\" lang=\"lt\" title=\"Jonava lt\">Lietuvių</a>"))
        #expect(html.contains("<h2 id=\"history\">"))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"pl\""))
        // The Polish contents show the missing chapters in place, linking to the languages that have them.
        let polish = try page(site, "pl/" + Self.folder + "intro/")
        let polishSide = try #require(Self.between(polish, "<nav class=\"book-toc\"", "</nav>"))
        #expect(polishSide.contains("<li class=\"toc-missing\"><span lang=\"lt\">Utena lt</span> <span class=\"toc-note\">(Jeszcze nieprzetłumaczony: "
                                    + "<a href=\"/lt/publications/kartu/practices/utena/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>"))
    }

    @Test("a part page: breadcrumb, title and text, its chapters in reading order with the untranslated one, the part current in the contents")
    func partPage() throws {
        let (site, _) = try Self.built()
        let html = try page(site, "pl/" + Self.folder + "practices/")
        #expect(html.contains("<article class=\"book-part\">"))
        #expect(html.contains("<h1>Praktyki</h1>"))
        #expect(html.contains("Part text, back to <a href=\"/pl/publications/kartu/intro/#aims\">the introduction</a>."))
        #expect(Self.anchors(try #require(Self.between(html, "<nav class=\"breadcrumb\"", "</nav>"))) == [
            "href=\"/pl/\" | Strona główna", "href=\"/pl/publications/kartu/\" | Razem",
            "href=\"/pl/publications/kartu/practices/\" aria-current=\"page\" | Praktyki",
        ])
        let chapters = try #require(Self.between(html, "<section class=\"part-chapters\"", "</section>"))
        #expect(Self.texts(chapters) == ["Rozdziały tej części", "Jonava pl", "Utena lt Jeszcze nieprzetłumaczony", "Można przeczytać: Lietuvių, English"])
        let side = try #require(Self.between(html, "<nav class=\"book-toc\"", "</nav>"))
        #expect(side.contains("<a class=\"toc-part-title\" href=\"/pl/publications/kartu/practices/\" aria-current=\"page\">Praktyki</a>"))
        #expect(side.components(separatedBy: "aria-current").count == 2)
    }

    @Test("the print edition: title page, in-page contents, foreword, part and chapters in reading order with prefixed ids and in-page links")
    func printEdition() throws {
        let (site, report) = try Self.built(baseURL: "https://example.org/guide/")
        #expect(report.printed == [])
        let html = try page(site, "lt/" + Self.folder + "print/")
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<body class=\"print-page\">"))
        #expect(html.contains("<title>Kartu · Spausdinimo versija · Bandomoji svetainė</title>"))
        let contents = try #require(Self.between(html, "<nav class=\"print-contents\"", "</nav>"))
        #expect(Self.anchors(contents) == [
            "href=\"#foreword\" | Pratarmė", "href=\"#c1\" | Įvadas", "href=\"#p1\" | Praktikos", "href=\"#c2\" | Jonava lt",
            "href=\"#c3\" | Utena lt", "href=\"#c4\" | Išvados",
        ])
        // Sections in reading order, the part between.
        let ids = Self.matches(html, #"<section class="print-[a-z]+" id="([^"]+)">"#)
        #expect(ids == ["foreword", "c1", "p1", "c2", "c3", "c4"])
        // Ids in chapter texts prefixed, headings one level down, footnotes kept working.
        #expect(html.contains("<h3 id=\"c1--aims\">"))
        #expect(html.contains("<h3 id=\"c2--history\">"))
        #expect(html.contains("href=\"#c1--fn-1\" id=\"c1--fnref-1\""))
        #expect(html.contains("<li id=\"c1--fn-1\">"))
        // Links into the book become in-page links; others stay.
        let intro = try #require(Self.between(html, "<section class=\"print-chapter\" id=\"c1\">", "</section>\n  <section"))
        #expect(Self.hrefs(intro) == [
            "#c1--fn-1", "#c2--history", "#p1", "#foreword", "/guide/lt/projects/good/", "https://example.org/x", "#c1--aims", "#c1--fnref-1",
        ])
        #expect(Self.hrefs(try #require(Self.between(html, "<section class=\"print-foreword\" id=\"foreword\">", "</section>"))) == ["#c1--aims", "#p1"])
        #expect(Self.hrefs(try #require(Self.between(html, "<section class=\"print-part\" id=\"p1\">", "</section>"))) == ["#c1--aims"])
        // Never in the sitemap; the landing page is. Every id is unique.
        let sitemap = try #require(site.read("site/sitemap.xml"))
        #expect(!sitemap.contains("/print/"))
        #expect(sitemap.contains("<loc>https://example.org/guide/lt/publications/kartu/</loc>"))
        let all = Self.matches(html, #" id="([^"]+)""#)
        #expect(Set(all).count == all.count)
        // The landing page links to it; the other editions have theirs, with alternates between them.
        #expect(try page(site, "lt/" + Self.folder).contains("href=\"/guide/lt/publications/kartu/print/\""))
        let polish = try page(site, "pl/" + Self.folder + "print/")
        #expect(Self.matches(polish, #"<section class="print-[a-z]+" id="([^"]+)">"#) == ["foreword", "c1", "p1", "c2"])
        #expect(polish.contains("<link rel=\"alternate\" hreflang=\"lt\" href=\"https://example.org/guide/lt/publications/kartu/print/\">"))
    }

    @Test("cited in: a document linked from chapters lists the editions and chapters, apart from ordinary backlinks")
    func citedIn() throws {
        let (site, _) = try Self.built()
        let html = try page(site, "lt/projects/good/")
        let cited = try #require(Self.between(html, "<section class=\"cited-in\"", "</section>"))
        #expect(Self.texts(cited) == [
            "Cituojama leidiniuose",
            "Kartu — Įvadas; Jonava lt",
            "Together (English) — Jonava en",
            "Razem (Polski) — Jonava pl",
        ])
        #expect(cited.contains("<cite><a href=\"/en/publications/kartu/\" hreflang=\"en\" lang=\"en\">Together</a></cite>"))
        #expect(cited.contains("<a href=\"/en/publications/kartu/practices/jonava/\" hreflang=\"en\" lang=\"en\">Jonava en</a>"))
        // The chapters are not repeated among the ordinary backlinks (there are none left here).
        #expect(!html.contains("class=\"backlinks\""))
        // Inside a book, chapters and the landing page linking to each other are not listed as
        // "linked from": the book's contents and pager lead there already.
        let intro = try page(site, "lt/" + Self.folder + "intro/")
        #expect(!intro.contains("class=\"cited-in\""))
        #expect(!intro.contains("class=\"backlinks\""))
        let landing = try page(site, "lt/" + Self.folder)
        #expect(!landing.contains("class=\"backlinks\""))
        // The English practice is cited by the English introduction only.
        let english = try page(site, "en/projects/good/")
        #expect(Self.texts(try #require(Self.between(english, "<section class=\"cited-in\"", "</section>"))) == ["Cited in", "Together — Introduction"])
    }

    @Test("a theme without the publication templates builds: landing and chapters as documents, parts as sections, no print edition and one warning")
    func themeWithoutTemplates() throws {
        var files = Self.book
        files["templates/print.mustache"] = nil
        let site = try TestSite.small(files)
        try site.remove("templates/print.mustache")
        let report = try site.build(baseURL: Self.base)
        #expect(report.printed == [
            "templates/print.mustache: warning: no print template: the print editions of 3 publications are not written\n"
                + "    hint: add templates/print.mustache (see README; the default theme has one) to publish them",
        ])
        #expect(site.line("site/lt/publications/kartu/index.html", "DOCUMENT") == "DOCUMENT lt | Kartu")
        #expect(site.line("site/lt/publications/kartu/intro/index.html", "DOCUMENT") == "DOCUMENT lt | Įvadas")
        #expect(site.line("site/lt/publications/kartu/practices/index.html", "SECTION") == "SECTION lt | Praktikos")
        // The part's chapters in reading order, even for the section template.
        #expect(site.lines("site/lt/publications/kartu/practices/index.html", prefixed: "ITEM").map { $0.split(separator: "|")[0] }
                    == ["ITEM Jonava lt ", "ITEM Utena lt "])
        #expect(!site.exists("site/lt/publications/kartu/print"))
        // With a print template (the small theme's), every edition gets its print page and there is no warning.
        let withPrint = try TestSite.small(Self.book)
        #expect(try withPrint.build(baseURL: Self.base).printed == [])
        #expect(withPrint.lines("site/pl/publications/kartu/print/index.html", prefixed: "SECTION") == [
            "SECTION foreword | Foreword", "SECTION c1 | Wstęp", "SECTION p1 | Praktyki", "SECTION c2 | Jonava pl",
        ])
    }

    @Test("a content page where the print edition is written is an error at the file")
    func printClash() throws {
        let extra = ["content/lt/publications/kartu/print.md": P.chapter("Spausdinti")]
        var files = Self.book.merging(extra) { _, new in new }
        files["content/lt/publications/kartu/index.md"] = files["content/lt/publications/kartu/index.md"]!
            .replacingOccurrences(of: "conclusions]", with: "conclusions, print]")
        let site = try TestSite.small(files)
        let report = try site.build(baseURL: Self.base)
        #expect(report.printed == [
            "content/lt/publications/kartu/print.md:1:1: error: 'content/lt/publications/kartu/print.md' is published at "
                + "/lt/publications/kartu/print/index.html, where kartu also writes the print edition of 'content/lt/publications/kartu/index.md'\n"
                + "    hint: rename the file or folder, or give it another 'slug'",
        ])
    }

    @Test("one thread and two give the same bytes for a site with publications")
    func deterministic() throws {
        let (site, _) = try Self.built()
        for (folder, jobs) in [("one", 1), ("two", 2)] {
            var options = site.options(output: folder, baseURL: "https://example.org/")
            options.jobs = jobs
            #expect(try SiteBuilder(options: options).run().printed == [])
        }
        let one = site.contents(under: "one")
        #expect(one.keys.contains { $0.hasSuffix("kartu/print/index.html") })
        #expect(Tree.differences(one, site.contents(under: "two")) == [])
    }

    // MARK: EPUB download (planned with a download as the EPUB step would hand it)

    @Test("the landing page offers the EPUB with its size in the language's way, only when there is one")
    func epubDownload() throws {
        let planned = try PlannedSite(Self.book)
        let landing = try #require(planned.documents.firstIndex { $0.sourcePath == "content/lt/publications/kartu/index.md" })
        let english = try #require(planned.documents.firstIndex { $0.sourcePath == "content/en/publications/kartu/index.md" })
        let pages = planned.render(downloads: [
            landing: EPUBDownload(urlPath: "lt/publications/kartu/kartu-lt.epub", byteCount: 1_234_567),
            english: EPUBDownload(urlPath: "en/publications/kartu/kartu-en.epub", byteCount: 48_213),
        ])
        let lt = try #require(pages["lt/publications/kartu/index.html"])
        #expect(lt.contains("<li><a class=\"button secondary\" href=\"/lt/publications/kartu/kartu-lt.epub\" type=\"application/epub+zip\" download>"
                            + "Atsisiųsti EPUB <span class=\"size\">(EPUB, 1,2\u{00A0}MB)</span></a></li>"))
        #expect(try #require(pages["en/publications/kartu/index.html"]).contains("Download EPUB <span class=\"size\">(EPUB, 48\u{00A0}KB)</span>"))
        #expect(!(try #require(pages["pl/publications/kartu/index.html"])).contains("EPUB"))
    }

    @Test("file sizes: decimal units, the language's decimal separator, rounding into the next unit")
    func fileSizes() {
        let en = LocaleFormatting(localeIdentifier: "en-GB"), lt = LocaleFormatting(localeIdentifier: "lt-LT")
        #expect(en.fileSize(512) == "512\u{00A0}B")
        #expect(en.fileSize(48_213) == "48\u{00A0}KB")
        #expect(en.fileSize(1_234_567) == "1.2\u{00A0}MB")
        #expect(lt.fileSize(1_234_567) == "1,2\u{00A0}MB")
        #expect(en.fileSize(999_600) == "1\u{00A0}MB")
        #expect(en.fileSize(2_500_000_000) == "2.5\u{00A0}GB")
    }

    @Test("headings move one level down; other tags and text stay byte for byte")
    func headingShift() {
        let html = "<h1>A</h1>\n<h2 id=\"x\">B</h2><H3 class='y'>C</H3><h6>D</h6><hr><header>E</header><p>&lt;h2&gt;</p><h2\n>F</h2 >"
        #expect(HTMLHeadingShift.shift(html)
                    == "<h2>A</h2>\n<h3 id=\"x\">B</h3><H4 class='y'>C</H4><h6>D</h6><hr><header>E</header><p>&lt;h2&gt;</p><h3\n>F</h3 >")
        #expect(HTMLHeadingShift.shift("<p>none</p>") == "<p>none</p>")
    }

    // MARK: Helpers

    /// The text from the first `start` to the next `end` after it (both included).
    static func between(_ html: String, _ start: String, _ end: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.lowerBound..<to.upperBound])
    }

    /// Each `<a …>text</a>`: its attributes and its text without tags, as `attributes | text`.
    static func anchors(_ html: String) -> [String] {
        html.matches(of: /<a ([^>]*)>(.*?)<\/a>/.dotMatchesNewlines()).map { match in
            String(match.1) + " | " + plain(String(match.2))
        }
    }

    static func hrefs(_ html: String) -> [String] { matches(html, #"href="([^"]*)""#) }

    /// The first group of every match of `pattern`.
    static func matches(_ html: String, _ pattern: String) -> [String] {
        let regex = try! Regex(pattern)
        return html.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// The texts of the headings, paragraphs and list items, in order, each without tags (a list
    /// item's own text apart from the paragraphs and lists in it).
    static func texts(_ html: String) -> [String] {
        html.replacing(/<\/?(h[1-6]|p|li|ol|ul)(\s[^>]*)?>/, with: "\n").split(separator: "\n").map { plain(String($0)) }.filter { !$0.isEmpty }
    }

    /// Text without tags, whitespace collapsed.
    static func plain(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A site's pages planned and rendered without a build: the model made the way SiteBuilder makes it
/// (bodies as plain paragraphs), so a test can hand the planner what later steps would (EPUB files).
struct PlannedSite {
    let site: TestSite
    let model: SiteModel
    let templates: TemplateSet
    var documents: [Document] { model.documents }

    init(_ content: [String: String]) throws {
        var files = content.merging(SmallSite.homes) { _, new in new }
        files["content/site.yaml"] = Fixture.siteYAML
        files["content/themes.yaml"] = SmallSite.themesYAML
        site = try TestSite(files, repoTemplates: true)
        var diagnostics = Diagnostics()
        let config = try #require(SiteConfig.load(text: Fixture.siteYAML, diagnostics: &diagnostics))
        let themes = ThemeCatalog.load(text: SmallSite.themesYAML, config: config, diagnostics: &diagnostics)
        let loaded = ContentLoader(root: site.root, config: config, themes: themes, workers: Workers()).load(diagnostics: &diagnostics)
        let documents = loaded.documents
        let publications = PublicationCatalog.build(documents, languages: config.languages, unpublished: loaded.unpublished,
                                                    diagnostics: &diagnostics)
        let strings = UIStrings.load(root: site.root, config: config, builtIn: true, diagnostics: &diagnostics)
        templates = try #require(TemplateSet.load(root: site.root, builtIn: true, diagnostics: &diagnostics))
        let none = [[Int]](repeating: [], count: documents.count)
        let translations = Translations.build(documents, languages: config.languages, defaultLanguage: config.defaultLanguage,
                                              history: GitHistory.read(root: site.root), diagnostics: &diagnostics)
        model = SiteModel(config: config, themes: themes, strings: strings, documents: documents, publications: publications,
                          translations: translations,
                          fallbackPages: FallbackPages(documents: documents, translations: translations, publications: publications, config: config),
                          bodies: documents.map { _ in "<p>Text.</p>" }, headings: documents.map { _ in [] }, related: none,
                          backlinks: none, basePath: "/", absoluteBase: "/")
        #expect(diagnostics.sorted.map(\.description) == [])
    }

    /// Every page, rendered, by output path.
    func render(downloads: [Int: EPUBDownload]) -> [String: String] {
        let plans = PageAssembler(model: model, templates: templates, downloads: downloads, workers: Workers()).plans().pages
        return Dictionary(plans.map { ($0.outputPath, templates.render($0.view, with: $0.template) ?? "") }, uniquingKeysWith: { a, _ in a })
    }
}
