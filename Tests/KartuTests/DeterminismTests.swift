import Foundation
import Testing
@testable import Kartu

/// The same input gives the same bytes: between builds, between checkouts at different paths,
/// between machines with other time zones and locales, and between the library and the CLI. The
/// output holds no absolute path and no build time.
///
/// EndToEndOutputTests.determinism / determinismLarge / determinismAcrossFolders cover the small
/// theme; these use the repository's default theme (dates, labels, cards, related documents).
@Suite("Determinism")
struct DeterminismTests {
    /// The standard site with the default theme, plus documents that exercise sorting, dates,
    /// related documents, backlinks and facets in all three languages.
    static func site() throws -> TestSite {
        try TestSite.standard(repoTemplates: true, extra: [
            "content/lt/projects/ąžuolas.md": Fixture.page(["title: Ąžuolas", "kind: project", "date: 2019-01-31", "themes: [reflection, collaboration]",
                                                           "municipality: Ąžuolų Būda", "country: LT", "levels: [school, national]"],
                                                          body: "## Įžanga\n\n[Ignalina](ignalina.md#istorija), [Jonava](jonava.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nPastaba[^1].\n\n[^1]: Išnaša.\n"),
            "content/en/projects/zeta.md": Fixture.page(["title: Zeta", "kind: project", "date: 2019-01-31", "themes: [reflection]",
                                                         "project: Erasmus+", "authors: [Ann, Bob]", "summary: \"A summary\""]),
            "content/pl/projects/żółw.md": Fixture.page(["title: Żółw", "kind: project", "date: 2018-12-31", "themes: [collaboration]",
                                                         "translationKey: ignalina"]),
        ])
    }

    /// Paths of files whose bytes differ between two folders, or that only one has.
    static func differences(_ a: URL, _ b: URL) -> [String] {
        Tree.differences(Tree.contents(under: a), Tree.contents(under: b))
    }

    @Test("two builds of the same input give byte-identical trees")
    func twoBuilds() throws {
        let site = try Self.site()
        #expect(try site.build(output: "out-a").printed == [])
        #expect(try site.build(output: "out-b").printed == [])
        #expect(site.files(under: "out-a").count > 80)
        #expect(Tree.entries(under: site.url("out-a")) == Tree.entries(under: site.url("out-b")))
        #expect(Self.differences(site.url("out-a"), site.url("out-b")) == [])
    }

    @Test("the same site copied to another path (another checkout) gives a byte-identical tree")
    func otherCheckout() throws {
        let site = try Self.site()
        let other = FileManager.default.temporaryDirectory
            .appendingPathComponent("kartu-checkout-\(UUID().uuidString)/deeper/path with spaces", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: other.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: other.deletingLastPathComponent().deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: site.root, to: other)

        #expect(try site.build().printed == [])
        let report = try SiteBuilder(options: BuildOptions(root: other)).run()
        #expect(report.printed == [])
        #expect(Tree.entries(under: site.url("site")) == Tree.entries(under: other.appendingPathComponent("site")))
        #expect(Self.differences(site.url("site"), other.appendingPathComponent("site")) == [])
    }

    @Test("files created in another order give the same tree")
    func creationOrder() throws {
        let one = try Self.site()
        // The same files, written in reverse order into a fresh folder.
        let two = try TestSite()
        let files = one.contents(under: ".").sorted { $0.key > $1.key }
        for (path, data) in files { try two.write(path, data: data) }
        #expect(try one.build().printed == [])
        #expect(try two.build().printed == [])
        #expect(Self.differences(one.url("site"), two.url("site")) == [])
    }

