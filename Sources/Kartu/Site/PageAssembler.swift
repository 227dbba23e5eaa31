import Foundation

/// One page to write: where it goes, which template renders it, what the template sees, and what
/// asked for it (a content file or a generated page), to name both sides of a URL clash.
struct PagePlan: Sendable {
    let outputPath: String
    let template: String
    let view: PageView
    let origin: String
    /// For the sitemap: the content's date, and whether the page is listed at all.
    var lastModified: DayDate? = nil
    var inSitemap = true

    /// Page 2 or later of a list: listed in the sitemap without alternates (no other language has
    /// the same page; see `isLaterPage` in `PageView`).
    var isLaterListPage: Bool { ((view.section?.pager ?? view.collection?.pager)?.number ?? 1) > 1 }
}

/// The pages of the site and the other files that come with them (feeds, search indexes, the
/// sitemap, e-books): everything the output step writes but the content's own files and assets.
struct SitePages: Sendable {
    var pages: [PagePlan]
    var files: [(path: String, data: Data)]
    /// Each language's planner, in site order: kept by `kartu serve` to plan pages again after an edit.
    var languages: [LanguagePages] = []
}

/// Turns the site model into the list of pages: document pages, section lists, theme and facet
/// pages, language homes and the root language chooser. Dates, country names and sort orders are
/// worked out here, once per language, so rendering itself touches no formatter.
struct PageAssembler {
    let model: SiteModel
    let templates: TemplateSet
    /// The EPUB file of each publication edition, by landing document: written before pages are
    /// planned, offered on the landing page. An edition without one shows no download link.
    var downloads: [Int: EPUBDownload] = [:]
    let workers: Workers
    /// Keep each language's planner (with its search index) in `SitePages.languages`, for `kartu serve`.
    var keepsPlanners = false

    /// The pages step: every page planned, with the files written beside them (`extraFiles`: the
    /// e-books), checked so that no two things are written to one place and every page has its template.
    func pages(resources: [Resource], extraFiles: [(path: String, data: Data)] = [], diagnostics: inout Diagnostics) -> SitePages {
        PublicationPages.checkTemplates(model.publications, templates: templates, diagnostics: &diagnostics)
        let (pages, files, languages) = plans()
        let all = files + extraFiles
        URLClashes.check(pages, resources: resources, generated: all.map(\.path), diagnostics: &diagnostics)
        for page in pages where !templates.names.contains(page.template) {
            diagnostics.append(Diagnostic(.error, "no template '\(page.template)' for \(page.origin)",
                                          file: "templates/\(page.template).mustache",
                                          hint: "create templates/\(page.template).mustache"))
        }
        return SitePages(pages: pages, files: all, languages: languages)
    }

    /// The pages, and the other files they come with (feeds, search indexes).
    func plans() -> (pages: [PagePlan], files: [(path: String, data: Data)], languages: [LanguagePages]) {
        let config = model.config
        let shared = SharedIndex(model: model)
        var plans: [PagePlan] = []
        var files: [(path: String, data: Data)] = []
        // Languages are independent of each other: assembled on all cores, joined in site order.
        let model = self.model, templates = self.templates, downloads = self.downloads, workers = self.workers
        let perLanguage = workers.map(config.languages) { language in
            let pages = LanguagePages(model: model, templates: templates, shared: shared, language: language, downloads: downloads,
                                      workers: workers, keepsSearchIndex: keepsPlanners)
            return (pages.plans(), pages.files(), keepsPlanners ? pages : nil)
        }
        plans.reserveCapacity(perLanguage.reduce(1) { $0 + $1.0.count })
        for (languagePlans, languageFiles, _) in perLanguage {
            plans += languagePlans
            files += languageFiles
        }
        let defaultView = shared.languageViews.first { $0.isDefault }!
        let site = SiteView(title: config.title(in: config.defaultLanguage), rootURL: model.basePath,
                            assetsURL: model.url("assets/"), baseURL: model.absoluteBase,
                            defaultLanguage: config.defaultLanguage, languages: shared.languageViews)
        let rootLinks = shared.languageViews.map {
            LanguageLinkView(code: $0.code, name: $0.name, url: $0.url, isCurrent: $0.isDefault, isTranslation: true,
                             locale: $0.locale, permalink: model.permalink($0.code + "/"))
        }
        let root = PageView(site: site, lang: defaultView, t: model.strings.tree(config.defaultLanguage), title: site.title,
                            description: nil, url: model.basePath, permalink: model.absoluteBase, languages: rootLinks,
                            sections: [], themesURL: model.url(config.defaultLanguage + "/\(ThemeCatalog.folder)/"), facets: [])
        plans.append(PagePlan(outputPath: "index.html", template: "index", view: root, origin: "the site's root page"))

        // The 404 page is served at any depth, so it carries every language's message and only
        // root-relative (base path) URLs.
        var notFound = root
        notFound.notFound = shared.languageViews.map {
            NotFoundView(code: $0.code, name: $0.name, url: $0.url, t: model.strings.tree($0.code))
        }
        plans.append(PagePlan(outputPath: "404.html", template: "404", view: notFound, origin: "the 404 page", inSitemap: false))
        if model.hasAbsoluteBase {
            files.append(("sitemap.xml", sitemap(plans)))
            files.append(("robots.txt", Sitemap.robots(sitemap: model.permalink("sitemap.xml"))))
        }
        return (plans, files, perLanguage.compactMap(\.2))
    }

