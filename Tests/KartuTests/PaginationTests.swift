import Foundation
import Testing
@testable import Kartu

/// Lists cut into pages (`paginate` in site.yaml): sections, theme and facet pages, their URLs,
/// slices, pager, `<head>` links, sitemap entries and URL clashes.
@Suite("Pagination")
struct PaginationTests {
    /// Five Lithuanian projects, A newest to E oldest, on `reflection`; two untranslated documents in
    /// other languages on the same theme (en Oxford, pl Kraków).
    static let content: [String: String] = [
        "content/lt/projects/a.md": SmallSite.doc("A", ["date: 2020-01-05", "themes: [reflection]", "municipality: Utena"]),
        "content/lt/projects/b.md": SmallSite.doc("B", ["date: 2020-01-04", "themes: [reflection]", "municipality: Utena"]),
        "content/lt/projects/c.md": SmallSite.doc("C", ["date: 2020-01-03", "themes: [reflection]", "municipality: Utena"]),
        "content/lt/projects/d.md": SmallSite.doc("D", ["date: 2020-01-02"]),
        "content/lt/projects/e.md": SmallSite.doc("E", ["date: 2020-01-01"]),
        "content/en/projects/oxford.md": SmallSite.doc("Oxford", ["date: 2021-01-01", "themes: [reflection]"]),
        "content/pl/projects/krakow.md": SmallSite.doc("Kraków", ["date: 2019-01-01", "themes: [reflection]", "municipality: Utena"]),
    ]

    /// Templates printing one line per fact: the page's title, the list's counts, its slice and its pager.
    static let templates: [String: String] = [
        "templates/section.mustache": """
            SECTION {{lang.code}} | {{title}} | count {{section.count}}
            {{#section}}
            {{#documents}}
            ITEM {{title}}
            {{/documents}}
            {{/section}}
            {{>partials/pager}}
            END

            """,
        "templates/theme.mustache": """
            THEME {{lang.code}} | {{title}}
            {{#collection}}
            COUNTS {{count}} {{otherCount}}{{#hasDocuments}} has{{/hasDocuments}}{{#hasOtherLanguages}} has-other{{/hasOtherLanguages}}
            {{#documents}}
            ITEM {{title}}
            {{/documents}}
            {{#otherLanguages}}
            OTHER {{language}} {{title}}
            {{/otherLanguages}}
            {{/collection}}
            {{>partials/pager}}
            END

            """,
        "templates/partials/pager.mustache": """
            {{#pager}}
            PAGER {{label}} | prev {{previousURL}} | next {{nextURL}}
            PAGES {{#pages}}{{#isGap}}… {{/isGap}}{{^isGap}}{{number}}{{#isCurrent}}*{{/isCurrent}}={{url}} {{/isGap}}{{/pages}}
            {{/pager}}

            """,
    ]

    static func site(paginate: String?, extra: [String: String] = [:]) throws -> TestSite {
        var files = content.merging(templates) { _, new in new }
        if let paginate { files["content/site.yaml"] = Fixture.siteYAML + "paginate: \(paginate)\n" }
        return try TestSite.small(files.merging(extra) { _, new in new })
    }

