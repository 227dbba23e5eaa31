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
        if let jobs = options.jobs, jobs < 1 {
            throw UsageError(message: "--jobs must be at least 1", hint: "leave it out to use every core")
        }
        let result: Result<BuildReport, UsageError> = Parallelism.$workers.withValue(options.jobs) {
            do throws(UsageError) { return .success(try build()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private func build() throws(UsageError) -> BuildReport {
        let clock = ContinuousClock.now
        let root = options.root.standardizedFileURL
        let output = (options.output ?? root.appendingPathComponent("site")).standardizedFileURL
        try checkFolders(root: root, output: output)

        var diagnostics = Diagnostics()
        var timer = StepTimer(enabled: ProcessInfo.processInfo.environment["KARTU_TIMINGS"] != nil)
        defer { timer.finish() }
        var documentCounts: [(String, Int)] = []
        var pages = 0
        func report() -> BuildReport {
            BuildReport(diagnostics: diagnostics.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages,
                        elapsed: (ContinuousClock.now - clock).seconds, strict: options.strict, wrote: options.write)
        }

        timer.step("configuration")

        // 1. Configuration.
        guard let config = SiteConfig.load(text: readText("content/site.yaml", root: root, diagnostics: &diagnostics),
                                           diagnostics: &diagnostics)
        else { return report() }
        let themes = ThemeCatalog.load(text: readText("content/themes.yaml", root: root, diagnostics: &diagnostics),
                                       config: config, diagnostics: &diagnostics)

        timer.step("content")

        // 2. Content: every Markdown file read and its front matter checked.
        let content = ContentLoader(root: root, config: config, themes: themes).load()
        diagnostics.append(contentsOf: content.diagnostics)
        let documents = content.documents.sorted { $0.sourcePath < $1.sourcePath }
        documentCounts = config.languages.map { language in
            (language.code, documents.count { $0.language == language.code && $0.role == .page })
        }
        timer.step("publications")

        // Publications: chapters and parts gathered and ordered, indices into `documents`.
        let publications = PublicationCatalog.build(documents, languages: config.languages, unpublished: content.unpublished,
                                                    diagnostics: &diagnostics)

        timer.step("markdown, links and HTML")

        // 3–4. Markdown parsed; links checked against the whole tree and rewritten; bodies rendered.
        let bases = SiteModel.bases(from: options.baseURL ?? config.baseURL)
        let strings = UIStrings.load(root: root, config: config, diagnostics: &diagnostics)
        let assets = assetFiles(root: root)
        let (rendered, headings) = renderBodies(documents, resources: content.resources, assets: assets, config: config,
                                                basePath: bases.path, strings: strings)
        var backlinks = [[Int]](repeating: [], count: documents.count)
        for (i, result) in rendered.enumerated() {
            diagnostics.append(contentsOf: result.problems)
            // "Referenced by" lists document pages only, once each.
            guard documents[i].role == .page else { continue }
            for target in Set(result.targets).sorted() { backlinks[target].append(i) }
        }

        timer.step("related documents")

        // 5. Cross-links: related documents by shared themes.
        let related = RelatedDocuments(limit: 5).compute(documents, isPage: documents.map { $0.role == .page })

        timer.step("templates")

        // 6. Templates and UI strings.
        let templates = TemplateSet.load(root: root, diagnostics: &diagnostics)
        guard let templates, !diagnostics.hasErrors else { return report() }

        // 7. Pages: planned from the immutable model, checked for clashing URLs, rendered on all cores.
        let model = SiteModel(config: config, themes: themes, strings: strings, documents: documents, publications: publications,
                              bodies: rendered.map(\.html), headings: headings, related: related,
                              backlinks: backlinks, basePath: bases.path, absoluteBase: bases.absolute)
        // E-books: one EPUB per edition of each publication, from the bodies rendered above; written
        // before pages are planned, so that landing pages can offer them with their size.
        timer.step("e-books")
        let epubStylesheet = FileManager.default.contents(atPath: root.appendingPathComponent("templates/epub.css").path)
            .map { String(decoding: $0, as: UTF8.self) }
        let books = PublicationEPUB(model: model, resources: content.resources, stylesheet: epubStylesheet).books()
        diagnostics.append(contentsOf: books.diagnostics)
        diagnostics.append(contentsOf: PublicationPages.templateWarnings(publications, templates: templates))

        timer.step("pages")
        var (plans, generatedFiles) = PageAssembler(model: model, templates: templates, downloads: books.downloads).plans()
        generatedFiles += books.files
        diagnostics.append(contentsOf: Self.urlClashes(plans, resources: content.resources, generated: generatedFiles.map(\.0)))
        guard !diagnostics.hasErrors else { return report() }
        pages = plans.count

        // 8. Output: every page rendered straight into the new site on all cores (no page is held in
        // memory after it is written), then the new site swapped in whole.
        timer.step("rendering and output")
        let render: @Sendable (PagePlan) -> Data = { plan in Data(templates.render(plan.view, with: plan.template).utf8) }
        if options.write {
            var items = plans.map { plan in OutputWriter.Item(path: plan.outputPath, content: .render { render(plan) }) }
            items += generatedFiles.map { OutputWriter.Item(path: $0.0, content: .bytes($0.1)) }
            items += content.resources.map { OutputWriter.Item(path: $0.outputPath, content: .copy($0.absolutePath)) }
            items += assets.map {
                OutputWriter.Item(path: "assets/" + $0, content: .copy(root.appendingPathComponent("templates/assets/" + $0).path))
            }
            do {
                try OutputWriter(output: output).write(items)
            } catch {
                diagnostics.append(Diagnostic(.error, "cannot write the site to '\(output.path)': \(error.localizedDescription)",
                                              hint: "check that the folder is writable and the disk has space"))
                pages = 0
            }
        } else {
            // `check` renders every page too: what fails in a template fails here, not at deploy.
            _ = parallelMap(plans) { render($0).count }
        }
        return report()
    }

    /// Parses every document's Markdown, resolves its links and renders it, one document at a time
    /// per worker: a syntax tree is freed as soon as its HTML is written, so memory does not grow
    /// with the number of documents. Anchors into other documents are checked afterwards, when
    /// all headings are known (the URLs do not depend on them).
    private func renderBodies(_ documents: [Document], resources: [Resource], assets: [String], config: SiteConfig, basePath: String,
                              strings: UIStrings) -> ([(html: String, targets: [Int], problems: [Diagnostic])], [[MarkdownDocument.Heading]]) {
        let unsafeHTML = config.unsafeHTML
        let resolver = LinkResolver(
            documentsBySource: Dictionary(documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a }),
            urlPaths: documents.map(\.urlPath),
            headingIDs: nil,
            resources: Dictionary(resources.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a }),
            assetPaths: Set(assets.map { "assets/" + $0 }),
            basePath: basePath)
        typealias Body = (html: String, targets: [Int], problems: [Diagnostic], headings: [MarkdownDocument.Heading],
                          ids: Set<String>, anchors: [LinkResolver.Anchor])
        let bodies = parallelMap(Array(documents.indices)) { i -> Body in
            let document = documents[i]
            let markdown = MarkdownDocument(document.body, lineOffset: document.bodyLineOffset, unsafeHTML: unsafeHTML)
            let ownIDs = Set(markdown.headings.map(\.id))
            var problems: [Diagnostic] = []
            var targets: [Int] = []
            var anchors: [LinkResolver.Anchor] = []
            for link in markdown.links {
                switch resolver.resolveLink(link, in: i, sourcePath: document.sourcePath, ownHeadingIDs: ownIDs) {
                case .success(let resolution):
                    if let url = resolution.url { markdown.setURL(url, of: link) }
                    if let target = resolution.target, target != i { targets.append(target) }
                    if let anchor = resolution.anchor { anchors.append(anchor) }
                case .failure(let problem): problems.append(problem)
                }
            }
            let html = markdown.renderHTML(footnoteBackLabel: strings.lookup("footnoteBack", in: document.language))
            return (html, targets, problems, markdown.headings, ownIDs, anchors)
        }
        let headingIDs = bodies.map(\.ids)
        let rendered = bodies.map { body in
            (html: body.html, targets: body.targets, problems: body.problems + body.anchors.compactMap { $0.check(headingIDs) })
        }
        return (rendered, bodies.map(\.headings))
    }

    /// Pages (or a page and a file) written to the same place. The diagnostic goes to the content
    /// file or folder involved, once, naming what else is written there. Clashes between two content
    /// files were already reported when URLs were assigned.
    static func urlClashes(_ plans: [PagePlan], resources: [Resource], generated: [String] = []) -> [Diagnostic] {
        var owners: [String: [String]] = [:]
        var order: [String] = []
        let outputs = plans.map { ($0.outputPath, $0.origin) } + resources.map { ($0.outputPath, $0.sourcePath) }
            + generated.map { ($0, "a file kartu generates") }
        for (path, origin) in outputs {
            if owners[path] == nil { order.append(path) }
            owners[path, default: []].append(origin)
        }
        var rivalsByFile: [String: [(path: String, rival: String)]] = [:]
        for path in order {
            let origins = owners[path]!
            guard origins.count > 1 else { continue }
            let files = origins.filter { $0.hasPrefix("content/") }
            let generated = origins.filter { !$0.hasPrefix("content/") }
            // Only one content origin in the clash, or a content folder's list page among files: report at each content origin.
            guard !generated.isEmpty || files.contains(where: { $0.hasSuffix("/") }) else { continue }
            for file in files {
                for rival in origins where rival != file {
                    rivalsByFile[file, default: []].append((path, rival))
                }
            }
        }
        // A folder's list page clashes only because of what is in it: when a file in the folder is
        // reported, the folder is not reported again.
        let reported = rivalsByFile.keys.filter { file in
            !file.hasSuffix("/") || !rivalsByFile.keys.contains { $0 != file && $0.hasPrefix(file) }
        }
        return reported.sorted().map { file in
            let clashes = Dictionary(grouping: rivalsByFile[file]!, by: \.path).sorted { $0.key < $1.key }
            let what = clashes.map { path, rivals in
                "/\(path), where kartu also writes " + rivals.map { $0.rival.hasPrefix("content/") ? "'\($0.rival)'" : $0.rival }.joined(separator: " and ")
            }
            let isFolder = file.hasSuffix("/")
            return .error("'\(file)' is published at \(what.joined(separator: "; and at "))",
                          at: SourceLocation(file: isFolder ? String(file.dropLast()) : file),
                          hint: isFolder ? "rename the folder: kartu generates pages under this name"
                                         : "rename the file or folder, or give it another 'slug'")
        }
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
        // An undecodable file is reported here; "" keeps later steps from calling it missing.
        return SourceText.text(of: data, file: path, diagnostics: &diagnostics) ?? ""
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
