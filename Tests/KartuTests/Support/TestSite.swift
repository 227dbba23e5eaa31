import Foundation
@testable import Kartu

/// A throw-away site folder for one test: files written from a dictionary (path → text), with the
/// built-in default theme or a theme of the test's own, a build through the library, and the `kartu`
/// executable run as a subprocess. The folder is removed when the value goes away.
///
/// A test that writes templates of its own (a tiny theme whose output it can match line by line)
/// means them as the whole theme: its `content/site.yaml` gets `builtInTheme: false` added, as it is
/// written, unless it says otherwise.
final class TestSite: @unchecked Sendable {
    /// The site root (holds `content/`, `templates/`, and `site/` after a build).
    let root: URL
    /// The test's templates are the whole theme (see above).
    private let ownTheme: Bool

    /// The repository checkout this file belongs to (…/Tests/KartuTests/Support/TestSite.swift → …).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // KartuTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo

    init(_ files: [String: String] = [:], repoTemplates: Bool = false) throws {
        let base = FileManager.default.temporaryDirectory
        // Resolve symlinks (/tmp on macOS) so that paths printed by the tool match ours.
        root = base.appendingPathComponent("kartu-test-\(UUID().uuidString)", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        ownTheme = !repoTemplates && files.keys.contains { $0.hasPrefix("templates/") }
        try write(files)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: Files

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ files: [String: String]) throws {
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        var text = text
        if ownTheme, path == "content/site.yaml", !text.contains("builtInTheme") {
            text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "builtInTheme: false\n"
        }
        try write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// The text of the site's `templates/<themePath>`, ejected from the built-in theme first when the
    /// site has none.
    func themeFile(_ themePath: String) throws -> String {
        try read("templates/" + themePath) ?? eject(themePath)
    }

    /// Copies a file of the built-in theme into `templates/` (as `kartu theme eject` does), to be
    /// edited by the test; its text.
    @discardableResult
    func eject(_ themePath: String) throws -> String {
        guard let data = BuiltInTheme.files[themePath] else { throw CocoaError(.fileNoSuchFile) }
        try write("templates/" + themePath, data: data)
        return String(decoding: data, as: UTF8.self)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    /// Text of a file relative to the root (e.g. `site/lt/index.html`); nil when missing.
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func data(_ path: String) -> Data? { FileManager.default.contents(atPath: url(path).path) }

    /// Regular files under `folder` (relative to the root), relative to that folder, sorted.
    func files(under folder: String) -> [String] {
        Self.files(under: url(folder))
    }

    static func files(under folder: URL) -> [String] {
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var result: [String] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = file.resolvingSymlinksInPath().standardizedFileURL.path
            result.append(String(path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }

    // MARK: Building through the library

    func options(output: String? = nil, baseURL: String? = nil, strict: Bool = false, write: Bool = true) -> BuildOptions {
        BuildOptions(root: root, output: output.map { url($0) }, baseURL: baseURL, strict: strict, write: write)
    }

    @discardableResult
    func build(output: String? = nil, baseURL: String? = nil, strict: Bool = false, write: Bool = true, jobs: Int? = nil,
               recorder: ThreadRecorder? = nil) throws -> BuildReport {
        var options = options(output: output, baseURL: baseURL, strict: strict, write: write)
        options.jobs = jobs
        options.threadRecorder = recorder
        return try SiteBuilder(options: options).run()
    }

    // MARK: Running the executable

    struct ProcessResult: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// Runs `kartu` with `arguments`, in this site's folder unless told otherwise.
    func run(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try Self.runKartu(arguments, in: directory ?? root)
    }

    /// The built `kartu` executable: beside the test bundle (SwiftPM puts every product of a
    /// configuration in one folder), else the repository's `.build/debug`.
    static let executable: URL? = {
        let fm = FileManager.default
        var folders: [URL] = []
        if let first = ProcessInfo.processInfo.arguments.first {
            let binary = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            folders.append(binary.deletingLastPathComponent())
            // macOS: …/debug/kartuPackageTests.xctest/Contents/MacOS/kartuPackageTests
            folders.append(binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent())
        }
        let bundle = Bundle.main.bundleURL.resolvingSymlinksInPath()
        folders.append(bundle)
        folders.append(bundle.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(repoRoot.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("kartu")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    struct ExecutableNotFound: Error, CustomStringConvertible {
        var description: String { "the kartu executable was not found beside the test bundle; run `swift build` first" }
    }

    /// Runs `kartu`; with `environment`, exactly that environment, else this process's without `GITHUB_ACTIONS`.
    static func runKartu(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> ProcessResult {
        guard let executable else { throw ExecutableNotFound() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Output must not depend on the machine the tests run on (GitHub's runners set GITHUB_ACTIONS).
        var inherited = ProcessInfo.processInfo.environment
        inherited["GITHUB_ACTIONS"] = nil
        process.environment = environment ?? inherited
        // Read both pipes to the end on their own threads so a chatty child never blocks on a full pipe.
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension BuildReport {
    /// Every diagnostic as the CLI prints it (`PATH:LINE:COL: severity: message` + hint line).
    var printed: [String] { diagnostics.map(\.description) }
    /// First lines only: `PATH:LINE:COL: severity: message`.
    var headlines: [String] { diagnostics.map { $0.description.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "" } }
}
