import Foundation
import Mustache

/// The Mustache templates of `templates/`, parsed and checked: syntax errors are reported at the
/// template's line and column, and every partial or parent a template names must exist, because
/// swift-mustache would otherwise render a missing one as nothing.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    let names: Set<String>

    /// Templates every site needs: one per page type. `<kind>.mustache` is optional and falls back to `document`.
    static let required = ["document", "section", "home", "index", "theme", "themes", "facet", "facets", "search", "404"]

    static func load(root: URL, diagnostics: inout Diagnostics) -> TemplateSet? {
        folderFiles(root: root, diagnostics: &diagnostics).flatMap { load(root: root, files: $0, diagnostics: &diagnostics) }
    }

    /// Every file of `templates/` (relative to it, sorted), or nil with an error when there is no
    /// such folder. Read once per build: the templates and the assets both come from this list.
    static func folderFiles(root: URL, diagnostics: inout Diagnostics) -> [String]? {
        let folder = root.appendingPathComponent("templates")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.append(Diagnostic(.error, "templates folder not found", file: "templates",
                                          hint: "create templates/ with \(required.map { $0 + ".mustache" }.joined(separator: ", ")) (see README)"))
            return nil
        }
        return SiteFile.files(under: folder.path, shownAs: "templates", diagnostics: &diagnostics)
    }

    /// The templates among `files` (the `.mustache` files outside `assets/`), parsed and checked.
    static func load(root: URL, files folderFiles: [String], diagnostics: inout Diagnostics) -> TemplateSet? {
        var sources: [(name: String, path: String, text: String)] = []
        var ok = true
        let files = folderFiles.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(TemplateFolder.assetsPrefix) }
        for relative in files {
            let path = "templates/" + relative
            let errors = diagnostics.errorCount
            // An unreadable or undecodable template is an error at the file (not "not found" later).
            guard let text = SourceText.read(path, in: root, what: "template", diagnostics: &diagnostics), diagnostics.errorCount == errors
            else { ok = false; continue }
            sources.append((String(relative.dropLast(".mustache".count)), path, text))
        }
        var templates: [String: MustacheTemplate] = [:]
        _ = HTMLEscaping.register
        for (name, path, text) in sources {
            do {
                templates[name] = try MustacheTemplate(string: escapingPragma + text)
            } catch let error as MustacheTemplate.ParserError {
                ok = false
                diagnostics.error("template syntax error: \(describe(error.error))",
                                  at: SourceLocation(file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                                  hint: hint(for: error.error))
            } catch {
                ok = false
                // swift-mustache throws only ParserError; nothing more precise to say about anything else.
                diagnostics.error("this template cannot be parsed", at: SourceLocation(file: path),
                                  hint: "check that every {{ has its }} and every section is closed")
            }
        }
        let names = Set(files.map { String($0.dropLast(".mustache".count)) })
        for (_, path, text) in sources {
            for reference in partialReferences(in: text) where !names.contains(reference.name) {
                ok = false
                let what = reference.isParent ? "parent template" : "partial"
                diagnostics.error("\(what) '\(reference.name)' not found", at: SourceLocation(file: path, line: reference.line, column: reference.column),
                                  hint: Suggestion.closestPath(to: reference.name, in: names).map { "did you mean '\($0)'?" }
                                    ?? "create templates/\(reference.name).mustache")
            }
        }
        for name in required where !names.contains(name) {
            ok = false
            diagnostics.append(Diagnostic(.error, "required template '\(name)' not found", file: "templates/\(name).mustache",
                                          hint: "create templates/\(name).mustache (see README for what it receives)"))
        }
        guard ok else { return nil }
        return TemplateSet(library: MustacheLibrary(templates: templates), names: names)
    }

    /// The template for a document of `kind`: `<kind>.mustache` if the theme has one, else `document`.
    func templateName(for kind: DocumentKind) -> String {
        names.contains(kind.rawValue) ? kind.rawValue : "document"
    }

    /// The page, or nil when there is no template of that name: never an empty page. (Page plans
    /// are checked against `names` before anything is written; nil here is a bug kartu reports.)
    func render(_ view: Any, with name: String) -> String? {
        library.render(view, withTemplate: name)
    }

    /// Put before every template: a standalone pragma line (so it leaves no output) switching to
    /// kartu's faster HTML escaping. swift-mustache starts every template and partial with its own
    /// escaping, so each template needs it; errors are reported one line up to match the file.
    static let escapingPragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"

    struct PartialReference {
        let name: String
        let isParent: Bool
        let line: Int
        let column: Int
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions (default delimiters).
    static func partialReferences(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "{", text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    let isParent = text[cursor] == "<"
                    let after = text.index(after: cursor)
                    if let close = text[after...].range(of: "}}") {
                        let name = text[after..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                        if !name.isEmpty && !name.hasPrefix("*") {
                            references.append(PartialReference(name: name, isParent: isParent, line: line, column: column))
                        }
                    }
                }
            }
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return references
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "the template cannot be parsed here" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "tag is not closed"
        case .expectedSectionEnd: return "section is not closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} outside a {{$block}}"
        case .invalidConfigVariableSyntax: return "invalid pragma syntax"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }

    private static func hint(for error: Error) -> String? {
        guard let error = error as? MustacheTemplate.Error else { return nil }
        switch error {
        case .sectionCloseNameIncorrect, .expectedSectionEnd: return "close each {{#name}} or {{^name}} with {{/name}}, innermost first"
        case .unfinishedName: return "end the tag with }}"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "put the content inside {{$name}}…{{/name}}"
        default: return nil
        }
    }
}
