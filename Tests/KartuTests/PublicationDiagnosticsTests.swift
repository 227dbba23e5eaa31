import Foundation
import Testing
@testable import Kartu

/// Mistakes in a publication's structure, reported by a normal build at the file, line and column to
/// edit, with a hint.
@Suite("Publications: diagnostics")
struct PublicationDiagnosticsTests {
    static let folder = "content/lt/publications/kartu/"
    static let index = folder + "index.md"
    typealias P = PublicationSite

    /// A publication with the given front-matter lines after title and kind, and chapters a, b
    /// and the part praktikos (c, d).
    static func book(_ fields: [String] = [], extra: [String: String] = [:]) -> [String: String] {
        [
            index: Fixture.page(["title: Kartu", "kind: publication"] + fields),
            folder + "a.md": P.chapter("A", ["weight: 1"]),
            folder + "b.md": P.chapter("B", ["weight: 2"]),
            folder + "praktikos/_index.md": Fixture.page(["title: Praktikos", "weight: 3"]),
            folder + "praktikos/c.md": P.chapter("C"),
            folder + "praktikos/d.md": P.chapter("D"),
        ].merging(extra) { _, new in new }
    }

    func check(_ content: [String: String]) throws -> BuildReport {
        try TestSite.small(content).build(write: false)
    }

    @Test("a well-formed publication builds with no diagnostic")
    func clean() throws {
        #expect(try check(Self.book()).printed == [])
        #expect(try check(Self.book(["chapters: [b, praktikos/d, praktikos/c, a]"])).printed == [])
    }

