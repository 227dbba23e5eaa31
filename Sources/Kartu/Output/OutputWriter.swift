import Foundation

/// Writes the finished site. Everything is first written to a fresh folder beside the output and
/// swapped in only when complete, so a build that fails half-way leaves the previous site as it was.
struct OutputWriter {
    let output: URL

    /// Refuses outputs that would overwrite the user's sources or the whole disk.
    static func validate(output: URL, root: URL) throws(UsageError) {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [rootPath + "/content", rootPath + "/templates"]
        if out == "/" || out == rootPath || rootPath.hasPrefix(out + "/") {
            throw UsageError(message: "output folder '\(output.path)' would replace the site folder itself",
                             hint: "write to a folder of its own, e.g. --output \(rootPath)/site")
        }
        for folder in protected where out == folder || out.hasPrefix(folder + "/") {
            throw UsageError(message: "output folder '\(output.path)' is inside \(folder)",
                             hint: "write to a folder outside content/ and templates/, e.g. --output \(rootPath)/site")
        }
    }

    /// Writes `files` (path relative to the output → bytes) and copies `copies` (relative path → source file).
    func write(files: [(String, Data)], copies: [(String, URL)]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).kartu-new-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var folders = Set<String>()
            for path in files.map(\.0) + copies.map(\.0) {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty, folders.insert(folder).inserted {
                    try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
            }
            let failures = parallelMap(files) { (path, data) -> String? in
                do {
                    try data.write(to: staging.appendingPathComponent(path))
                    return nil
                } catch {
                    return "\(path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure]) }
            for (path, source) in copies {
                try fm.copyItem(at: source, to: staging.appendingPathComponent(path))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: the old site is moved aside, the new one takes its name, then the old one is removed.
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).kartu-old-\(getpid())")
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: old)
        }
        try fm.moveItem(at: staging, to: output)
        try? fm.removeItem(at: old)
    }
}
