import Foundation

/// The `templates/` folder, read and checked in one step: the Mustache templates, the UI strings
/// of every language, the static assets and the e-books' stylesheet.
struct TemplateFolder: Sendable {
    /// Nil when a template is broken or missing (the reason is in the diagnostics): no page can be
    /// rendered then, but content is still checked, so that one build reports every problem.
    let templates: TemplateSet?
    let strings: UIStrings
    /// Files of `templates/assets/`, relative to it, sorted: copied to `site/assets/`, and valid
    /// targets of `/assets/…` links in Markdown.
    let assets: [String]
    /// `templates/epub.css` when the theme styles its e-books itself, else nil (kartu's default).
    let epubStylesheet: String?

    static let assetsFolder = "templates/assets"
    /// The assets' place among the files of `templates/`.
    static let assetsPrefix = "assets/"
    static let epubStylesheetPath = "templates/epub.css"

    static func load(root: URL, config: SiteConfig, diagnostics: inout Diagnostics) -> TemplateFolder {
        let strings = UIStrings.load(root: root, config: config, diagnostics: &diagnostics)
        let files = TemplateSet.folderFiles(root: root, diagnostics: &diagnostics)
        let keys = Set(strings.flat.values.flatMap(\.keys))
        let templates = files.flatMap {
            TemplateSet.load(root: root, files: $0, uiStringKeys: keys.isEmpty ? nil : keys, diagnostics: &diagnostics)
        }
        let assets = (files ?? []).filter { $0.hasPrefix(assetsPrefix) }.map { String($0.dropFirst(assetsPrefix.count)) }
        let stylesheet = SourceText.read(epubStylesheetPath, in: root, what: "stylesheet", diagnostics: &diagnostics)
        return TemplateFolder(templates: templates, strings: strings, assets: assets, epubStylesheet: stylesheet)
    }
}
