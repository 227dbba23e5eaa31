import Foundation

/// `kartu theme eject [--all | FILE…]`: copies files of the built-in theme into the site's
/// `templates/`, where they replace the built-in ones and can be edited. A file already there is
/// kept as it is; `kartu theme list` shows which files the site has made its own.
public enum ThemeEjection {
    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case copied
        /// The site has its own already: not overwritten.
        case kept
    }

    /// `names` as written by the user (`partials/footer.mustache`, also with `templates/` before it),
    /// or every built-in file with `all`. Throws a usage problem: no name, or one the theme lacks.
    public static func eject(_ names: [String], all: Bool, root: URL) throws(Diagnostic) -> [(path: String, outcome: Outcome)] {
        let known = BuiltInTheme.paths
        let paths: [String]
        if all {
            paths = known
        } else {
            guard !names.isEmpty else {
                throw Diagnostic(.error, "no file named", hint: "name the files to copy (kartu theme list shows them), or pass --all")
            }
            paths = try names.map { name throws(Diagnostic) in
                var path = name
                for prefix in ["./", ThemeFiles.folder + "/", "default-theme/"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
                guard BuiltInTheme.files[path] != nil else {
                    throw Diagnostic(.error, "the built-in theme has no file '\(name)'",
                                     hint: Suggestion.closestPath(to: path, in: known).map { "did you mean '\($0)'?" } ?? "kartu theme list shows its files")
                }
                return path
            }
        }
        return try paths.map { path throws(Diagnostic) in
            let shown = ThemeFiles.folder + "/" + path
            return (shown, try NewFile.write(BuiltInTheme.files[path]!, to: shown, in: root) ? .copied : .kept)
        }
    }

    /// Every built-in file, and whether the site's `templates/` has its own.
    public static func list(root: URL) -> [(path: String, overridden: Bool)] {
        BuiltInTheme.paths.map { ($0, FileManager.default.fileExists(atPath: root.appendingPathComponent(ThemeFiles.folder + "/" + $0).path)) }
    }
}
