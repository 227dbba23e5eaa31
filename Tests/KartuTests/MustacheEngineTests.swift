import Foundation
import Mustache
import Testing
@testable import Kartu

/// kartu's Mustache engine renders the themes written for kartu to the same bytes as
/// swift-mustache, which kartu used until issue 13: every page of the example site, with the
/// default theme and with the bench theme, rendered by both from the same view models.
@Suite("Mustache engine")
struct MustacheEngineTests {
    /// A kartu view model as swift-mustache sees it.
    struct Adapter: MustacheParent {
        let object: any TemplateObject
        func child(named name: String) -> Any? { Self.convert(object.templateValue(named: name)) }

        static func convert(_ value: TemplateValue) -> Any? {
            switch value {
            case .missing: nil
            case .text(let text): text
            case .number(let number): number
            case .bool(let bool): bool
            case .object(let object): Adapter(object: object)
            case .list(let list): (0..<list.templateCount).map { convert(list.templateElement(at: $0)) ?? "" }
            }
        }
    }

    /// The example site's pages, planned as `SiteBuilder` plans them, with `theme` (a folder of the
    /// repository) as its whole theme: `default-theme` is the built-in theme, others are copied in.
    static func pages(theme: String) throws -> (plans: [PagePlan], templates: TemplateSet, site: TestSite) {
        let site = try TestSite()
        let fm = FileManager.default
        try fm.createSymbolicLink(at: site.url("content"), withDestinationURL: TestSite.repoRoot.appendingPathComponent("content"))
        let builtIn = theme == "default-theme"
        if !builtIn { try fm.copyItem(at: TestSite.repoRoot.appendingPathComponent(theme), to: site.url("templates")) }
        var problems = Diagnostics()
        let workers = Workers()
        let configuration = try #require(Configuration.read(root: site.root, baseURL: "https://example.org/guide/", diagnostics: &problems))
        let content = ContentLoader(root: site.root, config: configuration.site, themes: configuration.themes, workers: workers).load(diagnostics: &problems)
        let catalog = PublicationCatalog.build(content.documents, languages: configuration.site.languages, unpublished: content.unpublished,
                                               diagnostics: &problems)
        var config = configuration.site
        config.builtInTheme = builtIn
        let folder = TemplateFolder.load(root: site.root, config: config, diagnostics: &problems)
        let bodies = BodyRenderer(documents: content.documents, resources: content.resources, assets: folder.assets,
                                  basePath: configuration.basePath, unsafeHTML: configuration.site.unsafeHTML,
                                  labels: { _ in MarkdownDocument.Labels() }, workers: workers).render(diagnostics: &problems)
        let related = RelatedDocuments(limit: 5, workers: workers).compute(content.documents, isPage: content.documents.map { $0.role == .page })
        let templates = try #require(folder.templates, "\(problems.sorted)")
        let translations = Translations.build(content.documents, languages: configuration.site.languages,
                                              defaultLanguage: configuration.site.defaultLanguage, history: GitHistory.read(root: site.root),
                                              diagnostics: &problems)
        let model = SiteModel(configuration: configuration, strings: folder.strings, content: content, publications: catalog,
                              translations: translations,
                              fallbackPages: FallbackPages(documents: content.documents, translations: translations, publications: catalog,
                                                           config: configuration.site),
                              bodies: bodies, related: related)
        let pages = PageAssembler(model: model, templates: templates, downloads: [:], workers: workers)
            .pages(resources: content.resources, extraFiles: [], diagnostics: &problems)
        #expect(!problems.hasErrors, "\(problems.sorted)")
        return (pages.pages, templates, site)
    }

    /// The same templates, parsed by swift-mustache.
    static func swiftMustache(_ folder: URL, names: Set<String>) throws -> Mustache.MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        for name in names {
            templates[name] = try MustacheTemplate(string: String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8))
        }
        return Mustache.MustacheLibrary(templates: templates)
    }

    @Test("every page of the example site: the same bytes as swift-mustache", arguments: ["default-theme", "bench/theme"])
    func sameBytes(theme: String) throws {
        let (plans, templates, site) = try Self.pages(theme: theme)
        let reference = try Self.swiftMustache(theme == "default-theme" ? TestSite.repoRoot.appendingPathComponent(theme) : site.url("templates"),
                                               names: templates.names)
        #expect(plans.count > 100)
        var different: [String] = []
        for plan in plans {
            let ours = templates.render(plan.view, with: plan.template)
            let theirs = reference.render(Adapter(object: plan.view), withTemplate: plan.template)
            if ours != theirs { different.append(plan.outputPath) }
        }
        #expect(different == [])
    }

    @Test("the comparison can fail: a view model answering differently is seen")
    func negativeControl() throws {
        let (plans, templates, _) = try Self.pages(theme: "default-theme")
        let reference = try Self.swiftMustache(TestSite.repoRoot.appendingPathComponent("default-theme"), names: templates.names)
        let plan = try #require(plans.first { $0.template == "document" })
        var view = plan.view
        view = PageView(site: view.site, lang: view.lang, t: view.t, title: view.title + "!", description: view.description, url: view.url,
                        permalink: view.permalink, languages: view.languages, sections: view.sections, themesURL: view.themesURL,
                        facets: view.facets, document: view.document)
        #expect(templates.render(plan.view, with: plan.template) != reference.render(Adapter(object: view), withTemplate: plan.template))
    }
}
