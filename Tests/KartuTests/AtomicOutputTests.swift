import Foundation
import Testing
@testable import Kartu

/// The output folder is replaced whole or not at all: a failed build leaves the previous site byte
/// for byte, no staging folder is left beside it, nothing is written outside it, and unchanged files
/// keep their modification time (and inode: they are hard-linked from the previous site).
@Suite("Atomic output")
struct AtomicOutputTests {
    /// Entries beside the output that kartu's staging would leave (`.site.kartu-new-*`, `.site.kartu-old-*`).
    static func leftovers(in site: TestSite, output: String = "site") -> [String] {
        let parent = site.url(output).deletingLastPathComponent()
        let name = site.url(output).lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(name).kartu-") || $0.contains("kartu-new") || $0.contains("kartu-old") }.sorted()
    }

    /// A long time ago, so that a rewritten file is told apart from a kept one without sleeping.
    static let past = Date(timeIntervalSince1970: 978_307_200)  // 2001-01-01

    @Test("a failed rebuild (library): exit 1, the previous site byte for byte, no leftovers, nothing written elsewhere")
    func failedRebuildLibrary() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        let before = site.contents(under: "site")
        #expect(before.keys.sorted() == Fixture.standardOutput)
        let stampsBefore = Tree.stamps(under: site.url("site"))

