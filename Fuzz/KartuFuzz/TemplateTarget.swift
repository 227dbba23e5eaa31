#if DEBUG || FUZZING
import Foundation
@testable import Kartu

/// Template text as a theme's author writes it: up to three templates (a page and two partials,
/// separated by NUL bytes, each free to include the others and itself) parsed, checked against a
/// fixed view model and rendered with it. Errors must be located in a template; rendering must end,
/// recursive partials included.
enum TemplateTarget {
    static let names = ["page", "partials/a", "partials/b"]

    static func run(_ bytes: [UInt8]) throws(BrokenInvariant) {
        let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).prefix(names.count)
        var files: [String: [Int]] = [:]
        var templates: [String: [MustacheNode]] = [:]
        var table = MustacheNameTable()
        for (name, part) in zip(names, parts) {
            let text = String(decoding: part, as: UTF8.self)
            let file = "templates/\(name).mustache"
            files[file] = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(\.count)
            switch MustacheParser.parse(text, file: file, names: &table) {
            case .success(let nodes): templates[name] = nodes
            case .failure(let problem): try requireLocated(problem, in: files, "syntax error")
            }
            for reference in TemplateSet.partialReferences(in: text) {
                try require(reference.line >= 1 && reference.line <= files[file]!.count && reference.column >= 1,
                            "partial reference at \(reference.line):\(reference.column) in \(file)")
            }
        }
        guard templates["page"] != nil else { return }
        for problem in MustacheChecker.check(pages: ["page"], in: templates, root: FuzzPage.templateTable.fields, uiStringKeys: ["menu", "language"]) {
            try requireLocated(problem, in: files, "template check")
        }
        // Rendered whatever the check said: the renderer must cope with names the view model lacks.
        let library = MustacheLibrary(templates: templates, names: table, root: FuzzPage.templateTable.fields)
        switch library.renderBytes("page", FuzzPage()) {
        case .success(let output):
            try require(String(validating: output, as: UTF8.self) != nil, "the page is not UTF-8")
        case .failure(.partialTooDeep(let includer, let partial)):
            try require(templates[includer] != nil && templates[partial] != nil, "too deep in '\(partial)' from '\(includer)': not both templates")
        case .failure(.noTemplate):
            throw BrokenInvariant(description: "the page template was parsed but not found")
        }
    }
}

/// The fixed view model: every kind of value a page has (text needing escapes, empty text, numbers,
/// booleans, an object, lists of records two levels deep, an empty list, texts, UI strings), small
/// enough that no template over it can render for long.
struct FuzzPage: TemplateRecord {
    static let templateTable = TemplateTable<FuzzPage>("page", [
        .text("title") { _ in "Kazlų Rūda <b>&</b> \"Łódź\"" },
        .text("empty") { _ in "" },
        .number("count") { _ in 3 },
        .number("zero") { _ in 0 },
        .bool("yes") { _ in true },
        .bool("no") { _ in false },
        .object("site", FuzzEntry.self) { _ in FuzzEntry(title: "Kartu", children: []) },
        .list("items", FuzzEntry.self) { _ in
            [FuzzEntry(title: "1", children: [FuzzEntry(title: "1.1", children: [])]), FuzzEntry(title: "2 <i>", children: [])]
        },
        .list("none", FuzzEntry.self) { _ in [] },
        .texts("authors") { _ in ["Ona", "<script>"] },
        .uiStrings("t") { _ in TemplateDictionary(texts: ["menu": "Meniu", "language": "Kalba"]) },
    ])
}

struct FuzzEntry: TemplateRecord {
    let title: String
    let children: [FuzzEntry]

    static let templateTable = TemplateTable<FuzzEntry>("entry", [
        .text("title") { $0.title },
        .list("children", FuzzEntry.self) { $0.children },
    ])
}
#endif
