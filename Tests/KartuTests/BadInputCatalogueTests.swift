import Foundation
import Testing
@testable import Kartu

/// The catalogue of bad input: one test per case, each with the exact diagnostics (as printed,
/// hint lines included) and the exit status. Cases already covered elsewhere are named in a comment
/// next to the test that covers them here again from another angle.
@Suite("Bad input catalogue")
struct BadInputCatalogueTests {
    static let hintYAML = "check indentation, the ':' after each key, and quote values that contain ': ' or start with a special character"

    /// The whole report: exactly `expected` (in report order) and the exit status.
    private func expect(_ report: BuildReport, _ expected: [String], exit: Int32,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(report.printed == expected, sourceLocation: sourceLocation)
        #expect(report.exitStatus == exit, sourceLocation: sourceLocation)
    }

    // MARK: Front matter

    // Also in EndToEndDiagnosticsTests.frontMatterShape (three files in one build).
    @Test("no front matter: error at 1:1, exit 1, nothing written")
    func noFrontMatter() throws {
        let site = try TestSite.standard(extra: ["content/lt/projects/a.md": "Just text.\n\n---\ntitle: A\n---\n"])
        expect(try site.build(), [
            "content/lt/projects/a.md:1:1: error: file has no front matter\n    hint: start the file with a line '---', then 'title: …' and 'kind: …', then a line '---'",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("unclosed front matter: error at 1:1, exit 1")
    func unclosedFrontMatter() throws {
        let site = try TestSite.standard(extra: ["content/lt/projects/b.md": "---\ntitle: B\nkind: page\n\nText that was meant as the body.\n"])
        expect(try site.build(), [
            "content/lt/projects/b.md:1:1: error: front matter is not closed\n    hint: add a line '---' after the last front-matter field",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // Also in EndToEndDiagnosticsTests.yamlErrorInFrontMatter (line 3, ASCII).
    @Test("a YAML syntax error is reported at its line in the .md file, its column counted in characters")
    func yamlSyntaxError() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/bad.md": "---\ntitle: Gerai\nkind: project\ndate: 2019-01-31\nsummary: Žalgiris: pergalė\n---\nText\n",
        ])
        expect(try site.build(), [
            "content/lt/projects/bad.md:5:18: error: the value of 'summary' contains ': ' and must be in quotes\n    hint: write summary: \"Žalgiris: pergalė\"",
        ], exit: 1)
    }

    // Also in EndToEndDiagnosticsTests.frontMatterErrors (with other errors in the same build).
    @Test("a field of the wrong type: a single value where a list is expected, with the fix as hint")
    func wrongType() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/tipas.md": Fixture.page(["title: Tipas", "kind: project", "themes: reflection", "levels: school"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/tipas.md:4:9: error: 'themes' must be a list, not 'reflection'\n    hint: write it as a list: themes: [reflection]",
            "content/lt/projects/tipas.md:5:9: error: 'levels' must be a list, not 'school'\n    hint: write it as a list: levels: [school]",
        ], exit: 1)
    }

