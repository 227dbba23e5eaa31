import Foundation
import Testing
@testable import Kartu

/// `kartu serve`'s rebuilds: whatever sequence of edits an editor makes, the served site is what a
/// fresh `kartu build` of the same files writes, byte for byte, with the same diagnostics; and the
/// edits that can be redone in place are (so the property is not met by building everything).
@Suite("kartu serve: rebuilds after edits")
struct LiveSiteTests {
    /// A small generator with a seed, so a failing sequence can be replayed (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// An editor at work on the standard site: each edit changes files and names those it touched,
    /// as the file watcher reports them.
    final class Editor {
        let site: TestSite
        var random: Seeded
        var counter = 0
        /// Files broken on purpose, with the text to restore.
        var broken: [String: String] = [:]
        /// Pages this editor added: only these are deleted or renamed (the standard site's pages link
        /// to each other, and a link to a removed page is an error until it is fixed).
        var added: [String] = []
        /// The document being worked on.
        var current: String?
        static let words = ["Alytus", "Birštonas", "Zarasai", "Łódź", "ąžuolas", "Ėriškiai", "apple", "Zebra", "Mokykla", "Šilutė"]

        init(site: TestSite, seed: UInt64) {
            self.site = site
            random = Seeded(state: seed)
        }

        /// Document pages (not homes, lists or theme texts), sorted.
        var pages: [String] {
            site.files(under: "content").map { "content/" + $0 }.filter { path in
                let name = (path as NSString).lastPathComponent
                return path.hasSuffix(".md") && name != "_index.md" && !(name == "index.md" && path.split(separator: "/").count == 3)
                    && !path.contains("/themes/") && broken[path] == nil
            }.sorted()
        }

        func word() -> String { Self.words.randomElement(using: &random)! }

        /// Sets `key: value` in the front matter of `path` (nil: removes the field).
        func set(_ key: String, _ value: String?, in path: String) throws -> Set<String> {
            let text = try #require(site.read(path))
            var lines = text.components(separatedBy: "\n")
            let close = try #require(lines.indices.dropFirst().first { lines[$0] == "---" })
            if let at = lines[1..<close].firstIndex(where: { $0.hasPrefix(key + ":") }) {
                if let value { lines[at] = "\(key): \(value)" } else { lines.remove(at: at) }
            } else if let value {
                lines.insert("\(key): \(value)", at: close)
            }
            try site.write(path, lines.joined(separator: "\n"))
            return [path]
        }

