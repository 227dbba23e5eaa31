import Foundation
import Testing
@testable import Kartu

extension TestSite {
    /// Lines of an output file, empty lines removed.
    func lines(_ path: String) -> [String] {
        (read(path) ?? "").split(separator: "\n").map(String.init)
    }
}

/// Builds the standard three-language site (lt, en, pl) and checks what it writes.
@Suite("End to end: output")
struct EndToEndOutputTests {
    @Test("a clean build: exact file tree with pretty URLs, no diagnostics, counts")
    func outputTree() throws {
        let site = try TestSite.standard()
        let report = try site.build()
        #expect(report.printed == [])
        #expect(report.exitStatus == 0)
        #expect(site.files(under: "site") == Fixture.standardOutput)
        #expect(report.pagesWritten == 84)
        #expect(report.documentsPerLanguage.map { "\($0.language) \($0.count)" } == ["lt 9", "en 4", "pl 1"])
        #expect(report.summary.hasPrefix("kartu: documents: lt 9, en 4, pl 1; 84 pages written; 0 warnings; "))
        #expect(report.summary.hasSuffix(" s"))
    }

    @Test("slugs: file names and slug fields are transliterated")
    func slugs() throws {
        let site = try TestSite.standard()
        try site.build()
        // content/lt/change-projects/Kazlų Rūda.md, content/en/projects/Straße.md, slug: Łódź
        #expect(site.lines("site/lt/change-projects/kazlu-ruda/index.html").first == "CHANGE-PROJECT lt | Kazlų Rūdos pokyčio projektas")
        #expect(site.lines("site/en/projects/strasse/index.html").first == "DOCUMENT en | Street")
        #expect(site.lines("site/pl/projects/lodz/index.html").first == "DOCUMENT pl | Miasto")
        #expect(!site.exists("site/pl/projects/miasto"))
    }

