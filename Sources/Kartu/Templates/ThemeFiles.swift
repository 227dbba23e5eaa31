import Foundation

/// The files of the theme a site builds with: the built-in theme with the site's `templates/` over
/// it (a file of the site replaces the built-in file of the same path), or `templates/` alone when
/// `site.yaml` says `builtInTheme: false`.
struct ThemeFiles: Sendable {
    enum Source: Sendable {
        /// A file of the site's `templates/`.
        case site
        case builtIn(Data)
    }

    /// Path relative to the theme → where its bytes are.
    let sources: [String: Source]
    /// Every path, sorted.
    let paths: [String]
    /// Whether the built-in theme is under the site's files.
    let builtIn: Bool

    static let folder = "templates"

    /// Nil with an error when the site needs a `templates/` folder (no built-in theme) and has none.
    static func load(root: URL, builtIn: Bool, diagnostics: inout Diagnostics) -> ThemeFiles? {
        var sources: [String: Source] = [:]
        if builtIn {
            for (path, data) in BuiltInTheme.files { sources[path] = .builtIn(data) }
        }
        let folder = root.appendingPathComponent(Self.folder)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue {
            for path in SiteFile.files(under: folder.path, shownAs: Self.folder, diagnostics: &diagnostics) { sources[path] = .site }
        } else if !builtIn {
            diagnostics.append(Diagnostic(.error, "templates folder not found", file: Self.folder,
                                          hint: "create templates/ with \(TemplateSet.required.map { $0 + ".mustache" }.joined(separator: ", ")), "
                                            + "or remove builtInTheme: false from content/site.yaml to build with the built-in theme"))
            return nil
        }
        return ThemeFiles(sources: sources, paths: sources.keys.sorted(), builtIn: builtIn)
    }

    /// The name of a theme file in messages: `templates/x` for the site's, marked for a built-in one.
    func shown(_ path: String) -> String {
        if case .builtIn = sources[path] { return BuiltInTheme.shown(path) }
        return Self.folder + "/" + path
    }

    /// The text of a theme file; nil when there is none. A site file that cannot be read or decoded
    /// is an error at it, and its text is empty.
    func text(_ path: String, in root: URL, what: String, diagnostics: inout Diagnostics) -> String? {
        switch sources[path] {
        case nil: return nil
        case .site: return SourceText.read(Self.folder + "/" + path, in: root, what: what, diagnostics: &diagnostics)
        case .builtIn(let data): return SourceText.text(of: data, file: shown(path), what: what, diagnostics: &diagnostics)
        }
    }

    /// The site's own version of a file only (its UI strings merge over the built-in ones key by key).
    func siteText(_ path: String, in root: URL, what: String, diagnostics: inout Diagnostics) -> String? {
        guard case .site = sources[path] else { return nil }
        return SourceText.read(Self.folder + "/" + path, in: root, what: what, diagnostics: &diagnostics)
    }
}
