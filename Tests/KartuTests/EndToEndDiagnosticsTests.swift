import Foundation
import Testing
@testable import Kartu

/// Builds small broken variants of the standard site and checks the exact diagnostics.
@Suite("End to end: diagnostics")
struct EndToEndDiagnosticsTests {

    @Test("drafts are excluded from pages, lists and counts")
    func drafts() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/juodrastis.md": Fixture.page(["title: Juodraštis", "kind: project", "date: 2021-01-01", "draft: true"]),
        ])
        let report = try site.build()
        #expect(report.printed == [])
        #expect(!site.exists("site/lt/projects/juodrastis"))
        #expect(site.files(under: "site") == Fixture.standardOutput)
        #expect(site.read("site/lt/projects/index.html")?.contains("Juodraštis") == false)
        #expect(report.documentsPerLanguage.first?.count == 9)
    }

    @Test("draft: false is published")
    func draftFalse() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/baigtas.md": Fixture.page(["title: Baigtas", "kind: project", "draft: false"]),
        ])
        let report = try site.build()
        #expect(report.printed == [])
        #expect(site.exists("site/lt/projects/baigtas/index.html"))
    }

    @Test("a link to a missing file is an error at the link's line and column")
    func brokenLink() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/links.md": """
                ---
                title: Nuorodos
                kind: project
                ---
                Intro.

                See [Ignalina](ignalina.md) and [Jonva](jonva.md).

                - item ![pic](nope.png) [a](jonava.md#nope)

                """,
        ])
        let report = try site.build()
        #expect(report.headlines == [
            "content/lt/projects/links.md:7:33: error: link to missing document 'jonva.md'",
            "content/lt/projects/links.md:9:8: error: image to missing file 'nope.png'",
            "content/lt/projects/links.md:9:25: error: no heading '#nope' in 'content/lt/projects/jonava.md'",
        ])
        #expect(report.printed.first == "content/lt/projects/links.md:7:33: error: link to missing document 'jonva.md'\n    hint: did you mean 'jonava.md'?")
        #expect(report.printed.last == "content/lt/projects/links.md:9:25: error: no heading '#nope' in 'content/lt/projects/jonava.md'\n    hint: headings there: #istorija")
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("the column of a broken link after Lithuanian text counts characters")
    func brokenLinkColumnNonASCII() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/links.md": "---\ntitle: Nuorodos\nkind: project\n---\nŽiūrėkite [Jonava](jonva.md).\n",
        ])
        let report = try site.build()
        #expect(report.headlines == ["content/lt/projects/links.md:5:11: error: link to missing document 'jonva.md'"])
    }

    @Test("a YAML syntax error inside front matter is reported at its line in the .md file")
    func yamlErrorInFrontMatter() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/bad.md": "---\nkind: project\ntitle: Vilnius: miestas\n---\nText\n",
        ])
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/bad.md:3:15: error: the value of 'title' contains ': ' and must be in quotes\n    hint: write title: \"Vilnius: miestas\"",
        ])
        #expect(report.exitStatus == 1)
    }

    @Test("a YAML error is located the same in a file saved with CRLF and a BOM")
    func yamlErrorCRLF() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/bad.md", data: Data([0xEF, 0xBB, 0xBF] + Array("---\r\nkind: project\r\ntitle: Vilnius: miestas\r\n---\r\nText\r\n".utf8)))
        let report = try site.build()
        #expect(report.headlines == ["content/lt/projects/bad.md:3:15: error: the value of 'title' contains ': ' and must be in quotes"])
    }

    @Test("a CRLF file with a BOM builds like any other, with positions intact")
    func crlfDocument() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/crlf.md", data: Data([0xEF, 0xBB, 0xBF] + Array(
            "---\r\ntitle: Windows\r\nkind: project\r\ncolour: blue\r\n---\r\nLine one.\r\n\r\n## Antraštė\r\n".utf8)))
        let report = try site.build()
        #expect(report.headlines == ["content/lt/projects/crlf.md:4:1: warning: unknown key 'colour'; it is ignored"])
        let html = try #require(site.read("site/lt/projects/windows/index.html") ?? site.read("site/lt/projects/crlf/index.html"))
        #expect(html.contains("DOCUMENT lt | Windows"))
        #expect(html.contains("<h2 id=\"antraste\">"))
        #expect(!html.contains("\r"))
    }

    @Test("an unknown front-matter key is a warning naming it at its line and column; the site is still built")
    func unknownKey() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/skuodas.md": Fixture.page(["title: Skuodas", "kind: project", "date: 2018-05-01", "municiplity: Skuodas"]),
        ])
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/skuodas.md:5:1: warning: unknown key 'municiplity'; it is ignored\n    hint: did you mean 'municipality'?",
        ])
        #expect(report.exitStatus == 0)
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }

    @Test("required fields per kind, wrong types and unknown values")
    func frontMatterErrors() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/change-projects/alytus.md": Fixture.page(["title: Alytus", "kind: change-project", "themes: reflection"]),
            "content/lt/projects/kinds.md": Fixture.page(["title: K", "kind: change-projet", "date: 2019-02-30"]),
            "content/en/projects/themes.md": Fixture.page(["title: T", "kind: project", "themes: [refelction]"]),
        ])
        let report = try site.build()
        #expect(report.printed == [
            "content/en/projects/themes.md:4:10: error: unknown theme 'refelction'\n    hint: did you mean 'reflection'?",
            "content/lt/change-projects/alytus.md:3:7: error: a change-project needs 'municipality'\n    hint: add municipality: \"…\"",
            "content/lt/change-projects/alytus.md:4:9: error: 'themes' must be a list, not 'reflection'\n    hint: write it as a list: themes: [reflection]",
            "content/lt/projects/kinds.md:3:7: error: unknown kind 'change-projet'\n    hint: did you mean 'change-project'?",
            "content/lt/projects/kinds.md:4:7: error: invalid date '2019-02-30' in 'date'\n    hint: write the date as YYYY-MM-DD, e.g. 2019-01-31",
        ])
        #expect(report.exitStatus == 1)
        #expect(report.summary.contains("; 5 errors; "))
    }

    @Test("front matter missing, unclosed or file empty")
    func frontMatterShape() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a.md": "Just text.\n",
            "content/lt/projects/b.md": "---\ntitle: B\nkind: page\n",
            "content/lt/projects/c.md": "\n",
        ])
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/a.md:1:1: error: file has no front matter\n    hint: start the file with a line '---', then 'title: …' and 'kind: …', then a line '---'",
            "content/lt/projects/b.md:1:1: error: front matter is not closed\n    hint: add a line '---' after the last front-matter field",
            "content/lt/projects/c.md:1:1: error: file is empty\n    hint: add front matter (---, title: …, kind: …, ---) and text, or delete the file",
        ])
    }

    @Test("every problem is reported together: content, links and templates")
    func severalErrors() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a.md": Fixture.page(["title: A", "kind: projekt"]),
            "content/lt/projects/b.md": Fixture.page(["title: B", "kind: project"], body: "[x](nera.md)\n"),
            "content/en/projects/c.md": Fixture.page(["kind: project"]),
            "content/pl/projects/d.md": Fixture.page(["title: D", "kind: project", "autor: X"]),
            "templates/section.mustache": "{{#section}}\n{{/sections}}\n",
            "templates/i18n/pl.yaml": "welcome: Witamy\n",
        ])
        let report = try site.build()
        #expect(report.headlines.map { $0.replacingOccurrences(of: #"mustache:2:\d+:"#, with: "mustache:2:_:", options: .regularExpression) } == [
            "content/en/projects/c.md:1:1: error: missing required field 'title'",
            "content/lt/projects/a.md:3:7: error: unknown kind 'projekt'",
            "content/lt/projects/b.md:5:1: error: link to missing document 'nera.md'",
            "content/pl/projects/d.md:4:1: warning: unknown key 'autor'; it is ignored",
            "templates/i18n/pl.yaml:1:1: warning: UI strings for 'pl' miss 3 key(s): kind.change-project, kind.project, section.change-projects",
            "templates/section.mustache:2:_: error: template syntax error: {{/sections}} does not close the open section {{#section}} (line 1)",
        ])
        #expect(report.errorCount == 4)
        #expect(report.warningCount == 2)
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a failed build leaves the previous site untouched")
    func failedBuildKeepsSite() throws {
        let site = try TestSite.standard()
        try site.build()
        let before = try #require(site.data("site/lt/projects/ignalina/index.html"))
        try site.write("content/lt/projects/ignalina.md", Fixture.page(["title: Ignalina", "kind: projekt"]))
        let report = try site.build()
        #expect(report.exitStatus == 1)
        #expect(site.data("site/lt/projects/ignalina/index.html") == before)
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }

    @Test("a missing partial is an error, never an empty page")
    func missingPartial() throws {
        let site = try TestSite.standard(extra: [
            "templates/document.mustache": "DOCUMENT {{title}}\n{{>partials/footer}}\n{{{document.content}}}\n",
        ])
        let report = try site.build()
        #expect(report.printed == [
            "templates/document.mustache:2:1: error: partial 'partials/footer' not found\n    hint: create templates/partials/footer.mustache",
        ])
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a missing template is an error, never an empty page")
    func missingTemplate() throws {
        let site = try TestSite.standard()
        try site.remove("templates/home.mustache")
        let report = try site.build()
        #expect(report.printed == [
            "templates/home.mustache: error: required template 'home' not found\n    hint: create templates/home.mustache (see README for what it receives)",
        ])
        #expect(!site.exists("site"))
    }

    @Test("the default theme copied whole (builtInTheme: false) without its base template: each page template reports the missing parent")
    func missingParentInDefaultTheme() throws {
        let site = try TestSite.standard(repoTemplates: true)
        for path in BuiltInTheme.paths where path != "base.mustache" { try site.eject(path) }
        try site.write("content/site.yaml", Fixture.siteYAML + "builtInTheme: false\n")
        let report = try site.build()
        #expect(report.printed == [
            "templates/404.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/chapter.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/document.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/home.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/part.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/print.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/publication.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/search.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/section.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/theme.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
            "templates/themes.mustache:1:1: error: parent template 'base' not found\n    hint: create templates/base.mustache",
        ])
        #expect(report.exitStatus == 1)
    }

    @Test("a template syntax error is reported with the template's path and line")
    func templateSyntaxError() throws {
        let site = try TestSite.standard(extra: [
            "templates/section.mustache": "SECTION {{section.title}}\n{{#section}}\n{{#documents}}ITEM {{title}}\n{{/section}}\n",
        ])
        let report = try site.build()
        try #require(report.printed.count == 1)
        #expect(report.printed[0].hasPrefix("templates/section.mustache:4:"))
        #expect(report.printed[0].hasSuffix(" error: template syntax error: {{/section}} does not close the open section {{#documents}} (line 3)\n    hint: close {{#documents}} with {{/documents}} first: sections close innermost first"))
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a template syntax error in the default theme's partial")
    func partialSyntaxError() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let footer = try site.eject("partials/footer.mustache")
        try site.write("templates/partials/footer.mustache", footer + "{{#t}}\n")
        let report = try site.build()
        try #require(report.printed.count == 1)
        #expect(report.printed[0].hasPrefix("templates/partials/footer.mustache:"))
        #expect(report.printed[0].contains(" error: template syntax error: "))
    }

    @Test("a key missing in i18n falls back to the default language with ONE warning per language")
    func i18nFallback() throws {
        let site = try TestSite.standard(extra: [
            "templates/i18n/en.yaml": "kind:\n  change-project: \"Change project\"\nsection:\n  change-projects: \"Change projects\"\n",
            "templates/i18n/pl.yaml": "kind:\n  project: Projekt\n  change-project: Projekt zmiany\nsection:\n  change-projects: Projekty zmiany\n",
        ])
        let report = try site.build()
        #expect(report.printed == [
            "templates/i18n/en.yaml:1:1: warning: UI strings for 'en' miss 2 key(s): kind.project, welcome\n    hint: translate them in templates/i18n/en.yaml; the lt text is used meanwhile",
            "templates/i18n/pl.yaml:1:1: warning: UI strings for 'pl' miss 1 key(s): welcome\n    hint: translate them in templates/i18n/pl.yaml; the lt text is used meanwhile",
        ])
        #expect(report.exitStatus == 0)
        #expect(site.lines("site/en/index.html").first == "HOME en | Home | Sveiki")
        #expect(site.lines("site/pl/index.html").first == "HOME pl | Strona główna | Sveiki")
        #expect(site.lines("site/en/projects/ignalina-en/index.html").contains("kind: Projektas"))
        #expect(site.lines("site/lt/index.html").first == "HOME lt | Pradžia | Sveiki")
    }

    static let rawHTMLPage = Fixture.page(["title: HTML", "kind: page"], body: """
        <div class="raw">Raw block</div>

        Inline <span class="x">span</span> text.

        """)

    @Test("raw HTML is sanitized by default: class goes with a warning at the tag, the tags and text stay")
    func rawHTMLSanitized() throws {
        let site = try TestSite.standard(extra: ["content/lt/projects/html.md": Self.rawHTMLPage])
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/html.md:5:1: warning: raw HTML: class removed from <div>\n    hint: \(MarkdownDocument.rawHTMLHint)",
            "content/lt/projects/html.md:7:8: warning: raw HTML: class removed from <span>\n    hint: \(MarkdownDocument.rawHTMLHint)",
        ])
        let html = try #require(site.read("site/lt/projects/html/index.html"))
        #expect(html.contains("<div>Raw block</div>"))
        #expect(!html.contains("class=\"raw\""))
        #expect(!html.contains("raw HTML omitted"))
        #expect(html.contains("<p>Inline <span>span</span> text.</p>"))
    }

    @Test("raw HTML is kept with unsafeHTML: true")
    func rawHTMLKept() throws {
        let site = try TestSite.standard(extra: [
            "content/site.yaml": Fixture.siteYAML + "unsafeHTML: true\n",
            "content/lt/projects/html.md": Self.rawHTMLPage,
        ])
        let report = try site.build()
        #expect(report.printed == [])
        let html = try #require(site.read("site/lt/projects/html/index.html"))
        #expect(html.contains("<div class=\"raw\">Raw block</div>"))
        #expect(html.contains("<p>Inline <span class=\"x\">span</span> text.</p>"))
    }

    @Test("--strict turns warnings into exit status 1")
    func strict() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/skuodas.md": Fixture.page(["title: Skuodas", "kind: project", "colour: blue"]),
        ])
        let relaxed = try site.build(output: "relaxed")
        #expect(relaxed.warningCount == 1)
        #expect(relaxed.errorCount == 0)
        #expect(relaxed.exitStatus == 0)
        let strict = try site.build(output: "strict", strict: true)
        #expect(strict.headlines == ["content/lt/projects/skuodas.md:4:1: warning: unknown key 'colour'; it is ignored"])
        #expect(strict.exitStatus == 1)
    }

    @Test("check (write: false) reports the same problems and writes nothing")
    func checkWritesNothing() throws {
        let site = try TestSite.standard()
        let report = try site.build(write: false)
        #expect(report.printed == [])
        #expect(report.exitStatus == 0)
        #expect(!site.exists("site"))
        #expect(site.files(under: ".").allSatisfy { $0.hasPrefix("content/") || $0.hasPrefix("templates/") })
        #expect((try? FileManager.default.contentsOfDirectory(atPath: site.root.path))?.sorted() == ["content", "templates"])

        try site.write("content/lt/projects/bad.md", Fixture.page(["title: Bad", "kind: projekt"]))
        let broken = try site.build(write: false)
        #expect(broken.headlines == ["content/lt/projects/bad.md:3:7: error: unknown kind 'projekt'"])
        #expect(broken.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("two documents published at the same URL")
    func urlCollision() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/kita.md": Fixture.page(["title: Kita", "kind: project", "slug: jonava"]),
        ])
        let report = try site.build()
        #expect(report.headlines.count == 1)
        #expect(report.headlines.first?.contains(": error: ") == true)
        #expect(report.headlines.first?.contains("/lt/projects/jonava/") == true)
    }

    @Test("a folder under content/ that is not a language")
    func unknownLanguageFolder() throws {
        let site = try TestSite.standard(extra: ["content/lv/index.md": Fixture.page(["title: Sākums"])])
        let report = try site.build()
        #expect(report.headlines == ["content/lv: error: folder 'content/lv' is not a site language"])
        #expect(report.diagnostics.first?.hint?.contains("add 'lv' to languages in content/site.yaml") == true)
        #expect(report.exitStatus == 1)
        let other = try TestSite.standard(extra: ["content/images/logo.png": "x"])
        let second = try other.build()
        #expect(second.printed == [
            "content/images: error: folder 'content/images' is not a site language\n    hint: add 'images' to languages in content/site.yaml, or rename the folder to one of: lt, en, pl",
        ])
    }

    @Test("a file that is not UTF-8 is an error at the first bad byte")
    func invalidUTF8() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/latin1.md", data: Data(Array("---\ntitle: Vilnius\nkind: page\n---\nMi".utf8) + [0xE9] + Array("sto\n".utf8)))
        let report = try site.build()
        #expect(report.printed == ["content/lt/projects/latin1.md:5:3: error: file is not valid UTF-8\n    hint: save the file with UTF-8 encoding"])
    }

    @Test("a symbolic link leading out of the site folder is refused")
    func symlinkOutside() throws {
        let outside = try TestSite(["secret.md": Fixture.page(["title: Secret", "kind: page"])])
        let site = try TestSite.standard()
        try FileManager.default.createSymbolicLink(at: site.url("content/lt/projects/secret.md"), withDestinationURL: outside.url("secret.md"))
        let report = try withExtendedLifetime(outside) { try site.build() }
        #expect(report.printed == [
            "content/lt/projects/secret.md: error: symbolic link 'secret.md' points outside the site folder\n    hint: copy the file into content/ instead of linking to it",
        ])
    }

    @Test("a broken site.yaml stops early with its own diagnostic")
    func brokenSiteYAML() throws {
        let site = try TestSite.standard(extra: ["content/site.yaml": "title: Site\nlanguages: [\n"])
        let report = try site.build()
        #expect(report.errorCount == 1)
        #expect(report.diagnostics.first?.file == "content/site.yaml")
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("usage problems are thrown as one diagnostic, without a file, not put in the report")
    func usageErrors() throws {
        let missing = BuildOptions(root: URL(fileURLWithPath: "/nonexistent/kartu-site"))
        #expect(throws: Diagnostic.self) { try SiteBuilder(options: missing).run() }

        let empty = try TestSite([:])
        do {
            _ = try SiteBuilder(options: empty.options()).run()
            Issue.record("no content/ folder was accepted")
        } catch {
            #expect(error.message == "no content/ folder in '\(empty.root.path)'")
            #expect(error.file == nil && error.line == nil)
            #expect(error.description.hasPrefix("error: no content/ folder in "))
            #expect(error.description.contains("\n    hint: "))
        }

        let site = try TestSite.standard()
        #expect(throws: Diagnostic.self) { try site.build(output: "content/out") }
        #expect(throws: Diagnostic.self) { try site.build(output: ".") }
        #expect(site.exists("content/site.yaml"))
        #expect(!site.exists("content/out"))
    }
}