        func append(_ text: String, to path: String) throws -> Set<String> {
            try site.write(path, try #require(site.read(path)) + text)
            return [path]
        }

        /// A page's link from elsewhere: `/lt/projects/jonava.md`.
        func link(to path: String) -> String { "/" + path.dropFirst("content/".count) }

        /// One random edit: what it did, and the paths it touched.
        func edit() throws -> (String, Set<String>) {
            counter += 1
            if let (path, text) = broken.first, Bool.random(using: &random) {
                broken[path] = nil
                try site.write(path, text)
                return ("fix \(path)", [path])
            }
            let pages = self.pages
            // An editor mostly keeps working on one document (a link, then its title…), sometimes moves on.
            let path = current.flatMap { pages.contains($0) && Int.random(in: 0..<10, using: &random) < 7 ? $0 : nil }
                ?? pages.randomElement(using: &random)!
            current = path
            let language = String(path.split(separator: "/")[1])
            // Edits redone in place come more often (a link, then a title: what chains of them must keep right).
            switch Int.random(in: 0..<20, using: &random) {
            case 0, 1, 16, 17:
                // A new title, or a typo fixed at the end of the old one (which keeps its place in lists).
                let old = try #require(site.read(path)).components(separatedBy: "\n").first { $0.hasPrefix("title:") }
                let kept = old.map { $0.dropFirst("title:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""]) }
                let title = "\"" + (Bool.random(using: &random) ? "\(kept ?? word())s" : "\(word()) \(counter)") + "\""
                return ("title of \(path) → \(title)", try set("title", title, in: path))
            case 2:
                return ("summary of \(path)", try set("summary", "\"\(word()) \(word())\"", in: path))
            case 3:
                let date = "20\(Int.random(in: 15...21, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(counter % 10)"
                return ("date of \(path) → \(date)", try set("date", date, in: path))
            case 4:
                let themes = ["[reflection]", "[collaboration]", "[reflection, collaboration]", "[]"].randomElement(using: &random)!
                return ("themes of \(path) → \(themes)", try set("themes", themes, in: path))
            case 5, 6:
                return ("text of \(path)", try append("\n\(word()) \(word()) \(counter).\n", to: path))
            case 7, 18, 19:
                let target = pages.filter { !added.contains($0) }.randomElement(using: &random)!
                return ("link \(path) → \(target)", try append("\nSee [\(word())](\(link(to: target))).\n", to: path))
            case 8:
                return ("heading in \(path)", try append("\n## \(word()) \(counter)\n\nText.\n", to: path))
            case 9:
                let new = "content/\(language)/projects/new-\(counter).md"
                try site.write(new, "---\ntitle: \"\(word()) \(counter)\"\nkind: project\ndate: 2019-0\(counter % 9 + 1)-01\n---\nNew.\n")
                added.append(new)
                return ("add \(new)", [new])
            case 10:
                guard let path = added.filter({ broken[$0] == nil }).randomElement(using: &random) else { return try edit() }
                added.removeAll { $0 == path }
                try site.remove(path)
                return ("delete \(path)", [path])
            case 11:
                // A translation: the same key on the page and on a new document of another language.
                let other = ["lt", "en", "pl"].filter { $0 != language }.randomElement(using: &random)!
                let key = "key-\(counter)"
                let new = "content/\(other)/projects/translation-\(counter).md"
                var touched = try set("translationKey", key, in: path)
                try site.write(new, "---\ntitle: \"\(word())\"\nkind: project\ntranslationKey: \(key)\n---\nTranslated.\n")
                added.append(new)
                touched.insert(new)
                return ("translate \(path) as \(new)", touched)
            case 12:
                guard let path = added.filter({ broken[$0] == nil }).randomElement(using: &random) else { return try edit() }
                let new = (path as NSString).deletingLastPathComponent + "/renamed-\(counter).md"
                added.removeAll { $0 == path }
                added.append(new)
                try FileManager.default.moveItem(at: site.url(path), to: site.url(new))
                return ("rename \(path) → \(new)", [path, new])
            case 13:
                // Broken front matter, or a link to nothing typed into the text.
                let text = try #require(site.read(path))
                broken[path] = text
                if Bool.random(using: &random) {
                    try site.write(path, "---\ntitle: [unclosed\nkind: project\n---\nBroken.\n")
                    return ("break the front matter of \(path)", [path])
                }
                try site.write(path, text + "\n[\(word())](missing-\(counter).md)\n")
                return ("break a link in \(path)", [path])
            case 14:
                let template = "templates/partials/footer.mustache"
                try site.write(template, try site.themeFile("partials/footer.mustache") + "<!-- \(counter) -->\n")
                return ("edit \(template)", [template])
            default:
                let strings = "templates/i18n/\(language).yaml"
                let text = try site.themeFile("i18n/\(language).yaml")
                let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("sections:") })
                try site.write(strings, text.replacingOccurrences(of: line, with: "sections: \"\(word()) \(counter)\""))
                return ("UI string in \(strings)", [strings])
            }
        }
    }

    static func options(_ site: TestSite, output: String) -> BuildOptions {
        BuildOptions(root: site.root, output: site.url(output), baseURL: "http://127.0.0.1:1313/")
    }

