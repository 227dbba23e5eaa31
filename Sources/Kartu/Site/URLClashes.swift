/// Pages (or a page and a file) written to the same place: part of the pages step, which knows
/// every page and file the site will have.
enum URLClashes {
    /// The diagnostic goes to the content file or folder involved, once, naming what else is written
    /// there. Clashes between two content files were already reported when URLs were assigned.
    static func check(_ plans: [PagePlan], resources: [Resource], generated: [String] = [], diagnostics: inout Diagnostics) {
        var owners: [String: [String]] = [:]
        var order: [String] = []
        let outputs = plans.map { ($0.outputPath, $0.origin) } + resources.map { ($0.outputPath, $0.sourcePath) }
            + generated.map { ($0, "a file kartu generates") }
        for (path, origin) in outputs {
            if owners[path] == nil { order.append(path) }
            owners[path, default: []].append(origin)
        }
        var rivalsByFile: [String: [(path: String, rival: String)]] = [:]
        for path in order {
            let origins = owners[path]!
            guard origins.count > 1 else { continue }
            let files = origins.filter { $0.hasPrefix("content/") }
            let generated = origins.filter { !$0.hasPrefix("content/") }
            // Only one content origin in the clash, or a content folder's list page among files: report at each content origin.
            guard !generated.isEmpty || files.contains(where: { $0.hasSuffix("/") }) else { continue }
            for file in files {
                for rival in origins where rival != file {
                    rivalsByFile[file, default: []].append((path, rival))
                }
            }
        }
        // A folder's list page clashes only because of what is in it: when a file in the folder is
        // reported, the folder is not reported again.
        let reported = rivalsByFile.keys.filter { file in
            !file.hasSuffix("/") || !rivalsByFile.keys.contains { $0 != file && $0.hasPrefix(file) }
        }
        for file in reported.sorted() {
            let clashes = Dictionary(grouping: rivalsByFile[file]!, by: \.path).sorted { $0.key < $1.key }
            let what = clashes.map { path, rivals in
                "/\(path), where kartu also writes " + rivals.map { $0.rival.hasPrefix("content/") ? "'\($0.rival)'" : $0.rival }.joined(separator: " and ")
            }
            let message = "'\(file)' is published at \(what.joined(separator: "; and at "))"
            // A folder has no line to point at; a file is named at its start, where its front matter begins.
            diagnostics.append(file.hasSuffix("/")
                ? Diagnostic(.error, message, file: String(file.dropLast()), hint: "rename the folder: kartu generates pages under this name")
                : .error(message, at: SourceLocation(file: file), hint: "rename the file or folder, or give it another 'slug'"))
        }
    }
}
