import Foundation

/// The theme, read and checked in one step: the Mustache templates, the UI strings of every
/// language, the static assets and the e-books' stylesheet, from the built-in theme and the site's
/// `templates/` over it (see `ThemeFiles`).
struct TemplateFolder: Sendable {
    /// Nil when a template is broken or missing (the reason is in the diagnostics): no page can be
    /// rendered then, but content is still checked, so that one build reports every problem.
    let templates: TemplateSet?
    let strings: UIStrings
    /// Files of the theme's `assets/`, relative to it, sorted: copied to `site/assets/`, and valid
    /// targets of `/assets/…` links in Markdown.
    let assets: [String]
    /// Where every theme file comes from (the assets are copied from there).
    let files: ThemeFiles?
    /// `templates/epub.css` when the theme styles its e-books itself, else nil (kartu's default).
    let epubStylesheet: String?

    /// The assets' place among the files of `templates/`.
    static let assetsPrefix = "assets/"
    static let epubStylesheetPath = "templates/epub.css"

    static func load(root: URL, config: SiteConfig, diagnostics: inout Diagnostics) -> TemplateFolder {
        let files = ThemeFiles.load(root: root, builtIn: config.builtInTheme, diagnostics: &diagnostics)
        let strings = UIStrings.load(files: files, root: root, config: config, diagnostics: &diagnostics)
        let keys = Set(strings.flat.values.flatMap(\.keys))
        let templates = files.flatMap {
            TemplateSet.load(root: root, files: $0, uiStringKeys: keys.isEmpty ? nil : keys, diagnostics: &diagnostics)
        }
        let assets = (files?.paths ?? []).filter { $0.hasPrefix(assetsPrefix) }.map { String($0.dropFirst(assetsPrefix.count)) }
        let stylesheet = SourceText.read(epubStylesheetPath, in: root, what: "stylesheet", diagnostics: &diagnostics)
        return TemplateFolder(templates: templates, strings: strings, assets: assets, files: files, epubStylesheet: stylesheet)
    }
}