    @Test("a section of five with paginate: 2: the list URL, then page/2/ and page/3/, each with its slice and pager")
    func sectionPages() throws {
        let site = try Self.site(paginate: "2")
        #expect(try site.build().printed == [])
        #expect(site.files(under: "site/lt/projects").filter { $0.hasPrefix("page/") || $0 == "index.html" } == [
            "index.html", "page/2/index.html", "page/3/index.html",
        ])
        // Counts are the whole list's; pages from 2 on have their number in the title.
        #expect(site.lines("site/lt/projects/index.html") == [
            "SECTION lt | Projects | count 5", "ITEM A", "ITEM B",
            "PAGER 1 / 3 | prev  | next /lt/projects/page/2/",
            "PAGES 1*=/lt/projects/ 2=/lt/projects/page/2/ 3=/lt/projects/page/3/ ",
            "END",
        ])
        #expect(site.lines("site/lt/projects/page/2/index.html") == [
            "SECTION lt | Projects (2 / 3) | count 5", "ITEM C", "ITEM D",
            "PAGER 2 / 3 | prev /lt/projects/ | next /lt/projects/page/3/",
            "PAGES 1=/lt/projects/ 2*=/lt/projects/page/2/ 3=/lt/projects/page/3/ ",
            "END",
        ])
        #expect(site.lines("site/lt/projects/page/3/index.html") == [
            "SECTION lt | Projects (3 / 3) | count 5", "ITEM E",
            "PAGER 3 / 3 | prev /lt/projects/page/2/ | next ",
            "PAGES 1=/lt/projects/ 2=/lt/projects/page/2/ 3*=/lt/projects/page/3/ ",
            "END",
        ])
        // A list that fits on one page has no pager.
        #expect(site.lines("site/en/projects/index.html") == ["SECTION en | Projects | count 1", "ITEM Oxford", "END"])
    }

    @Test("paginate: 0 lists everything on one page; without the key, 30 a page")
    func off() throws {
        for paginate in ["0", nil] {
            let site = try Self.site(paginate: paginate)
            #expect(try site.build().printed == [])
            #expect(!site.exists("site/lt/projects/page"))
            #expect(!site.exists("site/lt/themes/reflection/page"))
            #expect(site.lines("site/lt/projects/index.html") == [
                "SECTION lt | Projects | count 5", "ITEM A", "ITEM B", "ITEM C", "ITEM D", "ITEM E", "END",
            ])
        }
    }

    @Test("a theme page pages through this language's documents, then the other languages': each page its slice of both")
    func themeWithOtherLanguages() throws {
        let site = try Self.site(paginate: "2")
        #expect(try site.build().printed == [])
        // The sequence: A B C (lt), then Oxford (en), Kraków (pl) in site language order.
        #expect(site.lines("site/lt/themes/reflection/index.html").filter { !$0.hasPrefix("PAGES") } == [
            "THEME lt | Refleksija", "COUNTS 3 2 has has-other", "ITEM A", "ITEM B",
            "PAGER 1 / 3 | prev  | next /lt/themes/reflection/page/2/", "END",
        ])
        #expect(site.lines("site/lt/themes/reflection/page/2/index.html").filter { !$0.hasPrefix("PAGES") } == [
            "THEME lt | Refleksija (2 / 3)", "COUNTS 3 2 has has-other", "ITEM C", "OTHER en Oxford",
            "PAGER 2 / 3 | prev /lt/themes/reflection/ | next /lt/themes/reflection/page/3/", "END",
        ])
        #expect(site.lines("site/lt/themes/reflection/page/3/index.html").filter { !$0.hasPrefix("PAGES") } == [
            "THEME lt | Refleksija (3 / 3)", "COUNTS 3 2 has has-other", "OTHER pl Kraków",
            "PAGER 3 / 3 | prev /lt/themes/reflection/page/2/ | next ", "END",
        ])
        // Facet pages page the same way (the small theme's facet template lists ITEM and OTHER lines).
        #expect(site.lines("site/lt/municipality/utena/page/2/index.html", prefixed: "FACET", "ITEM", "OTHER") == [
            "FACET lt | municipality | Utena (2 / 2)",
            "ITEM C | /lt/projects/c/",
            "OTHER pl Polski | Kraków | /lt/projects/krakow/ | other",
        ])
    }

    @Test("the default theme: rel prev and next in <head>, a titled page, the pager with the current page marked")
    func defaultTheme() throws {
        let site = try TestSite(Self.content.merging([
            "content/site.yaml": Fixture.siteYAML + "paginate: 2\n", "content/themes.yaml": SmallSite.themesYAML,
        ]) { _, new in new }.merging(SmallSite.homes) { _, new in new }, repoTemplates: true)
        let report = try site.build(baseURL: "https://example.org/")
        #expect(report.exitStatus == 0)
        let page = try #require(site.read("site/lt/projects/page/2/index.html"))
        #expect(page.contains("<title>Projects (2 / 3) · Bandomoji svetainė</title>"))
        #expect(page.contains("<link rel=\"prev\" href=\"/lt/projects/\">\n<link rel=\"next\" href=\"/lt/projects/page/3/\">"))
        // Its own canonical address, and no hreflang alternates: no other language has this page.
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/lt/projects/page/2/\">"))
        #expect(!page.contains("hreflang=\"en\" href=\"https"))
        #expect(page.contains("<p class=\"list-pager-status\">Puslapis 2 / 3</p>"))
        #expect(page.contains("<nav class=\"list-pager\" aria-label=\"Sąrašo puslapiai\">"))
        #expect(page.contains("<li class=\"list-pager-prev\"><a href=\"/lt/projects/\" rel=\"prev\">Ankstesnis</a></li>"))
        #expect(page.contains("<li><a href=\"/lt/projects/page/2/\" aria-current=\"page\"><span class=\"vh\">Puslapis </span>2</a></li>"))
        #expect(page.contains("<li class=\"list-pager-next\"><a href=\"/lt/projects/page/3/\" rel=\"next\">Kitas</a></li>"))
        let first = try #require(site.read("site/lt/projects/index.html"))
        #expect(first.contains("<title>Projects · Bandomoji svetainė</title>"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<link rel=\"next\" href=\"/lt/projects/page/2/\">"))
        // A list on one page has neither.
        let english = try #require(site.read("site/en/projects/index.html"))
        #expect(!english.contains("list-pager") && !english.contains("rel=\"next\""))
    }

    @Test("the sitemap lists pages from 2 on, without alternates; the first page keeps them")
    func sitemap() throws {
        let site = try Self.site(paginate: "2")
        #expect(try site.build(baseURL: "https://example.org/").printed == [])
        let sitemap = try #require(site.read("site/sitemap.xml"))
        #expect(sitemap.contains("  <url>\n    <loc>https://example.org/lt/projects/page/2/</loc>\n  </url>\n"))
        #expect(sitemap.contains("  <url>\n    <loc>https://example.org/lt/projects/page/3/</loc>\n  </url>\n"))
        #expect(sitemap.contains("  <url>\n    <loc>https://example.org/lt/themes/reflection/page/3/</loc>\n  </url>\n"))
        #expect(sitemap.contains("<loc>https://example.org/lt/themes/reflection/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"lt\""))
        #expect(!sitemap.contains("/page/1/"))
    }

    @Test("a document published where a list's later page goes is reported, not overwritten")
    func clash() throws {
        let site = try Self.site(paginate: "2", extra: ["content/lt/projects/page/2.md": SmallSite.doc("Antras")])
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/page/2.md:1:1: error: 'content/lt/projects/page/2.md' is published at /lt/projects/page/2/index.html, "
                + "where kartu also writes page 2 of the list of 'content/lt/projects/'\n    hint: rename the file or folder, or give it another 'slug'",
        ])
        #expect(report.exitStatus == 1)
    }

    @Test("a theme page's later page is named in a clash as such")
    func themeClash() throws {
        let site = try Self.site(paginate: "2", extra: ["content/lt/themes/reflection/page/3.md": SmallSite.doc("Trečias")])
        #expect(try site.build().printed == [
            "content/lt/themes/reflection/page/3.md:1:1: error: 'content/lt/themes/reflection/page/3.md' is published at "
                + "/lt/themes/reflection/page/3/index.html, where kartu also writes page 3 of the theme page of 'reflection'\n"
                + "    hint: rename the file or folder, or give it another 'slug'",
        ])
    }

    @Test("paginate must be a whole number, 0 or more", arguments: [
        ("-1", "3:11: error: 'paginate' must be 0 or more, not -1"),
        ("many", "3:11: error: 'paginate' must be a whole number, not 'many'"),
        ("2.5", "3:11: error: 'paginate' must be a whole number, not '2.5'"),
        ("\"10\"", "3:11: error: 'paginate' must be a whole number, not '10'"),
    ])
    func badValue(_ value: String, _ expected: String) throws {
        var files = Self.content.merging(Self.templates) { _, new in new }
        files["content/site.yaml"] = Fixture.siteYAML.replacingOccurrences(of: "defaultLanguage: lt\n", with: "defaultLanguage: lt\npaginate: \(value)\n")
            .replacingOccurrences(of: "title:\n  lt: \"Bandomoji svetainė\"\n  en: \"Test site\"\n  pl: \"Strona testowa\"\n", with: "title: Site\n")
        let site = try TestSite.small(files)
        let report = try site.build()
        #expect(report.printed == ["content/site.yaml:\(expected)\n    hint: write the number of documents per list page, "
                                    + "e.g. paginate: 30, or paginate: 0 for one page per list"])
        #expect(report.exitStatus == 1)
    }

    @Test("pages shown in the pager: the first, the last, one either side of this one; a gap of one page shows it")
    func window() {
        #expect(PagerView.shown(1, of: 1) == [1])
        #expect(PagerView.shown(1, of: 10) == [1, 2, 10])
        #expect(PagerView.shown(3, of: 10) == [1, 2, 3, 4, 10])
        #expect(PagerView.shown(4, of: 10) == [1, 2, 3, 4, 5, 10])
        #expect(PagerView.shown(5, of: 10) == [1, 4, 5, 6, 10])
        #expect(PagerView.shown(10, of: 10) == [1, 9, 10])
        let pager = PagerView(number: 5, urls: (1...10).map { "/x/\($0)/" })
        #expect(pager.pages.map { $0.number.map(String.init) ?? "…" } == ["1", "…", "4", "5", "6", "…", "10"])
        #expect(pager.pages.filter(\.isCurrent).map(\.number) == [5])
        #expect(pager.previousURL == "/x/4/" && pager.nextURL == "/x/6/")
    }

    @Test("page ranges and URLs: no page/1/, an empty list still has its page")
    func ranges() {
        #expect(Pagination(size: 2, count: 5).pageCount == 3)
        #expect((1...3).map { Pagination(size: 2, count: 5).range(of: $0) } == [0..<2, 2..<4, 4..<5])
        #expect(Pagination(size: 2, count: 0).pageCount == 1)
        #expect(Pagination(size: 0, count: 500).range(of: 1) == 0..<500)
        #expect(Pagination.urlPath("lt/temos/x/", page: 1) == "lt/temos/x/")
        #expect(Pagination.urlPath("lt/temos/x/", page: 2) == "lt/temos/x/page/2/")
    }
}
