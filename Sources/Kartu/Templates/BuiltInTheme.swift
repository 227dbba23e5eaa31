import Foundation

/// The default theme, compiled into kartu: the repository's `default-theme/` (templates, partials,
/// assets, UI strings in lt, en, lv, et and pl, and the archetypes of `kartu new`), embedded as
/// source by the EmbedFiles build plugin so that the binary alone is enough to build a site.
public enum BuiltInTheme {
    /// Path relative to the theme (`partials/header.mustache`) → its bytes. Decoded on first use.
    public static let files: [String: Data] = decode(EmbeddedFiles.defaultTheme)

    /// Every path, sorted.
    public static var paths: [String] { files.keys.sorted() }

    /// How a built-in file is named in messages: there is no such file in the site to open.
    static func shown(_ path: String) -> String { "(built-in theme) " + path }

    static func decode(_ table: [(path: String, base64: String)]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: table.map { ($0.path, Data(base64Encoded: $0.base64)!) })
    }
}

/// What `kartu init` writes besides site.yaml: the starter themes, each language's home text, a
/// section and a sample document (the repository's `starter/`, embedded like the theme).
enum StarterSite {
    static let files: [String: Data] = BuiltInTheme.decode(EmbeddedFiles.starter)
}