    @Test("the CLI under TZ=Pacific/Kiritimati and a Polish locale writes the same bytes as under TZ=UTC LANG=C")
    func timeZoneAndLocale() throws {
        let site = try Self.site()
        let kiritimati = try site.run(["build", "--output", site.url("out-kiritimati").path],
                                      environment: TestSite.environment(["TZ": "Pacific/Kiritimati", "LANG": "pl_PL.UTF-8", "LC_ALL": "pl_PL.UTF-8"]))
        let utc = try site.run(["build", "--output", site.url("out-utc").path],
                               environment: TestSite.environment(["TZ": "UTC", "LANG": "C"]))
        let honolulu = try site.run(["build", "--output", site.url("out-honolulu").path],
                                    environment: TestSite.environment(["TZ": "Pacific/Honolulu", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"]))
        #expect(kiritimati.status == 0)
        #expect(utc.status == 0)
        #expect(honolulu.status == 0)
        #expect(site.files(under: "out-utc").count > 80)
        #expect(Self.differences(site.url("out-kiritimati"), site.url("out-utc")) == [])
        #expect(Self.differences(site.url("out-honolulu"), site.url("out-utc")) == [])
        // Dates are written as the front matter has them, in the page's language, whatever the machine's.
        let page = try #require(site.read("out-kiritimati/lt/projects/ignalina/index.html"))
        #expect(page.contains("<time datetime=\"2019-01-31\">2019 m. sausio 31 d.</time>"))
        let polish = try #require(site.read("out-utc/pl/projects/zolw/index.html"))
        #expect(polish.contains("<time datetime=\"2018-12-31\">31 grudnia 2018</time>"))
    }

    @Test("diagnostics are the same under other time zones and locales")
    func diagnosticsAcrossLocales() throws {
        let site = try TestSite.standard(extra: [
            "content/lt/projects/a.md": Fixture.page(["title: A", "kind: projekt", "date: 2019-02-30"]),
            "content/pl/projects/ż.md": Fixture.page(["title: Ż", "kind: project", "themes: [refleksja]"]),
            "content/en/projects/b.md": Fixture.page(["title: B", "kind: project", "colour: red"]),
        ])
        let kiritimati = try site.run(["check"], environment: TestSite.environment(["TZ": "Pacific/Kiritimati", "LANG": "pl_PL.UTF-8", "LC_ALL": "pl_PL.UTF-8"]))
        let utc = try site.run(["check"], environment: TestSite.environment(["TZ": "UTC", "LANG": "C"]))
        #expect(kiritimati.status == 1)
        #expect(utc.status == 1)
        #expect(kiritimati.stderrLines.count == 9)
        #expect(Array(kiritimati.stderrLines.dropLast()) == Array(utc.stderrLines.dropLast()))
    }

    @Test("a build through the library and one through the CLI give byte-identical trees")
    func libraryAndCLI() throws {
        let site = try Self.site()
        #expect(try site.build(output: "out-library").printed == [])
        let cli = try site.run(["build", "--output", site.url("out-cli").path], environment: TestSite.environment())
        #expect(cli.status == 0)
        #expect(Tree.entries(under: site.url("out-library")) == Tree.entries(under: site.url("out-cli")))
        #expect(Self.differences(site.url("out-library"), site.url("out-cli")) == [])

        // With a base URL as well.
        #expect(try site.build(output: "base-library", baseURL: "https://example.org/guide/").printed == [])
        let base = try site.run(["build", "--output", site.url("base-cli").path, "--base-url", "https://example.org/guide/"],
                                environment: TestSite.environment())
        #expect(base.status == 0)
        #expect(Self.differences(site.url("base-library"), site.url("base-cli")) == [])
        #expect(Self.differences(site.url("base-library"), site.url("out-cli")) != [])
    }

    @Test("the output holds no absolute temporary path and no build date")
    func noPathsNoTimestamps() throws {
        let site = try Self.site()
        let cli = try site.run(["build", "--root", site.root.path], environment: TestSite.environment(["TZ": "Pacific/Kiritimati"]),
                               in: FileManager.default.temporaryDirectory)
        #expect(cli.status == 0)
        let files = site.contents(under: "site")
        #expect(files.count > 80)

        // Today in ISO form, in every time zone a build could run in (Kiritimati is UTC+14, Baker Island UTC-12).
        let now = Date()
        var days: Set<String> = []
        for zone in ["UTC", "Pacific/Kiritimati", "Etc/GMT+12", TimeZone.current.identifier] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: zone))
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            days.insert(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))
        }
        // The same in other common spellings.
        let compact = Set(days.map { $0.replacingOccurrences(of: "-", with: "") })
        let temporary = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().standardizedFileURL.path
        let needles = [site.root.path, site.root.lastPathComponent, temporary + "/kartu-test-"] + days.sorted() + compact.sorted()
        var found: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            for needle in needles where text.contains(needle) { found.append("\(path): \(needle)") }
        }
        #expect(found == [])
        // Not even in the marker file, nor in the file names.
        #expect(files.keys.allSatisfy { path in !needles.contains { path.contains($0) } })
    }
}
