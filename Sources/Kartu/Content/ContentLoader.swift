import Foundation
import Yams

/// Reads `content/`: finds the language folders, splits and checks every Markdown file, lists the
/// files to publish beside pages, and gives every page its output URL.
struct ContentLoader {
    let root: URL
    let config: SiteConfig
    let themes: ThemeCatalog
    let workers: Workers
    /// Publish documents marked `draft: true` too (`--drafts`, for a preview).
    var drafts = false

    /// What `content/` holds, checked.
    struct Content: Sendable {
        /// Published documents, sorted by source path (drafts and files whose front matter failed left out).
        var documents: [Document] = []
        var resources: [Resource] = []
        /// Markdown files read but not published (drafts, and files whose front matter failed), by
        /// source path: a reference to one is not a reference to a missing file.
        var unpublished: Set<String> = []
        /// What reading each Markdown file found, by source path (files without problems left out).
        var fileProblems: [String: [Diagnostic]] = [:]

        /// Published documents per language code, in site order.
        func documentCounts(_ languages: [Language]) -> [(language: String, count: Int)] {
            languages.map { language in (language.code, documents.count { $0.language == language.code && $0.role == .page }) }
        }
    }

    /// A file found under a language folder.
    private struct Entry {
        let language: String
        let languagePath: String
        let absolutePath: String
        var sourcePath: String { "content/\(language)/\(languagePath)" }
    }

