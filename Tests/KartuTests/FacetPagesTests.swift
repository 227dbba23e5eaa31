import Foundation
import Testing
@testable import Kartu

/// Facet pages (municipality, country, project, kind, level) and their indexes, the facet links of
/// document pages, and content files that land on generated pages.
@Suite("Cross-linking: facet pages")
struct FacetPagesTests {
    /// - lt Mokykla and en School translate each other (key), both in Kazlų Rūda, LT, project Erasmus+ Kartu;
    /// - en Visit writes the municipality "Kazlu Ruda" (same slug), good-practice, national level;
    /// - pl Kraków (PL, Erasmus+ Kartu); lt Vilnius (a page, LT, no level).
    static let content: [String: String] = [
        "content/lt/projects/mokykla.md": SmallSite.doc("Mokykla", [
            "date: 2019-01-01", "municipality: Kazlų Rūda", "country: LT", "project: Erasmus+ Kartu",
            "levels: [school, municipality]", "themes: [inclusion]", "translationKey: school"]),
        "content/lt/projects/vilnius.md": SmallSite.doc("Vilnius", ["municipality: Vilnius", "country: lt"], kind: "page"),
        "content/en/projects/school.md": SmallSite.doc("School", [
            "date: 2019-01-01", "municipality: Kazlų Rūda", "country: LT", "project: Erasmus+ Kartu", "levels: [school]",
            "translationKey: school"]),
        "content/en/projects/kazlu-ruda-visit.md": SmallSite.doc("Visit", [
            "date: 2020-01-01", "municipality: Kazlu Ruda", "country: LT", "levels: [national]"], kind: "good-practice"),
        "content/pl/projects/krakow.md": SmallSite.doc("Kraków", [
            "date: 2018-01-01", "municipality: Kraków", "country: PL", "project: Erasmus+ Kartu", "levels: [school]"]),
    ]

    static func build() throws -> TestSite {
        let site = try TestSite.small(Self.content, i18n: true)
        let report = try site.build()
        #expect(report.printed == [])
        return site
    }

    @Test("a page per facet value in every language, as soon as any language has the value, and an index per facet")
    func pageTree() throws {
        let site = try Self.build()
        let facetPages = site.files(under: "site").filter { path in
            Facet.allCases.contains { path.dropFirst(3).hasPrefix($0.rawValue + "/") }
        }
        var expected: [String] = []
        for language in ["en", "lt", "pl"] {
            expected += [
                "country/index.html", "country/lt/index.html", "country/pl/index.html",
                "kind/good-practice/index.html", "kind/index.html", "kind/page/index.html", "kind/project/index.html",
                "level/index.html", "level/municipality/index.html", "level/national/index.html", "level/school/index.html",
                "municipality/index.html", "municipality/kazlu-ruda/index.html", "municipality/krakow/index.html",
                "municipality/vilnius/index.html",
                "project/erasmus-kartu/index.html", "project/index.html",
            ].map { language + "/" + $0 }
        }
        #expect(facetPages == expected)
    }

    @Test("a municipality or project of any length builds: a long value's folder is cut at a hyphen and told apart by a hash")
    func longValues() throws {
        let long = String(repeating: "Savivaldybės administracijos švietimo skyrius ", count: 8)
        let site = try TestSite.small([
            "content/lt/projects/a.md": SmallSite.doc("A", ["municipality: \(long)A", "project: \(long)"]),
            "content/lt/projects/b.md": SmallSite.doc("B", ["municipality: \(long)B"]),
        ])
        #expect(try site.build().printed == [])
        // Relative to the municipality index: `<value>/index.html` and the index itself.
        let folders = site.files(under: "site/lt/municipality").filter { $0.hasSuffix("/index.html") }
        #expect(folders.count == 2)
        for folder in folders {
            let name = folder.split(separator: "/")[0]
            #expect(name.utf8.count <= Facet.keyLimit)
            #expect(name.hasPrefix("savivaldybes-administracijos-svietimo-skyrius-"))
        }
        #expect(Slug.make(long, limit: 80) == Slug.make(long, limit: 80))
        #expect(Slug.make("Kazlų Rūda", limit: 80) == "kazlu-ruda")
    }