    @Test("a change-project needs municipality and themes")
    func requiredChangeProject() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/change-projects/alytus.md": Fixture.page(["title: Alytus", "kind: change-project"]),
        ])
        expect(try site.build(), [
            "content/lt/change-projects/alytus.md:3:7: error: a change-project needs 'municipality'\n    hint: add municipality: \"…\"",
            "content/lt/change-projects/alytus.md:3:7: error: a change-project needs 'themes'\n    hint: add themes: [collaboration]",
        ], exit: 1)
    }

    @Test("a collaboration-model needs municipality and decision")
    func requiredCollaborationModel() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/models/modelis.md": Fixture.page(["title: Modelis", "kind: collaboration-model", "themes: [collaboration]"]),
        ])
        expect(try site.build(), [
            "content/lt/models/modelis.md:3:7: error: a collaboration-model needs 'decision'\n    hint: add decision: {number: \"…\", date: YYYY-MM-DD}",
            "content/lt/models/modelis.md:3:7: error: a collaboration-model needs 'municipality'\n    hint: add municipality: \"…\"",
        ], exit: 1)
    }

    @Test("an internship-report needs host and period")
    func requiredInternshipReport() throws {
        let site = try TestSite.standard(extra: [
            "content/en/reports/leeds.md": Fixture.page(["title: Leeds", "kind: internship-report", "date: 2017-02-03"]),
        ])
        expect(try site.build(), [
            "content/en/reports/leeds.md:3:7: error: an internship-report needs 'host'\n    hint: add host: {place: \"…\", country: GB}",
            "content/en/reports/leeds.md:3:7: error: an internship-report needs 'period'\n    hint: add period: {start: YYYY-MM-DD, end: YYYY-MM-DD}",
        ], exit: 1)
    }

    @Test("unknown kind, with the closest kind as hint, or the list when nothing is close")
    func unknownKind() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a.md": Fixture.page(["title: A", "kind: projekt"]),
            "content/lt/projects/b.md": Fixture.page(["title: B", "kind: article"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/a.md:3:7: error: unknown kind 'projekt'\n    hint: did you mean 'project'?",
            "content/lt/projects/b.md:3:7: error: unknown kind 'article'\n    hint: use one of: change-project, collaboration-model, internship-report, good-practice, project, publication, chapter, page",
        ], exit: 1)
    }

    @Test("invalid dates: a day the month does not have, and a date without leading zeros (rewritten in the hint)", arguments: [
        ("2019-02-30", "write the date as YYYY-MM-DD, e.g. 2019-01-31"), ("2019-1-5", "did you mean 2019-01-05? Dates are written YYYY-MM-DD"),
    ])
    func invalidDate(_ date: String, hint: String) throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/data.md": Fixture.page(["title: Data", "kind: project", "date: \(date)"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/data.md:4:7: error: invalid date '\(date)' in 'date'\n    hint: \(hint)",
        ], exit: 1)
    }

    @Test("unknown theme: at the list item, with the closest id or the list of ids")
    func unknownTheme() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/temos.md": Fixture.page(["title: Temos", "kind: project", "themes: [collaboration, refelction, sport]"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/temos.md:4:25: error: unknown theme 'refelction'\n    hint: did you mean 'reflection'?",
            "content/lt/projects/temos.md:4:37: error: unknown theme 'sport'\n    hint: add 'sport' to content/themes.yaml or use one of: reflection, collaboration",
        ], exit: 1)
    }

    // MARK: Languages and configuration

    // Also in EndToEndDiagnosticsTests.unknownLanguageFolder (hint checked in part).
    @Test("a folder under content/ that is not a site language")
    func unknownLanguageFolder() throws {
        let site = try TestSite.standard(extra: ["content/lv/index.md": Fixture.page(["title: Sākums"])])
        expect(try site.build(), [
            "content/lv: error: folder 'content/lv' is not a site language\n    hint: did you mean 'lt'? Otherwise add 'lv' to languages in content/site.yaml",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // Also in EndToEndOutputTests.languageWithoutFolder (exit 0 only).
    @Test("a language of site.yaml with no folder: a warning at its entry, exit 0; exit 1 with --strict")
    func languageWithoutFolder() throws {
        let site = try TestSite.standard()
        try site.remove("content/pl")
        let warning = "content/site.yaml:13:5: warning: language 'pl' has no folder content/pl\n    hint: create content/pl/ with its documents, or remove the language"
        expect(try site.build(output: "relaxed"), [warning], exit: 0)
        #expect(site.exists("relaxed/pl/index.html"))
        expect(try site.build(output: "strict", strict: true), [warning], exit: 1)

        let cli = try site.run(["build", "--strict", "--output", site.url("strict-cli").path], environment: TestSite.environment())
        #expect(cli.status == 1)
        #expect(Array(cli.stderrLines.prefix(2)) == warning.split(separator: "\n").map(String.init))
    }

    @Test("site.yaml missing: error, exit 1, nothing written")
    func siteYAMLMissing() throws {
        let site = try TestSite.standard()
        try site.remove("content/site.yaml")
        expect(try site.build(), [
            "content/site.yaml: error: site configuration not found\n    hint: create content/site.yaml with title, defaultLanguage and languages (see README)",
        ], exit: 1)
        #expect(!site.exists("site"))
        let cli = try site.run(["build"], environment: TestSite.environment())
        #expect(cli.status == 1)
        #expect(!site.exists("site"))
    }

    // Also in EndToEndDiagnosticsTests.brokenSiteYAML (file only).
    @Test("site.yaml malformed: a YAML syntax error at its line and column")
    func siteYAMLSyntax() throws {
        let broken = Fixture.siteYAML.replacingOccurrences(of: "lt: \"Bandomoji svetainė\"", with: "lt: Bandomoji: svetainė")
        let site = try TestSite.standard(extra: ["content/site.yaml": broken])
        expect(try site.build(), [
            "content/site.yaml:2:16: error: the value of 'lt' contains ': ' and must be in quotes\n    hint: write lt: \"Bandomoji: svetainė\"",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("site.yaml malformed: languages not a list")
    func siteYAMLShape() throws {
        let site = try TestSite.standard(extra: ["content/site.yaml": "title: Site\ndefaultLanguage: lt\nlanguages: lt\n"])
        expect(try site.build(), [
            "content/site.yaml:3:12: error: 'languages' must be a list, not 'lt'\n    hint: write it as\n        languages:\n          - code: lt\n            name: Lietuvių\n            locale: lt-LT",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // Also in PaginationTests.badValue (a word, a fraction, a quoted number).
    @Test("site.yaml: paginate below 0 is an error at its value, with what 0 means as hint")
    func siteYAMLPaginate() throws {
        let site = try TestSite.standard(extra: ["content/site.yaml": Fixture.siteYAML + "paginate: -30\n"])
        expect(try site.build(), [
            "content/site.yaml:16:11: error: 'paginate' must be 0 or more, not -30\n    hint: write the number of documents per list page, e.g. paginate: 30, or paginate: 0 for one page per list",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("themes.yaml malformed: a YAML syntax error at its line and column")
    func themesYAMLSyntax() throws {
        let site = try TestSite.small([:], themes: "reflection:\n  lt: Refleksija\n  en: Reflection: x\n  pl: Refleksja\n")
        expect(try site.build(), [
            "content/themes.yaml:3:17: error: the value of 'en' contains ': ' and must be in quotes\n    hint: write en: \"Reflection: x\"",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("themes.yaml malformed: a list instead of a mapping")
    func themesYAMLShape() throws {
        let site = try TestSite.small([:], themes: "- reflection\n- collaboration\n")
        expect(try site.build(), [
            "content/themes.yaml:1:1: error: 'themes.yaml' must be a mapping, not a list\n    hint: write it as\n        reflection:\n          lt: Refleksija\n          en: Reflection",
        ], exit: 1)
    }

    @Test("themes.yaml malformed in a site whose documents use themes: the themes.yaml error, and no hint with an empty list")
    func themesYAMLBrokenWithUsers() throws {
        let site = try TestSite.standard(extra: ["content/themes.yaml": "reflection:\n  lt: Refleksija\n  en: Reflection: x\n"])
        let report = try site.build()
        #expect(report.printed.contains("content/themes.yaml:3:17: error: the value of 'en' contains ': ' and must be in quotes\n    hint: write en: \"Reflection: x\""))
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
        // Documents that name themes may be reported too, but never with a hint offering an empty choice.
        let dangling = report.printed.filter { $0.hasSuffix("use one of: ") }
        #expect(dangling == [])
    }

    // MARK: URLs, keys and slugs

    // Also in EndToEndDiagnosticsTests.urlCollision (message checked in part).
    @Test("two files published at the same URL: both paths named")
    func sameOutputURL() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/kita.md": Fixture.page(["title: Kita", "kind: project", "slug: jonava"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/kita.md:1:1: error: 'content/lt/projects/kita.md' and 'content/lt/projects/jonava.md' are both published at /lt/projects/jonava/\n    hint: rename one of the files or give it another 'slug'",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("a duplicate translationKey in one language: at the translationKey line, naming the other file")
    func duplicateTranslationKey() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/kita.md": Fixture.page(["title: Kita", "kind: project", "translationKey: ignalina"]),
        ])
        expect(try site.build(), [
            "content/lt/projects/kita.md:4:17: error: translationKey 'ignalina' is also used by 'content/lt/projects/ignalina.md' in the same language\n    hint: each language has one document per translationKey; give this document its own key",
        ], exit: 1)
    }

    @Test("a slug with '/', '..' or an absolute path is refused", arguments: [
        ("a/b", "a-b"), ("../secret", "secret"), ("/etc/passwd", "etc-passwd"),
    ])
    func slugPath(_ slug: String, suggestion: String) throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/kelias.md": Fixture.page(["title: Kelias", "kind: project", "slug: \(slug)"]),
        ])
        let before = site.entries
        expect(try site.build(), [
            "content/lt/projects/kelias.md:4:7: error: slug '\(slug)' must be a single path segment\n    hint: remove '/', '\\' and '..': a slug names the page's own folder, e.g. slug: \(suggestion)",
        ], exit: 1)
        #expect(site.entries == before)
    }

    // MARK: Files

    // Also in EndToEndDiagnosticsTests.symlinkOutside.
    @Test("a symbolic link pointing outside the root: file or folder, refused and not published")
    func symlinkOutside() throws {
        let outside = try TestSite([
            "secret.md": Fixture.page(["title: Secret", "kind: page"]),
            "folder/other.md": Fixture.page(["title: Other", "kind: page"]),
        ])
        let site = try TestSite.standard()
        try FileManager.default.createSymbolicLink(at: site.url("content/lt/projects/secret.md"), withDestinationURL: outside.url("secret.md"))
        try FileManager.default.createSymbolicLink(at: site.url("content/en/external"), withDestinationURL: outside.url("folder"))
        let report = try withExtendedLifetime(outside) { try site.build() }
        expect(report, [
            "content/en/external: error: symbolic link 'external' points outside the site folder\n    hint: copy the file into content/ instead of linking to it",
            "content/lt/projects/secret.md: error: symbolic link 'secret.md' points outside the site folder\n    hint: copy the file into content/ instead of linking to it",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    /// Run through the CLI: a crash must not take the test process with it.
    @Test("a symbolic link loop inside content/ is an error, not a crash")
    func symlinkLoop() throws {
        let site = try TestSite.standard()
        try FileManager.default.createSymbolicLink(atPath: site.url("content/lt/projects/loop").path, withDestinationPath: "..")
        let result = try site.run(["check"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(result.stderrLines.first?.hasPrefix("content/lt/projects/loop: error: ") == true, "\(result.stderr.prefix(300))")
        #expect(!result.stderr.contains("crashed"))
    }

    // Also in EndToEndDiagnosticsTests.invalidUTF8 (ASCII before the bad byte).
    @Test("invalid UTF-8: line and column (in characters) of the first bad byte, in the body or the front matter")
    func invalidUTF8() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/body.md", data: Data(Array("---\ntitle: Žalgiris\nkind: page\n---\nŽalgiris ".utf8) + [0xE9] + Array(" ir Ąžuolas\n".utf8)))
        try site.write("content/lt/projects/head.md", data: Data(Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\nkind: page\n---\nText\n".utf8)))
        // A truncated sequence at the very end of the file.
        try site.write("content/lt/projects/tail.md", data: Data(Array("---\ntitle: Tail\nkind: page\n---\nŠ".utf8) + [0xC5]))
        // Old Mac line endings (CR alone) end lines here too (found by the front-matter fuzz target).
        try site.write("content/lt/projects/mac.md", data: Data(Array("---\r\ntitle: A\r".utf8) + [0xED] + Array("kind: page\r---\r".utf8)))
        expect(try site.build(), [
            "content/lt/projects/body.md:5:10: error: file is not valid UTF-8\n    hint: save the file with UTF-8 encoding",
            "content/lt/projects/head.md:2:11: error: file is not valid UTF-8\n    hint: save the file with UTF-8 encoding",
            "content/lt/projects/mac.md:3:1: error: file is not valid UTF-8\n    hint: save the file with UTF-8 encoding",
            "content/lt/projects/tail.md:5:2: error: file is not valid UTF-8\n    hint: save the file with UTF-8 encoding",
        ], exit: 1)
    }

    @Test("a line separator pasted into front matter (U+2028, U+2029, U+0085) is a space: later errors stay on their line")
    func unicodeLineBreaksInFrontMatter() throws {
        // libyaml ends lines there; found by the front-matter fuzz target, which saw 7:9 for line 5.
        let site = try TestSite.standard(extra: [
            "content/lt/projects/ls.md": "---\ntitle: \"Kazlų\u{2028}Rūda\"\nkind: project\nsummary: Pirma\u{2029}antra\u{85}trečia\nthemes: reflection\n---\nText\n",
        ])
        expect(try site.build(), [
            "content/lt/projects/ls.md:5:9: error: 'themes' must be a list, not 'reflection'\n    hint: write it as a list: themes: [reflection]",
        ], exit: 1)
        try site.write("content/lt/projects/ls.md", "---\ntitle: \"Kazlų\u{2028}Rūda\"\nkind: project\n---\nText\n")
        expect(try site.build(), [], exit: 0)
        #expect(site.read("site/lt/projects/ls/index.html")?.contains("Kazlų Rūda") == true)
    }

    // Also in EndToEndDiagnosticsTests.crlfDocument (with a deliberate warning).
    @Test("a UTF-8 BOM and CRLF line endings build normally: no diagnostics, the page shows the text")
    func bomAndCRLF() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/windows.md", data: Data([0xEF, 0xBB, 0xBF] + Array(
            "---\r\ntitle: Windows\r\nkind: project\r\ndate: 2019-01-31\r\n---\r\nPirma eilutė.\r\nAntra eilutė.\r\n\r\n## Antraštė\r\n\r\nPabaiga.\r\n".utf8)))
        expect(try site.build(), [], exit: 0)
        let html = try #require(site.read("site/lt/projects/windows/index.html"))
        #expect(html.hasPrefix("DOCUMENT lt | Windows\n"))
        #expect(html.contains("<p>Pirma eilutė.\nAntra eilutė.</p>"))
        #expect(html.replacingOccurrences(of: "\n", with: "").contains("<h2 id=\"antraste\">Antraštė</h2>"))
        #expect(html.contains("<p>Pabaiga.</p>"))
        #expect(!html.contains("\r"))
        #expect(!html.contains("\u{FEFF}"))
        #expect(site.lines("site/lt/projects/index.html").contains("ITEM Windows | /lt/projects/windows/ | 2019 m. sausio 31 d."))
    }

    @Test("an empty file: error at 1:1, exit 1")
    func emptyFile() throws {
        let site = try TestSite.standard()
        try site.write("content/lt/projects/tuscias.md", data: Data())
        expect(try site.build(), [
            "content/lt/projects/tuscias.md:1:1: error: file is empty\n    hint: add front matter (---, title: …, kind: …, ---) and text, or delete the file",
        ], exit: 1)
    }

    @Test("a 50 MB Markdown file builds; the page holds the text from the end of the file")
    func fiftyMegabytes() throws {
        let site = try TestSite.small([:])
        // ~50 MB of paragraphs, built as bytes (a 1 MB block repeated) to keep the test quick.
        var block = Data()
        var n = 0
        while block.count < 1 << 20 {
            block.append(contentsOf: Array("Paragraph \(n): the quick brown fox jumps over the lazy dog, again and again.\n\n".utf8))
            n += 1
        }
        var file = Data("---\ntitle: Didelis\nkind: project\n---\n".utf8)
        file.reserveCapacity(51 << 20)
        for _ in 0..<50 { file.append(block) }
        file.append(contentsOf: Array("The last paragraph: END-OF-THE-FIFTY-MEGABYTE-FILE.\n".utf8))
        #expect(file.count > 50_000_000)
        try site.write("content/lt/projects/didelis.md", data: file)

        let start = ContinuousClock.now
        let report = try site.build()
        expect(report, [], exit: 0)
        #expect(ContinuousClock.now - start < .seconds(120))
        let page = try #require(site.data("site/lt/projects/didelis/index.html"))
        #expect(page.count > 50_000_000)
        let tail = String(decoding: page.suffix(4096), as: UTF8.self)
        #expect(tail.contains("<p>The last paragraph: END-OF-THE-FIFTY-MEGABYTE-FILE.</p>"))
        let head = String(decoding: page.prefix(4096), as: UTF8.self)
        #expect(head.hasPrefix("DOCUMENT lt | Didelis\n"))
        #expect(head.contains("<p>Paragraph 0: the quick brown fox"))
    }

    // MARK: Templates

    // Also in EndToEndDiagnosticsTests.templateSyntaxError (column not checked).
    @Test("a template syntax error: the template's path, line and column")
    func templateSyntaxError() throws {
        let site = try TestSite.standard(extra: [
            "templates/section.mustache": "SECTION {{section.title}}\n{{#section}}\n{{#documents}}ITEM {{title}}\n{{/section}}\n",
        ])
        expect(try site.build(), [
            "templates/section.mustache:4:4: error: template syntax error: {{/section}} does not close the open section {{#documents}} (line 3)\n    hint: close {{#documents}} with {{/documents}} first: sections close innermost first",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // Also in EndToEndDiagnosticsTests.missingTemplate (home).
    @Test("a missing template: error naming the file to create")
    func missingTemplate() throws {
        let site = try TestSite.standard()
        try site.remove("templates/facet.mustache")
        expect(try site.build(), [
            "templates/facet.mustache: error: required template 'facet' not found\n    hint: create templates/facet.mustache (see README for what it receives)",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // Also in EndToEndDiagnosticsTests.missingPartial (no close match).
    @Test("a missing partial: at the reference, with the closest partial as hint")
    func missingPartial() throws {
        let site = try TestSite.standard(extra: [
            "templates/home.mustache": "HOME {{lang.code}}\n  {{>partials/langauges}}\nEND\n",
        ])
        expect(try site.build(), [
            "templates/home.mustache:2:3: error: partial 'partials/langauges' not found\n    hint: did you mean 'partials/languages'?",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("a partial that includes itself without end: the partial's file and the page, not a crash")
    func endlessPartial() throws {
        let site = try TestSite.standard(extra: [
            "templates/home.mustache": "HOME {{lang.code}}\n{{>partials/tree}}\n",
            "templates/partials/tree.mustache": "{{#site}}<ul>{{>partials/tree}}</ul>{{/site}}\n",
        ])
        expect(try site.build(), [
            "templates/partials/tree.mustache:1:14: error: 'partials/tree' includes itself more than 100 levels deep on the page 'lt/index.html'\n"
                + "    hint: include it from itself only inside a section over a list that runs out, as {{#children}}{{> partials/tree}}{{/children}} does; "
                + "a section over an outer value (like {{#site}}) never ends",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    // MARK: Links

    // Also in EndToEndDiagnosticsTests.brokenLink.
    @Test("a broken link: at the link's line and column, with the closest document")
    func brokenLink() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/nuorodos.md": Fixture.page(["title: Nuorodos", "kind: project"], body: "Žr. [Jonava](jonva.md) ir [kita](/lt/nera/kazkas.md).\n"),
        ])
        expect(try site.build(), [
            "content/lt/projects/nuorodos.md:5:5: error: link to missing document 'jonva.md'\n    hint: did you mean 'jonava.md'?",
            "content/lt/projects/nuorodos.md:5:27: error: link to missing document '/lt/nera/kazkas.md'\n    hint: link to an existing .md file, relative to this file or rooted at content/ (e.g. /lt/projects/x.md)",
        ], exit: 1)
        #expect(!site.exists("site"))
    }

    @Test("a broken anchor: in another document (closest heading) and in the same one (no headings)")
    func brokenAnchor() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/inkarai.md": Fixture.page(["title: Inkarai", "kind: project"], body: "[Istorija](jonava.md#istorij)\n\n[čia](#nera)\n"),
        ])
        expect(try site.build(), [
            "content/lt/projects/inkarai.md:5:1: error: no heading '#istorij' in 'content/lt/projects/jonava.md'\n    hint: did you mean '#istorija'?",
            "content/lt/projects/inkarai.md:7:1: error: no heading '#nera' in this document\n    hint: the target has no headings",
        ], exit: 1)
    }

    @Test("a referenced image that does not exist")
    func missingImage() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/vaizdai.md": Fixture.page(["title: Vaizdai", "kind: project"], body: "![Nuotrauka](nera.png)\n\n![Utena](utena/phota.png)\n"),
        ])
        expect(try site.build(), [
            "content/lt/projects/vaizdai.md:5:1: error: image to missing file 'nera.png'\n    hint: put the file beside the document (in a bundle folder) or fix the path",
            "content/lt/projects/vaizdai.md:7:1: error: image to missing file 'utena/phota.png'\n    hint: did you mean 'utena/photo.png'?",
        ], exit: 1)
    }

    // MARK: Output folder

    /// Where `--output` must never go, relative to the site root ("" is the root itself, nil is `/`),
    /// and the expected message's tail.
    static let forbiddenOutputs: [(output: String?, reason: String)] = [
        ("content", "is inside {root}/content"),
        ("content/www", "is inside {root}/content"),
        ("templates", "is inside {root}/templates"),
        ("templates/out", "is inside {root}/templates"),
        ("", "would replace the site folder itself"),
        ("..", "would replace the site folder itself"),
        (nil, "would replace the site folder itself"),
    ]

    @Test("an output folder equal to content/, inside content/ or templates/, the root, above it, or /: exit 2, nothing written or deleted",
          arguments: 0..<7)
    func forbiddenOutput(_ index: Int) throws {
        let (relative, reason) = Self.forbiddenOutputs[index]
        let site = try TestSite.standard()
        let output = relative.map { $0.isEmpty ? site.root : site.url($0).standardizedFileURL } ?? URL(fileURLWithPath: "/")
        let rootPath = site.root.path
        let before = site.contents(under: ".")
        let entriesBefore = site.entries
        let parentBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? [])

        let result = try site.run(["build", "--root", rootPath, "--output", output.path], environment: TestSite.environment())
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let hint = reason.hasPrefix("is inside")
            ? "    hint: write to a folder outside content/ and templates/, e.g. --output \(rootPath)/site"
            : "    hint: write to a folder of its own, e.g. --output \(rootPath)/site"
        #expect(result.stderrLines == [
            "error: output folder '\(output.path)' " + reason.replacingOccurrences(of: "{root}", with: rootPath),
            hint,
        ])
        #expect(site.contents(under: ".") == before)
        #expect(site.entries == entriesBefore)
        #expect(site.contents(under: "content") == TestSite.contentsOfStandardContent(before))
        let parentAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? [])
        #expect(parentAfter.subtracting(parentBefore).filter { $0.contains(".kartu-") } == [])

        // The library refuses the same folders with a usage error.
        #expect(throws: Diagnostic.self) { try SiteBuilder(options: BuildOptions(root: site.root, output: output)).run() }
        #expect(site.contents(under: ".") == before)
    }

    @Test("an output path that is a symbolic link to content/ is refused: exit 2, content/ untouched")
    func outputSymlinkToContent() throws {
        let site = try TestSite.standard()
        try FileManager.default.createSymbolicLink(at: site.url("public"), withDestinationURL: site.url("content"))
        let before = site.contents(under: ".")
        let entriesBefore = site.entries
        let result = try site.run(["build", "--output", site.url("public").path], environment: TestSite.environment())
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "error: output folder '\(site.root.path)/public' is inside \(site.root.path)/content")
        #expect(site.contents(under: ".") == before)
        #expect(site.entries == entriesBefore)
    }

    @Test("an existing non-empty output folder not written by kartu: exit 2, its files untouched")
    func foreignOutputFolder() throws {
        let site = try TestSite.standard(extra: [
            "site/index.html": "<p>my own page</p>\n",
            "site/notes/todo.txt": "keep me\n",
        ])
        let before = site.contents(under: ".")
        let entriesBefore = site.entries
        let result = try site.run(["build"], environment: TestSite.environment())
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "error: output folder '\(site.root.path)/site' exists and was not written by kartu",
            "    hint: kartu replaces its output folder whole: choose an empty or new folder, or remove this one",
        ])
        #expect(site.contents(under: ".") == before)
        #expect(site.entries == entriesBefore)

        // A folder holding only hidden files (a git checkout of a deploy branch) is not kartu's either.
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        let hidden = try site.run(["build", "--output", site.url("public").path], environment: TestSite.environment())
        #expect(hidden.status == 2)
        #expect(site.read("public/.git/HEAD") == "ref: refs/heads/gh-pages\n")
        #expect(Tree.entries(under: site.url("public")) == [".git/", ".git/HEAD"])

        // A file where the folder should be.
        try site.write("file-out", "not a folder\n")
        let file = try site.run(["build", "--output", site.url("file-out").path], environment: TestSite.environment())
        #expect(file.status == 2)
        #expect(site.read("file-out") == "not a folder\n")

        // An empty folder is fine, and after a build it carries the marker.
        try FileManager.default.createDirectory(at: site.url("empty"), withIntermediateDirectories: true)
        let empty = try site.run(["build", "--output", site.url("empty").path], environment: TestSite.environment())
        #expect(empty.status == 0)
        #expect(site.exists("empty/.kartu-output"))
        #expect(site.files(under: "empty") == Fixture.standardOutput)
    }

    // MARK: Drafts

    // Also in EndToEndDiagnosticsTests.drafts (pages and section list).
    @Test("drafts are excluded from output, lists, theme and facet pages, related documents and counts")
    func drafts() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/juodrastis.md": Fixture.page([
                "title: Juodraštis", "kind: project", "date: 2021-01-01", "draft: true", "themes: [reflection, collaboration]",
                "municipality: Ignalina", "project: Slaptas projektas", "country: LT", "levels: [school]", "translationKey: ignalina",
            ], body: "[Jonava](jonava.md)\n"),
            "content/en/projects/draft.md": Fixture.page(["title: Draft", "kind: change-project", "draft: true",
                                                          "municipality: Ignalina", "themes: [reflection]"]),
        ])
        let report = try site.build()
        expect(report, [], exit: 0)
        #expect(site.files(under: "site") == Fixture.standardOutput)
        #expect(report.documentsPerLanguage.map { "\($0.language) \($0.count)" } == ["lt 9", "en 4", "pl 1"])
        var mentions: [String] = []
        for file in site.files(under: "site") {
            let text = site.read("site/" + file) ?? ""
            if text.contains("Juodraštis") || text.contains("juodrastis") || text.contains("Draft") || text.contains("/draft/") {
                mentions.append(file)
            }
        }
        #expect(mentions == [])
        // The translationKey of a draft does not clash and does not make it a translation.
        #expect(site.lines("site/lt/projects/ignalina/index.html", prefixed: "LANG ") == [
            "LANG lt /lt/projects/ignalina/ translation current",
            "LANG en /en/projects/ignalina-en/ translation",
            "LANG pl /pl/projects/ignalina/",
        ])
        #expect(site.line("site/lt/projects/jonava/index.html", "backlinks: ") == "backlinks: lt:Ignalina;")
    }
}

extension TestSite {
    /// The files under content/ of a snapshot of the whole site taken with `contents(under: ".")`.
    static func contentsOfStandardContent(_ snapshot: [String: Data]) -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, data) in snapshot where path.hasPrefix("content/") { result[String(path.dropFirst("content/".count))] = data }
        return result
    }
}
