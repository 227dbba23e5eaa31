import Foundation

/// `kartu new KIND PATH`: a document started from its kind's archetype in its language — every
/// required field as an obvious placeholder that still reads as valid, `draft: true`, the optional
/// fields as comments, today's date and the body skeleton of the kind.
///
/// Archetypes are `archetypes/<kind>.<lang>.md` of the theme (the site's `templates/archetypes/`
/// first, then the built-in ones, then the built-in English one); `{{title}}` (from the file name,
/// quoted), `{{date}}` and `{{themeIDs}}` (the site's theme ids, for a comment) are filled in.
struct NewDocument {
    let kind: DocumentKind
    /// Relative to `content/`: `lt/change-projects/jonava.md`.
    let path: ContentPath

    static let archetypeFolder = "archetypes"

    init(kind name: String, path: String, config: SiteConfig, root: URL) throws(Diagnostic) {
        let kinds = DocumentKind.allCases.map(\.rawValue)
        guard let kind = DocumentKind(rawValue: name) else {
            throw Diagnostic(.error, "unknown kind '\(name)'",
                             hint: Suggestion.didYouMean(name, in: kinds + ["translation"])
                                ?? "kinds: \(kinds.joined(separator: ", ")); or kartu new translation SOURCE LANGUAGE")
        }
        let path = try ContentPath(path, config: config)
        switch kind {
        case .publication where path.fileName != "index.md":
            throw Diagnostic(.error, "a publication is a folder, written as its index.md",
                             hint: "write it as kartu new publication \(path.folder)/\(path.stem)/index.md")
        case .chapter:
            let landing = path.folder + "/index.md"
            guard path.fileName != "index.md", FileManager.default.fileExists(atPath: root.appendingPathComponent("content/" + landing).path) else {
                throw Diagnostic(.error, "a chapter goes into a publication's folder, beside its index.md (there is no content/\(landing))",
                                 hint: "start the publication first: kartu new publication \(path.folder)/index.md")
            }
        default: break
        }
        try path.checkIsNew(root: root)
        self.kind = kind
        self.path = path
    }

    /// The new document's text; nil when the site's archetype cannot be read (the reason is in `diagnostics`).
    func text(root: URL, themeIDs: [String], today: DayDate, diagnostics: inout Diagnostics) -> String? {
        let errors = diagnostics.errorCount
        let archetype = Self.archetype(kind: kind.rawValue, language: path.language, root: root, diagnostics: &diagnostics)
        guard diagnostics.errorCount == errors else { return nil }
        return archetype
            .replacingOccurrences(of: "{{title}}", with: YAMLText.quoted(path.title))
            .replacingOccurrences(of: "{{date}}", with: today.description)
            .replacingOccurrences(of: "{{themeIDs}}", with: themeIDs.isEmpty ? "(none in content/themes.yaml yet)" : themeIDs.joined(separator: ", "))
    }

    /// The archetype's text: the site's own or the built-in one in the language (read as the theme's
    /// other files are: the site's over the built-in), else the built-in English one.
    static func archetype(kind: String, language: String, root: URL, diagnostics: inout Diagnostics) -> String {
        let theme = ThemeFiles.load(root: root, builtIn: true, diagnostics: &diagnostics)
        return theme?.text("\(archetypeFolder)/\(kind).\(language).md", in: root, what: "archetype", diagnostics: &diagnostics)
            ?? String(decoding: BuiltInTheme.files["\(archetypeFolder)/\(kind).en.md"] ?? Data(), as: UTF8.self)
    }
}

/// A path of a new document as given on the command line (`lt/x/y.md` or `content/lt/x/y.md`),
/// checked: relative, inside a language folder of the site, a Markdown file.
struct ContentPath {
    /// Relative to `content/`.
    let relative: String
    let language: String

    init(_ given: String, config: SiteConfig) throws(Diagnostic) {
        var path = given.hasPrefix("./") ? String(given.dropFirst(2)) : given
        if path.hasPrefix("content/") { path.removeFirst("content/".count) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let codes = config.languages.map(\.code)
        let inside = "documents live in content/<language>/, e.g. \(codes[0])/projects/name.md (languages: \(codes.joined(separator: ", ")))"
        guard !given.hasPrefix("/"), !path.contains("\\"), parts.count >= 2, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw Diagnostic(.error, "'\(given)' is not a path inside content/<language>/", hint: inside)
        }
        guard codes.contains(String(parts[0])) else {
            throw Diagnostic(.error, "'\(parts[0])' is not a language of the site", hint: Suggestion.didYouMean(String(parts[0]), in: codes) ?? inside)
        }
        guard path.hasSuffix(".md"), parts.last!.count > 3 else {
            throw Diagnostic(.error, "'\(given)' is not a Markdown file", hint: "end the name with .md, e.g. \(path.hasSuffix("/") ? path : path + "/")name.md")
        }
        relative = path
        language = String(parts[0])
    }

    /// Relative to `content/`, after the language: `lt/a/b.md` → `a/b.md`.
    var afterLanguage: String { String(relative.dropFirst(language.count + 1)) }
    var fileName: String { String(relative.split(separator: "/").last!) }
    /// The folder holding the file, relative to `content/`.
    var folder: String { relative.split(separator: "/").dropLast().joined(separator: "/") }
    /// The file's name without `.md`; the folder's name for an `index.md`.
    var stem: String {
        let parts = relative.split(separator: "/")
        let name = fileName == "index.md" || fileName == "_index.md" ? parts[parts.count - 2] : parts.last!.dropLast(3)
        return String(name)
    }
    /// A first title from the name: `kazlu-ruda_plan` → `Kazlu ruda plan`.
    var title: String {
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// This path in another language's folder.
    func inLanguage(_ code: String) -> String { code + "/" + afterLanguage }

    /// A usage error when the file is already there: kartu new never overwrites.
    func checkIsNew(root: URL) throws(Diagnostic) {
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("content/" + relative).path) { throw alreadyThere }
    }

    var alreadyThere: Diagnostic {
        Diagnostic(.error, "content/\(relative) already exists", hint: "kartu new never overwrites a file: choose another name, or edit that one")
    }

    /// Writes the new document; a file made there since `checkIsNew` is not replaced.
    func write(_ text: String, root: URL) throws(Diagnostic) {
        guard try NewFile.write(Data(text.utf8), to: "content/" + relative, in: root) else { throw alreadyThere }
    }
}

extension SiteBuilder {
    /// `kartu new KIND PATH`: writes the document; its path relative to the site folder. Throws a
    /// usage problem (a bad kind or path, a file already there); problems reading the site's
    /// configuration come back instead of a path.
    public func newDocument(kind: String, path: String, today: DayDate) throws(Diagnostic) -> (written: String?, diagnostics: [Diagnostic]) {
        let (root, configuration, found) = try configurationOnly()
        var problems = found
        guard let configuration, !problems.hasErrors else { return (nil, problems.sorted) }
        let document = try NewDocument(kind: kind, path: path, config: configuration.site, root: root)
        guard let text = document.text(root: root, themeIDs: configuration.themes.ids, today: today, diagnostics: &problems) else {
            return (nil, problems.sorted)
        }
        let written = "content/" + document.path.relative
        try document.path.write(text, root: root)
        return (written, problems.sorted)
    }
}
