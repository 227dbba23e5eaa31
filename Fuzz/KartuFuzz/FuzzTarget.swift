// The readers under test are internal: the harness needs a build with testing enabled (a debug
// build, or Fuzz/run.sh's). A plain release build compiles this target as the replayer alone.
#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// The fuzz targets, one per reader of untrusted input. Each checks invariants on every input, not
/// only that nothing crashes; its seeds (and every input that ever broke it) are in
/// `Fuzz/seeds/<name>/`, replayed by `swift test` and by CI before a short libFuzzer run.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bytes of a Markdown file: UTF-8 check, line endings, front-matter split, Markdown.
    case content
    /// Bytes of a Markdown file read as `kartu build` reads one, YAML and its error classifier included.
    case frontMatter = "front-matter"
    /// `content/site.yaml` and `content/themes.yaml`.
    case siteYAML = "site-yaml"
    /// Template text (up to three templates, NUL-separated) parsed, checked and rendered.
    case template
    /// A request path sent to `kartu serve`, against a real site folder with a secret beside it.
    case requestPath = "request-path"
    /// Any text made into a slug, folded, and split into search words.
    case slug
    /// Raw HTML through the allow-list sanitizer (one piece, or two cut at the first NUL).
    case rawHTML = "raw-html"

    func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        switch self {
        case .content: try ContentTarget.run(bytes)
        case .frontMatter: try FrontMatterTarget.run(bytes)
        case .siteYAML: try SiteYAMLTarget.run(bytes)
        case .template: try TemplateTarget.run(bytes)
        case .requestPath: try RequestPathTarget.run(bytes)
        case .slug: try SlugTarget.run(bytes)
        case .rawHTML: try RawHTMLTarget.run(bytes)
        }
    }
}

/// An invariant an input broke, with what was expected: libFuzzer then stops and keeps the input.
struct BrokenInvariant: Error, CustomStringConvertible {
    let description: String
}

func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(BrokenInvariant) {
    if !condition { throw BrokenInvariant(description: message()) }
}

/// Lines of a file as an editor counts them (LF, CRLF or CR ends one; a UTF-8 BOM is not shown),
/// each with its length in bytes: an upper bound for a column in characters or in Unicode scalars.
func lineLengths(_ file: [UInt8]) -> [Int] {
    let bytes = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
    var lengths: [Int] = []
    var length = 0
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0A || bytes[i] == 0x0D {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            lengths.append(length)
            length = 0
        } else {
            length += 1
        }
        i += 1
    }
    lengths.append(length)
    return lengths
}

/// Slugs and heading ids: lowercase ASCII letters, digits and hyphens only.
func isSlugText(_ text: String) -> Bool {
    text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
}

/// A diagnostic about `file` placed where an editor can go: in that file, at a line it has and a
/// column within that line (one past its end included), with something to read.
func requireLocated(_ diagnostic: Diagnostic, in files: [String: [Int]], _ what: String) throws(BrokenInvariant) {
    let text = "\(what): \(diagnostic)"
    try require(!diagnostic.message.isEmpty, "empty message: \(text)")
    try require(diagnostic.hint.map { !$0.isEmpty } ?? true, "empty hint: \(text)")
    guard let file = diagnostic.file, let lines = files[file] else { throw BrokenInvariant(description: "not in the file: \(text)") }
    guard let line = diagnostic.line, let column = diagnostic.column else { throw BrokenInvariant(description: "no line and column: \(text)") }
    try require(line >= 1 && line <= lines.count, "line \(line) of \(lines.count): \(text)")
    try require(column >= 1 && column <= lines[line - 1] + 1, "column \(column) of a line of \(lines[line - 1]) bytes: \(text)")
}
#endif