        try site.write("content/lt/projects/ignalina.md", Fixture.page(["title: Ignalina", "kind: projekt"]))
        try site.write("content/en/projects/jonava.md", Fixture.page(["title: Jonava", "kind: project"], body: "[x](nowhere.md)\n"))
        let treeBefore = site.entries
        let report = try site.build()
        #expect(report.exitStatus == 1)
        #expect(report.errorCount == 2)
        #expect(Tree.differences(site.contents(under: "site"), before) == [])
        #expect(site.files(under: "site") == Fixture.standardOutput)
        #expect(Tree.stamps(under: site.url("site")) == stampsBefore)
        #expect(site.entries == treeBefore)
        #expect(Self.leftovers(in: site) == [])
    }

    @Test("a failed rebuild (CLI): exit 1, the previous site byte for byte, no leftovers, nothing written elsewhere")
    func failedRebuildCLI() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let first = try site.run(["build"], environment: TestSite.environment())
        #expect(first.status == 0)
        let before = site.contents(under: "site")
        #expect(before.count > 60)

        // Broken in a late step: the templates, after all content was read and rendered.
        try site.write("templates/partials/card.mustache", "{{#title}}\n")
        let treeBefore = site.entries
        let contentBefore = site.contents(under: ".")
        let broken = try site.run(["build"], environment: TestSite.environment())
        #expect(broken.status == 1)
        #expect(broken.stderrLines.first?.hasPrefix("templates/partials/card.mustache:") == true)
        #expect(Tree.differences(site.contents(under: "site"), before) == [])
        #expect(site.entries == treeBefore)
        #expect(Tree.differences(site.contents(under: "."), contentBefore) == [])
        #expect(Self.leftovers(in: site) == [])
    }

    @Test("a failed build into a new output folder creates nothing")
    func failedFirstBuild() throws {
        let site = try TestSite.standard(extra: ["content/lt/projects/bad.md": Fixture.page(["title: Bad", "kind: projekt"])])
        let treeBefore = site.entries
        let report = try site.build(output: "public/www")
        #expect(report.exitStatus == 1)
        #expect(site.entries == treeBefore)
        #expect(!site.exists("public"))
    }

    @Test("a successful build writes only the output folder: no leftovers, no other file touched")
    func successWritesOnlyOutput() throws {
        let site = try TestSite.standard()
        let before = site.contents(under: ".")
        let entriesBefore = site.entries
        #expect(try site.build().exitStatus == 0)
        let after = site.contents(under: ".")
        // Every entry that is new lies under site/; every old file is unchanged.
        let added = site.entries.filter { !entriesBefore.contains($0) }
        #expect(added.allSatisfy { $0 == "site/" || $0.hasPrefix("site/") }, "\(added.filter { !$0.hasPrefix("site") })")
        #expect(before.allSatisfy { after[$0.key] == $0.value })
        #expect(Self.leftovers(in: site) == [])
        #expect(site.read("site/.kartu-output")?.isEmpty == false)

        // A rebuild as well.
        let entriesBetween = site.entries
        #expect(try site.build().exitStatus == 0)
        #expect(site.entries == entriesBetween)
        #expect(Self.leftovers(in: site) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "site", "templates"])
    }

    @Test("rebuilding unchanged content keeps every file's modification time and inode")
    func unchangedKeepsTimes() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        try Tree.setModificationDate(Self.past, under: site.url("site"))
        let before = Tree.stamps(under: site.url("site"))
        #expect(before.count == Fixture.standardOutput.count)
        #expect(before.values.allSatisfy { $0.modified == Self.past })

        #expect(try site.build().printed == [])
        let after = Tree.stamps(under: site.url("site"))
        #expect(after.keys.sorted() == Fixture.standardOutput)
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed == [])
    }

    @Test("a changed document's page gets a new modification time; the others keep theirs")
    func changedDocumentNewTime() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        try Tree.setModificationDate(Self.past, under: site.url("site"))
        let before = Tree.stamps(under: site.url("site"))
        let oldPage = try #require(site.data("site/lt/projects/skuodas/index.html"))

        // Only the body changes: lists show titles and dates, so only the page itself differs.
        try site.write("content/lt/projects/skuodas.md", Fixture.page(["title: Skuodas", "kind: project", "date: 2018-05-01"],
                                                                      body: "Naujas tekstas.\n"))
        #expect(try site.build().printed == [])
        let after = Tree.stamps(under: site.url("site"))
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed.contains("lt/projects/skuodas/index.html"))
        // Besides the page and its fallback pages in English and Polish (which show its text), only
        // the Lithuanian search index (which holds the text) may change.
        let pages = ["lt", "en", "pl"].map { "\($0)/projects/skuodas/index.html" }
        #expect(changed.filter { !pages.contains($0) && !$0.hasPrefix("lt/search/") } == [])
        #expect(changed.count * 4 < after.count)
        let page = try #require(after["lt/projects/skuodas/index.html"])
        #expect(page.modified > Self.past)
        #expect(site.data("site/lt/projects/skuodas/index.html") != oldPage)
        #expect(site.read("site/lt/projects/skuodas/index.html")?.contains("<p>Naujas tekstas.</p>") == true)

        // A changed bundle image is rewritten too, the other copy of the same bytes is not.
        try site.write("content/lt/projects/utena/photo.png", data: Data(Fixture.photo + [0x00]))
        #expect(try site.build().printed == [])
        let third = Tree.stamps(under: site.url("site"))
        #expect(third["lt/projects/utena/photo.png"]?.modified ?? Self.past > Self.past)
        #expect(third["en/projects/utena-visit/photo.png"] == before["en/projects/utena-visit/photo.png"])
        #expect(site.data("site/lt/projects/utena/photo.png") == Data(Fixture.photo + [0x00]))
    }

    @Test("output files are never hard links to files of content/ or templates/")
    func hardLinksStayInside() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        #expect(try site.build().exitStatus == 0)
        // Hard links are only ever made to the previous output, never to content/ or templates/ files.
        let contentInodes = Set(Tree.stamps(under: site.url("content")).values.map(\.inode))
            .union(Tree.stamps(under: site.url("templates")).values.map(\.inode))
        let outputInodes = Set(Tree.stamps(under: site.url("site")).values.map(\.inode))
        #expect(contentInodes.intersection(outputInodes).isEmpty)
    }

    @Test("a removed document's page disappears from the output; nothing else goes")
    func removedDocument() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        let first = Set(site.files(under: "site"))
        try site.remove("content/lt/projects/skuodas.md")
        #expect(try site.build().printed == [])
        let second = Set(site.files(under: "site"))
        #expect(second.subtracting(first) == [])
        // Gone: the page, its fallback pages, and at most search-index shards that only it filled.
        let gone = first.subtracting(second)
        #expect(gone.contains("lt/projects/skuodas/index.html"))
        let pages = ["lt", "en", "pl"].map { "\($0)/projects/skuodas/index.html" }
        #expect(gone.filter { !pages.contains($0) && !$0.hasPrefix("lt/search/") } == [])
        #expect(!site.exists("site/lt/projects/skuodas"))
        #expect(site.read("site/lt/projects/index.html")?.contains("Skuodas") == false)
        #expect(Self.leftovers(in: site) == [])

        // A removed bundle takes its files with it.
        try site.remove("content/lt/projects/utena")
        try site.write("content/lt/projects/ignalina.md", Fixture.page(["title: Ignalina", "kind: project", "date: 2019-01-31"]))
        #expect(try site.build().printed == [])
        #expect(!site.exists("site/lt/projects/utena"))
        #expect(site.exists("site/en/projects/utena-visit/photo.png"))
    }

    @Test("a file put into the output folder by hand is gone after the next build (the folder is kartu's)")
    func strayFileReplaced() throws {
        let site = try TestSite.standard()
        #expect(try site.build().exitStatus == 0)
        try site.write("site/stray.html", "stray\n")
        #expect(try site.build().exitStatus == 0)
        #expect(!site.exists("site/stray.html"))
        #expect(site.files(under: "site") == Fixture.standardOutput)
    }
}
