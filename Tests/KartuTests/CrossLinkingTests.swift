import Foundation
import Testing
@testable import Kartu

/// The page of `tikslas.md` and the documents that link to it, in three languages.
enum LinkedSite {
    static let target = """
        ---
        title: Tikslas
        kind: project
        date: 2019-01-01
        ---
        Įvadas, žr. [save](tikslas.md) ir [čia](#kokia-problema-sprende).

        ## Kokią problemą sprendė?

        Tekstas.

        ## Łódź ir Straße

        ## Tikslai

        ## Tikslai

        """

    static let content: [String: String] = [
        "content/lt/projects/tikslas.md": target,
        // Three links to the target (relative, with an anchor, with ./): one backlink.
        "content/lt/projects/alytus.md": SmallSite.doc("Alytus", ["date: 2020-01-01"], body: """
            [T](tikslas.md), vėl [T2](tikslas.md#kokia-problema-sprende) ir [T3](./tikslas.md#lodz-ir-strasse).

            """),
        // Rooted at content/, with an anchor, from another section.
        "content/lt/reports/birzai.md": SmallSite.doc("Biržai", ["date: 2018-01-01"], body: """
            Žr. [tikslą](/lt/projects/tikslas.md#tikslai-1).

            """),
        // Another language: relative across language folders, and rooted.
        "content/en/projects/cambridge.md": SmallSite.doc("Cambridge", ["date: 2021-01-01"], body: """
            See [the goal](../../lt/projects/tikslas.md#lodz-ir-strasse) and [again](/lt/projects/tikslas.md).

            """),
        // Links to Alytus only.
        "content/pl/projects/debica.md": SmallSite.doc("Dębica", body: "Zob. [Alytus](/lt/projects/alytus.md).\n"),
        "content/en/projects/edinburgh.md": SmallSite.doc("Edinburgh", body: "No links.\n"),
        // Pages that are not documents: their links count for nothing.
        "content/lt/projects/_index.md": Fixture.page(["title: Projektai"], body: "[Tikslas](tikslas.md)\n"),
        "content/lt/index.md": Fixture.page(["title: Pradžia"], body: "[Tikslas](projects/tikslas.md)\n"),
        "content/lt/themes/reflection.md": Fixture.page(["title: Refleksija"], body: "[Tikslas](../projects/tikslas.md)\n"),
        // A draft is not published: no backlink from it.
        "content/lt/projects/juodrastis.md": SmallSite.doc("Juodraštis", ["date: 2022-01-01", "draft: true"],
                                                          body: "[Tikslas](tikslas.md)\n"),
    ]
}

@Suite("Cross-linking: backlinks")
struct BacklinksTests {
    @Test("backlinks: every linking document page once, newest first, across languages; not itself, not list, home or theme texts")
    func backlinks() throws {
        let site = try TestSite.small(LinkedSite.content)
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.line("site/lt/projects/tikslas/index.html", "backlinks: ") == "backlinks: en:Cambridge;lt:Alytus;lt:Biržai;")
        #expect(site.line("site/lt/projects/alytus/index.html", "backlinks: ") == "backlinks: pl:Dębica;")
        #expect(site.line("site/en/projects/cambridge/index.html", "backlinks: ") == "backlinks: ")
        #expect(site.line("site/pl/projects/debica/index.html", "backlinks: ") == "backlinks: ")
    }

    @Test("backlinks follow the language's list order: same dates sort by title in the page's language")
    func backlinkOrder() throws {
        var content = LinkedSite.content
        for (path, title) in [("lt/a/jonava.md", "Jonava"), ("lt/a/ylakiai.md", "Ylakiai"), ("lt/a/ignalina.md", "Ignalina")] {
            content["content/" + path] = SmallSite.doc(title, ["date: 2021-01-01"], body: "[T](/lt/projects/tikslas.md)\n")
        }
        let site = try TestSite.small(content)
        #expect(try site.build().printed == [])
        #expect(site.line("site/lt/projects/tikslas/index.html", "backlinks: ")
                == "backlinks: en:Cambridge;lt:Ignalina;lt:Ylakiai;lt:Jonava;lt:Alytus;lt:Biržai;")
    }
}

@Suite("Cross-linking: internal links")
struct InternalLinksTests {
    @Test("links to .md files across sections and languages, with anchors of transliterated headings, become page URLs")
    func rewritten() throws {
        let site = try TestSite.small(LinkedSite.content)
        #expect(try site.build().printed == [])
        let target = try #require(site.read("site/lt/projects/tikslas/index.html"))
        let headingTags = target.split(separator: "\n").filter { $0.hasPrefix("<h2") }
        #expect(headingTags == ["<h2 id=\"kokia-problema-sprende\">", "<h2 id=\"lodz-ir-strasse\">", "<h2 id=\"tikslai\">", "<h2 id=\"tikslai-1\">"])
        #expect(target.contains("<a href=\"/lt/projects/tikslas/\">save</a>"))
        #expect(target.contains("<a href=\"#kokia-problema-sprende\">čia</a>"))
        let alytus = try #require(site.read("site/lt/projects/alytus/index.html"))
        #expect(alytus.contains("<a href=\"/lt/projects/tikslas/#kokia-problema-sprende\">T2</a>"))
        #expect(alytus.contains("<a href=\"/lt/projects/tikslas/#lodz-ir-strasse\">T3</a>"))
        #expect(site.read("site/lt/reports/birzai/index.html")?.contains("<a href=\"/lt/projects/tikslas/#tikslai-1\">tikslą</a>") == true)
        let cambridge = try #require(site.read("site/en/projects/cambridge/index.html"))
        #expect(cambridge.contains("<a href=\"/lt/projects/tikslas/#lodz-ir-strasse\">the goal</a>"))
        #expect(cambridge.contains("<a href=\"/lt/projects/tikslas/\">again</a>"))
        #expect(site.read("site/pl/projects/debica/index.html")?.contains("<a href=\"/lt/projects/alytus/\">Alytus</a>") == true)
    }