    @Test("a municipality page gathers the municipality's documents across languages, spelt as this language spells it")
    func municipalityAcrossLanguages() throws {
        let site = try Self.build()
        #expect(site.lines("site/lt/municipality/kazlu-ruda/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET lt | municipality | Kazlų Rūda",
            "LABEL Savivaldybės | /lt/municipality/ | kazlu-ruda | /lt/municipality/kazlu-ruda/",
            "ITEM Mokykla | /lt/projects/mokykla/",
            "OTHER en English | Visit | /lt/projects/kazlu-ruda-visit/ | other",
            "END",
        ])
        #expect(site.lines("site/en/municipality/kazlu-ruda/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET en | municipality | Kazlu Ruda",
            "LABEL Municipalities | /en/municipality/ | kazlu-ruda | /en/municipality/kazlu-ruda/",
            "ITEM Visit | /en/projects/kazlu-ruda-visit/",
            "ITEM School | /en/projects/school/",
            "END",
        ])
        // No Polish document there: the page exists all the same, with the others, Lithuanian first.
        #expect(site.lines("site/pl/municipality/kazlu-ruda/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET pl | municipality | Kazlu Ruda",
            "LABEL Gminy | /pl/municipality/ | kazlu-ruda | /pl/municipality/kazlu-ruda/",
            "OTHER lt Lietuvių | Mokykla | /pl/projects/mokykla/ | other",
            "OTHER en English | Visit | /pl/projects/kazlu-ruda-visit/ | other",
            "OTHER en English | School | /pl/projects/mokykla/ | other",
            "END",
        ])
        #expect(site.lines("site/en/municipality/krakow/index.html", prefixed: "LANG ") == [
            "LANG lt /lt/municipality/krakow/ translation", "LANG en /en/municipality/krakow/ translation current",
            "LANG pl /pl/municipality/krakow/ translation",
        ])
    }

    @Test("municipality index: labels in this language's spelling, counts here and in all, in the language's order")
    func municipalityIndex() throws {
        let site = try Self.build()
        #expect(site.lines("site/lt/municipality/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS lt | municipality",
            "ENTRY kazlu-ruda | Kazlų Rūda | /lt/municipality/kazlu-ruda/ | 1 | 3",
            "ENTRY krakow | Kraków | /lt/municipality/krakow/ | 0 | 1",
            "ENTRY vilnius | Vilnius | /lt/municipality/vilnius/ | 1 | 1",
        ])
        #expect(site.lines("site/en/municipality/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS en | municipality",
            "ENTRY kazlu-ruda | Kazlu Ruda | /en/municipality/kazlu-ruda/ | 2 | 3",
            "ENTRY krakow | Kraków | /en/municipality/krakow/ | 0 | 1",
            "ENTRY vilnius | Vilnius | /en/municipality/vilnius/ | 0 | 1",
        ])
        #expect(site.lines("site/pl/municipality/index.html", prefixed: "LANG ") == [
            "LANG lt /lt/municipality/ translation", "LANG en /en/municipality/ translation", "LANG pl /pl/municipality/ translation current",
        ])
    }

    @Test("country pages by lowercase code, named in the page's language")
    func countries() throws {
        let site = try Self.build()
        #expect(site.lines("site/lt/country/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS lt | country",
            "ENTRY pl | Lenkija | /lt/country/pl/ | 0 | 1",
            "ENTRY lt | Lietuva | /lt/country/lt/ | 2 | 4",
        ])
        #expect(site.lines("site/en/country/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS en | country",
            "ENTRY lt | Lithuania | /en/country/lt/ | 2 | 4",
            "ENTRY pl | Poland | /en/country/pl/ | 0 | 1",
        ])
        #expect(site.lines("site/lt/country/lt/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET lt | country | Lietuva",
            "LABEL Šalys | /lt/country/ | lt | /lt/country/lt/",
            "ITEM Mokykla | /lt/projects/mokykla/",
            "ITEM Vilnius | /lt/projects/vilnius/",
            "OTHER en English | Visit | /lt/projects/kazlu-ruda-visit/ | other",
            "END",
        ])
        #expect(site.lines("site/pl/country/pl/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET pl | country | Polska", "LABEL Kraje | /pl/country/ | pl | /pl/country/pl/", "ITEM Kraków | /pl/projects/krakow/", "END",
        ])
    }

    @Test("project, kind and level pages and indexes")
    func projectKindLevel() throws {
        let site = try Self.build()
        #expect(site.lines("site/lt/project/erasmus-kartu/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET lt | project | Erasmus+ Kartu",
            "LABEL Projektai | /lt/project/ | erasmus-kartu | /lt/project/erasmus-kartu/",
            "ITEM Mokykla | /lt/projects/mokykla/",
            "OTHER pl Polski | Kraków | /lt/projects/krakow/ | other",
            "END",
        ])
        #expect(site.lines("site/lt/kind/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS lt | kind",
            "ENTRY good-practice | Geroji patirtis | /lt/kind/good-practice/ | 0 | 1",
            "ENTRY page | page | /lt/kind/page/ | 1 | 1",
            "ENTRY project | Projektas | /lt/kind/project/ | 1 | 3",
        ])
        #expect(site.lines("site/en/kind/project/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET en | kind | Project",
            "LABEL Kinds | /en/kind/ | project | /en/kind/project/",
            "ITEM School | /en/projects/school/",
            "OTHER pl Polski | Kraków | /en/projects/krakow/ | other",
            "END",
        ])
        #expect(site.lines("site/lt/level/index.html", prefixed: "FACETS", "ENTRY") == [
            "FACETS lt | level",
            "ENTRY school | Mokykla | /lt/level/school/ | 1 | 3",
            "ENTRY national | Nacionalinis | /lt/level/national/ | 0 | 1",
            "ENTRY municipality | Savivaldybė | /lt/level/municipality/ | 1 | 1",
        ])
        #expect(site.lines("site/pl/level/school/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "FACET pl | level | Szkoła",
            "LABEL Poziomy | /pl/level/ | school | /pl/level/school/",
            "ITEM Kraków | /pl/projects/krakow/",
            "OTHER lt Lietuvių | Mokykla | /pl/projects/mokykla/ | other",
            "OTHER en English | School | /pl/projects/mokykla/ | other",
            "END",
        ])
    }

    @Test("document facts link to the facet pages of the page's language")
    func documentFacetLinks() throws {
        let site = try Self.build()
        #expect(site.line("site/lt/projects/mokykla/index.html", "facet-links: ")
                == "facet-links: /lt/municipality/kazlu-ruda/ | /lt/country/lt/ | /lt/project/erasmus-kartu/ | /lt/kind/project/ | Mokykla=/lt/level/school/;Savivaldybė=/lt/level/municipality/;")
        #expect(site.line("site/en/projects/kazlu-ruda-visit/index.html", "facet-links: ")
                == "facet-links: /en/municipality/kazlu-ruda/ | /en/country/lt/ |  | /en/kind/good-practice/ | National=/en/level/national/;")
        #expect(site.line("site/pl/projects/krakow/index.html", "facet-links: ")
                == "facet-links: /pl/municipality/krakow/ | /pl/country/pl/ | /pl/project/erasmus-kartu/ | /pl/kind/project/ | Szkoła=/pl/level/school/;")
        #expect(site.line("site/lt/projects/vilnius/index.html", "facet-links: ")
                == "facet-links: /lt/municipality/vilnius/ | /lt/country/lt/ |  | /lt/kind/page/ | ")
        #expect(site.line("site/lt/projects/mokykla/index.html", "theme-links: ") == "theme-links: inclusion=/lt/themes/inclusion/;")
    }

    @Test("facet links and pages follow the base URL")
    func baseURL() throws {
        let site = try TestSite.small(Self.content, i18n: true)
        #expect(try site.build(baseURL: "https://example.org/guide/").printed == [])
        #expect(site.line("site/en/projects/school/index.html", "facet-links: ")
                == "facet-links: /guide/en/municipality/kazlu-ruda/ | /guide/en/country/lt/ | /guide/en/project/erasmus-kartu/ | /guide/en/kind/project/ | School=/guide/en/level/school/;")
        #expect(site.lines("site/lt/municipality/index.html").contains("ENTRY krakow | Kraków | /guide/lt/municipality/krakow/ | 0 | 1"))
        #expect(site.exists("site/lt/municipality/krakow/index.html"))
    }
}

