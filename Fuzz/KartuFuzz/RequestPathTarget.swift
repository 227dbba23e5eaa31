#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// A request path as `kartu serve` receives it, whatever its encoding (`%2e`, `%252e`, `\`, NUL,
/// overlong UTF-8, `//`), against a real site folder with a secret file beside it: a path the
/// server accepts names a file inside the folder (checked on the file system, through symbolic
/// links), decodes to what Hummingbird's FileMiddleware opens, and never reads the secret; a
/// plain path of a written site is accepted.
enum RequestPathTarget {
    static let secret = Array("secret beside the site folder\n".utf8)
    static let rootPath = FileManager.default.temporaryDirectory.appendingPathComponent("kartu-fuzz-request-path-\(getpid())").path

    /// `<tmp>/site/` (with a page, a folder with a space, and a file named `%2e%2e`), and
    /// `<tmp>/secret.txt` and `<tmp>/site-secret.txt` beside it: a prefix check without the
    /// separator would take the second for a file of the site.
    static let folder: (site: String, realSite: String) = {
        let root = URL(fileURLWithPath: rootPath)
        // Removed when the process exits (libFuzzer exits through exit(), which runs this).
        atexit { try? FileManager.default.removeItem(atPath: RequestPathTarget.rootPath) }
        let files = ["site/index.html": "home", "site/lt/a b/index.html": "page", "site/%2e%2e/x.html": "named %2e%2e",
                     "secret.txt": String(decoding: secret, as: UTF8.self), "site-secret.txt": String(decoding: secret, as: UTF8.self)]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        let site = root.appendingPathComponent("site").path
        return (site, realPath(site)!)
    }()

    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let raw = String(decoding: bytes, as: UTF8.self)
        for candidate in [raw, "/" + raw] { try check(candidate) }
    }

    private static func check(_ raw: String) throws(BrokenInvariant) {
        try check(raw, accepted: RequestPath.relative(raw))
    }

    /// `relative`: what the server made of `raw` (nil: refused). Apart, so a test can hand it a
    /// wrong answer and see the check catch it.
    static func check(_ raw: String, accepted relative: String?) throws(BrokenInvariant) {
        guard let relative else {
            // Refusing is always safe, but a path of a written site must get through.
            let plain = raw.hasPrefix("/") && raw.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || "0123456789-_/.".unicodeScalars.contains($0) }
            let dotSegment = raw.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                .contains { $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) }
            try require(!plain || dotSegment, "refused a plain site path: \(raw.debugDescription)")
            return
        }
        try require(raw.removingPercentEncoding == "/" + relative, "decoded otherwise than FileMiddleware decodes: \(raw.debugDescription)")
        try require(!relative.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" },
                    "a control character or backslash got through: \(raw.debugDescription)")
        let path = folder.site + "/" + relative
        let lexical = URL(fileURLWithPath: path).standardizedFileURL.path
        try require(isInside(lexical, folder.site), "\(raw.debugDescription) names \(lexical)")
        // On the file system: whatever exists there is inside the site folder, and is not the secret.
        guard let real = realPath(path) else { return }
        try require(isInside(real, folder.realSite), "\(raw.debugDescription) reaches \(real)")
        if let data = FileManager.default.contents(atPath: path) { try require(Array(data) != secret, "\(raw.debugDescription) read the secret") }
    }

    /// By bytes: compared as Strings, `site/` and `site/\u{6E3}` differ in their last character.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path.utf8.elementsEqual(folder.utf8) || path.utf8.starts(with: (folder + "/").utf8)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
#endif
