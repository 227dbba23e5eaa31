import Foundation
import Testing
@testable import Kartu

/// `--format github`: diagnostics as GitHub Actions workflow commands, chosen automatically when
/// GITHUB_ACTIONS=true; `--format gcc` overrides; property and data escaping as the runner expects.
@Suite("GitHub format")
struct GitHubFormatTests {
    /// A site with one error (with a hint) and one warning (with a hint).
    static func site() throws -> TestSite {
        try TestSite.standard(extra: [
            "content/lt/projects/x.md": Fixture.page(["title: X", "kind: project", "themes: [refelction]"]),
            "content/pl/projects/miasto.md": Fixture.page(["title: Miasto", "kind: project", "slug: Łódź", "autor: Jan"]),
        ])
    }

    static let githubLines = [
        "::error file=content/lt/projects/x.md,line=4,col=10::unknown theme 'refelction'%0Ahint: did you mean 'reflection'?",
        "::warning file=content/pl/projects/miasto.md,line=5,col=1::unknown key 'autor'; it is ignored%0Ahint: did you mean 'authors'?",
    ]

    static let gccLines = [
        "content/lt/projects/x.md:4:10: error: unknown theme 'refelction'",
        "    hint: did you mean 'reflection'?",
        "content/pl/projects/miasto.md:5:1: warning: unknown key 'autor'; it is ignored",
        "    hint: did you mean 'authors'?",
    ]