    @Test("section and bundle folder names are transliterated too; file names of resources are kept")
    func folderSlugs() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/Gerosios patirtys/Šiaulių vizitas/index.md": Fixture.page(["title: Vizitas", "kind: good-practice"],
                                                                                  body: "![Foto](Nuotrauka%201.png) [kita](<Nuotrauka 1.png>)\n"),
            "content/lt/Gerosios patirtys/Šiaulių vizitas/Nuotrauka 1.png": "png",
        ])
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.exists("site/lt/gerosios-patirtys/siauliu-vizitas/index.html"))
        #expect(site.read("site/lt/gerosios-patirtys/siauliu-vizitas/Nuotrauka 1.png") == "png")
        #expect(site.exists("site/lt/gerosios-patirtys/index.html"))
        #expect(site.read("site/lt/gerosios-patirtys/siauliu-vizitas/index.html")?
            .contains("<img src=\"/lt/gerosios-patirtys/siauliu-vizitas/Nuotrauka%201.png\" alt=\"Foto\" />") == true)
        #expect(site.read("site/lt/gerosios-patirtys/siauliu-vizitas/index.html")?
            .contains("<a href=\"/lt/gerosios-patirtys/siauliu-vizitas/Nuotrauka%201.png\">kita</a>") == true)
    }

    @Test("bundle files are copied beside the page, following the bundle's slug")
    func bundles() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.data("site/lt/projects/utena/photo.png") == Data(Fixture.photo))
        #expect(site.data("site/en/projects/utena-visit/photo.png") == Data(Fixture.photo))
        #expect(!site.exists("site/en/projects/utena"))
        #expect(site.read("site/lt/projects/utena/index.html")?.contains("<img src=\"/lt/projects/utena/photo.png\" alt=\"Nuotrauka\" />") == true)
        #expect(site.read("site/en/projects/utena-visit/index.html")?.contains("<img src=\"/en/projects/utena-visit/photo.png\" alt=\"Photo\" />") == true)
    }

    @Test("links to .md files and bundle files are rewritten to output URLs")
    func rewrittenLinks() throws {
        let site = try TestSite.standard()
        try site.build()
        let html = try #require(site.read("site/lt/projects/ignalina/index.html"))
        for link in [
            "<a href=\"/lt/projects/jonava/\">Jonava</a>",  // relative
            "<a href=\"/lt/projects/utena/\">Utena</a>",  // rooted at content/: /lt/projects/utena/index.md
            "<a href=\"/lt/projects/utena/\">aplankas</a>",  // bundle folder
            "<a href=\"/lt/projects/utena/photo.png\">nuotrauka</a>",  // bundle file
            "<a href=\"/lt/change-projects/kazlu-ruda/#tikslai\">Kazlų Rūda</a>",  // ../, percent-encoded name, anchor
            "<a href=\"/lt/projects/\">sąrašas</a>",  // _index.md
            "<a href=\"/en/projects/ignalina-en/\">English</a>",  // other language, rooted
            "<a href=\"https://example.org/x\">išorinė</a>",  // external, untouched
        ] {
            #expect(html.contains(link), "missing \(link)")
        }
        #expect(!html.contains(".md\""))
    }

    @Test("language switcher: translations by translationKey or by path, else the original's fallback page in that language")
    func languageSwitcher() throws {
        let site = try TestSite.standard()
        try site.build()
        // translationKey: ignalina (different file names)
        #expect(site.lines("site/lt/projects/ignalina/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/projects/ignalina/ translation current",
            "LANG en /en/projects/ignalina-en/ translation",
            "LANG pl /pl/projects/ignalina/",
        ])
        #expect(site.lines("site/en/projects/ignalina-en/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/projects/ignalina/ translation",
            "LANG en /en/projects/ignalina-en/ translation current",
            "LANG pl /pl/projects/ignalina/",
        ])
        #expect(site.lines("site/lt/projects/ignalina/index.html").contains("translations: en=/en/projects/ignalina-en/;"))
        // same relative path without a key
        #expect(site.lines("site/lt/projects/jonava/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/projects/jonava/ translation current",
            "LANG en /en/projects/jonava/ translation",
            "LANG pl /pl/projects/jonava/",
        ])
        // bundles: same path projects/utena/index.md, the English one with its own slug
        #expect(site.lines("site/lt/projects/utena/index.html").contains("LANG en /en/projects/utena-visit/ translation"))
        // no translation at all
        #expect(site.lines("site/pl/projects/lodz/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/projects/lodz/",
            "LANG en /en/projects/lodz/",
            "LANG pl /pl/projects/lodz/ translation current",
        ])
        #expect(site.lines("site/pl/projects/lodz/index.html").contains("translations: "))
    }

    @Test("section list pages: title from _index.md or the UI strings, documents newest first, switcher to the same section")
    func sectionPages() throws {
        let site = try TestSite.standard()
        try site.build()
        let lt = site.lines("site/lt/projects/index.html")
        #expect(lt.first == "SECTION lt | Projektai")
        #expect(lt.contains("<p>Visi projektai.</p>"))
        #expect(lt.filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/projects/ translation current", "LANG en /en/projects/ translation", "LANG pl /pl/projects/ translation",
        ])
        #expect(site.lines("site/lt/change-projects/index.html").first == "SECTION lt | Pokyčio projektai")
        #expect(site.lines("site/lt/change-projects/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /lt/change-projects/ translation current", "LANG en /en/", "LANG pl /pl/",
        ])
        #expect(site.lines("site/en/projects/index.html").first == "SECTION en | Projects")
        #expect(site.lines("site/en/projects/index.html").filter { $0.hasPrefix("ITEM ") }.map { $0.trimmingCharacters(in: .whitespaces) } == [
            "ITEM Ignalina | /en/projects/ignalina-en/ | 31 January 2019",
            "ITEM Jonava | /en/projects/jonava/ | ",
            "ITEM Street | /en/projects/strasse/ | ",
            "ITEM Utena visit | /en/projects/utena-visit/ | ",
        ].map { $0.trimmingCharacters(in: .whitespaces) })
    }

    @Test("lists sort by date, newest first, then by title in the language's collation")
    func collation() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.lines("site/lt/projects/index.html").filter { $0.hasPrefix("ITEM ") } == [
            "ITEM Naujausias | /lt/projects/naujausias/ | 2020 m. kovo 1 d.",
            "ITEM Ignalina | /lt/projects/ignalina/ | 2019 m. sausio 31 d.",
            "ITEM Ylakiai | /lt/projects/ylakiai/ | 2019 m. sausio 31 d.",
            "ITEM Jonava | /lt/projects/jonava/ | 2019 m. sausio 31 d.",
            "ITEM Skuodas | /lt/projects/skuodas/ | 2018 m. gegužės 1 d.",
            "ITEM Šiauliai | /lt/projects/siauliai/ | 2018 m. gegužės 1 d.",
            "ITEM Tauragė | /lt/projects/taurage/ | 2018 m. gegužės 1 d.",
            "ITEM Utena | /lt/projects/utena/ | 2017 m. birželio 1 d.",
        ])
    }

    @Test("dates are formatted per locale")
    func dates() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.lines("site/lt/projects/ignalina/index.html").contains("date: 2019 m. sausio 31 d."))
        #expect(site.lines("site/pl/projects/lodz/index.html").contains("date: 31 stycznia 2019"))
        #expect(site.lines("site/en/projects/ignalina-en/index.html").contains("date: 31 January 2019"))
    }

    @Test("a per-kind template is used when the theme has one, else document")
    func perKindTemplate() throws {
        let site = try TestSite.standard()
        try site.build()
        let change = site.lines("site/lt/change-projects/kazlu-ruda/index.html")
        #expect(change.first == "CHANGE-PROJECT lt | Kazlų Rūdos pokyčio projektas")
        #expect(change.contains("municipality: Kazlų Rūda"))
        #expect(change.contains("themes: Bendradarbiavimas;Refleksija;"))
        let project = site.lines("site/lt/projects/ignalina/index.html")
        #expect(project.first == "DOCUMENT lt | Ignalina")
        #expect(project.contains("kind: Projektas"))
        #expect(project.contains("themes: Refleksija;"))
        #expect(site.lines("site/en/projects/strasse/index.html").contains("kind: page"))
    }

    @Test("headings in pages carry their ids")
    func headingIDs() throws {
        let site = try TestSite.standard()
        try site.build()
        let html = try #require(site.read("site/lt/change-projects/kazlu-ruda/index.html"))
        #expect(html.contains("<h2 id=\"tikslai\">"))
    }

    @Test("a home page per language with its text and sections")
    func homePages() throws {
        let site = try TestSite.standard()
        try site.build()
        let lt = site.lines("site/lt/index.html")
        #expect(lt.first == "HOME lt | Pradžia | Sveiki")
        #expect(lt.contains("<p>Sveiki atvykę į <strong>bandomąją</strong> svetainę.</p>"))
        #expect(lt.filter { $0.hasPrefix("SECTION-LINK ") } == [
            "SECTION-LINK Pokyčio projektai | /lt/change-projects/ | 1",
            "SECTION-LINK Projektai | /lt/projects/ | 8",
        ])
        #expect(lt.filter { $0.hasPrefix("LANG ") } == ["LANG lt /lt/ translation current", "LANG en /en/ translation", "LANG pl /pl/ translation"])
        #expect(site.lines("site/en/index.html").first == "HOME en | Home | Welcome")
        #expect(site.lines("site/en/index.html").contains("<p>Welcome to the <em>test</em> site.</p>"))
        #expect(site.lines("site/pl/index.html").first == "HOME pl | Strona główna | Witamy")
        #expect(site.lines("site/pl/index.html").filter { $0.hasPrefix("SECTION-LINK ") } == ["SECTION-LINK Projects | /pl/projects/ | 1"])
    }

    @Test("site/index.html links every language home with lang and hreflang")
    func rootIndex() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.lines("site/index.html") == [
            "<!DOCTYPE html>",
            "<html lang=\"lt\">",
            "<title>Bandomoji svetainė</title>",
            "<a href=\"/lt/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>",
            "<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>",
            "<a href=\"/pl/\" hreflang=\"pl\" lang=\"pl\">Polski</a>",
            "</html>",
        ])
    }

    @Test("templates/assets/ is copied to site/assets/")
    func assets() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.read("site/assets/style.css") == Fixture.theme["templates/assets/style.css"])
        #expect(site.read("site/assets/img/logo.svg") == Fixture.theme["templates/assets/img/logo.svg"])
    }

    @Test("a rebuild replaces the previous site: removed pages disappear")
    func rebuildReplaces() throws {
        let site = try TestSite.standard()
        try site.build()
        #expect(site.exists("site/lt/projects/skuodas/index.html"))
        try site.remove("content/lt/projects/skuodas.md")
        let report = try site.build()
        #expect(report.printed == [])
        #expect(!site.exists("site/lt/projects/skuodas"))
        #expect(site.exists("site/lt/projects/ignalina/index.html"))
    }

    @Test("--output writes elsewhere and leaves <root>/site alone")
    func outputOption() throws {
        let site = try TestSite.standard()
        let report = try site.build(output: "public/www")
        #expect(report.exitStatus == 0)
        #expect(site.files(under: "public/www") == Fixture.standardOutput)
        #expect(!site.exists("site"))
    }

    @Test("base URL: every URL the site writes gets the base path")
    func baseURL() throws {
        let site = try TestSite.standard()
        let report = try site.build(baseURL: "https://example.org/guide/")
        #expect(report.printed == [])
        #expect(site.lines("site/lt/projects/ignalina/index.html").filter { $0.hasPrefix("LANG ") } == [
            "LANG lt /guide/lt/projects/ignalina/ translation current",
            "LANG en /guide/en/projects/ignalina-en/ translation",
            "LANG pl /guide/pl/projects/ignalina/",
        ])
        let html = try #require(site.read("site/lt/projects/ignalina/index.html"))
        #expect(html.contains("<a href=\"/guide/lt/projects/jonava/\">Jonava</a>"))
        #expect(html.contains("<a href=\"/guide/lt/projects/utena/photo.png\">nuotrauka</a>"))
        #expect(site.lines("site/index.html").contains("<a href=\"/guide/lt/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>"))
        #expect(site.lines("site/lt/projects/index.html").contains("ITEM Ignalina | /guide/lt/projects/ignalina/ | 2019 m. sausio 31 d."))
        // Output paths do not change; an absolute base URL adds the sitemap, robots.txt and feeds.
        #expect(site.files(under: "site") == (Fixture.standardOutput + ["en/feed.xml", "lt/feed.xml", "pl/feed.xml", "robots.txt", "sitemap.xml"]).sorted())
    }

    @Test("base URL from site.yaml, overridden by the option")
    func baseURLFromConfig() throws {
        let site = try TestSite.standard(extra: ["content/site.yaml": Fixture.siteYAML + "baseURL: https://example.org/docs\n"])
        try site.build()
        #expect(site.lines("site/index.html").contains("<a href=\"/docs/lt/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>"))
        try site.build(baseURL: "https://example.org/guide/")
        #expect(site.lines("site/index.html").contains("<a href=\"/guide/lt/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>"))
    }

    @Test("index.md and _index.md are optional: the home falls back to the site title")
    func optionalHomeText() throws {
        let site = try TestSite.standard()
        try site.remove("content/pl/index.md")
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.lines("site/pl/index.html").first == "HOME pl | Strona testowa | Witamy")
        // en/projects has no _index.md: its title comes from the folder name.
        #expect(site.lines("site/en/projects/index.html").first == "SECTION en | Projects")
        #expect(!site.exists("content/en/projects/_index.md"))
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }

    @Test("a language without a content folder is a warning; its home page is still written")
    func languageWithoutFolder() throws {
        let site = try TestSite.standard()
        for file in site.files(under: "content/pl") { try site.remove("content/pl/" + file) }
        try site.remove("content/pl")
        let report = try site.build()
        #expect(report.printed == [
            "content/site.yaml:13:5: warning: language 'pl' has no folder content/pl\n    hint: create content/pl/ with its documents, or remove the language",
        ])
        #expect(report.exitStatus == 0)
        #expect(site.lines("site/pl/index.html").first == "HOME pl | Strona testowa | Witamy")
        #expect(report.documentsPerLanguage.map { "\($0.language) \($0.count)" } == ["lt 9", "en 4", "pl 0"])
    }

    @Test("sections are ordered by the weight of their _index.md")
    func sectionWeight() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/_index.md": Fixture.page(["title: Projektai", "weight: 1"], body: "Visi projektai.\n"),
            "content/lt/change-projects/_index.md": Fixture.page(["title: Pokyčio projektai", "weight: 2"]),
        ])
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.lines("site/lt/index.html").filter { $0.hasPrefix("SECTION-LINK ") } == [
            "SECTION-LINK Projektai | /lt/projects/ | 8",
            "SECTION-LINK Pokyčio projektai | /lt/change-projects/ | 1",
        ])
    }

    @Test("other files of a section folder are published beside its pages; hidden files are not")
    func looseFiles() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/brochure.pdf": "%PDF-1.4\n",
            "content/lt/projects/.DS_Store": "junk",
            "content/lt/projects/utena/.hidden": "junk",
            "content/lt/projects/utena/docs/plan.txt": "planas\n",
            "content/lt/projects/skuodas.md": Fixture.page(["title: Skuodas", "kind: project", "date: 2018-05-01"],
                                                           body: "[PDF](brochure.pdf), [planas](utena/docs/plan.txt)\n"),
        ])
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.read("site/lt/projects/brochure.pdf") == "%PDF-1.4\n")
        #expect(site.read("site/lt/projects/utena/docs/plan.txt") == "planas\n")
        #expect(!site.exists("site/lt/projects/.DS_Store"))
        #expect(!site.exists("site/lt/projects/utena/.hidden"))
        let html = try #require(site.read("site/lt/projects/skuodas/index.html"))
        #expect(html.contains("<a href=\"/lt/projects/brochure.pdf\">PDF</a>"))
        #expect(html.contains("<a href=\"/lt/projects/utena/docs/plan.txt\">planas</a>"))
    }

    @Test("a larger site rendered on all cores is still byte-identical between builds")
    func determinismLarge() throws {
        var extra: [String: String] = [:]
        let names = ["Ąžuolas", "Ūdrija", "Žalgiris", "Ylakiai", "Šilutė", "Čiobiškis", "Ignalina", "Jurbarkas", "Alytus", "Ėriškiai"]
        for i in 0..<120 {
            let language = ["lt", "en", "pl"][i % 3]
            let title = "\(names[i % names.count]) \(i / 10)"
            let date = i % 4 == 0 ? [] : ["date: 20\(10 + i % 9)-0\(1 + i % 9)-1\(i % 9)"]
            extra["content/\(language)/archive/doc-\(i).md"] = Fixture.page(
                ["title: \"\(title)\"", "kind: project", "translationKey: k\(i / 3)"] + date,
                body: "## Skyrius\n\n[Ignalina](/lt/projects/ignalina.md) ir [kitas](doc-\(i % 3 == 0 ? i + 3 : i).md)\n")
        }
        // Each link above points to a document of the same language folder.
        for i in 0..<120 where i % 3 == 0 && i + 3 >= 120 {
            extra["content/lt/archive/doc-\(i).md"] = Fixture.page(["title: \"Pabaiga \(i)\"", "kind: project"])
        }
        let site = try TestSite.standard(extra: extra)
        let first = try site.build(output: "out-a")
        #expect(first.printed == [])
        let second = try site.build(output: "out-b")
        #expect(second.printed == [])
        let files = site.files(under: "out-a")
        #expect(files.count > Fixture.standardOutput.count + 120)
        #expect(site.files(under: "out-b") == files)
        var differing: [String] = []
        for file in files where site.data("out-a/" + file) != site.data("out-b/" + file) { differing.append(file) }
        #expect(differing == [])
    }

    @Test("two builds give byte-identical trees")
    func determinism() throws {
        let site = try TestSite.standard()
        let first = try site.build(output: "out-a")
        let second = try site.build(output: "out-b")
        #expect(first.printed == second.printed)
        let files = site.files(under: "out-a")
        #expect(files == Fixture.standardOutput)
        #expect(site.files(under: "out-b") == files)
        for file in files {
            #expect(site.data("out-a/" + file) == site.data("out-b/" + file), "\(file) differs")
        }
    }

    @Test("the same site built from two folders gives identical trees (no absolute paths leak)")
    func determinismAcrossFolders() throws {
        let one = try TestSite.standard()
        let two = try TestSite.standard()
        try one.build()
        try two.build()
        let files = one.files(under: "site")
        #expect(two.files(under: "site") == files)
        for file in files {
            #expect(one.data("site/" + file) == two.data("site/" + file), "\(file) differs")
        }
    }
}

