#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// A Markdown file's bytes read as `kartu build` reads a file of `content/`: decoding, the
/// front-matter split, YAML (with the classifier that turns libyaml's errors into the editor's
/// mistake), the schema of each kind of page. Every diagnostic must be in that file, at a line it
/// has and a column within the line, with a non-empty message; a file that is not read must say why.
enum FrontMatterTarget {
    /// A two-language site with themes: enough for every field the schema knows to be checked.
    static let loader: ContentLoader = {
        var diagnostics = Diagnostics()
        let site = SiteConfig.load(text: """
            title: {lt: Kartu, en: Kartu}
            defaultLanguage: lt
            languages:
              - {code: lt, name: Lietuvių, locale: lt-LT}
              - {code: en, name: English, locale: en-GB}
            """, diagnostics: &diagnostics)!
        let themes = ThemeCatalog.load(text: """
            leadership: {lt: Lyderystė, en: Leadership}
            collaboration: {lt: Bendradarbiavimas, en: Collaboration}
            """, config: site, diagnostics: &diagnostics)
        precondition(!diagnostics.hasErrors, "the fuzz site's configuration: \(diagnostics.sorted)")
        return ContentLoader(root: URL(fileURLWithPath: "/nonexistent-fuzz-site"), config: site, themes: themes, workers: Workers(count: 1))
    }()

    /// One path per role a file can have (a page, a section's list page, a theme's description, a home).
    static let paths = ["content/en/projects/fuzz.md", "content/lt/projects/_index.md", "content/en/themes/leadership.md", "content/lt/index.md"]

    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let path = paths[bytes.count % paths.count]
        let (document, diagnostics) = loader.parse(Data(bytes), sourcePath: path)
        let lines = lineLengths(bytes)
        for diagnostic in diagnostics.items { try requireLocated(diagnostic, in: [path: lines], "front matter of \(path)") }
        try require(document != nil || diagnostics.hasErrors, "\(path) was left out without an error")
        if let document { try require(document.bodyLineOffset >= 2 && document.bodyLineOffset <= lines.count, "body after line \(document.bodyLineOffset)") }
    }
}
#endif
