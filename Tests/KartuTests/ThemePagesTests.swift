import Foundation
import Testing
@testable import Kartu

/// Theme pages (`site/<lang>/themes/<id>/`), the theme index per language, and theme descriptions
/// (`content/<lang>/themes/<id>.md`).
@Suite("Cross-linking: theme pages")
struct ThemePagesTests {
    /// Documents on `reflection` in three languages:
    /// - lt: Naujas (2020), Ignalina, Ylakiai, Jonava (2019), Senas (undated);
    /// - en: Ylakiai (translation of lt Ylakiai by translationKey), Jonava (translation of lt Jonava
    ///   by path), Oxford (2018, no translation), and a draft translation of lt Naujas (does not count);
    /// - pl: Kraków (2021, no translation), Łódź (2017; translated into lt by key, but that
    ///   translation, Lodzė, is on `collaboration` only).
    static let content: [String: String] = [
        "content/lt/projects/naujas.md": SmallSite.doc("Naujas", ["date: 2020-05-01", "themes: [reflection]"]),
        "content/lt/projects/ignalina.md": SmallSite.doc("Ignalina", ["date: 2019-01-31", "themes: [reflection]"]),
        "content/lt/projects/ylakiai.md": SmallSite.doc("Ylakiai", ["date: 2019-01-31", "themes: [reflection]", "translationKey: ylakiai"]),
        "content/lt/projects/jonava.md": SmallSite.doc("Jonava", ["date: 2019-01-31", "themes: [reflection]"]),
        "content/lt/projects/senas.md": SmallSite.doc("Senas", ["themes: [reflection]"]),
        "content/lt/projects/lodze.md": SmallSite.doc("Lodzė", ["date: 2017-01-01", "themes: [collaboration]", "translationKey: lodz"]),
        "content/en/projects/ylakiai-visit.md": SmallSite.doc("Ylakiai", ["date: 2019-01-31", "themes: [reflection]", "translationKey: ylakiai"]),
        "content/en/projects/jonava.md": SmallSite.doc("Jonava", ["date: 2019-01-31", "themes: [reflection]"]),
        "content/en/projects/oxford.md": SmallSite.doc("Oxford", ["date: 2018-01-01", "themes: [reflection]"]),
        "content/en/projects/naujas.md": SmallSite.doc("New", ["date: 2020-05-01", "themes: [reflection]", "draft: true"]),
        "content/pl/projects/krakow.md": SmallSite.doc("Kraków", ["date: 2021-01-01", "themes: [reflection]"]),
        "content/pl/projects/lodz.md": SmallSite.doc("Łódź", ["date: 2017-01-01", "themes: [reflection]", "translationKey: lodz"]),
    ]

