import Foundation

/// Builds a site: reads `content/` and `templates/`, checks everything, renders every page and
/// writes `site/`. The steps run in order; each collects all the problems it finds, and nothing is
/// written when any step reported an error.
public struct SiteBuilder {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build. Throws only for usage problems (missing root or content folder, a forbidden
    /// output folder); problems in the site's files are in the report.
    public func run() throws(UsageError) -> BuildReport {
        let clock = ContinuousClock.now
        let root = options.root.standardizedFileURL
        let output = (options.output ?? root.appendingPathComponent("site")).standardizedFileURL
        try checkFolders(root: root, output: output)

        var diagnostics = Diagnostics()
        var documentCounts: [(String, Int)] = []
        var pages = 0
        func report() -> BuildReport {
            BuildReport(diagnostics: diagnostics.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages,
                        elapsed: (ContinuousClock.now - clock).seconds, strict: options.strict, wrote: options.write)
        }

        // 1. Configuration.
        guard let config = SiteConfig.load(text: readText("content/site.yaml", root: root, diagnostics: &diagnostics),
                                           diagnostics: &diagnostics)
        else { return report() }
        let themes = ThemeCatalog.load(text: readText("content/themes.yaml", root: root, diagnostics: &diagnostics),
                                       config: config, diagnostics: &diagnostics)

        // 2. Content: every Markdown file read and its front matter checked.
        let content = ContentLoader(root: root, config: config, themes: themes).load()
        diagnostics.append(contentsOf: content.diagnostics)
        let documents = content.documents.sorted { $0.sourcePath < $1.sourcePath }
        documentCounts = config.languages.map { language in
            (language.code, documents.count { $0.language == language.code && $0.role == .page })
        }

        // 3. Markdown parsed; headings and links collected.
        let unsafeHTML = config.unsafeHTML
        let markdown = parallelMap(documents) { MarkdownDocument($0.body, lineOffset: $0.bodyLineOffset, unsafeHTML: unsafeHTML) }

        // 4. Links checked against the whole tree and rewritten; then each body rendered to HTML.
        let bases = SiteModel.bases(from: options.baseURL ?? config.baseURL)
        let resolver = LinkResolver(
            documentsBySource: Dictionary(documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a }),
            urlPaths: documents.map(\.urlPath),
            headingIDs: markdown.map { Set($0.headings.map(\.id)) },
            resources: Dictionary(content.resources.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a }),
            assetPaths: Set(assetFiles(root: root).map { "assets/" + $0 }),
            basePath: bases.path)
        let rendered = parallelMap(Array(markdown.indices)) { i -> (html: String, targets: [Int], problems: [Diagnostic]) in
            var problems: [Diagnostic] = []
            var targets: [Int] = []
            for link in markdown[i].links {
                switch resolver.resolveLink(link, in: i, sourcePath: documents[i].sourcePath) {
                case .success(let resolution):
                    if let url = resolution.url { markdown[i].setURL(url, of: link) }
                    if let target = resolution.target, target != i { targets.append(target) }
                case .failure(let problem): problems.append(problem)
                }
            }
            return (markdown[i].renderHTML(), targets, problems)
        }
        var backlinks = [[Int]](repeating: [], count: documents.count)
        for (i, result) in rendered.enumerated() {
            diagnostics.append(contentsOf: result.problems)
            // "Referenced by" lists document pages only, once each.
            guard documents[i].role == .page else { continue }
            for target in Set(result.targets).sorted() { backlinks[target].append(i) }
        }

        // 5. Cross-links: related documents by shared themes.
        let related = RelatedDocuments(limit: 5).compute(documents, isPage: documents.map { $0.role == .page })

        // 6. Templates and UI strings.
        let templates = TemplateSet.load(root: root, diagnostics: &diagnostics)
        let strings = UIStrings.load(root: root, config: config, diagnostics: &diagnostics)
        guard let templates, !diagnostics.hasErrors else { return report() }

        // 7. Pages: planned from the immutable model, checked for clashing URLs, rendered on all cores.
        let model = SiteModel(config: config, themes: themes, strings: strings, documents: documents,
                              bodies: rendered.map(\.html), headings: markdown.map(\.headings), related: related,
                              backlinks: backlinks, basePath: bases.path, absoluteBase: bases.absolute)
        let plans = PageAssembler(model: model, templates: templates).plans()
        diagnostics.append(contentsOf: Self.urlClashes(plans, resources: content.resources))
        guard !diagnostics.hasErrors else { return report() }
        let html = parallelMap(plans) { (plan: PagePlan) in Data(templates.render(plan.view, with: plan.template).utf8) }
        pages = plans.count

        // 8. Output, swapped in whole.
        if options.write {
            let files = zip(plans, html).map { ($0.outputPath, $1) }
            var copies = content.resources.map { ($0.outputPath, URL(fileURLWithPath: $0.absolutePath)) }
            copies += assetFiles(root: root).map { ("assets/" + $0, root.appendingPathComponent("templates/assets/" + $0)) }
            do {
                try OutputWriter(output: output).write(files: files, copies: copies)
            } catch {
                diagnostics.append(Diagnostic(.error, "cannot write the site to '\(output.path)': \(error.localizedDescription)",
                                              hint: "check that the folder is writable and the disk has space"))
                pages = 0
            }
        }
        return report()
    }

    /// Two pages (or a page and a file) written to the same place: both are named.
    static func urlClashes(_ plans: [PagePlan], resources: [Resource]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        let outputs = plans.map { ($0.outputPath, $0.origin) } + resources.map { ($0.outputPath, $0.sourcePath) }
        for (path, origin) in outputs {
            guard let other = owners[path] else {
                owners[path] = origin
                continue
            }
            // Content files are named by path so the diagnostic points at a file the editor can change.
            let (file, rival) = origin.hasPrefix("content/") ? (origin, other) : (other, origin)
            guard file.hasPrefix("content/"), rival != file else { continue }
            problems.append(.error("'\(file)' is published at /\(path), where kartu also writes \(rival.hasPrefix("content/") ? "'\(rival)'" : rival)",
                                   at: SourceLocation(file: file), hint: "rename the file or folder, or give it another 'slug'"))
        }
        return problems
    }

    private func checkFolders(root: URL, output: URL) throws(UsageError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(message: "site folder '\(options.root.path)' does not exist", hint: "pass --root with the folder that holds content/ and templates/")
        }
        guard fm.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError(message: "no content/ folder in '\(root.path)'",
                             hint: "run kartu in the site folder, or pass --root with the folder that holds content/")
        }
        if let baseURL = options.baseURL, !baseURL.hasPrefix("/"), URL(string: baseURL)?.scheme == nil {
            throw UsageError(message: "--base-url '\(baseURL)' is neither an absolute URL nor a path",
                             hint: "write e.g. --base-url https://example.org/guide/ or --base-url /guide/")
        }
        if options.write { try OutputWriter.validate(output: output, root: root) }
    }

    private func readText(_ path: String, root: URL, diagnostics: inout Diagnostics) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        switch SourceText.decode(data) {
        case .success(let source): return source.text
        case .failure(.invalidUTF8(let line, let column)):
            diagnostics.error("file is not valid UTF-8", at: SourceLocation(file: path, line: line, column: column),
                              hint: "save the file with UTF-8 encoding")
            return ""
        }
    }

    /// Files of `templates/assets/`, relative to it, sorted.
    private func assetFiles(root: URL) -> [String] {
        let folder = root.appendingPathComponent("templates/assets")
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return files.sorted()
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
