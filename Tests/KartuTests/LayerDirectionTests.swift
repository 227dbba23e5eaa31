import Foundation
import Testing

/// The library's folders are layers, and a folder may use only the folders below it: the compiler
/// does not see folders, so this test does. It reads the sources, finds where each top-level type
/// and function is declared, and fails on a name used from a folder at or below the one it is
/// declared in (another folder of the same layer counts as a violation too: there is one order).
@Suite("Layer direction")
struct LayerDirectionTests {
    /// Bottom to top; the README's map of stages lists them in this order.
    static let layers = [
        "Support", "Diagnostics", "Text", "HTML", "EPUB", "Config", "Content", "Translations", "Markdown", "Links", "Search", "Syndication",
        "Mustache", "Templates", "Site", "Books", "Output", "Pipeline", "Rebuild", "Scaffold",
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Kartu")
    }

    @Test("every folder of Sources/Kartu is a layer, and every layer a folder")
    func foldersAreLayers() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.layers))
    }

    @Test("no folder uses a folder above it")
    func layersPointDown() throws {
        var files: [(folder: String, text: String)] = []
        for folder in Self.layers {
            let url = Self.sources.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".swift") {
                files.append((folder, try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        #expect(files.count > 70)
        #expect(Self.violations(files, layers: Self.layers) == [])
    }

    @Test("the check can fail: an upward use is found, a downward one is not")
    func negativeControl() {
        let files = [
            (folder: "Low", text: "struct Helper {\n    let x = Top.make()\n}\n"),
            (folder: "High", text: "enum Top {\n    static func make() -> Int { Helper().x }\n}\nfunc topLevel() {}\n"),
            (folder: "Low", text: "// Top is mentioned in a comment only\nlet y = topLevel()\n"),
        ]
        #expect(Self.violations(files, layers: ["Low", "High"]) == ["Low uses High: Top, topLevel"])
    }

    /// "Folder uses Higher: names" for every use of a name declared in a layer that is not below.
    static func violations(_ files: [(folder: String, text: String)], layers: [String]) -> [String] {
        let declaration = try! NSRegularExpression(
            pattern: #"^(?:(?:public|internal|private|fileprivate|final|indirect|nonisolated)\s+)*(?:struct|enum|class|protocol|typealias|actor|func)\s+([A-Za-z_]\w*)"#,
            options: [.anchorsMatchLines])
        let identifier = try! NSRegularExpression(pattern: #"\b[A-Za-z_]\w*\b"#)
        func matches(_ regex: NSRegularExpression, _ text: String, group: Int) -> [String] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range(at: group), in: text).map { String(text[$0]) } }
        }
        var owner: [String: String] = [:]
        for file in files {
            for name in matches(declaration, file.text, group: 1) { owner[name] = owner[name] ?? file.folder }
        }
        let rank = Dictionary(uniqueKeysWithValues: layers.enumerated().map { ($1, $0) })
        var uses: [String: Set<String>] = [:]
        for file in files {
            // Comments say why, and may name anything.
            let code = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }.joined(separator: "\n")
            for word in Set(matches(identifier, code, group: 0)) {
                guard let home = owner[word], home != file.folder, rank[home]! >= rank[file.folder]! else { continue }
                uses["\(file.folder) uses \(home)", default: []].insert(word)
            }
        }
        return uses.keys.sorted().map { "\($0): " + uses[$0]!.sorted().joined(separator: ", ") }
    }
}
