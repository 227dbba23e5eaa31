import Foundation

/// Writes the finished site. The new site is assembled in a fresh folder beside the output and
/// swapped in only when complete, so a build that fails half-way leaves the previous site as it was.
/// A file whose bytes did not change is hard-linked from the previous site instead of written, so it
/// keeps its modification time and sync-style deploys move only what changed.
struct OutputWriter {
    let output: URL

    /// Marks a folder as kartu's output, so that only such a folder is ever replaced.
    static let marker = ".kartu-output"
    static let markerText = Data("This folder is written by kartu build and replaced on each build.\n".utf8)

    /// Refuses outputs that would overwrite the user's sources, the whole disk, or a folder kartu did not write.
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
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDir) {
            let entries = isDir.boolValue ? ((try? fm.contentsOfDirectory(atPath: out)) ?? []) : ["(a file)"]
            if !entries.isEmpty && !entries.contains(marker) {
                throw UsageError(message: "output folder '\(output.path)' exists and was not written by kartu",
                                 hint: "kartu replaces its output folder whole: choose an empty or new folder, or remove this one")
            }
        }
    }

    /// Writes `files` (path relative to the output → bytes) and copies `copies` (relative path → source file).
    func write(files: [(String, Data)], copies: [(String, URL)]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).kartu-new-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        let previous = output.path
        do {
            var folders = Set<String>()
            for path in files.map(\.0) + copies.map(\.0) {
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            // Sorted, a parent comes before its children.
            for folder in folders.sorted() {
                if mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create \(folder): \(String(cString: strerror(errno)))"])
                }
            }
            let items = files.map { Item(path: $0.0, bytes: $0.1, source: nil) } + copies.map { Item(path: $0.0, bytes: nil, source: $0.1.path) }
                + [Item(path: Self.marker, bytes: Self.markerText, source: nil)]
            let stagingPath = staging.path
            let failures = parallelMap(items) { item -> String? in
                do {
                    try Self.place(item, in: stagingPath, previous: previous)
                    return nil
                } catch {
                    return "\(item.path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
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

    private struct Item: Sendable {
        let path: String
        /// Bytes to write, or nil to copy `source`.
        let bytes: Data?
        let source: String?
    }

    /// Puts one file in the staging folder: a hard link to the previous site's copy when the bytes are
    /// the same (keeping its modification time), else the new bytes.
    private static func place(_ item: Item, in staging: String, previous: String) throws {
        let target = staging + "/" + item.path
        let bytes = try item.bytes ?? Data(contentsOf: URL(fileURLWithPath: item.source!))
        let old = previous + "/" + item.path
        var status = stat()
        if stat(old, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count,
            let oldBytes = FileManager.default.contents(atPath: old), oldBytes == bytes
        {
            if link(old, target) == 0 { return }
            // No hard links on this file system: write, then give the file its old time back.
            try bytes.write(to: URL(fileURLWithPath: target))
            var times = [status.st_atim, status.st_mtim]
            utimensat(AT_FDCWD, target, &times, 0)
            return
        }
        try bytes.write(to: URL(fileURLWithPath: target))
    }
}