    @Test("a chapters: entry naming no file is an error at the entry, with the closest chapter; that chapter is not reported unlisted")
    func entryNamesNoFile() throws {
        let report = try check(Self.book(["chapters:", "  - a", "  - b", "  - praktikos/c", "  - praktikos/dd.md"]))
        #expect(report.printed == [
            "\(Self.index):8:5: error: no chapter 'praktikos/dd.md' in \(Self.folder)\n    hint: did you mean 'praktikos/d.md'?",
        ])
        #expect(report.exitStatus == 1)
        let far = try check(Self.book(["chapters: [a, b, praktikos/c, praktikos/d, santrauka]"]))
        #expect(far.printed == [
            "\(Self.index):4:44: error: no chapter 'santrauka' in \(Self.folder)\n    hint: list chapter files by their path in the publication's folder, e.g. 'a'",
        ])
    }

    @Test("an entry naming a part, the publication itself, a part's page or a page that is no chapter")
    func entryNamesNoChapter() throws {
        let report = try check(Self.book(["chapters: [a, b, praktikos, index.md, praktikos/_index, pastaba, praktikos/c, praktikos/d]"],
                                          extra: [Self.folder + "pastaba.md": SmallSite.doc("Pastaba", kind: "page")]))
        #expect(report.printed == [
            "\(Self.index):4:18: error: 'praktikos' is a part, not a chapter\n    hint: list its chapters instead: praktikos/c, praktikos/d",
            "\(Self.index):4:29: error: 'index' is the publication's own page, not a chapter\n    hint: remove the entry",
            "\(Self.index):4:39: error: 'praktikos/_index' is the page of a part, not a chapter\n    hint: remove the entry: a part comes where its first chapter is listed",
            "\(Self.index):4:57: error: 'pastaba' is not a chapter (kind: page)\n    hint: set kind: chapter in \(Self.folder)pastaba.md, or remove the entry",
        ])
    }

    @Test("a chapter listed twice is an error at the second entry")
    func listedTwice() throws {
        let report = try check(Self.book(["chapters:", "  - a", "  - b.md", "  - praktikos/c", "  - praktikos/d", "  - ./b"]))
        #expect(report.printed == [
            "\(Self.index):9:5: error: chapter 'b' is listed twice\n    hint: remove this entry: it is already listed on line 6",
        ])
    }

    @Test("with chapters:, a chapter not listed is a warning at its kind, naming the list to add it to")
    func unlisted() throws {
        let report = try check(Self.book(["chapters: [b, a, praktikos/d]"]))
        #expect(report.printed == [
            "\(Self.folder)praktikos/c.md:3:7: warning: chapter 'praktikos/c' is not in the chapters: list of \(Self.index)\n    hint: add 'praktikos/c' to chapters: in \(Self.index); until then it comes after the listed chapters",
        ])
        #expect(report.exitStatus == 0)
    }

    @Test("without chapters:, siblings with one weight are a warning at the later one's weight: chapters, a part and a chapter, chapters of a part")
    func sameWeight() throws {
        let report = try check(Self.book(extra: [
            Self.folder + "aa.md": P.chapter("AA", ["weight: 1"]),
            Self.folder + "ab.md": P.chapter("AB", ["weight: 1"]),
            Self.folder + "e.md": P.chapter("E", ["weight: 3"]),
            Self.folder + "praktikos/c.md": P.chapter("C", ["weight: 5"]),
            Self.folder + "praktikos/d.md": P.chapter("D", ["weight: 5"]),
        ]))
        let hint = "\n    hint: give them distinct weights, or set the order with chapters: in \(Self.index)"
        #expect(report.printed == [
            "\(Self.folder)aa.md:4:9: warning: 'aa' has the same weight (1) as 'a'; they are ordered by title" + hint,
            "\(Self.folder)ab.md:4:9: warning: 'ab' has the same weight (1) as 'a'; they are ordered by title" + hint,
            "\(Self.folder)praktikos/_index.md:3:9: warning: 'praktikos/' has the same weight (3) as 'e'; they are ordered by title" + hint,
            "\(Self.folder)praktikos/d.md:4:9: warning: 'praktikos/d' has the same weight (5) as 'praktikos/c'; they are ordered by title" + hint,
        ])
        // With a list, weights do not matter.
        let listed = try check(Self.book(["chapters: [a, aa, b, praktikos/d, praktikos/c]"], extra: [Self.folder + "aa.md": P.chapter("AA", ["weight: 1"])]))
        #expect(listed.printed == [])
    }

    @Test("a chapter outside a publication's folder is an error at its kind")
    func chapterOutside() throws {
        let report = try check(Self.book(extra: [
            "content/lt/projects/skyrius.md": P.chapter("Skyrius"),
            "content/en/publications/together/intro.md": P.chapter("Intro"),
        ]))
        let hint = "\n    hint: move it into the folder of a publication (beside an index.md with kind: publication), or change its kind"
        #expect(report.printed == [
            "content/en/publications/together/intro.md:3:7: error: a chapter must sit in a publication's folder" + hint,
            "content/lt/projects/skyrius.md:3:7: error: a chapter must sit in a publication's folder" + hint,
        ])
    }

    @Test("a publication inside another is an error at its kind; its own chapters are not reported again")
    func nestedPublication() throws {
        let report = try check(Self.book(extra: [
            Self.folder + "priedai/index.md": Fixture.page(["title: Priedai", "kind: publication"]),
            Self.folder + "priedai/x.md": P.chapter("X"),
            Self.folder + "priedai/gilus/y.md": P.chapter("Y"),
        ]))
        #expect(report.printed == [
            "\(Self.folder)priedai/index.md:3:7: error: a publication cannot sit inside another publication (\(Self.folder))\n    hint: move its folder out of \(Self.folder), or make it a part there: rename index.md to _index.md and remove 'kind'",
        ])
    }

    @Test("a part inside a part is an error: at its _index.md, and at each chapter two folders deep")
    func partTooDeep() throws {
        let report = try check(Self.book(extra: [
            Self.folder + "praktikos/giliau/_index.md": Fixture.page(["title: Giliau"]),
            Self.folder + "praktikos/giliau/e.md": P.chapter("E"),
            Self.folder + "praktikos/giliau/f/index.md": P.chapter("F"),
        ]))
        let chapterHint = "\n    hint: move it into a part (a folder directly in the publication's folder) or beside the publication's index.md: parts do not hold parts"
        #expect(report.printed == [
            "\(Self.folder)praktikos/giliau/_index.md:1:1: error: a part cannot sit inside another part: \(Self.folder) has one level of parts\n    hint: move this folder directly into \(Self.folder)",
            "\(Self.folder)praktikos/giliau/e.md:3:7: error: a chapter may sit at most one folder deep in its publication (\(Self.folder))" + chapterHint,
            "\(Self.folder)praktikos/giliau/f/index.md:3:7: error: a chapter may sit at most one folder deep in its publication (\(Self.folder))" + chapterHint,
        ])
    }

    @Test("a publication that is not a folder's index.md is an error at its kind")
    func publicationNotAFolder() throws {
        let report = try check(["content/lt/publications/knyga.md": Fixture.page(["title: Knyga", "kind: publication"])])
        #expect(report.printed == [
            "content/lt/publications/knyga.md:3:7: error: a publication must be the index.md of its own folder\n    hint: move it to content/lt/publications/knyga/index.md and put its chapters beside it",
        ])
    }

    @Test("kartu check prints every publication problem, gcc-style, and fails")
    func throughTheCLI() throws {
        let site = try TestSite.small(Self.book(["chapters: [a, a, b, praktikos/c, praktikos/d]"], extra: [
            "content/lt/projects/skyrius.md": P.chapter("Skyrius"),
        ]))
        let result = try site.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderrLines.prefix(4) == [
            "content/lt/projects/skyrius.md:3:7: error: a chapter must sit in a publication's folder",
            "    hint: move it into the folder of a publication (beside an index.md with kind: publication), or change its kind",
            "\(Self.index):4:15: error: chapter 'a' is listed twice",
            "    hint: remove this entry: it is already listed on line 4",
        ])
    }
}
