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
        let workers = Workers(count: options.jobs, recorder: options.threadRecorder)
        let timer = StepTimer(enabled: options.timings)
        var problems = Diagnostics()
        var documentCounts: [(language: String, count: Int)] = []
        func report(pages: Int = 0) -> BuildReport {
            BuildReport(diagnostics: problems.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages,
                        elapsed: (ContinuousClock.now - start).seconds, strict: options.strict, wrote: options.write)
        }

        guard let configuration = timer.step("configuration", {
            Configuration.read(root: root, baseURL: options.baseURL, diagnostics: &problems)
        }) else { return report() }
        let config = configuration.site
        let content = timer.step("content") {
            ContentLoader(root: root, config: config, themes: configuration.themes, workers: workers).load(diagnostics: &problems)
        }
        documentCounts = content.documentCounts(config.languages)
        let catalog = timer.step("publications") {
            PublicationCatalog.build(content.documents, languages: config.languages, unpublished: content.unpublished,
                                     diagnostics: &problems)
        }
        let theme = timer.step("templates") { TemplateFolder.load(root: root, config: config, diagnostics: &problems) }
        let bodies = timer.step("markdown, links and HTML") {
            BodyRenderer(documents: content.documents, resources: content.resources, assets: theme.assets,
                         basePath: configuration.basePath, unsafeHTML: config.unsafeHTML,
                         footnoteBackLabel: { [strings = theme.strings] in strings.lookup("footnoteBack", in: $0) }, workers: workers)
                .render(diagnostics: &problems)
        }
        let related = timer.step("related documents") {
            RelatedDocuments(limit: 5, workers: workers).compute(content.documents, isPage: content.documents.map { $0.role == .page })
        }
        guard let templates = theme.templates, !problems.hasErrors else { return report() }

        let model = SiteModel(configuration: configuration, strings: theme.strings, content: content, publications: catalog,
                              bodies: bodies, related: related)
        // E-books come before pages: landing pages offer them with their size.
        let books = timer.step("e-books") {
            PublicationEPUB(model: model, resources: content.resources, stylesheet: theme.epubStylesheet, workers: workers)
                .books(diagnostics: &problems)
        }
        let pages = timer.step("pages") {
            PageAssembler(model: model, templates: templates, downloads: books.downloads, workers: workers)
                .pages(resources: content.resources, extraFiles: books.files, diagnostics: &problems)
        }
        guard !problems.hasErrors else { return report() }

        let written = timer.step("rendering and output") {
            let site = SiteOutput(site: pages, templates: templates, resources: content.resources, assets: theme.assets,
                                  root: root, workers: workers)
            return options.write ? site.write(to: output, diagnostics: &problems) : site.check(diagnostics: &problems)
        }
        return report(pages: written)
    }
}