    func load(diagnostics: inout Diagnostics) -> Content {
        var result = Content()
        let contentDir = root.appendingPathComponent("content")
        var markdown: [Entry] = []
        var others: [Entry] = []
        let codes = config.languages.map(\.code)
        let fm = FileManager.default
        let topEntries = (SiteFile.entries(ofFolder: contentDir.path, shownAs: "content", diagnostics: &diagnostics) ?? []).sorted()
        for name in topEntries where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: contentDir.appendingPathComponent(name).path, isDirectory: &isDir)
            if !isDir.boolValue { continue }
            if !codes.contains(name) {
                diagnostics.append(Diagnostic(.error, "folder 'content/\(name)' is not a site language", file: "content/\(name)",
                                              hint: Suggestion.didYouMean(name, in: codes).map { "\($0) Otherwise add '\(name)' to languages in content/site.yaml" }
                                                ?? "add '\(name)' to languages in content/site.yaml, or rename the folder to one of: \(codes.joined(separator: ", "))"))
                continue
            }
            var visited: Set<String> = []
            scan(language: name, directory: contentDir.appendingPathComponent(name), relative: "", markdown: &markdown,
                 others: &others, visited: &visited, diagnostics: &diagnostics)
        }
        for code in codes where !topEntries.contains(code) {
            diagnostics.warning("language '\(code)' has no folder content/\(code)",
                                at: config.languageLocations[code] ?? SourceLocation(file: SiteConfig.path),
                                hint: "create content/\(code)/ with its documents, or remove the language")
        }

        // Reading and checking files is independent per file: done on all cores, gathered in order.
        let parsed = workers.map(markdown) { parse($0) }
        var documents: [Document] = []
        for (entry, (document, problems)) in zip(markdown, parsed) {
            diagnostics.append(contentsOf: problems)
            if !problems.items.isEmpty { result.fileProblems[entry.sourcePath] = problems.items }
            if let document, drafts || !document.metadata.draft {
                documents.append(document)
            } else {
                result.unpublished.insert(entry.sourcePath)
            }
        }
        documents.sort { $0.sourcePath < $1.sourcePath }
        checkTranslationKeys(documents, diagnostics: &diagnostics)
        let bundleSlugs = Self.bundleSlugs(documents)
        assignURLs(&documents, bundleSlugs: bundleSlugs, diagnostics: &diagnostics)
        result.documents = documents
        result.resources = resources(others, bundleSlugs: bundleSlugs)
        return result
    }

    private func scan(language: String, directory: URL, relative: String, markdown: inout [Entry], others: inout [Entry],
                      visited: inout Set<String>, diagnostics: inout Diagnostics) {
        let fm = FileManager.default
        // Each real folder is read once, so a symbolic link back up the tree cannot loop forever.
        guard visited.insert(directory.resolvingSymlinksInPath().path).inserted else {
            diagnostics.append(Diagnostic(.error, "symbolic link '\(directory.lastPathComponent)' leads back into a folder already read",
                                          file: "content/\(language)/\(relative)", hint: "remove the link: it makes the content tree a loop"))
            return
        }
        let folder = "content/\(language)" + (relative.isEmpty ? "" : "/" + relative)
        guard let names = SiteFile.entries(ofFolder: directory.path, shownAs: folder, diagnostics: &diagnostics) else { return }
        let rootPath = root.resolvingSymlinksInPath().path
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let relPath = relative.isEmpty ? name : relative + "/" + name
            let sourcePath = "content/\(language)/\(relPath)"
            // lstat, not FileManager attributes: one system call, no extended attributes read.
            var status = stat()
            guard lstat(url.path, &status) == 0 else {
                diagnostics.append(SiteFile.cannotRead(sourcePath, errno: errno))
                continue
            }
            var target = url
            if (status.st_mode & S_IFMT) == S_IFLNK {
                let resolved = url.resolvingSymlinksInPath()
                let inside = resolved.path == rootPath || resolved.path.hasPrefix(rootPath + "/")
                guard inside, fm.fileExists(atPath: resolved.path) else {
                    diagnostics.append(Diagnostic(.error, inside ? "symbolic link '\(name)' points to nothing" : "symbolic link '\(name)' points outside the site folder",
                                                  file: sourcePath, hint: "copy the file into content/ instead of linking to it"))
                    continue
                }
                target = resolved
                if stat(resolved.path, &status) != 0 {
                    diagnostics.append(SiteFile.cannotRead(sourcePath, errno: errno))
                    continue
                }
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                scan(language: language, directory: target, relative: relPath, markdown: &markdown, others: &others,
                     visited: &visited, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                markdown.append(Entry(language: language, languagePath: relPath, absolutePath: target.path))
            } else {
                others.append(Entry(language: language, languagePath: relPath, absolutePath: target.path))
            }
        }
    }

    /// Reads the Markdown file at `sourcePath` (`content/<language>/…`) again, as `load` read it;
    /// nil when it is not a plain file of a language folder (`kartu serve` then builds everything).
    func reread(_ sourcePath: String) -> (Document?, Diagnostics)? {
        let parts = sourcePath.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "content", config.languages.contains(where: { $0.code == parts[1] }),
              !parts[2].split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
        let path = root.appendingPathComponent(sourcePath).path
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return parse(Entry(language: parts[1], languagePath: parts[2], absolutePath: path))
    }

    /// Reads one Markdown file and checks its front matter.
    private func parse(_ entry: Entry) -> (Document?, Diagnostics) {
        switch SiteFile.contents(atPath: entry.absolutePath) {
        case .data(let bytes): return parse(bytes, entry)
        case .missing: return (nil, Diagnostics())  // removed while the build ran: the next build will not see it
        case .unreadable(let code):
            var diagnostics = Diagnostics()
            diagnostics.append(SiteFile.cannotRead(entry.sourcePath, errno: code))
            return (nil, diagnostics)
        }
    }

    /// Checks the bytes of the Markdown file at `sourcePath` (`content/<language>/…`) as `load` checks
    /// a file it read there: for the front-matter fuzz target, which gives bytes no file holds.
    func parse(_ data: Data, sourcePath: String) -> (Document?, Diagnostics) {
        let parts = sourcePath.split(separator: "/", maxSplits: 2).map(String.init)
        precondition(parts.count == 3 && parts[0] == "content", "not a path of a file under content/<language>/")
        return parse(data, Entry(language: parts[1], languagePath: parts[2], absolutePath: root.appendingPathComponent(sourcePath).path))
    }

    private func parse(_ data: Data, _ entry: Entry) -> (Document?, Diagnostics) {
        var diagnostics = Diagnostics()
        let file = entry.sourcePath
        let start = SourceLocation(file: file)
        guard let text = SourceText.text(of: data, file: file, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): frontMatter = split
        case .failure(.empty):
            diagnostics.error("file is empty", at: start, hint: "add front matter (---, title: …, kind: …, ---) and text, or delete the file")
            return (nil, diagnostics)
        case .failure(.missing):
            diagnostics.error("file has no front matter", at: start,
                              hint: "start the file with a line '---', then 'title: …' and 'kind: …', then a line '---'")
            return (nil, diagnostics)
        case .failure(.unclosed):
            diagnostics.error("front matter is not closed", at: start, hint: "add a line '---' after the last front-matter field")
            return (nil, diagnostics)
        }
        var source = YAMLSource(file: file, lineOffset: frontMatter.yamlLineOffset)
        let yamlErrorsBefore = diagnostics.errorCount
        let node = source.parse(frontMatter.yaml, diagnostics: &diagnostics)
        if diagnostics.errorCount > yamlErrorsBefore { return (nil, diagnostics) }
        let role = role(of: entry.languagePath)
        if role == .theme {
            let id = String(entry.languagePath.dropFirst(ThemeCatalog.folder.count + 1).dropLast(3))
            if themes.theme(id) == nil {
                diagnostics.error("'\(id)' is not a theme of content/themes.yaml", at: start,
                                  hint: Suggestion.didYouMean(id, in: themes.ids).map { "rename the file: \($0)" }
                                    ?? "name the file after a theme id, or add '\(id)' to content/themes.yaml")
                return (nil, diagnostics)
            }
        }
        let requirement: DocumentMetadata.Requirement = switch role {
        case .page: .document
        case .home, .list: .listPage
        case .theme: .description
        }
        guard let metadata = DocumentMetadata.parse(node, source: source, requirement: requirement,
                                                    themes: themes, diagnostics: &diagnostics)
        else { return (nil, diagnostics) }
        let document = Document(sourcePath: file, language: entry.language, role: role, languagePath: entry.languagePath,
                                metadata: metadata, body: frontMatter.body, bodyLineOffset: frontMatter.bodyLineOffset)
        return (document, diagnostics)
    }

    /// A translationKey names one document per language: a second one in the same language is an error.
    private func checkTranslationKeys(_ documents: [Document], diagnostics: inout Diagnostics) {
        var first: [String: Document] = [:]
        for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) where document.role == .page {
            guard let key = document.metadata.translationKey else { continue }
            let slot = document.language + "\u{0}" + key
            if let earlier = first[slot] {
                diagnostics.error("translationKey '\(key)' is also used by '\(earlier.sourcePath)' in the same language",
                                  at: document.metadata.locations["translationKey"] ?? SourceLocation(file: document.sourcePath),
                                  hint: "each language has one document per translationKey; give this document its own key")
            } else {
                first[slot] = document
            }
        }
    }

    private func role(of languagePath: String) -> Document.Role {
        if languagePath == "index.md" { return .home }
        if languagePath == "_index.md" || languagePath.hasSuffix("/_index.md") { return .list }
        let parts = languagePath.split(separator: "/")
        if parts.count == 2, parts[0] == ThemeCatalog.folder { return .theme }
        return .page
    }

    /// Per language: bundle folder → the `slug` its index.md gives it (the folder's URL segment).
    private static func bundleSlugs(_ documents: [Document]) -> [String: [String: String]] {
        var slugs: [String: [String: String]] = [:]
        for document in documents where document.isBundle {
            if let slug = document.metadata.slug { slugs[document.language, default: [:]][document.folder] = slug }
        }
        return slugs
    }

    private func assignURLs(_ documents: inout [Document], bundleSlugs: [String: [String: String]], diagnostics: inout Diagnostics) {
        var owners: [String: String] = [:]
        for i in documents.indices {
            let document = documents[i]
            let folderURL = ContentURL.folder(document.folder, language: document.language, bundleSlugs: bundleSlugs[document.language] ?? [:])
            switch document.role {
            case .home, .list:
                documents[i].urlPath = folderURL
            case .theme:
                let id = document.languagePath.dropFirst(ThemeCatalog.folder.count + 1).dropLast(3)
                documents[i].urlPath = "\(document.language)/\(ThemeCatalog.folder)/\(id)/"
            case .page where document.isBundle:
                documents[i].urlPath = folderURL
            case .page:
                let name = String(document.languagePath.split(separator: "/").last!.dropLast(3))
                let slug = document.metadata.slug ?? Slug.make(name)
                documents[i].urlPath = folderURL + (slug.isEmpty ? "-" : slug) + "/"
            }
            let url = documents[i].urlPath
            if let other = owners[url] {
                diagnostics.error("'\(document.sourcePath)' and '\(other)' are both published at /\(url)",
                                  at: SourceLocation(file: document.sourcePath),
                                  hint: "rename one of the files or give it another 'slug'")
            } else {
                owners[url] = document.sourcePath
            }
        }
    }

    private func resources(_ files: [Entry], bundleSlugs: [String: [String: String]]) -> [Resource] {
        files.map { entry in
            let folder = entry.languagePath.contains("/") ? String(entry.languagePath[..<entry.languagePath.lastIndex(of: "/")!]) : ""
            let name = entry.languagePath.split(separator: "/").last.map(String.init) ?? entry.languagePath
            let output = ContentURL.folder(folder, language: entry.language, bundleSlugs: bundleSlugs[entry.language] ?? [:]) + name
            return Resource(absolutePath: entry.absolutePath, sourcePath: entry.sourcePath, outputPath: output)
        }
    }
}