    @Test("a theme page and a theme index in every language, for every theme, even one without documents")
    func everyThemeEveryLanguage() throws {
        let site = try TestSite.small(Self.content)
        let report = try site.build()
        #expect(report.printed == [])
        let themePages = site.files(under: "site").filter { $0.contains("/themes/") }
        #expect(themePages == [
            "en/themes/collaboration/index.html", "en/themes/inclusion/index.html", "en/themes/index.html",
            "en/themes/reflection/index.html", "en/themes/special-needs/index.html",
            "lt/themes/collaboration/index.html", "lt/themes/inclusion/index.html", "lt/themes/index.html",
            "lt/themes/reflection/index.html", "lt/themes/special-needs/index.html",
            "pl/themes/collaboration/index.html", "pl/themes/inclusion/index.html", "pl/themes/index.html",
            "pl/themes/reflection/index.html", "pl/themes/special-needs/index.html",
        ])
        #expect(site.lines("site/en/themes/special-needs/index.html").filter { !$0.hasPrefix("LANG ") } == ["THEME en | Special needs", "END"])
        // The switcher leads to the same theme page in every language.
        #expect(site.lines("site/pl/themes/special-needs/index.html", prefixed: "LANG ") == [
            "LANG lt /lt/themes/special-needs/ translation", "LANG en /en/themes/special-needs/ translation",
            "LANG pl /pl/themes/special-needs/ translation current",
        ])
    }

    @Test("Lithuanian theme page: its documents newest first in Lithuanian order, then untranslated others grouped by language")
    func lithuanianThemePage() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        #expect(site.lines("site/lt/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME lt | Refleksija",
            "ITEM Naujas | /lt/projects/naujas/",
            "ITEM Ignalina | /lt/projects/ignalina/",
            "ITEM Ylakiai | /lt/projects/ylakiai/",
            "ITEM Jonava | /lt/projects/jonava/",
            "ITEM Senas | /lt/projects/senas/",
            "OTHER en English | Oxford | /lt/projects/oxford/ | other",
            "OTHER pl Polski | Kraków | /lt/projects/krakow/ | other",
            "END",
        ])
    }

    @Test("English theme page: English order; a draft translation does not hide the original; other languages in site order")
    func englishThemePage() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        #expect(site.lines("site/en/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME en | Reflection",
            "ITEM Jonava | /en/projects/jonava/",
            "ITEM Ylakiai | /en/projects/ylakiai-visit/",
            "ITEM Oxford | /en/projects/oxford/",
            "OTHER lt Lietuvių | Naujas | /en/projects/naujas/ | other",
            "OTHER lt Lietuvių | Ignalina | /en/projects/ignalina/ | other",
            "OTHER lt Lietuvių | Senas | /en/projects/senas/ | other",
            "OTHER pl Polski | Kraków | /en/projects/krakow/ | other",
            "OTHER pl Polski | Łódź | /en/projects/lodze/ | other",
            "END",
        ])
        // The draft is not published: its place shows the original, as a fallback page.
        #expect(site.read("site/en/projects/naujas/index.html")?.contains("New") == false)
        #expect(site.read("site/en/projects/naujas/index.html")?.contains("Naujas") == true)
    }

    @Test("Polish theme page: no translation in Polish, so both language versions of a document are offered")
    func polishThemePage() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        #expect(site.lines("site/pl/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME pl | Refleksja",
            "ITEM Kraków | /pl/projects/krakow/",
            "ITEM Łódź | /pl/projects/lodz/",
            "OTHER lt Lietuvių | Naujas | /pl/projects/naujas/ | other",
            "OTHER lt Lietuvių | Ignalina | /pl/projects/ignalina/ | other",
            "OTHER lt Lietuvių | Jonava | /pl/projects/jonava/ | other",
            "OTHER lt Lietuvių | Ylakiai | /pl/projects/ylakiai/ | other",
            "OTHER lt Lietuvių | Senas | /pl/projects/senas/ | other",
            "OTHER en English | Jonava | /pl/projects/jonava/ | other",
            "OTHER en English | Ylakiai | /pl/projects/ylakiai/ | other",
            "OTHER en English | Oxford | /pl/projects/oxford/ | other",
            "END",
        ])
    }

    @Test("a translation anywhere in the language hides the other-language document, even one not on the theme")
    func translationOffTheme() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        let lt = site.lines("site/lt/themes/reflection/index.html")
        #expect(!lt.contains { $0.contains("Łódź") })
        #expect(site.lines("site/lt/themes/collaboration/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME lt | Bendradarbiavimas", "ITEM Lodzė | /lt/projects/lodze/", "END",
        ])
        // On the Polish collaboration page the Lithuanian Lodzė is translated (Łódź), so nothing is offered.
        #expect(site.lines("site/pl/themes/collaboration/index.html").filter { !$0.hasPrefix("LANG ") } == ["THEME pl | Współpraca", "END"])
        #expect(site.lines("site/en/themes/collaboration/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME en | Collaboration",
            "OTHER lt Lietuvių | Lodzė | /en/projects/lodze/ | other",
            "END",
        ])
    }

    @Test("theme index: every theme with its counts in this language and in all, sorted by label in the language's collation")
    func themeIndex() throws {
        let site = try TestSite.small(Self.content)
        #expect(try site.build().printed == [])
        // Lithuanian: y and į are letters of the i family (Ypatingi: i-p… before Įtrauktis: i-t…), all before r;
        // code points would put both last, English order would put Ypatingi last.
        #expect(site.lines("site/lt/themes/index.html", prefixed: "THEMES", "ENTRY", "END") == [
            "THEMES lt",
            "ENTRY collaboration | Bendradarbiavimas | /lt/themes/collaboration/ | 1 | 1",
            "ENTRY special-needs | Ypatingi poreikiai | /lt/themes/special-needs/ | 0 | 0",
            "ENTRY inclusion | Įtrauktis | /lt/themes/inclusion/ | 0 | 0",
            "ENTRY reflection | Refleksija | /lt/themes/reflection/ | 5 | 10",
            "END",
        ])
        #expect(site.lines("site/en/themes/index.html", prefixed: "THEMES", "ENTRY", "END") == [
            "THEMES en",
            "ENTRY collaboration | Collaboration | /en/themes/collaboration/ | 0 | 1",
            "ENTRY inclusion | Inclusion | /en/themes/inclusion/ | 0 | 0",
            "ENTRY reflection | Reflection | /en/themes/reflection/ | 3 | 10",
            "ENTRY special-needs | Special needs | /en/themes/special-needs/ | 0 | 0",
            "END",
        ])
        #expect(site.lines("site/pl/themes/index.html", prefixed: "THEMES", "ENTRY", "END") == [
            "THEMES pl",
            "ENTRY reflection | Refleksja | /pl/themes/reflection/ | 2 | 10",
            "ENTRY special-needs | Specjalne potrzeby | /pl/themes/special-needs/ | 0 | 0",
            "ENTRY inclusion | Włączanie | /pl/themes/inclusion/ | 0 | 0",
            "ENTRY collaboration | Współpraca | /pl/themes/collaboration/ | 0 | 1",
            "END",
        ])
        #expect(site.lines("site/lt/themes/index.html", prefixed: "LANG ") == [
            "LANG lt /lt/themes/ translation current", "LANG en /en/themes/ translation", "LANG pl /pl/themes/ translation",
        ])
    }

    @Test("theme links on a document lead to the theme page in the page's language")
    func documentThemeLinks() throws {
        let site = try TestSite.small(Self.content.merging([
            "content/pl/projects/krakow.md": SmallSite.doc("Kraków", ["date: 2021-01-01", "themes: [reflection, inclusion]"]),
        ]) { _, new in new })
        #expect(try site.build().printed == [])
        #expect(site.line("site/lt/projects/ignalina/index.html", "theme-links: ") == "theme-links: reflection=/lt/themes/reflection/;")
        #expect(site.line("site/pl/projects/krakow/index.html", "theme-links: ")
                == "theme-links: reflection=/pl/themes/reflection/;inclusion=/pl/themes/inclusion/;")
        #expect(site.line("site/pl/projects/krakow/index.html", "themes: ") == "themes: Refleksja;Włączanie;")
    }

    @Test("a theme description gives the theme page its text (and its title when it has one); it is no document")
    func themeDescription() throws {
        let site = try TestSite.small(Self.content.merging([
            // No field at all is required: here only a summary.
            "content/lt/themes/reflection.md": Fixture.page(["summary: Apie refleksiją"],
                                                            body: "Refleksija – tai **mąstymas** apie [praktiką](../projects/jonava.md).\n"),
            "content/en/themes/reflection.md": Fixture.page(["title: Reflecting on practice"], body: "How we *reflect*.\n"),
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.lines("site/lt/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") }.prefix(2) == ["THEME lt | Refleksija",
            "<p>Refleksija – tai <strong>mąstymas</strong> apie <a href=\"/lt/projects/jonava/\">praktiką</a>.</p>"])
        #expect(site.lines("site/en/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") }.prefix(3) == [
            "THEME en | Reflecting on practice", "<p>How we <em>reflect</em>.</p>", "ITEM Jonava | /en/projects/jonava/",
        ])
        // Polish has no description: the label, no text.
        #expect(site.lines("site/pl/themes/reflection/index.html").filter { !$0.hasPrefix("LANG ") }.prefix(2) == [
            "THEME pl | Refleksja", "ITEM Kraków | /pl/projects/krakow/",
        ])
        // Not a document: no page of its own, no count, not listed, no backlink from it.
        #expect(report.documentsPerLanguage.map { "\($0.language) \($0.count)" } == ["lt 6", "en 3", "pl 2"])
        #expect(site.lines("site/lt/themes/reflection/index.html", prefixed: "ITEM ").count == 5)
        #expect(site.line("site/lt/projects/jonava/index.html", "backlinks: ") == "backlinks: ")
        // The index keeps the label as the entry's title.
        #expect(site.lines("site/en/themes/index.html").contains("ENTRY reflection | Reflection | /en/themes/reflection/ | 3 | 10"))
    }

    @Test("a theme description whose front matter has no field at all")
    func emptyDescriptionFrontMatter() throws {
        let site = try TestSite.small(Self.content.merging([
            "content/lt/themes/collaboration.md": "---\n---\nKartu **geriau**.\n",
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.lines("site/lt/themes/collaboration/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME lt | Bendradarbiavimas", "<p>Kartu <strong>geriau</strong>.</p>", "ITEM Lodzė | /lt/projects/lodze/", "END",
        ])
    }

    @Test("a description file named after no theme is an error at 1:1 with the closest id")
    func misnamedDescription() throws {
        let site = try TestSite.small(Self.content.merging([
            "content/lt/themes/reflektion.md": Fixture.page(["title: Refleksija"], body: "Tekstas.\n"),
            "content/en/themes/teamwork.md": Fixture.page(["title: Teamwork"]),
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.printed == [
            "content/en/themes/teamwork.md:1:1: error: 'teamwork' is not a theme of content/themes.yaml\n    hint: name the file after a theme id, or add 'teamwork' to content/themes.yaml",
            "content/lt/themes/reflektion.md:1:1: error: 'reflektion' is not a theme of content/themes.yaml\n    hint: rename the file: did you mean 'reflection'?",
        ])
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a description's unknown front-matter key is still a warning at its position")
    func descriptionUnknownKey() throws {
        let site = try TestSite.small(Self.content.merging([
            "content/pl/themes/inclusion.md": Fixture.page(["title: Włączanie społeczne", "kolor: zielony"], body: "Opis.\n"),
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.headlines == ["content/pl/themes/inclusion.md:3:1: warning: unknown key 'kolor'; it is ignored"])
        #expect(site.lines("site/pl/themes/inclusion/index.html").filter { !$0.hasPrefix("LANG ") } == [
            "THEME pl | Włączanie społeczne", "<p>Opis.</p>", "END",
        ])
    }
}
