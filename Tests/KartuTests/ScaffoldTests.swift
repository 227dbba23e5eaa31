import Foundation
import Testing
@testable import Kartu

/// From nothing to a site, as an editor does it with the `kartu` executable: `init`, `new` for
/// every kind, `new translation`, `theme eject` — each result built with `--strict`.
@Suite("init, new, theme eject")
struct ScaffoldTests {
    /// An empty folder of its own; the site is started in `site/` inside it.
    static func emptyFolder() throws -> TestSite { try TestSite() }

    /// Runs kartu in `site`'s folder and expects exit 0.
    @discardableResult
    static func kartu(_ site: TestSite, _ arguments: String...) throws -> TestSite.ProcessResult {
        let result = try site.run(arguments)
        #expect(result.status == 0, "kartu \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    @Test("init: the site builds with --strict at once, 0 warnings, in three language sets", arguments: [
        (["init", "site"], ["lt", "en", "lv", "et", "pl"]),
        (["init", "site", "--languages", "en"], ["en"]),
        (["init", "site", "--languages", "pl,lt,et", "--default", "lt", "--title", "Dobre \"praktyki\"", "--base-url", "https://example.org/guide/"],
         ["pl", "lt", "et"]),
    ])
    func initBuilds(arguments: [String], languages: [String]) throws {
        let folder = try Self.emptyFolder()
        let result = try folder.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let site = folder.url("site")
        let build = try TestSite.runKartu(["build", "--strict"], in: site)
        #expect(build.status == 0)
        #expect(build.stderrLines.count == 1, "\(build.stderr)")
        #expect(build.stderrLines.last?.contains("; 0 warnings;") == true, "\(build.stderr)")
        for code in languages {
            let home = try String(contentsOf: site.appendingPathComponent("site/\(code)/index.html"), encoding: .utf8)
            #expect(home.contains("lang=\"\(code)\""))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("site/\(code)/good-practices/sample-good-practice/index.html").path))
        }
        for other in ["lt", "en", "lv", "et", "pl"] where !languages.contains(other) {
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/\(other)").path))
        }
        let themes = try String(contentsOf: site.appendingPathComponent("content/themes.yaml"), encoding: .utf8)
        #expect(themes.contains("  \(languages[0]): "))
        for file in [".gitignore", ".github/workflows/pages.yml", ".gitlab-ci.yml"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        if arguments.contains("--title") {
            #expect(try String(contentsOf: site.appendingPathComponent("site/lt/index.html"), encoding: .utf8).contains("Dobre &quot;praktyki&quot;"))
        }
    }

    @Test("init refuses a folder with something in it (exit 2, naming it); --force adds beside it and overwrites nothing")
    func initRefuses() throws {
        let site = try TestSite(["notes.txt": "mine\n", "content/site.yaml": "title: Mine\n"])
        let refused = try site.run(["init", "."])
        #expect(refused.status == 2)
        #expect(refused.stderrLines.first?.hasSuffix("is not empty: content, notes.txt") == true, "\(refused.stderr)")
        #expect(refused.stderrLines.last == "    hint: choose a new or empty folder, or pass --force to add the starter files beside what is there (no file is overwritten)")
        #expect(site.files(under: ".") == ["content/site.yaml", "notes.txt"])
        let forced = try Self.kartu(site, "init", ".", "--force")
        #expect(forced.stdout.contains("kept  content/site.yaml (already there: not overwritten)"))
        #expect(site.read("content/site.yaml") == "title: Mine\n")
        #expect(site.read("notes.txt") == "mine\n")
        #expect(site.exists("content/lt/index.md"))
    }

    @Test("init: a language the built-in theme does not speak, or a default outside the languages, is a usage error")
    func initUsage() throws {
        let folder = try Self.emptyFolder()
        let german = try folder.run(["init", "site", "--languages", "lt,de"])
        #expect(german.status == 2)
        #expect(german.stderrLines == [
            "error: kartu cannot start a site in 'de': its built-in theme has no UI strings for it",
            "    hint: start with some of lt,en,lv,et,pl, then add 'de' to site.yaml with templates/i18n/de.yaml",
        ])
        let outside = try folder.run(["init", "site", "--languages", "lt,en", "--default", "pl"])
        #expect(outside.status == 2)
        #expect(outside.stderrLines.first == "error: the default language 'pl' is not one of the languages (lt,en)")
        #expect(!folder.exists("site"))
    }

    /// Every kind, where `kartu new` is asked to put it.
    static let kinds = [
        ("change-project", "lt/change-projects/jonava.md"), ("collaboration-model", "lt/collaboration-models/alytus.md"),
        ("internship-report", "lt/internships/leeds-2017.md"), ("good-practice", "lt/good-practices/poros.md"),
        ("project", "lt/projects/lyderiu-laikas.md"), ("page", "lt/apie.md"),
        ("publication", "lt/publications/gidas/index.md"), ("chapter", "lt/publications/gidas/ivadas.md"),
    ]

    /// What a test types over the placeholders: a municipality, a decision number, a host, a theme,
    /// and no `draft: true`.
    static func filled(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            if line.hasPrefix("draft: true") { return nil }
            if line.hasPrefix("themes: []") { return "themes: [collaboration]" }
            guard let todo = line.range(of: "\"TODO: ") else { return String(line) }
            return line[..<todo.lowerBound] + "\"Jonava\"" + line[line[todo.upperBound...].firstIndex(of: "\"").map { line.index(after: $0) }!...]
        }.joined(separator: "\n")
    }

    @Test("new for every kind: builds as a draft (not published, 0 warnings); with its placeholders filled, publishes")
    func newEveryKind() throws {
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        for (kind, path) in Self.kinds {
            let result = try Self.kartu(site, "new", kind, path)
            #expect(result.stdout.hasPrefix("wrote content/\(path) (a draft"))
            let text = try #require(site.read("content/" + path))
            #expect(text.contains("kind: \(kind)\n"))
            #expect(text.contains("\ndraft: true"))
            #expect(text.contains("\ndate: \(DayDate.today)\n"), "\(text)")
            #expect(!text.contains("{{"), "\(kind): a token left")
        }
        let drafts = try Self.kartu(site, "build", "--strict")
        #expect(drafts.stderrLines.count == 1, "\(drafts.stderr)")
        #expect(!site.exists("site/lt/change-projects/jonava/index.html"))
        for (_, path) in Self.kinds { try site.write("content/" + path, Self.filled(try #require(site.read("content/" + path)))) }
        let published = try Self.kartu(site, "build", "--strict")
        #expect(published.stderrLines.count == 1, "\(published.stderr)")
        for page in ["change-projects/jonava", "collaboration-models/alytus", "internships/leeds-2017", "good-practices/poros",
                     "projects/lyderiu-laikas", "apie", "publications/gidas", "publications/gidas/ivadas"] {
            #expect(site.exists("site/lt/\(page)/index.html"), "\(page)")
        }
        let changeProject = try #require(site.read("site/lt/change-projects/jonava/index.html"))
        #expect(changeProject.contains("Kokią problemą sprendė pokyčio projektas?"))
        #expect(changeProject.contains("<table>"))
    }

    @Test("new: a bad kind, a path outside content/<language>/ or a file already there is a usage error with a hint; nothing is written")
    func newUsage() throws {
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        let before = site.files(under: "content")
        let cases: [([String], [String])] = [
            (["new", "change-projekt", "lt/x.md"], ["error: unknown kind 'change-projekt'", "    hint: did you mean 'change-project'?"]),
            (["new", "page", "de/x.md"], ["error: 'de' is not a language of the site", "    hint: documents live in content/<language>/, e.g. lt/projects/name.md (languages: lt, en)"]),
            (["new", "page", "../x.md"], ["error: '../x.md' is not a path inside content/<language>/", "    hint: documents live in content/<language>/, e.g. lt/projects/name.md (languages: lt, en)"]),
            (["new", "page", "/etc/x.md"], ["error: '/etc/x.md' is not a path inside content/<language>/", "    hint: documents live in content/<language>/, e.g. lt/projects/name.md (languages: lt, en)"]),
            (["new", "page", "lt/notes.txt"], ["error: 'lt/notes.txt' is not a Markdown file", "    hint: end the name with .md, e.g. lt/notes.txt/name.md"]),
            (["new", "page", "lt/index.md"], ["error: content/lt/index.md already exists", "    hint: kartu new never overwrites a file: choose another name, or edit that one"]),
            (["new", "publication", "lt/gidas.md"], ["error: a publication is a folder, written as its index.md", "    hint: write it as kartu new publication lt/gidas/index.md"]),
            (["new", "chapter", "lt/gidas/a.md"], ["error: a chapter goes into a publication's folder, beside its index.md (there is no content/lt/gidas/index.md)",
                                                    "    hint: start the publication first: kartu new publication lt/gidas/index.md"]),
        ]
        for (arguments, expected) in cases {
            let result = try site.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines == expected, "\(arguments)")
        }
        #expect(site.files(under: "content") == before)
    }

    @Test("new translation: the same translationKey in both (added to the source, the edit said), fields copied, draft; the two are one group")
    func newTranslation() throws {
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        try site.write("content/lt/projects/jonava.md", "---\ntitle: Jonava\nkind: project\noriginal: true\nthemes: [collaboration]\n---\nJonavos tekstas.\n")
        let result = try Self.kartu(site, "new", "translation", "content/lt/projects/jonava.md", "en")
        #expect(result.stdout == """
            content/lt/projects/jonava.md:6: added translationKey: jonava (the same key in both files makes them translations of each other)
            wrote content/en/projects/jonava.md (a draft: translate it, then remove draft: true)

            """)
        #expect(site.read("content/lt/projects/jonava.md") == "---\ntitle: Jonava\nkind: project\noriginal: true\nthemes: [collaboration]\ntranslationKey: jonava\n---\nJonavos tekstas.\n")
        let translation = try #require(site.read("content/en/projects/jonava.md"))
        #expect(translation.hasPrefix("---\n# Translation of content/lt/projects/jonava.md, started \(DayDate.today)"))
        #expect(translation.hasSuffix("title: Jonava\nkind: project\nthemes: [collaboration]\ntranslationKey: jonava\ndraft: true\n---\nJonavos tekstas.\n"))
        // Published, the two are translations of each other.
        try site.write("content/en/projects/jonava.md", translation.replacingOccurrences(of: "draft: true\n", with: ""))
        try Self.kartu(site, "build", "--strict")
        #expect(try #require(site.read("site/lt/projects/jonava/index.html")).contains("hreflang=\"en\" href=\"/en/projects/jonava/\""))
        // Again: the translation is there; a source with a key is not touched.
        let again = try site.run(["new", "translation", "lt/projects/jonava.md", "en"])
        #expect(again.status == 2)
        #expect(again.stderrLines.first == "error: content/en/projects/jonava.md already exists")
        try site.remove("content/en/projects/jonava.md")
        let keyed = try Self.kartu(site, "new", "translation", "lt/projects/jonava.md", "en")
        #expect(!keyed.stdout.contains("added translationKey"))
        let sameLanguage = try site.run(["new", "translation", "lt/projects/jonava.md", "lt"])
        #expect(sameLanguage.stderrLines.first == "error: content/lt/projects/jonava.md is already in 'lt'")
    }

    @Test("theme eject, then edit: the change shows; a UI string overridden alone; eject never overwrites; an unknown file is a usage error")
    func eject() throws {
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        let copied = try Self.kartu(site, "theme", "eject", "partials/footer.mustache", "templates/assets/kartu.css")
        #expect(copied.stdout == "copied templates/partials/footer.mustache\ncopied templates/assets/kartu.css\n")
        #expect(site.data("templates/assets/kartu.css") == BuiltInTheme.files["assets/kartu.css"])
        try site.write("templates/partials/footer.mustache", try #require(site.read("templates/partials/footer.mustache"))
            .replacingOccurrences(of: "</footer>", with: "<p>Savivaldybės švietimo skyrius</p></footer>"))
        try site.write("templates/i18n/lt.yaml", "madeWith: \"Padaryta su kartu\"\n")
        try Self.kartu(site, "build", "--strict")
        let lt = try #require(site.read("site/lt/index.html")), en = try #require(site.read("site/en/index.html"))
        #expect(lt.contains("<p>Savivaldybės švietimo skyrius</p></footer>") && en.contains("<p>Savivaldybės švietimo skyrius</p></footer>"))
        #expect(lt.contains("Padaryta su kartu") && !lt.contains("Sukurta naudojant kartu"))
        #expect(lt.contains(">Naršyti<"), "the other Lithuanian strings are still the built-in ones")
        #expect(en.contains("Built with kartu"))
        let list = try Self.kartu(site, "theme", "list")
        #expect(list.stdout.contains("* partials/footer.mustache  (templates/partials/footer.mustache)\n"))
        #expect(list.stdout.contains("\n  base.mustache\n"))
        let edited = site.read("templates/partials/footer.mustache")
        let again = try Self.kartu(site, "theme", "eject", "partials/footer.mustache")
        #expect(again.stdout == "kept   templates/partials/footer.mustache (already there: not overwritten)\n")
        #expect(site.read("templates/partials/footer.mustache") == edited)
        let unknown = try site.run(["theme", "eject", "partials/footr.mustache"])
        #expect(unknown.status == 2)
        #expect(unknown.stderrLines == ["error: the built-in theme has no file 'partials/footr.mustache'", "    hint: did you mean 'partials/footer.mustache'?"])
    }

    @Test("eject --all, then builtInTheme: false: the copied theme alone builds the same site")
    func ejectAll() throws {
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        try Self.kartu(site, "build", "--output", "built-in")
        try Self.kartu(site, "theme", "eject", "--all")
        #expect(site.files(under: "templates") == BuiltInTheme.paths)
        try site.write("content/site.yaml", try #require(site.read("content/site.yaml")) + "builtInTheme: false\n")
        try Self.kartu(site, "build", "--output", "copied")
        #expect(site.files(under: "copied") == site.files(under: "built-in"))
        for file in site.files(under: "copied") { #expect(site.data("copied/" + file) == site.data("built-in/" + file), "\(file)") }
    }

    @Test("archetypes: one per kind and language in the built-in theme, each a draft with the tokens; a site's own archetype is used first")
    func archetypes() throws {
        for kind in DocumentKind.allCases {
            for language in SiteStarter.knownLanguages.map(\.code) {
                let text = String(decoding: try #require(BuiltInTheme.files["archetypes/\(kind.rawValue).\(language).md"], "\(kind) \(language)"), as: UTF8.self)
                #expect(text.hasPrefix("---\ntitle: {{title}}\nkind: \(kind.rawValue)\ndate: {{date}}\ndraft: true"), "\(kind) \(language)")
            }
        }
        let site = try TestSite()
        try Self.kartu(site, "init", ".", "--languages", "lt,en")
        try site.write("templates/archetypes/project.en.md", "---\ntitle: {{title}}\nkind: project\ndate: {{date}}\ndraft: true\n---\nOur own: {{themeIDs}}.\n")
        try Self.kartu(site, "new", "project", "en/projects/leeds-visit.md")
        #expect(site.read("content/en/projects/leeds-visit.md")?.hasSuffix("---\nOur own: collaboration, leadership, professional-development, inclusive-education, student-wellbeing, parental-involvement, digital-learning, assessment, school-culture, sustainability, international-cooperation, early-childhood-education.\n") == true)
        #expect(site.read("content/en/projects/leeds-visit.md")?.hasPrefix("---\ntitle: \"Leeds visit\"\n") == true)
    }
}
