import Foundation

/// The first step of a build: `content/site.yaml` and `content/themes.yaml` read and checked, and
/// the base URL decided (`--base-url` over `baseURL`).
struct Configuration: Sendable {
    let site: SiteConfig
    let themes: ThemeCatalog
    /// `/` or the base URL's path (`/guide/`), prefixed to every URL the site writes.
    let basePath: String
    /// The absolute base (`https://example.org/guide/`) when one is known, else the base path.
    let absoluteBase: String

    /// Nil when site.yaml is missing or too broken to build anything (the reason is in `diagnostics`).
    static func read(root: URL, baseURL: String?, diagnostics: inout Diagnostics) -> Configuration? {
        guard let site = SiteConfig.load(text: SourceText.read(SiteConfig.path, in: root, diagnostics: &diagnostics),
                                         diagnostics: &diagnostics)
        else { return nil }
        let themes = ThemeCatalog.load(text: SourceText.read(ThemeCatalog.path, in: root, diagnostics: &diagnostics),
                                       config: site, diagnostics: &diagnostics)
        let bases = bases(from: baseURL ?? site.baseURL)
        return Configuration(site: site, themes: themes, basePath: bases.path, absoluteBase: bases.absolute)
    }

    /// What a base URL may be, in `site.yaml` or `--base-url`: an absolute URL, or a path from `/`.
    static func isBaseURL(_ text: String) -> Bool {
        text.hasPrefix("/") || URL(string: text)?.scheme != nil
    }

    /// Splits a base URL into the path prefix and the absolute form.
    static func bases(from baseURL: String?) -> (path: String, absolute: String) {
        guard let baseURL, !baseURL.isEmpty, isBaseURL(baseURL) else { return ("/", "/") }
        // A bare path (`/guide/`) is allowed: links get the prefix, permalinks stay root-relative.
        if baseURL.hasPrefix("/") {
            let path = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            return (path, path)
        }
        var path = URL(string: baseURL)!.path
        if path.isEmpty || !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        var absolute = baseURL
        if !absolute.hasSuffix("/") { absolute += "/" }
        return (path, absolute)
    }
}