/// A content file published where kartu writes a generated page.
@Suite("Cross-linking: content on generated URLs")
struct GeneratedURLClashTests {
    static let base: [String: String] = [
        "content/lt/projects/a.md": SmallSite.doc("A", ["municipality: Vilnius", "themes: [reflection]"]),
    ]

    static func build(_ extra: [String: String]) throws -> (TestSite, BuildReport) {
        let site = try TestSite.small(Self.base.merging(extra) { _, new in new })
        return (site, try site.build())
    }

    @Test("a list text at a facet index")
    func listOnFacetIndex() throws {
        let (site, report) = try Self.build(["content/lt/kind/_index.md": Fixture.page(["title: Rūšys"])])
        #expect(report.printed == [
            "content/lt/kind/_index.md:1:1: error: 'content/lt/kind/_index.md' is published at /lt/kind/index.html, where kartu also writes the kind index of lt\n    hint: rename the file or folder, or give it another 'slug'",
        ])
        #expect(!site.exists("site"))
    }

    @Test("a bundle at a facet index: every error names the file")
    func bundleOnFacetIndex() throws {
        let (site, report) = try Self.build(["content/lt/kind/index.md": SmallSite.doc("Rūšys", kind: "page")])
        #expect(report.exitStatus == 1)
        #expect(report.headlines.contains(
            "content/lt/kind/index.md:1:1: error: 'content/lt/kind/index.md' is published at /lt/kind/index.html, where kartu also writes the kind index of lt"))
        #expect(report.diagnostics.allSatisfy { $0.file == "content/lt/kind/index.md" })
        #expect(!site.exists("site"))
    }

    @Test("a document at a theme page's URL, by a folder that slugs to 'themes'")
    func documentOnThemePage() throws {
        let (site, report) = try Self.build(["content/lt/Themes/reflection.md": SmallSite.doc("Refleksija", kind: "page")])
        #expect(report.printed.contains(
            "content/lt/Themes/reflection.md:1:1: error: 'content/lt/Themes/reflection.md' is published at /lt/themes/reflection/index.html, where kartu also writes the theme page of 'reflection'\n    hint: rename the file or folder, or give it another 'slug'"))
        #expect(report.diagnostics.allSatisfy { $0.file?.hasPrefix("content/lt/Themes/") == true })
        #expect(!site.exists("site"))
    }

    @Test("a bundle under content/<lang>/themes/ at a theme page's URL")
    func bundleOnThemePage() throws {
        let (site, report) = try Self.build(["content/lt/themes/reflection/index.md": SmallSite.doc("Refleksija", kind: "page")])
        #expect(report.printed.contains(
            "content/lt/themes/reflection/index.md:1:1: error: 'content/lt/themes/reflection/index.md' is published at /lt/themes/reflection/index.html, where kartu also writes the theme page of 'reflection'\n    hint: rename the file or folder, or give it another 'slug'"))
        #expect(report.diagnostics.allSatisfy { $0.file?.hasPrefix("content/lt/themes/") == true })
        #expect(!site.exists("site"))
    }

    @Test("a list text at the theme index")
    func listOnThemeIndex() throws {
        let (_, report) = try Self.build(["content/en/themes/_index.md": Fixture.page(["title: Themes"])])
        #expect(report.printed == [
            "content/en/themes/_index.md:1:1: error: 'content/en/themes/_index.md' is published at /en/themes/index.html, where kartu also writes the theme index of en\n    hint: rename the file or folder, or give it another 'slug'",
        ])
    }

    @Test("a document at a facet value page")
    func documentOnFacetValue() throws {
        let (_, report) = try Self.build(["content/pl/municipality/vilnius.md": SmallSite.doc("Wilno", kind: "page")])
        #expect(report.headlines.contains(
            "content/pl/municipality/vilnius.md:1:1: error: 'content/pl/municipality/vilnius.md' is published at /pl/municipality/vilnius/index.html, where kartu also writes the municipality page of 'Vilnius'"))
        #expect(report.exitStatus == 1)
    }

    @Test("a section whose list page would replace a generated index is an error, never a silent overwrite")
    func sectionOnFacetIndex() throws {
        let (site, report) = try Self.build(["content/lt/kind/kita.md": SmallSite.doc("Kita", kind: "page")])
        #expect(report.exitStatus == 1)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.description.contains("content/lt/kind/") })
        #expect(!site.exists("site"))
    }
}
