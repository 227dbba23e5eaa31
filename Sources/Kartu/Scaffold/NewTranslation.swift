import Foundation

/// `kartu new translation SOURCE LANGUAGE`: the document's translation started at the same path in
/// the language's folder — the front matter copied (with `draft: true`, without `original`), the
/// text left to translate, and one `translationKey` in both files: added to the source when it has
/// none (the edit is reported), so the two stay one group even when a slug or folder changes later.
struct NewTranslation {
    let source: ContentPath
    let target: ContentPath

    init(source given: String, language: String, config: SiteConfig, root: URL) throws(Diagnostic) {
        let source = try ContentPath(given, config: config)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content/" + source.relative).path) else {
            throw Diagnostic(.error, "content/\(source.relative) not found", hint: "give the path of the document to translate, e.g. \(source.language)/projects/name.md")
        }
        let codes = config.languages.map(\.code)
        guard codes.contains(language) else {
            throw Diagnostic(.error, "'\(language)' is not a language of the site",
                             hint: Suggestion.didYouMean(language, in: codes) ?? "languages: \(codes.joined(separator: ", "))")
        }
        guard language != source.language else {
            throw Diagnostic(.error, "content/\(source.relative) is already in '\(language)'", hint: "name the language to translate it into")
        }
        let target = try ContentPath(source.inLanguage(language), config: config)
        try target.checkIsNew(root: root)
        self.source = source
        self.target = target
    }

    /// A change to the source file: the line added and its number (1-based).
    struct SourceEdit {
        let line: Int
        let text: String
    }

    /// The translation's text, and the source's new text when it needs a `translationKey`; nil with
    /// an error when the source has no front matter to copy.
    func texts(source text: String, today: DayDate) throws(Diagnostic) -> (translation: String, source: String?, edit: SourceEdit?) {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard lines.first == "---", let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) else {
            throw Diagnostic(.error, "content/\(source.relative) has no front matter to copy",
                             at: SourceLocation(file: "content/" + source.relative, line: 1, column: 1), hint: "start it with a '---' line, its fields, and '---'")
        }
        var edit: SourceEdit?
        var sourceText: String?
        var front = Array(lines[1..<close])
        if !front.contains(where: { $0.hasPrefix("translationKey:") }) {
            let key = "translationKey: \(Slug.make(source.stem))"
            lines.insert(key, at: close)
            front.append(key)
            edit = SourceEdit(line: close + 1, text: key)
            sourceText = lines.joined(separator: "\n")
        }
        // Top-level `draft` and `original` lines: the translation is a draft, and not the original.
        front.removeAll { $0.hasPrefix("draft:") || $0.hasPrefix("original:") }
        let body = lines[(close + (edit == nil ? 1 : 2))...].joined(separator: "\n")
        let translation = ["---",
                           "# Translation of content/\(source.relative), started \(today): translate the title, the summary and the text,",
                           "# then remove draft: true to publish it."]
            + front + ["draft: true", "---"]
        return (translation.joined(separator: "\n") + "\n" + body, sourceText, edit)
    }
}

extension SiteBuilder {
    /// `kartu new translation SOURCE LANGUAGE`: writes the translation, and the source's new
    /// `translationKey` line when it had none (said in `sourceEdit`, as `file:line: what`). Throws a
    /// usage problem.
    public func newTranslation(source: String, language: String, today: DayDate) throws(Diagnostic)
        -> (written: String?, sourceEdit: String?, diagnostics: [Diagnostic]) {
        let (root, configuration, problems) = try configurationOnly()
        guard let configuration, !problems.hasErrors else { return (nil, nil, problems.sorted) }
        let translation = try NewTranslation(source: source, language: language, config: configuration.site, root: root)
        let sourcePath = "content/" + translation.source.relative
        var found = Diagnostics()
        guard let text = SourceText.read(sourcePath, in: root, diagnostics: &found), !found.hasErrors else {
            return (nil, nil, problems.sorted + found.sorted)
        }
        let (translated, newSource, edit) = try translation.texts(source: text, today: today)
        let written = "content/" + translation.target.relative
        try translation.target.write(translated, root: root)
        var said: String?
        if let newSource, let edit {
            do {
                try Data(newSource.utf8).write(to: root.appendingPathComponent(sourcePath), options: .atomic)
            } catch {
                throw Diagnostic(.error, "cannot write '\(sourcePath)': \(error.localizedDescription)", hint: "add \(edit.text) to its front matter yourself")
            }
            said = "\(sourcePath):\(edit.line): added \(edit.text) (the same key in both files makes them translations of each other)"
        }
        return (written, said, problems.sorted)
    }
}