    private func sitemap(_ plans: [PagePlan]) -> Data {
        let defaultLanguage = model.config.defaultLanguage
        let model = self.model
        // Indices, not a filtered copy: a copy of every plan was a seventh of the build's memory.
        let pages = workers.map(plans.indices.filter { plans[$0].inSitemap }) { [plans] i in
            let plan = plans[i]
            let versions = plan.isLaterListPage ? [] : plan.view.languages.filter(\.isTranslation)
            var alternates = versions.count > 1 ? versions.map { ($0.code, $0.permalink) } : []
            if !alternates.isEmpty {
                // x-default: the default language's version; the language chooser for the homes.
                let fallback = plan.outputPath == "\(defaultLanguage)/index.html" || plan.outputPath == "index.html"
                    ? model.permalink("") : (versions.first { $0.code == defaultLanguage }?.permalink ?? plan.view.permalink)
                alternates.append(("x-default", fallback))
            }
            return Sitemap.Page(permalink: plan.view.permalink, lastModified: plan.lastModified, alternates: alternates)
        }
        return Sitemap.xml(pages, workers: workers)
    }
}

/// What every language's pages share: which documents carry each theme and facet value, over all
/// languages, and the fallback pages (translation groups are the model's `translations`).
struct SharedIndex {
    let languageViews: [LanguageView]
    /// Page documents, in document order.
    let pages: [Int]
    /// Theme id → page documents with it (all languages).
    let themeDocuments: [String: [Int]]
    /// Facet → value key → documents (all languages).
    let facetDocuments: [Facet: [String: [Int]]]
    /// Language → original document → the URL path of its fallback page there (`FallbackPages`).
    let fallbacks: [String: [Int: String]]

    init(model: SiteModel) {
        let config = model.config
        languageViews = config.languages.map { language in
            LanguageView(code: language.code, name: language.name, locale: language.locale,
                         url: model.url(language.code + "/"), isDefault: language.code == config.defaultLanguage,
                         feedURL: model.hasAbsoluteBase ? model.permalink(language.code + "/feed.xml") : nil,
                         searchURL: model.url(language.code + "/\(SearchIndex.folder)/"),
                         searchIndexURL: model.url(language.code + "/\(SearchIndex.folder)/"))
        }
        pages = model.documents.indices.filter { model.documents[$0].role == .page }
        var themes: [String: [Int]] = [:]
        var facets: [Facet: [String: [Int]]] = [:]
        for i in pages {
            let document = model.documents[i]
            for theme in document.metadata.themes { themes[theme, default: []].append(i) }
            for facet in Facet.allCases {
                for value in facet.values(of: document.metadata, label: { _ in nil }) {
                    facets[facet, default: [:]][value.key, default: []].append(i)
                }
            }
        }
        themeDocuments = themes
        facetDocuments = facets
        fallbacks = model.fallbackPages.paths
    }

    /// The fallback page in `language` of document `i`'s group, if there is one.
    func fallback(of i: Int, in language: String, model: SiteModel) -> String? {
        model.translations.originals[i].flatMap { fallbacks[language]?[$0] }
    }

    /// The translation of document `i` in `language`, if there is one.
    func translation(of i: Int, in language: String, model: SiteModel) -> Int? {
        model.translations.groups[model.documents[i].translationIdentity]?.first { model.documents[$0].language == language }
    }
}
