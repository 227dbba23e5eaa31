import Foundation

/// Writes the finished site. The new site is assembled in a fresh folder beside the output and
/// swapped in only when complete, so a build that fails half-way leaves the previous site as it was.
/// A file whose bytes did not change is hard-linked from the previous site instead of written, so it
/// keeps its modification time and sync-style deploys move only what changed.
struct OutputWriter {
    let output: URL
    let workers: Workers

    /// Marks a folder as kartu's output, so that only such a folder is ever replaced.
    static let marker = ".kartu-output"
    static let markerText = Data("This folder is written by kartu build and replaced on each build.\n".utf8)

    /// Refuses outputs that would overwrite the user's sources, the whole disk, or a folder kartu did not write.
    static func validate(output: URL, root: URL) throws(Diagnostic) {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [rootPath + "/content", rootPath + "/templates"]
        if out == "/" || out == rootPath || rootPath.hasPrefix(out + "/") {
            throw Diagnostic(.error, "output folder '\(output.path)' would replace the site folder itself",
                             hint: "write to a folder of its own, e.g. --output \(rootPath)/site")
        }
        for folder in protected where out == folder || out.hasPrefix(folder + "/") {
            throw Diagnostic(.error, "output folder '\(output.path)' is inside \(folder)",
                             hint: "write to a folder outside content/ and templates/, e.g. --output \(rootPath)/site")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDir) {
            let entries = isDir.boolValue ? ((try? fm.contentsOfDirectory(atPath: out)) ?? []) : ["(a file)"]
            if !entries.isEmpty && !entries.contains(marker) {
                throw Diagnostic(.error, "output folder '\(output.path)' exists and was not written by kartu",
                                 hint: "kartu replaces its output folder whole: choose an empty or new folder, or remove this one")
            }
        }
    }

    /// One file of the site: bytes, bytes made on demand (a page rendered where it is written), or a copy.
    struct Item: Sendable {
        enum Content: Sendable {
            case bytes(Data)
            /// A page, or why its template could not render it (that stops the build: never an empty page).
            case render(@Sendable () -> Result<Data, Diagnostic>)
            /// A file copied from `path`, named `shownAs` (relative to the site root) if it cannot be read.
            case copy(String, shownAs: String)
        }

        let path: String
        let content: Content
    }

    /// Why a file could not be written, in terms the diagnostic can explain.
    enum Failure: Error {
        /// The system refused: `path` is relative to the output folder (or absolute for the folder itself).
        case system(path: String, errno: Int32)
        /// A copied file (a content file or an asset, relative to the site root) that could not be read.
        case unreadableSource(path: String, errno: Int32)
        /// A page its template could not render.
        case render(Diagnostic)

        var diagnostic: Diagnostic {
            switch self {
            case .system(let path, let code): SiteFile.cannotWrite(path, errno: code)
            case .unreadableSource(let path, let code): SiteFile.cannotRead(path, errno: code)
            case .render(let problem): problem
            }
        }
    }

    /// Writes every item, then swaps the new site in; on a failure the previous site stays as it was
    /// and the failure is reported.
    func write(_ items: [Item], diagnostics: inout Diagnostics) {
        do throws(Failure) {
            try write(items)
        } catch {
            diagnostics.append(error.diagnostic)
        }
    }

    /// Writes every item into a staging folder beside the output, then swaps it in.
    private func write(_ items: [Item]) throws(Failure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try Self.makeFolders(parent.path)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).kartu-new-\(getpid())")
        try? fm.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0 else { throw .system(path: staging.path, errno: errno) }
        // Without a previous site there is nothing to hard-link: no per-file lookups in a missing folder.
        let previous: String? = fm.fileExists(atPath: output.path) ? output.path : nil
        do throws(Failure) {
            var folders = Set<String>()
            for path in items.map(\.path) {
                var folder = Self.parent(of: path)
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = Self.parent(of: folder)
                }
            }
            // Level by level, so a parent exists before its children; the folders of one level are
            // made on all cores (on a disk, creating 10,000 folders one after another took seconds).
            let stagingFolder = staging.path
            let levels = Dictionary(grouping: folders) { $0.utf8.count { $0 == UInt8(ascii: "/") } }
            for level in levels.keys.sorted() {
                let failures = workers.map(levels[level]!.sorted()) { folder -> Failure? in
                    mkdir(stagingFolder + "/" + folder, 0o755) != 0 && errno != EEXIST ? .system(path: folder, errno: errno) : nil
                }
                if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            }
            let all = items + [Item(path: Self.marker, content: .bytes(Self.markerText))]
            let stagingPath = staging.path
            let failures = workers.map(all) { item -> Failure? in
                do throws(Failure) {
                    try Self.place(item, in: stagingPath, previous: previous)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: the old site is moved aside, the new one takes its name, then the old one is removed.
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).kartu-old-\(getpid())")
        if fm.fileExists(atPath: output.path) {
            guard rename(output.path, old.path) == 0 else { throw .system(path: output.path, errno: errno) }
        }
        guard rename(staging.path, output.path) == 0 else { throw .system(path: output.path, errno: errno) }
        try? fm.removeItem(at: old)
    }

    /// `a/b/c` → `a/b`, `a` → ``. (Foundation's `deletingLastPathComponent` traps on a one-letter
    /// name on Linux, and a page may be published at `x/`.)
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// `mkdir -p`, failing with the system's reason (Foundation's error would hide it).
    private static func makeFolders(_ path: String) throws(Failure) {
        var folder = ""
        for component in path.split(separator: "/") {
            folder += "/" + component
            guard mkdir(folder, 0o755) != 0 else { continue }
            let code = errno
            // An existing folder may answer EACCES rather than EEXIST when its parent is not writable.
            var status = stat()
            if stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
            throw .system(path: folder, errno: code)
        }
    }

    /// Puts one file in the staging folder: a hard link to the previous site's copy when the bytes are
    /// the same (keeping its modification time), else the new bytes.
    private static func place(_ item: Item, in staging: String, previous: String?) throws(Failure) {
        let target = staging + "/" + item.path
        let bytes: Data
        switch item.content {
        case .bytes(let data): bytes = data
        case .render(let make):
            switch make() {
            case .success(let page): bytes = page
            case .failure(let problem): throw .render(problem)
            }
        case .copy(let source, let shown):
            switch SiteFile.contents(atPath: source) {
            case .data(let data): bytes = data
            case .missing: throw .unreadableSource(path: shown, errno: ENOENT)
            case .unreadable(let code): throw .unreadableSource(path: shown, errno: code)
            }
        }
        guard let previous else { return try writeFile(target, bytes, shownAs: item.path) }
        let old = previous + "/" + item.path
        var status = stat()
        if stat(old, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count,
            let oldBytes = FileManager.default.contents(atPath: old), oldBytes == bytes
        {
            if link(old, target) == 0 { return }
            // No hard links on this file system: write, then give the file its old time back.
            try writeFile(target, bytes, shownAs: item.path)
            var times = [status.st_atim, status.st_mtim]
            utimensat(AT_FDCWD, target, &times, 0)
            return
        }
        try writeFile(target, bytes, shownAs: item.path)
    }

    /// A plain write: Foundation's `Data.write` syncs each file to disk, which a build that is
    /// swapped in whole does not need, and which cost seconds of system time per 10,000 pages.
    static func writeFile(_ path: String, _ bytes: Data, shownAs shown: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system(path: shown, errno: errno) }
        defer { close(fd) }
        let code: Int32 = bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if code != 0 { throw .system(path: shown, errno: code) }
    }
}
