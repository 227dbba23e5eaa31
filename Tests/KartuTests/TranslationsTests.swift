import Foundation
import Testing
@testable import Kartu

/// Translation status from git history (`kartu status`, the outdated notice) and fallback pages,
/// on a repository made in the test with fixed commit dates.
@Suite("Translations: status, outdated notices, fallback pages", .serialized)
struct TranslationsTests {
    /// Runs git in the site folder with fixed dates; fails the test when git fails.
    static func git(_ site: TestSite, _ arguments: [String], date: String = "2024-01-10T12:00:00+02:00", in folder: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder ?? site.root
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Ona", "GIT_AUTHOR_EMAIL": "ona@example.org",
                             "GIT_COMMITTER_NAME": "Ona", "GIT_COMMITTER_EMAIL": "ona@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": site.root.path] {
            environment[key] = value
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    static func commit(_ site: TestSite, _ message: String, date: String) throws {
        try git(site, ["add", "-A"], date: date)
        try git(site, ["commit", "-q", "-m", message], date: date)
    }

    /// The standard site with three documents of its own, committed in four steps:
    /// - 2024-01-10: a (lt, en, pl), b (lt, en), c (lt only);
    /// - 2024-02-01: a's original edited (its translations are outdated from then on);
    /// - 2024-02-05: b's original edited with "[minor]" (a typo: b's translation stays up to date);
    /// - 2024-03-01: a's English translation edited (up to date again; the Polish one still outdated).
    static func repository() throws -> TestSite {
        let site = try TestSite.standard(repoTemplates: true)
        try site.write("content/site.yaml", try #require(site.read("content/site.yaml")) + "baseURL: https://example.org/\n")
        let doc = { (title: String) in Fixture.page(["title: \(title)", "kind: project", "date: 2020-01-01"], body: "\(title) text.\n") }
        try site.write(["content/lt/projects/a.md": doc("Aaa"), "content/en/projects/a.md": doc("Aaa en"), "content/pl/projects/a.md": doc("Aaa pl"),
                        "content/lt/projects/b.md": doc("Bbb"), "content/en/projects/b.md": doc("Bbb en"),
                        "content/lt/projects/c.md": doc("Ccc")])
        try git(site, ["init", "-q", "-b", "main"])
        try commit(site, "All documents", date: "2024-01-10T12:00:00+02:00")
        try site.write("content/lt/projects/a.md", doc("Aaa") + "More.\n")
        try commit(site, "Original of a edited", date: "2024-02-01T12:00:00+02:00")
        try site.write("content/lt/projects/b.md", doc("Bbb") + "Typo.\n")
        try commit(site, "[minor] typo in b", date: "2024-02-05T12:00:00+02:00")
        try site.write("content/en/projects/a.md", doc("Aaa en") + "More.\n")
        try commit(site, "English a caught up", date: "2024-03-01T12:00:00+02:00")
        return site
    }

    static func status(_ site: TestSite) throws -> TranslationStatus {
        let (status, diagnostics) = try SiteBuilder(options: site.options(write: false)).translationStatus()
        #expect(diagnostics == [])
        return try #require(status)
    }

    @Test("outdated as Lunaria decides: original changed after → outdated; a [minor] change does not count; the translation edited after → up to date")
    func outdated() throws {
        let site = try Self.repository()
        let status = try Self.status(site)
        #expect(status.unavailable == nil)
        let en = try #require(status.languages.first { $0.code == "en" }), pl = try #require(status.languages.first { $0.code == "pl" })
        #expect(en.outdated.map(\.translation.path).filter { $0.contains("/a.md") || $0.contains("/b.md") } == [])
        #expect(pl.outdated.map(\.translation.path) == ["content/pl/projects/a.md"])
        let entry = try #require(pl.outdated.first)
        #expect(entry.original.path == "content/lt/projects/a.md")
        #expect(entry.original.changed == DayDate(iso: "2024-02-01"))
        #expect(entry.translation.changed == DayDate(iso: "2024-01-10"))
        // c has no English or Polish document: missing there, with where it would go.
        #expect(en.missing.contains(TranslationStatus.Entry(
            original: .init(path: "content/lt/projects/c.md", language: "lt", title: "Ccc", changed: nil),
            translation: .init(path: "content/en/projects/c.md", language: "en", title: nil, changed: nil))))
        #expect(pl.missing.map(\.translation.path).contains("content/pl/projects/b.md"))
    }

    @Test("the outdated notice: in the page's language, both dates, a link to the original; none on an up-to-date translation")
    func notice() throws {
        let site = try Self.repository()
        #expect(try site.build().printed == [])
        let pl = try #require(site.read("site/pl/projects/a/index.html"))
        #expect(pl.contains("<aside class=\"notice notice-outdated\" role=\"note\">"))
        #expect(pl.contains("To tłumaczenie może być nieaktualne"))
        #expect(pl.contains("<a href=\"/lt/projects/a/\" hreflang=\"lt\">Lietuvių</a>"))
        #expect(pl.contains("<time datetime=\"2024-02-01\">"))
        #expect(pl.contains("<time datetime=\"2024-01-10\">"))
        #expect(site.read("site/en/projects/a/index.html")?.contains("notice-outdated") == false)
        #expect(site.read("site/en/projects/b/index.html")?.contains("notice-outdated") == false)
        #expect(site.read("site/lt/projects/a/index.html")?.contains("notice-outdated") == false)
    }

    @Test("a shallow clone: missing translations still reported, outdated ones not judged, said once with the fix; no notice")
    func shallow() throws {
        let site = try Self.repository()
        let clone = site.url("clone")
        try Self.git(site, ["clone", "-q", "--depth", "1", "file://" + site.root.path, clone.path])
        let result = try site.run(["status", "--root", clone.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("kartu: outdated translations are not judged: the git history is shallow (a clone with --depth)\n"
                                        + "    hint: fetch the whole history: git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0\n"))
        #expect(result.stdout.contains("pl Polski: "))
        #expect(result.stdout.contains("  missing: content/lt/projects/c.md “Ccc” → content/pl/projects/c.md"))
        #expect(!result.stdout.contains("outdated: content/"))
        #expect(try site.run(["build", "--root", clone.path]).status == 0)
        #expect(FileManager.default.contents(atPath: clone.appendingPathComponent("site/pl/projects/a/index.html").path)
                    .map { String(decoding: $0, as: UTF8.self).contains("notice-outdated") } == false)
    }

    @Test("no git: missing translations reported, no translation called up to date")
    func noGit() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let status = try Self.status(site)
        #expect(status.unavailable?.reason == "the site is not in a git repository (or git is not installed)")
        let en = try #require(status.languages.first { $0.code == "en" })
        #expect(en.upToDate == 0)
        #expect(en.outdated.isEmpty)
        #expect(en.unknown > 0)
        #expect(!en.missing.isEmpty)
    }

    @Test("the original: marked, else the default language's, else the first in site order; two marked is an error at the second")
    func originals() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let doc = { (fields: [String]) in Fixture.page(["title: X", "kind: project"] + fields) }
        try site.write(["content/lt/projects/x.md": doc([]), "content/en/projects/x.md": doc(["original: true"]),
                        "content/en/projects/y.md": doc([]), "content/pl/projects/y.md": doc([])])
        let assembled = SiteBuilder(options: site.options(write: false)).assemble(root: site.root)
        let model = try #require(assembled.site?.model)
        let index = { (path: String) in model.documents.firstIndex { $0.sourcePath == path }! }
        #expect(model.translations.originals[index("content/lt/projects/x.md")] == index("content/en/projects/x.md"))
        #expect(model.translations.originals[index("content/pl/projects/y.md")] == index("content/en/projects/y.md"))
        #expect(model.translations.originals[index("content/lt/projects/jonava.md")] == index("content/lt/projects/jonava.md"))

        try site.write("content/pl/projects/x.md", doc(["original: true"]))
        let report = try site.build()
        #expect(report.printed == [
            "content/pl/projects/x.md:4:11: error: 'original: true' is also set on 'content/en/projects/x.md', in the same translation group\n"
                + "    hint: a translation group has one original: remove 'original: true' here or there",
        ])
    }

    @Test("status as JSON (the documented schema), Markdown and text; --language, --fail-on, exit codes")
    func formats() throws {
        let site = try Self.repository()
        let json = try site.run(["status", "--root", site.root.path, "--format", "json", "--language", "pl"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["history"] as? [String: Any])?["available"] as? Bool == true)
        let languages = try #require(object["languages"] as? [[String: Any]])
        #expect(languages.map { $0["code"] as? String } == ["pl"])
        let counts = try #require(languages[0]["counts"] as? [String: Int])
        #expect(Set(counts.keys) == ["originals", "upToDate", "outdated", "unknown", "missing"])
        #expect(counts["outdated"] == 1)
        let outdated = try #require((languages[0]["outdated"] as? [[String: Any]])?.first)
        #expect((outdated["original"] as? [String: String])?["changed"] == "2024-02-01")
        #expect((outdated["translation"] as? [String: String])?["path"] == "content/pl/projects/a.md")

        let markdown = try site.run(["status", "--root", site.root.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("| Language | Originals | Up to date | Outdated | Not judged | Missing |\n|---|---:|---:|---:|---:|---:|\n"))
        #expect(markdown.stdout.contains("- outdated: `content/pl/projects/a.md` (2024-01-10); original `content/lt/projects/a.md` changed 2024-02-01"))

        #expect(try site.run(["status", "--root", site.root.path, "--fail-on", "outdated"]).status == 1)
        #expect(try site.run(["status", "--root", site.root.path, "--language", "en", "--fail-on", "outdated"]).status == 0)
        #expect(try site.run(["status", "--root", site.root.path, "--language", "en", "--fail-on", "missing"]).status == 1)
        let unknown = try site.run(["status", "--root", site.root.path, "--language", "lv"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: 'lv' is not a language of the site"))
    }

    @Test("a fallback page: the original's text in the language's pages, a notice, lang on the text, noindex, canonical to the original; not in the sitemap, feed or search")
    func fallbackPage() throws {
        let site = try Self.repository()
        #expect(try site.build().printed == [])
        let page = try #require(site.read("site/pl/projects/c/index.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"pl\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/lt/projects/c/\">"))
        #expect(page.contains("<h1 lang=\"lt\">Ccc</h1>"))
        #expect(page.contains("<div class=\"body\" lang=\"lt\">"))
        #expect(page.contains("Jeszcze nieprzetłumaczone – pokazano w języku oryginału: <a href=\"/lt/projects/c/\" hreflang=\"lt\">Lietuvių</a>"))
        #expect(page.contains("<p>Ccc text.</p>"))
        #expect(!page.contains("<link rel=\"alternate\" hreflang=\"pl\""))
        // The original's page leads there, marked as not translated.
        #expect(try #require(site.read("site/lt/projects/c/index.html")).contains("<a class=\"language\" href=\"/pl/projects/c/\" hreflang=\"pl\"><span lang=\"pl\">Polski</span>"))
        #expect(site.read("site/sitemap.xml")?.contains("/pl/projects/c/") == false)
        #expect(site.read("site/pl/feed.xml")?.contains("/pl/projects/c/") == false)
        let search = site.files(under: "site/pl/search").compactMap { site.read("site/pl/search/" + $0) }.joined()
        #expect(!search.contains("/pl/projects/c/"))
        #expect(!search.contains("Ccc"))
        // Not a Polish document in lists: the section lists Polish documents only.
        #expect(site.read("site/pl/projects/index.html")?.contains("/pl/projects/c/") == false)
    }

    @Test("a link to a document's path in a language without it: its translation there, else its fallback page there; a path no language has is an error")
    func linkWithinLanguage() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let doc = { (title: String, body: String) in Fixture.page(["title: \(title)", "kind: project", "date: 2020-01-01"], body: body) }
        try site.write(["content/lt/projects/c.md": doc("Ccc", "## Tikslai\n\nText.\n"),
                        "content/lt/projects/d.md": doc("Ddd", "Text.\n"), "content/en/projects/d.md": doc("Ddd en", "Text.\n"),
                        "content/pl/projects/links.md": doc("Odnośniki", "[c](c.md#tikslai), [d](d.md), [ignalina](ignalina.md).\n")])
        #expect(try site.build().printed == [])
        let html = try #require(site.read("site/pl/projects/links/index.html"))
        // c exists only in Lithuanian: its Polish fallback page, anchor checked against the original's headings.
        #expect(html.contains("<a href=\"/pl/projects/c/#tikslai\">c</a>"))
        // d has no Polish translation either: the fallback page of its group (the Lithuanian original).
        #expect(html.contains("<a href=\"/pl/projects/d/\">d</a>"))
        #expect(html.contains("<a href=\"/pl/projects/ignalina/\">ignalina</a>"))
        // In English, ignalina's translation is at another path (ignalina-en.md, by translationKey): the link reaches it.
        try site.write("content/en/projects/links.md", doc("Links", "[ignalina](ignalina.md).\n"))
        #expect(try site.build().printed == [])
        #expect(try #require(site.read("site/en/projects/links/index.html")).contains("<a href=\"/en/projects/ignalina-en/\">ignalina</a>"))
        // The Lithuanian original lists the Polish page as linking to it.
        #expect(try #require(site.read("site/lt/projects/c/index.html")).contains(">Odnośniki</a>"))
        try site.write("content/pl/projects/links.md", doc("Odnośniki", "[x](nowhere.md) [c](c.md#nera).\n"))
        let printed = try site.build().printed
        #expect(printed.contains { $0.hasPrefix("content/pl/projects/links.md:") && $0.contains("link to missing document 'nowhere.md'") })
        #expect(printed.contains { $0.hasPrefix("content/pl/projects/links.md:") && $0.contains("no heading '#nera'") })
    }

    @Test("untranslated: home keeps the switcher leading to the language's home, and makes no fallback page")
    func homeInstead() throws {
        let site = try Self.repository()
        try site.write("content/site.yaml", try #require(site.read("content/site.yaml")) + "untranslated: home\n")
        #expect(try site.build().printed == [])
        #expect(!site.exists("site/pl/projects/c"))
        #expect(try #require(site.read("site/lt/projects/c/index.html")).contains("<a class=\"language\" href=\"/pl/\" hreflang=\"pl\"><span lang=\"pl\">Polski</span>"))
        try site.write("content/site.yaml", try #require(site.read("content/site.yaml")).replacingOccurrences(of: "untranslated: home", with: "untranslated: never"))
        let line = try #require(site.read("content/site.yaml")).components(separatedBy: "\n").firstIndex { $0.hasPrefix("untranslated:") }! + 1
        #expect(try site.build().printed == [
            "content/site.yaml:\(line):15: error: 'untranslated' must be fallback or home, not 'never'\n"
                + "    hint: fallback shows the original inside the language's pages; home links to the language's home page",
        ])
    }

    @Test("two builds of the same commit, in other folders and time zones: the same bytes, notices and fallback pages included")
    func determinism() throws {
        let site = try Self.repository()
        for (name, zone) in [("one", "Pacific/Auckland"), ("two", "America/Los_Angeles")] {
            try Self.git(site, ["clone", "-q", "file://" + site.root.path, site.url(name).path])
            let result = try TestSite.runKartu(["build", "--root", site.url(name).path], in: site.root, environment: ["TZ": zone])
            #expect(result.status == 0)
        }
        let one = Tree.contents(under: site.url("one/site")), two = Tree.contents(under: site.url("two/site"))
        #expect(Tree.differences(one, two) == [])
        #expect(String(decoding: one["pl/projects/a/index.html"] ?? Data(), as: UTF8.self).contains("notice-outdated"))
        #expect(one["pl/projects/c/index.html"] != nil)
    }
}