    @Test("after every edit of a random sequence, the served site and diagnostics are a fresh build's", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func neverStale(seed: UInt64) throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.write("content/site.yaml", try #require(site.read("content/site.yaml")) + "paginate: 2\n")
        let live = LiveSite(options: Self.options(site, output: "served"))
        #expect(try live.build().report.errorCount == 0)
        let editor = Editor(site: site, seed: seed)
        var lastGood = Tree.contents(under: site.url("served"))
        var inPlace = 0
        for step in 1...40 {
            let (edit, touched) = try editor.edit()
            let outcome = try live.build(after: touched)
            let fresh = try SiteBuilder(options: Self.options(site, output: "fresh")).run()
            let context = Comment(rawValue: "seed \(seed), step \(step): \(edit)")
            #expect(outcome.report.diagnostics == fresh.diagnostics, context)
            let served = Tree.contents(under: site.url("served"))
            if fresh.errorCount == 0 {
                #expect(Tree.differences(served, Tree.contents(under: site.url("fresh"))) == [], context)
                lastGood = served
            } else {
                #expect(Tree.differences(served, lastGood) == [], context)
            }
            if outcome.changedFiles != nil { inPlace += 1 }
        }
        // Negative control: the in-place path ran, so the property is not met by whole builds alone.
        #expect(inPlace >= 4)
    }

    /// A live site of the standard site, built once, with a fresh build to compare with after an edit.
    static func built() throws -> (TestSite, LiveSite) {
        let site = try TestSite.standard(repoTemplates: true)
        let live = LiveSite(options: options(site, output: "served"))
        #expect(try live.build().report.errorCount == 0)
        return (site, live)
    }

    /// The served site is a fresh build's, byte for byte.
    static func expectFresh(_ site: TestSite, _ outcome: LiveSite.Outcome) throws {
        let fresh = try SiteBuilder(options: options(site, output: "fresh")).run()
        #expect(outcome.report.diagnostics == fresh.diagnostics)
        #expect(Tree.differences(Tree.contents(under: site.url("served")), Tree.contents(under: site.url("fresh"))) == [])
    }

    @Test("a title edit that keeps the document's place: its page, its translation's and every list showing its card, in place")
    func titleInPlace() throws {
        let (site, live) = try Self.built()
        let path = "content/lt/projects/ignalina.md"
        try site.write(path, try #require(site.read(path)).replacingOccurrences(of: "title: Ignalina", with: "title: Ignalinas"))
        let outcome = try live.build(after: [path])
        let changed = try #require(outcome.changedFiles, "built in place")
        // Skuodas names Ignalina in its section's column beside the text.
        for page in ["lt/projects/ignalina/index.html", "en/projects/ignalina-en/index.html", "lt/projects/index.html",
                     "lt/themes/reflection/index.html", "lt/municipality/ignalina/index.html", "lt/index.html", "lt/feed.xml",
                     "lt/projects/skuodas/index.html"] {
            #expect(changed.contains(page), "\(page)")
        }
        #expect(!changed.contains("lt/themes/index.html"))
        #expect(outcome.editedPages == ["/lt/projects/ignalina/"])
        try Self.expectFresh(site, outcome)
    }

    @Test("a link added to a text: the linked page's 'referenced by' changes in place; removed again, it goes")
    func backlinkInPlace() throws {
        let (site, live) = try Self.built()
        let path = "content/lt/projects/skuodas.md"
        let original = try #require(site.read(path))
        try site.write(path, original + "\nŽr. [Jonava](/lt/projects/jonava.md).\n")
        let outcome = try live.build(after: [path])
        #expect(outcome.changedFiles?.contains("lt/projects/jonava/index.html") == true)
        #expect(outcome.changedFiles?.contains("lt/projects/skuodas/index.html") == true)
        #expect(try #require(site.read("served/lt/projects/jonava/index.html")).contains("/lt/projects/skuodas/"))
        try Self.expectFresh(site, outcome)
        try site.write(path, original)
        let again = try live.build(after: [path])
        #expect(again.changedFiles?.contains("lt/projects/jonava/index.html") == true)
        try Self.expectFresh(site, again)
    }

    @Test("a link added in place, then the linking document's title edited in place: the linked page shows the new title")
    func cardsFollowNewLinks() throws {
        let (site, live) = try Self.built()
        let path = "content/lt/projects/skuodas.md"
        try site.write(path, try #require(site.read(path)) + "\nŽr. [Jonava](/lt/projects/jonava.md).\n")
        #expect(try live.build(after: [path]).changedFiles != nil)
        try site.write(path, try #require(site.read(path)).replacingOccurrences(of: "title: Skuodas", with: "title: Skuodass"))
        let outcome = try live.build(after: [path])
        #expect(outcome.changedFiles?.contains("lt/projects/jonava/index.html") == true)
        try Self.expectFresh(site, outcome)
    }

    @Test("a broken link while editing: the error named as a fresh build names it, nothing written while it stands; fixed, in place, with what was edited meanwhile")
    func brokenLink() throws {
        let (site, live) = try Self.built()
        let before = Tree.contents(under: site.url("served"))
        let path = "content/lt/projects/skuodas.md"
        let original = try #require(site.read(path))
        try site.write(path, original + "\n[Nėra](nera.md)\n")
        let broken = try live.build(after: [path])
        #expect(broken.report.errorCount == 1)
        #expect(broken.report.diagnostics.first?.file == path)
        #expect(Tree.differences(Tree.contents(under: site.url("served")), before) == [])
        // Another document edited while the error stands: still nothing written...
        let jonava = "content/lt/projects/jonava.md"
        try site.write(jonava, try #require(site.read(jonava)) + "\nNauja pastraipa.\n")
        let still = try live.build(after: [jonava])
        #expect(still.report.errorCount == 1)
        #expect(Tree.differences(Tree.contents(under: site.url("served")), before) == [])
        // ...and written, with the fix, by the first build without errors.
        try site.write(path, original + "\nPataisyta.\n")
        let fixed = try live.build(after: [path])
        #expect(fixed.report.errorCount == 0)
        #expect(fixed.changedFiles != nil, "built in place")
        try Self.expectFresh(site, fixed)
    }

    @Test("an editor's swap or temporary file, even after a build with errors: nothing built")
    func ignoredFiles() throws {
        let (site, live) = try Self.built()
        try site.write("content/lt/projects/jonava.md", "---\ntitle: [broken\n---\n")
        let broken = try live.build(after: ["content/lt/projects/jonava.md"]).report.diagnostics
        #expect(broken.contains { $0.severity == .error })
        try site.write("content/lt/projects/.jonava.md.swp", "x")
        let outcome = try live.build(after: ["content/lt/projects/.jonava.md.swp", "content/lt/.git-temp/x"])
        #expect(outcome.skipped)
        #expect(outcome.report.diagnostics == broken, "the errors still stand")
        #expect(try live.build(after: ["templates/assets/.hidden"]).skipped == false, "hidden files of templates/ are read")
    }

    @Test("what is built whole: a title that moves the document, a date, a new file, a template, site.yaml")
    func wholeBuilds() throws {
        let (site, live) = try Self.built()
        let path = "content/lt/projects/ignalina.md"
        let edits: [(String, () throws -> Set<String>)] = [
            ("title moving it", {
                try site.write(path, try #require(site.read(path)).replacingOccurrences(of: "title: Ignalina", with: "title: Zarasai"))
                return [path]
            }),
            ("date", {
                try site.write(path, try #require(site.read(path)).replacingOccurrences(of: "date: 2019-01-31", with: "date: 2019-02-01"))
                return [path]
            }),
            ("new file", {
                try site.write("content/lt/projects/nauja.md", "---\ntitle: Nauja\nkind: project\n---\nTekstas.\n")
                return ["content/lt/projects/nauja.md"]
            }),
            ("template", {
                try site.write("templates/partials/footer.mustache", try site.themeFile("partials/footer.mustache") + "\n")
                return ["templates/partials/footer.mustache"]
            }),
            ("site.yaml", {
                try site.write("content/site.yaml", try #require(site.read("content/site.yaml")) + "paginate: 3\n")
                return ["content/site.yaml"]
            }),
        ]
        for (name, edit) in edits {
            let outcome = try live.build(after: try edit())
            #expect(outcome.changedFiles == nil, "\(name)")
            try Self.expectFresh(site, outcome)
        }
    }

    @Test("which changed paths need what: editors' temporary files nothing, documents their own check, the rest everything")
    func classification() throws {
        let site = try TestSite.standard(repoTemplates: true)
        for n in 0...SourceChange.documentLimit { try site.write("content/en/projects/p\(n).md", "---\ntitle: P\(n)\nkind: project\n---\n") }
        let assembled = try #require(SiteBuilder(options: Self.options(site, output: "served")).assemble(root: site.root).site)
        func classify(_ paths: Set<String>) -> SourceChange { SourceChange.classify(paths, site: assembled, root: site.root) }
        let index = { (path: String) in assembled.model.documents.firstIndex { $0.sourcePath == path }! }
        #expect(classify(["content/lt/projects/.jonava.md.swp", "content/lt/projects/jonava.md~gone", "other/x"]) == .nothing)
        #expect(classify(["content/lt/projects/jonava.md", "content/lt/projects/.#jonava.md"])
                == .documents([index("content/lt/projects/jonava.md")]))
        try site.write("content/lt/projects/kitas.md", "---\ntitle: Kitas\n---\n")
        #expect(classify(["content/lt/projects/kitas.md"]) == .everything("content/lt/projects/kitas.md changed"))
        #expect(classify(["templates/home.mustache"]) == .everything("templates/home.mustache changed"))
        #expect(classify(["templates/assets/.well-known/x"]) == .everything("templates/assets/.well-known/x changed"), "hidden assets are copied")
        #expect(classify(["content/site.yaml"]) == .everything("content/site.yaml changed"))
        #expect(classify(["content/lt/projects/utena/photo.png"]) == .everything("content/lt/projects/utena/photo.png changed"))
        #expect(classify(["content/lt/projects/utena"]) == .everything("content/lt/projects/utena changed"))
        try site.remove("content/lt/projects/utena/photo.png")
        #expect(classify(["content/lt/projects/utena/photo.png"]) == .everything("content/lt/projects/utena/photo.png was removed"))
        let many = Set((0...SourceChange.documentLimit).map { "content/en/projects/p\($0).md" })
        #expect(classify(many) == .everything("\(SourceChange.documentLimit + 1) documents changed"))
    }

    @Test("which front-matter edits are redone in place, and what they reach")
    func documentEdits() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let assembled = try #require(SiteBuilder(options: Self.options(site, output: "served")).assemble(root: site.root).site)
        let path = "content/lt/projects/ignalina.md"
        let i = try #require(assembled.model.documents.firstIndex { $0.sourcePath == path })
        let original = try #require(site.read(path))
        func edit(_ from: String, _ to: String) throws -> DocumentEdit? {
            try site.write(path, original.replacingOccurrences(of: from, with: to))
            let edited = try #require(assembled.loader.reread(path)?.0)
            return DocumentEdit(i, previous: assembled.model.documents[i], edited: edited, publications: assembled.model.publications)
        }
        #expect(try edit("Ignalinos aprašymas.", "Kitas aprašymas.") == DocumentEdit(document: i, card: false, pages: [i]))
        #expect(try edit("title: Ignalina", "title: Ignalinas")?.card == true)
        #expect(try edit("summary: \"Ignalinos projektas\"", "summary: \"Kitas\"")?.card == true)
        #expect(try edit("kind: project", "kind: project\nauthors: [Ona]") == nil, "a new line moves the body: diagnostics move")
        #expect(try edit("date: 2019-01-31", "date: 2019-02-01") == nil)
        #expect(try edit("themes: [reflection]", "themes: [collaboration]") == nil)
        #expect(try edit("municipality: Ignalina", "municipality: Utena") == nil)
        #expect(try edit("translationKey: ignalina", "translationKey: kitas") == nil)
    }
}