/// The same site with the built-in default theme (default-theme/ of this repo, compiled in).
@Suite("End to end: default theme")
struct EndToEndDefaultThemeTests {
    @Test("the default theme builds the site without diagnostics")
    func builds() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let report = try site.build()
        #expect(report.printed == [])
        #expect(report.exitStatus == 0)
        let expected = Fixture.standardOutput.filter { !$0.hasPrefix("assets/") } + TestSite.files(under: TestSite.repoRoot.appendingPathComponent("default-theme/assets")).map { "assets/" + $0 }
        #expect(site.files(under: "site") == expected.sorted())
    }

    @Test("document page: lang, stylesheet, alternate links for translations only, dates, kind label")
    func documentPage() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        let html = try #require(site.read("site/lt/projects/ignalina/index.html"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"lt\">"))
        #expect(html.contains("<title>Ignalina · Bandomoji svetainė</title>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/kartu.css\">"))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/projects/ignalina-en/\">"))
        #expect(!html.contains("<link rel=\"alternate\" hreflang=\"pl\""))
        // No Polish translation: the switcher leads to the fallback page, marked as not translated.
        #expect(html.contains("<li class=\"no-page\"><a class=\"language\" href=\"/pl/projects/ignalina/\" hreflang=\"pl\"><span lang=\"pl\">Polski</span> <span class=\"language-note\">dar neišversta</span></a>"))
        // The current language is not a link to the page itself.
        #expect(html.contains("<span class=\"language\" aria-current=\"true\"><span lang=\"lt\">Lietuvių</span></span>"))
        #expect(html.contains("<time datetime=\"2019-01-31\">2019 m. sausio 31 d.</time>"))
        #expect(html.contains("<p class=\"kind\">Projektas</p>"))
        // Where the document sits: its section's documents beside it, itself current; and a breadcrumb.
        #expect(html.contains("<li><a href=\"/lt/projects/ignalina/\" aria-current=\"page\">Ignalina</a></li>"))
        #expect(html.contains("<ol><li><a href=\"/lt/\">Pradžia</a></li><li><a href=\"/lt/projects/\">Projektai</a></li></ol>"))
        #expect(html.contains("<span class=\"theme\"><a href=\"/lt/themes/reflection/\">Refleksija</a></span>"))
        #expect(html.contains("<a href=\"/lt/projects/jonava/\">Jonava</a>"))
        #expect(html.contains("Pereiti prie turinio"))
    }

    @Test("change-project falls back to document.mustache (the theme has no change-project.mustache)")
    func kindFallback() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        let html = try #require(site.read("site/lt/change-projects/kazlu-ruda/index.html"))
        #expect(html.contains("<p class=\"kind\">Pokyčio projektas</p>"))
        #expect(html.contains("<h1>Kazlų Rūdos pokyčio projektas</h1>"))
        #expect(html.contains("<dt>Savivaldybė</dt><dd><a href=\"/lt/municipality/kazlu-ruda/\">Kazlų Rūda</a></dd>"))
    }

    @Test("Polish dates and strings")
    func polish() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        let html = try #require(site.read("site/pl/projects/lodz/index.html"))
        #expect(html.contains("<html lang=\"pl\">"))
        #expect(html.contains("<time datetime=\"2019-01-31\">31 stycznia 2019</time>"))
        #expect(html.contains("Przejdź do treści"))
    }

    @Test("root index links every language home with lang and hreflang")
    func rootIndex() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        let html = try #require(site.read("site/index.html"))
        for (code, name) in [("lt", "Lietuvių"), ("en", "English"), ("pl", "Polski")] {
            #expect(html.contains("<a href=\"/\(code)/\" hreflang=\"\(code)\" lang=\"\(code)\">\(name)</a>"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"\(code)\" href=\"/\(code)/\">"))
        }
        #expect(!html.contains("hreflang=\"lv\""))
    }

    @Test("assets of the theme are copied byte for byte")
    func assets() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        #expect(site.data("site/assets/kartu.css") == FileManager.default.contents(atPath: TestSite.repoRoot.appendingPathComponent("default-theme/assets/kartu.css").path))
    }

    @Test("home and section pages")
    func homeAndSections() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build()
        let home = try #require(site.read("site/lt/index.html"))
        #expect(home.contains("<title>Bandomoji svetainė</title>"))
        #expect(home.contains("<h1>Pradžia</h1>"))
        #expect(home.contains("<li><a href=\"/lt/projects/\"><span class=\"tile-title\">Projektai</span> <span class=\"tile-count\">8</span>"))
        let section = try #require(site.read("site/lt/projects/index.html"))
        #expect(section.contains("<h1>Projektai</h1>"))
        #expect(section.contains("<a href=\"/lt/projects/ignalina/\">Ignalina</a>"))
    }

    @Test("base URL reaches stylesheet and links of the default theme")
    func baseURL() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.build(baseURL: "https://example.org/guide/")
        let html = try #require(site.read("site/lt/projects/ignalina/index.html"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/guide/assets/kartu.css\">"))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/en/projects/ignalina-en/\">"))
        let hrefs = try Regex(#"(?:href|src)="([^"]*)""#)
        for file in site.files(under: "site") where file.hasSuffix(".html") {
            let text = site.read("site/" + file) ?? ""
            for match in text.matches(of: hrefs) {
                let url = String(match.output[1].substring ?? "")
                let ok = url.hasPrefix("/guide/") || url.hasPrefix("https://") || url.hasPrefix("#")
                #expect(ok, "\(file): \(url)")
            }
        }
    }
}
