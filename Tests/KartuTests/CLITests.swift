import Foundation
import Testing
@testable import Kartu

/// Runs the built `kartu` executable as a subprocess.
@Suite("Command line")
struct CLITests {
    static var summary: Regex<AnyRegexOutput> { try! Regex(#"^kartu: documents: lt \d+, en \d+, pl \d+; \d+ pages (written|checked); \d+ warnings?; (\d+ errors?; )?\d+\.\d\d s$"#) }

    @Test("the executable is found beside the tests")
    func executable() throws {
        let url = try #require(TestSite.executable)
        #expect(FileManager.default.isExecutableFile(atPath: url.path))
    }

    @Test("build: exit 0, the site written to <root>/site, a summary on stderr, nothing on stdout")
    func buildSucceeds() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--root", site.root.path], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderrLines.count == 1)
        let summary = try #require(result.stderrLines.last)
        #expect(summary.wholeMatch(of: Self.summary) != nil, "\(summary)")
        #expect(summary.hasPrefix("kartu: documents: lt 9, en 4, pl 1; 84 pages written; 0 warnings; "))
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }

    @Test("build without --root uses the current folder")
    func defaultRoot() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build"])
        #expect(result.status == 0)
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }

    @Test("an unknown flag is a usage error: exit 2")
    func unknownFlag() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--bogus"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--bogus"))
        #expect(!site.exists("site"))
        let check = try site.run(["check", "--output", "x"])
        #expect(check.status == 2)
    }

    @Test("an unknown subcommand is a usage error: exit 2")
    func unknownSubcommand() throws {
        let site = try TestSite.standard()
        let result = try site.run(["publish"])
        #expect(result.status == 2)
    }

    @Test("a missing root is a usage error: exit 2 with a hint")
    func missingRoot() throws {
        let site = try TestSite()
        let missing = site.root.appendingPathComponent("nowhere").path
        let result = try site.run(["build", "--root", missing])
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "error: site folder '\(missing)' does not exist",
            "    hint: pass --root with the folder that holds content/",
        ])
    }

    @Test("a root without content/ is a usage error: exit 2")
    func noContentFolder() throws {
        let site = try TestSite(["templates/index.mustache": "x"])
        let result = try site.run(["check", "--root", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "error: no content/ folder in '\(site.root.path)'")
        #expect(result.stderrLines.dropFirst().first?.hasPrefix("    hint: ") == true)
    }

    @Test("an output folder inside content/ is a usage error: exit 2")
    func forbiddenOutput() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--output", site.url("content/www").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: output folder"))
        #expect(!site.exists("content/www"))
    }

    @Test("content errors: exit 1, gcc-style lines with hint lines, every problem, then the summary")
    func contentErrors() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/x.md": Fixture.page(["title: X", "kind: project", "themes: [collaboration, refelction]"]),
            "content/lt/projects/y.md": Fixture.page(["title: Y", "kind: project"], body: "Intro.\n\n[Jonava](jonva.md)\n"),
        ])
        let result = try site.run(["build"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let lines = result.stderrLines
        try #require(lines.count == 5)
        #expect(Array(lines.prefix(4)) == [
            "content/lt/projects/x.md:4:25: error: unknown theme 'refelction'",
            "    hint: did you mean 'reflection'?",
            "content/lt/projects/y.md:7:1: error: link to missing document 'jonva.md'",
            "    hint: did you mean 'jonava.md'?",
        ])
        #expect(lines[4].wholeMatch(of: Self.summary) != nil, "\(lines[4])")
        #expect(lines[4].contains("; 2 errors; "))
        #expect(!site.exists("site"))
    }

    @Test("warnings: exit 0 and the site is built; with --strict exit 1")
    func strict() throws {
        let site = try TestSite.standard(extra: [
            "content/pl/projects/miasto.md": Fixture.page(["title: Miasto", "kind: project", "slug: Łódź", "autor: Jan"]),
        ])
        let relaxed = try site.run(["build"])
        #expect(relaxed.status == 0)
        #expect(Array(relaxed.stderrLines.prefix(2)) == [
            "content/pl/projects/miasto.md:5:1: warning: unknown key 'autor'; it is ignored",
            "    hint: did you mean 'authors'?",
        ])
        #expect(relaxed.stderrLines.last?.contains("; 1 warning; ") == true)
        #expect(site.exists("site/pl/projects/lodz/index.html"))

        let strict = try site.run(["build", "--strict", "--output", site.url("strict-out").path])
        #expect(strict.status == 1)
        #expect(strict.stderrLines.first == "content/pl/projects/miasto.md:5:1: warning: unknown key 'autor'; it is ignored")

        let check = try site.run(["check", "--strict"])
        #expect(check.status == 1)
    }

    @Test("check writes nothing; exit 0 when clean, 1 on errors")
    func check() throws {
        let site = try TestSite.standard()
        let clean = try site.run(["check", "--root", site.root.path])
        #expect(clean.status == 0)
        #expect(clean.stderrLines.count == 1)
        #expect(clean.stderrLines.first?.wholeMatch(of: Self.summary) != nil)
        #expect(!site.exists("site"))
        #expect(site.files(under: ".").allSatisfy { $0.hasPrefix("content/") || $0.hasPrefix("templates/") })

        try site.write("content/lt/projects/bad.md", Fixture.page(["title: Bad", "kind: projekt"]))
        let broken = try site.run(["check"])
        #expect(broken.status == 1)
        #expect(Array(broken.stderrLines.prefix(2)) == [
            "content/lt/projects/bad.md:3:7: error: unknown kind 'projekt'",
            "    hint: did you mean 'project'?",
        ])
        #expect(!site.exists("site"))
    }

    @Test("--output writes the site there and not into <root>/site")
    func output() throws {
        let site = try TestSite.standard()
        let out = site.root.appendingPathComponent("public")
        let result = try site.run(["build", "--output", out.path])
        #expect(result.status == 0)
        #expect(site.files(under: "public") == Fixture.standardOutput)
        #expect(!site.exists("site"))
    }

    @Test("--output relative to the current folder")
    func relativeOutput() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--output", "dist"])
        #expect(result.status == 0)
        #expect(site.files(under: "dist") == Fixture.standardOutput)
    }

    @Test("--base-url: every URL in the pages starts with the base path")
    func baseURL() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let result = try site.run(["build", "--base-url", "https://example.org/guide/"])
        #expect(result.status == 0)
        let page = try #require(site.read("site/lt/projects/ignalina/index.html"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/guide/assets/kartu.css\">"))
        #expect(page.contains("<a href=\"/guide/lt/projects/jonava/\">Jonava</a>"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/en/projects/ignalina-en/\">"))
        let root = try #require(site.read("site/index.html"))
        #expect(root.contains("<a href=\"/guide/lt/\" hreflang=\"lt\" lang=\"lt\">Lietuvių</a>"))
        let attribute = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for file in site.files(under: "site") where file.hasSuffix(".html") {
            for match in (site.read("site/" + file) ?? "").matches(of: attribute) {
                let url = String(match.output[1].substring ?? "")
                checked += 1
                #expect(url.hasPrefix("/guide/") || url.hasPrefix("https://") || url.hasPrefix("#"), "\(file): \(url)")
            }
        }
        #expect(checked > 100)
        // Output paths do not move.
        #expect(site.exists("site/lt/projects/ignalina/index.html"))
        #expect(!site.exists("site/guide"))
    }

    @Test("a --base-url without scheme is never silently ignored")
    func relativeBaseURL() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--base-url", "/guide/"])
        if result.status == 0 {
            // Accepted as a base path: then it must be used.
            let page = try #require(site.read("site/lt/projects/ignalina/index.html"))
            #expect(page.contains("<a href=\"/guide/lt/projects/jonava/\">Jonava</a>"))
        } else {
            #expect(result.status == 2)
            #expect(result.stderr.contains("error: "))
        }
    }

    @Test("--help exits 0")
    func help() throws {
        let site = try TestSite()
        let result = try site.run(["build", "--help"])
        #expect(result.status == 0)
        #expect((result.stdout + result.stderr).contains("--base-url"))
    }

    @Test("the CLI and the library report the same diagnostics")
    func sameAsLibrary() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a.md": Fixture.page(["title: A", "kind: change-project"]),
            "content/en/projects/b.md": Fixture.page(["title: B", "kind: project", "date: 2019-1-1"]),
        ])
        let report = try site.build(write: false)
        let result = try site.run(["check"])
        #expect(result.status == report.exitStatus)
        let printed = report.printed.joined(separator: "\n").split(separator: "\n").map(String.init)
        #expect(Array(result.stderrLines.dropLast()) == printed)
    }

    @Test("schema: the front matter's JSON Schema 2020-12 with the site's theme ids, on stdout or into --output")
    func schema() throws {
        let site = try TestSite.standard()
        let result = try site.run(["schema", "--root", site.root.path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["required"] as? [String] == ["title"])
        #expect(object["additionalProperties"] as? Bool == false)
        let properties = try #require(object["properties"] as? [String: Any])
        let themes = try #require((properties["themes"] as? [String: Any])?["items"] as? [String: Any])
        #expect(themes["enum"] as? [String] == ["reflection", "collaboration"])
        #expect(Set(properties.keys).isSuperset(of: DocumentMetadata.commonKeys + DocumentMetadata.kindKeys + DocumentMetadata.publicationKeys))
        #expect(try site.run(["schema", "--root", site.root.path, "--output", site.url("schema.json").path]).status == 0)
        #expect(site.read("schema.json") == result.stdout)
    }
}
