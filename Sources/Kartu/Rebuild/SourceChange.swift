import Foundation

/// What a set of changed files means for the next build of `kartu serve`: nothing (a removed
/// temporary file), the text of known documents, or something that needs everything built again.
enum SourceChange: Equatable {
    /// No file a build reads: an editor's temporary file, created and gone again.
    case nothing
    /// These documents (by index) changed on disk and may have had only their text edited.
    case documents([Int])
    /// Anything else, e.g. `site.yaml`, a template, a new or removed file: the whole site is built.
    case everything(String)

    /// A path no build reads: a hidden file or folder in `content/` (an editor's swap or temporary
    /// file), or anything outside `content/` and `templates/`.
    static func isIgnored(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        if parts.first == "templates" { return false }
        return parts.first != "content" || parts.contains { $0.hasPrefix(".") }
    }

    /// More documents than this in one change are built whole: a `git checkout`, not an edit.
    static let documentLimit = 20

    /// `paths` relative to the site root, against the site of the last build.
    static func classify(_ paths: Set<String>, site: AssembledSite, root: URL) -> SourceChange {
        let documents = Dictionary(site.model.documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
        let resources = Set(site.content.resources.map(\.sourcePath))
        return classify(paths, documents: documents, resources: resources, folders: folders(of: Array(documents.keys) + resources),
                        content: site.content, root: root)
    }

    /// Every folder holding one of `paths` (site-relative), up to `content`.
    static func folders(of paths: [String]) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        return folders
    }

    /// The same, with the last build's documents by source path, its resources' source paths and the
    /// folders holding them (`kartu serve` keeps them: making them for each change took longer than the change).
    static func classify(_ paths: Set<String>, documents bySource: [String: Int], resources: Set<String>, folders: Set<String>,
                         content: ContentLoader.Content, root: URL) -> SourceChange {
        var documents: [Int] = []
        for path in paths.sorted() {
            // Everything under templates/ is read, hidden files too (an asset may be one).
            if path.hasPrefix("templates/") || path == "templates" { return .everything("\(path) changed") }
            if isIgnored(path) { continue }
            if let i = bySource[path] {
                documents.append(i)
                continue
            }
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
            if exists || resources.contains(path) || content.unpublished.contains(path) || content.fileProblems[path] != nil {
                return .everything("\(path) \(exists ? "changed" : "was removed")")
            }
            // A folder that held documents or files, removed or renamed.
            if folders.contains(path) { return .everything("\(path) was removed") }
            // Else a name that was not there at the last build and is gone again: an editor's temporary file.
        }
        if documents.isEmpty { return .nothing }
        if documents.count > documentLimit { return .everything("\(documents.count) documents changed") }
        return .documents(documents)
    }
}
