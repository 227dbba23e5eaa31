import Foundation

/// Builds a site: reads `content/` and `templates/`, checks everything, renders every page and
/// writes `site/`. Each step is a function from the values of the steps before it to a value of its
/// own, and reports its problems into one `Diagnostics`; a step keeps going after an error so that
/// one build reports every problem, and nothing is written when any step reported an error.
public struct SiteBuilder {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build. Throws only for a usage problem (no root or content folder, a forbidden
    /// output folder, `--jobs 0`: exit status 2); problems in the site's files are in the report.
    public func run() throws(Diagnostic) -> BuildReport {
        let start = ContinuousClock.now
        let (root, output) = try checkedFolders()
        let timer = StepTimer(enabled: options.timings)
        var assembly = assemble(root: root, timer: timer)
        var written = 0
        if let site = assembly.site {
            written = timer.step("rendering and output") {
                options.write ? site.output.write(to: output, diagnostics: &assembly.problems) : site.output.check(diagnostics: &assembly.problems)
            }
        }
        return assembly.report(pages: written, elapsed: (ContinuousClock.now - start).seconds, options: options)
    }

    /// Every step but writing: the site ready to render, or the problems that keep it from being built.
    /// `forRebuilds` (`kartu serve`) keeps each language's pages planner and search index for edits in
    /// place; a build that only writes lets them go (a tenth of its memory at 1,000 documents).
    func assemble(root: URL, timer: StepTimer = StepTimer(enabled: false), forRebuilds: Bool = false) -> SiteAssembly {
        let workers = Workers(count: options.jobs, recorder: options.threadRecorder)
        var problems = Diagnostics()
        guard let configuration = timer.step("configuration", {
            Configuration.read(root: root, baseURL: options.baseURL, diagnostics: &problems)
        }) else { return SiteAssembly(problems: problems) }
        let config = configuration.site
        let loader = ContentLoader(root: root, config: config, themes: configuration.themes, workers: workers, drafts: options.drafts)
        let content = timer.step("content") { loader.load(diagnostics: &problems) }
        let documentCounts = content.documentCounts(config.languages)
        let translations = timer.step("translations") {
            Translations.build(content.documents, languages: config.languages, defaultLanguage: config.defaultLanguage,
                               history: GitHistory.read(root: root), diagnostics: &problems)
        }
        let catalog = timer.step("publications") {
            PublicationCatalog.build(content.documents, languages: config.languages, unpublished: content.unpublished,
                                     diagnostics: &problems)
        }
        // Planned before the text is rendered: links in a language without a document lead to its page there.
        let fallbackPages = FallbackPages(documents: content.documents, translations: translations, publications: catalog, config: config)
        let theme = timer.step("templates") { TemplateFolder.load(root: root, config: config, diagnostics: &problems) }
        let bodyRenderer = BodyRenderer(documents: content.documents, resources: content.resources, assets: theme.assets,
                                        basePath: configuration.basePath, unsafeHTML: config.unsafeHTML,
                                        labels: { [strings = theme.strings] in
                                            MarkdownDocument.Labels(footnoteBack: strings.lookup("footnoteBack", in: $0), table: strings.lookup("table", in: $0))
                                        },
                                        workers: workers,
                                        alternates: LinkResolver.Alternates(
                                            documents: content.documents, translations: translations, languages: config.languages.map(\.code),
                                            fallbacks: fallbackPages))
        let bodies = timer.step("markdown, links and HTML") { bodyRenderer.render(diagnostics: &problems) }
        let related = timer.step("related documents") {
            RelatedDocuments(limit: 5, workers: workers).compute(content.documents, isPage: content.documents.map { $0.role == .page })
        }
        guard let templates = theme.templates, !problems.hasErrors else {
            return SiteAssembly(problems: problems, documentCounts: documentCounts)
        }

        let model = SiteModel(configuration: configuration, strings: theme.strings, content: content, publications: catalog,
                              translations: translations, fallbackPages: fallbackPages, bodies: bodies, related: related)
        // E-books come before pages: landing pages offer them with their size.
        let books = timer.step("e-books") {
            PublicationEPUB(model: model, resources: content.resources, stylesheet: theme.epubStylesheet, workers: workers)
                .books(diagnostics: &problems)
        }
        let pages = timer.step("pages") {
            PageAssembler(model: model, templates: templates, downloads: books.downloads, workers: workers, keepsPlanners: forRebuilds)
                .pages(resources: content.resources, extraFiles: books.files, diagnostics: &problems)
        }
        guard !problems.hasErrors else { return SiteAssembly(problems: problems, documentCounts: documentCounts) }
        let output = SiteOutput(site: pages, templates: templates, resources: content.resources, assets: theme.assets,
                                theme: theme.files, root: root, workers: workers)
        let site = AssembledSite(loader: loader, content: content, bodyRenderer: bodyRenderer, bodies: bodies, model: model,
                                 output: output)
        return SiteAssembly(problems: problems, documentCounts: documentCounts, site: site)
    }
}

extension SiteBuilder {
    /// The site folder checked as for `kartu check` and its configuration read: what `status` and
    /// `schema` start from.
    func configurationOnly() throws(Diagnostic) -> (root: URL, configuration: Configuration?, problems: Diagnostics) {
        var options = self.options
        options.write = false
        let root = try SiteBuilder(options: options).checkedFolders().root
        var problems = Diagnostics()
        let configuration = Configuration.read(root: root, baseURL: nil, diagnostics: &problems)
        return (root, configuration, problems)
    }

    /// `kartu status`: the configuration, content and translations steps, and their report. Throws
    /// only for a usage problem; the problems found in the site's files come with the status.
    public func translationStatus() throws(Diagnostic) -> (status: TranslationStatus?, diagnostics: [Diagnostic]) {
        let (root, configuration, found) = try configurationOnly()
        var problems = found
        guard let configuration else { return (nil, problems.sorted) }
        let config = configuration.site
        let content = ContentLoader(root: root, config: config, themes: configuration.themes, workers: Workers(count: options.jobs))
            .load(diagnostics: &problems)
        let translations = Translations.build(content.documents, languages: config.languages, defaultLanguage: config.defaultLanguage,
                                              history: GitHistory.read(root: root), diagnostics: &problems)
        return (TranslationStatus(documents: content.documents, translations: translations, languages: config.languages), problems.sorted)
    }

    /// `kartu schema`: the front-matter JSON Schema of this site (its theme ids from themes.yaml),
    /// or nil with the problems that kept the configuration from being read.
    public func frontMatterSchema() throws(Diagnostic) -> (schema: String?, diagnostics: [Diagnostic]) {
        let (_, configuration, problems) = try configurationOnly()
        guard let configuration else { return (nil, problems.sorted) }
        return (FrontMatterSchema.json(themeIDs: configuration.themes.ids), problems.sorted)
    }
}

/// What the steps before writing made: every problem found, and the site when there was no error.
struct SiteAssembly {
    var problems: Diagnostics
    var documentCounts: [(language: String, count: Int)] = []
    var site: AssembledSite? = nil

    func report(pages: Int, elapsed: TimeInterval, options: BuildOptions) -> BuildReport {
        BuildReport(diagnostics: problems.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages, elapsed: elapsed,
                    strict: options.strict, wrote: options.write)
    }
}

/// A site ready to write, with what `kartu serve` needs to redo one edited document's part of it.
struct AssembledSite: Sendable {
    let loader: ContentLoader
    var content: ContentLoader.Content
    var bodyRenderer: BodyRenderer
    var bodies: RenderedBodies
    var model: SiteModel
    var output: SiteOutput
}