    @Test("broken links and anchors: exact line and character column, closest path or anchor as hint")
    func brokenLinks() throws {
        let site = try TestSite.small(LinkedSite.content.merging([
            "content/en/projects/links.md": """
                ---
                title: Links
                kind: page
                ---
                Intro „quoted“ — see [Tikslas](/lt/projects/tikslas.md#kokią-problemą-sprendė).

                Ąžuolas: [x](../../lt/projects/tiksls.md) and [y](/lt/projects/tikslas.md#lodz-ir-strase).

                - [top](#intro)

                > Žr. [pl](/pl/projects/tiksla.md)

                """,
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.printed == [
            "content/en/projects/links.md:5:22: error: no heading '#kokią-problemą-sprendė' in 'content/lt/projects/tikslas.md'\n    hint: did you mean '#kokia-problema-sprende'?",
            "content/en/projects/links.md:7:10: error: link to missing document '../../lt/projects/tiksls.md'\n    hint: did you mean '../../lt/projects/tikslas.md'?",
            "content/en/projects/links.md:7:47: error: no heading '#lodz-ir-strase' in 'content/lt/projects/tikslas.md'\n    hint: did you mean '#lodz-ir-strasse'?",
            "content/en/projects/links.md:9:3: error: no heading '#intro' in this document\n    hint: the target has no headings",
            "content/en/projects/links.md:11:7: error: link to missing document '/pl/projects/tiksla.md'\n    hint: did you mean '../../lt/projects/tikslas.md'?",
        ])
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("an anchor with no close heading lists the target's headings")
    func anchorWithoutSuggestion() throws {
        let site = try TestSite.small(LinkedSite.content.merging([
            "content/lt/projects/alytus.md": SmallSite.doc("Alytus", body: "Čia [nuoroda](tikslas.md#visai-kita-antraste).\n"),
        ]) { _, new in new })
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/alytus.md:5:5: error: no heading '#visai-kita-antraste' in 'content/lt/projects/tikslas.md'\n    hint: headings there: #kokia-problema-sprende, #lodz-ir-strasse, #tikslai, #tikslai-1",
        ])
    }

    @Test("a broken link inside a table cell is located at its character column")
    func brokenLinkInTable() throws {
        let site = try TestSite.small([
            "content/lt/projects/lentele.md": SmallSite.doc("Lentelė", body: """
                | Savivaldybė | Nuoroda |
                |---|---|
                | Kėdainiai | [Kėdainiai](kedainiai.md) |

                """),
        ])
        let report = try site.build()
        #expect(report.headlines == ["content/lt/projects/lentele.md:7:15: error: link to missing document 'kedainiai.md'"])
    }
}

@Suite("Cross-linking: unknown theme ids")
struct UnknownThemeTests {
    @Test("an unknown theme in a block list: error at the id with the closest id")
    func blockList() throws {
        let site = try TestSite.small([
            "content/lt/projects/temos.md": "---\ntitle: Temos\nkind: project\nthemes:\n  - collaboration\n  - reflektion\n---\nTekstas.\n",
        ])
        let report = try site.build()
        #expect(report.printed == ["content/lt/projects/temos.md:6:5: error: unknown theme 'reflektion'\n    hint: did you mean 'reflection'?"])
        #expect(report.exitStatus == 1)
    }

    @Test("unknown themes in a flow list: each at its character column; the hint lists ids when none is close")
    func flowList() throws {
        let site = try TestSite.small([
            "content/lt/projects/a.md": "---\ntitle: A\nkind: project\nthemes: [ąžuolas, reflecton]\n---\n",
            "content/en/projects/b.md": "---\ntitle: B\nkind: project\nthemes: [collaboration, special-need]\n---\n",
            "content/pl/projects/c.md": "---\ntitle: C\nkind: project\nthemes: [\"reflection\", 'colaboration']\n---\n",
        ])
        let report = try site.build()
        #expect(report.printed == [
            "content/en/projects/b.md:4:25: error: unknown theme 'special-need'\n    hint: did you mean 'special-needs'?",
            "content/lt/projects/a.md:4:10: error: unknown theme 'ąžuolas'\n    hint: add 'ąžuolas' to content/themes.yaml or use one of: reflection, collaboration, special-needs, inclusion",
            "content/lt/projects/a.md:4:19: error: unknown theme 'reflecton'\n    hint: did you mean 'reflection'?",
            "content/pl/projects/c.md:4:24: error: unknown theme 'colaboration'\n    hint: did you mean 'collaboration'?",
        ])
    }

    @Test("an unknown theme stops the build: nothing is written")
    func buildStops() throws {
        let site = try TestSite.small([
            "content/lt/projects/a.md": SmallSite.doc("A", ["themes: [reflection, refleksija]"]),
        ])
        let report = try site.build()
        #expect(report.headlines == ["content/lt/projects/a.md:4:22: error: unknown theme 'refleksija'"])
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }
}