    @Test("--format github prints ::error and ::warning commands, one line each, then the summary")
    func explicitGitHub() throws {
        let site = try Self.site()
        let result = try site.run(["check", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(Array(result.stderrLines.dropLast()) == Self.githubLines)
        #expect(result.stderrLines.last?.hasPrefix("kartu: documents: ") == true)

        let build = try site.run(["build", "--format", "github"], environment: TestSite.environment())
        #expect(build.status == 1)
        #expect(Array(build.stderrLines.dropLast()) == Self.githubLines)
        #expect(!site.exists("site"))
    }

    @Test("GITHUB_ACTIONS=true selects the github format")
    func automatic() throws {
        let site = try Self.site()
        let result = try site.run(["check"], environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.dropLast()) == Self.githubLines)
        let build = try site.run(["build", "--output", site.url("out").path], environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(Array(build.stderrLines.dropLast()) == Self.githubLines)
    }

    @Test("without GITHUB_ACTIONS=true the format is gcc")
    func defaultGCC() throws {
        let site = try Self.site()
        for environment in [TestSite.environment(), TestSite.environment(["GITHUB_ACTIONS": "false"]), TestSite.environment(["GITHUB_ACTIONS": ""])] {
            let result = try site.run(["check"], environment: environment)
            #expect(result.status == 1)
            #expect(Array(result.stderrLines.dropLast()) == Self.gccLines)
        }
    }

    @Test("--format gcc overrides GITHUB_ACTIONS=true")
    func gccOverrides() throws {
        let site = try Self.site()
        let result = try site.run(["check", "--format", "gcc"], environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.dropLast()) == Self.gccLines)
        let build = try site.run(["build", "--format", "gcc", "--output", site.url("out").path],
                                 environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(Array(build.stderrLines.dropLast()) == Self.gccLines)
    }

    @Test("an invalid --format is a usage error: exit 2, nothing written")
    func invalidFormat() throws {
        let site = try Self.site()
        let result = try site.run(["build", "--format", "xml"], environment: TestSite.environment())
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
        #expect(result.stderr.contains("--format"))
        #expect(!site.exists("site"))
        let check = try site.run(["check", "--format", "XML"], environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(check.status == 2)
        let empty = try site.run(["check", "--format", ""], environment: TestSite.environment())
        #expect(empty.status == 2)
    }

    @Test("a clean site prints only the summary in the github format; exit 0")
    func clean() throws {
        let site = try TestSite.standard()
        let result = try site.run(["build", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 0)
        #expect(result.stderrLines.count == 1)
        let summary = try Regex(#"^kartu: documents: lt 9, en 4, pl 1; \d+ pages written; 0 warnings; \d+\.\d\d s$"#)
        #expect(result.stderrLines.first?.wholeMatch(of: summary) != nil)
    }

    @Test("commas and colons in paths are escaped as %2C and %3A; % in messages as %25")
    func escaping() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a,b:c.md": Fixture.page(["title: A", "kind: pro%ject"]),
            "content/lt/projects/100%.md": Fixture.page(["title: B", "kind: project", "themes: [reflection, \"50%\"]"]),
        ])
        let result = try site.run(["check", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.dropLast()) == [
            "::error file=content/lt/projects/100%25.md,line=4,col=22::unknown theme '50%25'%0Ahint: add '50%25' to content/themes.yaml or use one of: reflection, collaboration",
            "::error file=content/lt/projects/a%2Cb%3Ac.md,line=3,col=7::unknown kind 'pro%25ject'%0Ahint: did you mean 'project'?",
        ])
    }

    @Test("a diagnostic in a file with a comma in its folder name")
    func commaInFolder() throws {
        let site = try TestSite.standard(extra: [
            "content/en/Reports, 2019/leeds.md": Fixture.page(["title: Leeds", "kind: internship-report"]),
        ])
        let result = try site.run(["check", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.dropLast()) == [
            "::error file=content/en/Reports%2C 2019/leeds.md,line=3,col=7::an internship-report needs 'host'%0Ahint: add host: {place: \"…\", country: GB}",
            "::error file=content/en/Reports%2C 2019/leeds.md,line=3,col=7::an internship-report needs 'period'%0Ahint: add period: {start: YYYY-MM-DD, end: YYYY-MM-DD}",
        ])
    }

    @Test("annotation text: without a file, without a position, with newlines and carriage returns")
    func annotations() {
        #expect(Diagnostic(.error, "cannot write", hint: "check the disk").githubAnnotation == "::error::cannot write%0Ahint: check the disk")
        #expect(Diagnostic(.warning, "m", file: "a.md").githubAnnotation == "::warning file=a.md::m")
        #expect(Diagnostic(.warning, "m", file: "a.md", line: 3).githubAnnotation == "::warning file=a.md,line=3::m")
        #expect(Diagnostic(.error, "one\r\ntwo 100%", file: "x:y,z%.md", line: 1, column: 2).githubAnnotation
                == "::error file=x%3Ay%2Cz%25.md,line=1,col=2::one%0D%0Atwo 100%25")
        let multiline = Diagnostic.warning("w", at: Kartu.SourceLocation(file: "content/site.yaml", line: 2, column: 3),
                                           hint: "write it as\n        languages:\n          - code: lt")
        #expect(multiline.githubAnnotation == "::warning file=content/site.yaml,line=2,col=3::w%0Ahint: write it as%0A        languages:%0A          - code: lt")
        #expect(multiline.formatted(.gcc) == multiline.description)
        #expect(multiline.formatted(.github) == multiline.githubAnnotation)
        #expect(Diagnostic.Format.automatic(environment: ["GITHUB_ACTIONS": "true"]) == .github)
        #expect(Diagnostic.Format.automatic(environment: ["GITHUB_ACTIONS": "false"]) == .gcc)
        #expect(Diagnostic.Format.automatic(environment: [:]) == .gcc)
    }

    @Test("every annotation is a single line, even for multi-line hints")
    func singleLine() throws {
        let site = try TestSite.standard(extra: ["content/site.yaml": "title: Site\ndefaultLanguage: lt\nlanguages: lt\n"])
        let result = try site.run(["check", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.dropLast()) == [
            "::error file=content/site.yaml,line=3,col=12::'languages' must be a list, not 'lt'%0Ahint: write it as%0A        languages:%0A          - code: lt%0A            name: Lietuvių%0A            locale: lt-LT",
        ])
    }
}
