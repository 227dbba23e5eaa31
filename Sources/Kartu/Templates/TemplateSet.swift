import Foundation

/// The Mustache templates of the theme, parsed and checked: syntax errors are reported at the
/// template's line and column, every partial or parent a template names must exist, and every name
/// a page template uses must be one its view models answer (strict templates, see
/// `MustacheChecker`), because Mustache would otherwise render any of these as nothing.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    let names: Set<String>
    /// Each template's file as diagnostics name it (`templates/partials/card.mustache`), by name.
    var files: [String: String] = [:]
    /// Each template's `{{> …}}` and `{{< …}}` tags, by template name: where to edit an include.
    var references: [String: [PartialReference]] = [:]

    /// Templates every site needs: one per page type. `<kind>.mustache` is optional and falls back to `document`.
    static let required = ["document", "section", "home", "index", "theme", "themes", "facet", "facets", "search", "404"]

    /// The templates of the site at `root`: its `templates/` alone, or over the built-in ones with
    /// `builtIn`. For tests; a build reads the theme's files once, in `TemplateFolder`.
    static func load(root: URL, builtIn: Bool = false, uiStringKeys: Set<String>? = nil, diagnostics: inout Diagnostics) -> TemplateSet? {
        ThemeFiles.load(root: root, builtIn: builtIn, diagnostics: &diagnostics).flatMap {
            load(root: root, files: $0, uiStringKeys: uiStringKeys, diagnostics: &diagnostics)
        }
    }

    /// The templates among the theme's files (the `.mustache` files outside `assets/`), parsed and
    /// checked. `uiStringKeys`: the keys of the theme's UI strings (`field.themes`) that `{{t.…}}` is
    /// checked against; nil accepts any.
    static func load(root: URL, files theme: ThemeFiles, uiStringKeys: Set<String>?, diagnostics: inout Diagnostics) -> TemplateSet? {
        var sources: [(name: String, path: String, text: String)] = []
        var ok = true
        let files = theme.paths.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(TemplateFolder.assetsPrefix) }
        for relative in files {
            let path = theme.shown(relative)
            let errors = diagnostics.errorCount
            // An unreadable or undecodable template is an error at the file (not "not found" later).
            guard let text = theme.text(relative, in: root, what: "template", diagnostics: &diagnostics), diagnostics.errorCount == errors
            else { ok = false; continue }
            sources.append((String(relative.dropLast(".mustache".count)), path, text))
        }
        var templates: [String: [MustacheNode]] = [:]
        var nameTable = MustacheNameTable()
        for (name, path, text) in sources {
            switch MustacheParser.parse(text, file: path, names: &nameTable) {
            case .success(let nodes): templates[name] = nodes
            case .failure(let problem):
                ok = false
                diagnostics.append(problem)
            }
        }
        let names = Set(files.map { String($0.dropLast(".mustache".count)) })
        var referenced = Set<String>()
        var references: [String: [PartialReference]] = [:]
        for (name, path, text) in sources {
            references[name] = partialReferences(in: text)
            for reference in references[name]! {
                referenced.insert(reference.name)
                guard !names.contains(reference.name) else { continue }
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
        // Page templates are those no other template includes; partials are checked where they are used.
        let pages = templates.keys.filter { !referenced.contains($0) && !$0.hasPrefix("partials/") }
        let problems = MustacheChecker.check(pages: pages, in: templates, root: PageView.templateTable.fields, uiStringKeys: uiStringKeys)
        guard problems.isEmpty else {
            problems.forEach { diagnostics.append($0) }
            return nil
        }
        return TemplateSet(library: MustacheLibrary(templates: templates, names: nameTable, root: PageView.templateTable.fields), names: names,
                           files: Dictionary(sources.map { ($0.name, $0.path) }, uniquingKeysWith: { a, _ in a }), references: references)
    }

    /// The template for a document of `kind`: `<kind>.mustache` if the theme has one, else `document`.
    func templateName(for kind: DocumentKind) -> String {
        names.contains(kind.rawValue) ? kind.rawValue : "document"
    }

    /// The page, or nil when there is no template of that name: never an empty page. (Page plans
    /// are checked against `names` before anything is written; nil here is a bug kartu reports.)
    func render(_ view: any TemplateObject, with name: String) -> String? {
        library.render(name, view)
    }

    /// The bytes of the page at `path`, as written to `site/`, or the diagnostic saying why not.
    func renderData(_ view: any TemplateObject, with name: String, page path: String) -> Result<Data, Diagnostic> {
        switch library.renderBytes(name, view) {
        case .success(let bytes): return .success(Data(bytes))
        case .failure(.noTemplate):
            // Page plans are checked against `names` before anything renders.
            return .failure(Diagnostic(.error, "the page '\(path)' has no template to render it",
                                       hint: "this is kartu's mistake, not yours: please report it with the site that shows it"))
        case .failure(.partialTooDeep(let includer, let partial)):
            // At the tag that included it the last time; a block override's tags belong to another
            // template, so with none found here, the partial's own file.
            let tag = references[includer]?.first { $0.name == partial }
            let at = tag.map { SourceLocation(file: files[includer] ?? "templates/\(includer).mustache", line: $0.line, column: $0.column) }
                ?? SourceLocation(file: files[partial] ?? "templates/\(partial).mustache")
            return .failure(.error("'\(partial)' includes itself more than \(MustacheRenderer.maximumDepth) levels deep on the page '\(path)'",
                                   at: at,
                                   hint: "include it from itself only inside a section over a list that runs out, "
                                           + "as {{#children}}{{> \(partial)}}{{/children}} does; a section over an outer value (like {{#site}}) never ends"))
        }
    }

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
}
