import Foundation

/// The pages of one language: documents, section lists, theme and facet pages, and the home.
///
/// Used by one thread at a time (hence `@unchecked`): the pages step makes one per language on a
/// worker, and `kartu serve` keeps them to plan an edited document's page again.
final class LanguagePages: @unchecked Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let shared: SharedIndex
    let language: Language
    let code: String
    let formatting: LocaleFormatting
    let site: SiteView
    let lang: LanguageView
    let strings: TemplateDictionary
    private var cards: [Int: DocumentCardView] = [:]
    /// Position of each page document (by document index) in this language's list order.
    private var listRank: [Int] = []
    /// Page documents in this language's list order: this language's, then the others.
    private var ordered: [Int] = []
    var sectionViews: [(key: String, view: SectionView)] = []
    /// Each page document's place in its section's list, made on first use from `sectionViews`.
    private var sectionPlaces: [Int: (section: Int, position: Int)]?
    /// The theme index's entries and the municipality and country indexes, kept for the home page.
    var themeEntries: [IndexEntryView] = []
    var facetIndexes: [Facet: IndexView] = [:]
    /// Folder → its `_index.md` document.
    let listDocs: [String: Int]
    private var facetLinks: [LinkView] = []
    /// EPUB files of the editions, by landing document (see `EPUBDownload`).
    let downloads: [Int: EPUBDownload]
    /// Each edition's shared view, by landing document, made on first use (LanguagePages+Publications).
    var editionCache: [Int: EditionContext] = [:]
    let workers: Workers
    /// This language's search index, once `files()` made it, and each page document's number in it:
    /// kept only for `kartu serve` (`keepsSearchIndex`), which updates it after an edit.
    let keepsSearchIndex: Bool
    private(set) var searchIndex: SearchIndex?
    private(set) var searchIDs: [Int: Int] = [:]

    init(model: SiteModel, templates: TemplateSet, shared: SharedIndex, language: Language, downloads: [Int: EPUBDownload] = [:],
         workers: Workers, keepsSearchIndex: Bool = false) {
        self.model = model
        self.workers = workers
        self.keepsSearchIndex = keepsSearchIndex
        self.templates = templates
        self.shared = shared
        self.language = language
        self.downloads = downloads
        code = language.code
        formatting = LocaleFormatting(localeIdentifier: language.locale)
        strings = model.strings.tree(language.code)
        lang = shared.languageViews.first { $0.code == language.code }!
        site = SiteView(title: model.config.title(in: language.code), rootURL: model.basePath, assetsURL: model.url("assets/"),
                        baseURL: model.absoluteBase, defaultLanguage: model.config.defaultLanguage, languages: shared.languageViews)
        listDocs = Dictionary(model.documents.indices.filter { model.documents[$0].language == language.code && model.documents[$0].role == .list }
                                .map { (model.documents[$0].folder, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// These pages planned with `model` instead, which differs from the one they were planned with
    /// only in bodies and backlinks, and in what the cards of `newCards` show (`kartu serve`, after
    /// an edit): lists and orders stay as they were made, those cards are made again.
    init(replanning old: LanguagePages, with model: SiteModel, newCards: [Int] = []) {
        self.model = model
        workers = old.workers
        keepsSearchIndex = old.keepsSearchIndex
        templates = old.templates
        shared = old.shared
        language = old.language
        downloads = old.downloads
        code = old.code
        formatting = old.formatting
        strings = old.strings
        lang = old.lang
        site = old.site
        listDocs = old.listDocs
        cards = old.cards
        for i in newCards { cards[i] = nil }
        listRank = old.listRank
        ordered = old.ordered
        sectionViews = old.sectionViews
        themeEntries = old.themeEntries
        facetIndexes = old.facetIndexes
        facetLinks = old.facetLinks
        editionCache = old.editionCache
        searchIndex = old.searchIndex
        searchIDs = old.searchIDs
    }

    func t(_ key: String) -> String? { model.strings.lookup(key, in: code) }

    func plans() -> [PagePlan] {
        // List order for this language: newest first, undated last, then title in this language's
        // alphabetical order. Documents of other languages only ever appear in lists of their own
        // (e.g. "in other languages"), so they are ranked after, by date and a plain title order.
        let mine = shared.pages.filter { model.documents[$0].language == code }.sorted(by: listOrder)
        let others = shared.pages.filter { model.documents[$0].language != code }.sorted(by: plainListOrder)
        ordered = mine + others
        listRank = [Int](repeating: Int.max, count: model.documents.count)
        for (rank, i) in ordered.enumerated() { listRank[i] = rank }
        let pages = ordered.filter { model.documents[$0].language == code }
        facetLinks = Facet.allCases.map { LinkView(title: t("facet.\($0.rawValue)") ?? $0.rawValue, url: model.url(facetIndexPath($0)), id: $0.rawValue) }
        sectionViews = sectionKeys(pages).map { ($0, sectionView($0, pages: pages)) }

        var plans: [PagePlan] = []
        for i in model.documents.indices where model.documents[i].language == code && model.documents[i].role == .page {
            plans.append(documentPlan(i))
        }
        for i in (shared.fallbacks[code] ?? [:]).keys.sorted() { plans.append(documentPlan(i, fallback: shared.fallbacks[code]![i])) }
        plans += listPlans(pages: pages)
        plans += printPlans()
        plans += themePlans()
        plans += facetPlans()
        // The home page shows the theme and facet indexes' entries: planned after them.
        plans.append(homePlan(pages: pages))
        plans.append(searchPlan())
        return plans
    }

    // MARK: Shared pieces

    private func newerFirst(_ a: Int, _ b: Int) -> Bool? {
        DayDate.newerFirst(model.documents[a].metadata.date, model.documents[b].metadata.date)
    }

    /// Newest first, then title in this language's alphabetical order, then path.
    func listOrder(_ a: Int, _ b: Int) -> Bool {
        if let decided = newerFirst(a, b) { return decided }
        let order = formatting.compare(model.documents[a].metadata.title, model.documents[b].metadata.title)
        if order != .orderedSame { return order == .orderedAscending }
        return model.documents[a].sourcePath < model.documents[b].sourcePath
    }

    /// Newest first, then title by code points, then path: deterministic without collation.
    func plainListOrder(_ a: Int, _ b: Int) -> Bool {
        if let decided = newerFirst(a, b) { return decided }
        let ta = model.documents[a].metadata.title, tb = model.documents[b].metadata.title
        if ta != tb { return ta < tb }
        return model.documents[a].sourcePath < model.documents[b].sourcePath
    }

    /// Whether document `i` is still between its neighbours in the list order (after an edit of its
    /// title): if so, every list shows the same documents in the same order.
    func keepsPlace(_ i: Int) -> Bool {
        let rank = listRank[i]
        guard rank < ordered.count else { return true }
        let mine = model.documents[i].language == code
        let before = mine ? listOrder : plainListOrder
        func sameGroup(_ j: Int) -> Bool { (model.documents[j].language == code) == mine }
        if rank > 0, sameGroup(ordered[rank - 1]), !before(ordered[rank - 1], i) { return false }
        if rank + 1 < ordered.count, sameGroup(ordered[rank + 1]), !before(i, ordered[rank + 1]) { return false }
        return true
    }

    func sortedByList(_ indices: [Int]) -> [Int] { indices.sorted { listRank[$0] < listRank[$1] } }

    func page(title: String, description: String?, urlPath: String, languages: [LanguageLinkView], current: String?) -> PageView {
        PageView(site: site, lang: lang, t: strings, title: title, description: description, url: model.url(urlPath),
                 permalink: model.permalink(urlPath), languages: languages,
                 sections: sectionViews.map { LinkView(title: $0.view.title, url: $0.view.url, isCurrent: $0.key == current, id: $0.key) },
                 themesURL: model.url(themeIndexPath), facets: facetLinks)
    }

    /// The language switcher: `urlPathIn(other)` gives the same page in another language, if it
    /// exists; else `fallback(other)` a page showing it there untranslated, if any; else the home page.
    func switcher(_ urlPathIn: (String) -> String?, fallback: (String) -> String? = { _ in nil }) -> [LanguageLinkView] {
        model.config.languages.map { other in
            let target = urlPathIn(other.code)
            let shown = target ?? fallback(other.code) ?? other.code + "/"
            return LanguageLinkView(code: other.code, name: other.name, url: model.url(shown),
                                    isCurrent: other.code == code, isTranslation: target != nil, locale: other.locale,
                                    permalink: model.permalink(shown))
        }
    }

    /// Where document `i` sits in its section: the cards of up to `sectionWindow` documents of the
    /// section's list around it (it among them), and the section's size. Bounded, so that a page of
    /// a section of thousands does not list them all. The cards are this planner's (after an edit,
    /// the edited document's new one), the order the lists'.
    func sectionNeighbours(of i: Int) -> (cards: [DocumentCardView], total: Int)? {
        if sectionPlaces == nil {
            var places: [Int: (section: Int, position: Int)] = [:]
            for (s, entry) in sectionViews.enumerated() {
                for (p, card) in entry.view.documents.enumerated() { places[card.document] = (s, p) }
            }
            sectionPlaces = places
        }
        guard let place = sectionPlaces?[i] else { return nil }
        let documents = sectionViews[place.section].view.documents
        let start = max(0, min(place.position - Self.sectionWindow / 2, documents.count - Self.sectionWindow))
        let window = documents[start..<min(documents.count, start + Self.sectionWindow)]
        return (window.map { card($0.document) }, documents.count)
    }

    static let sectionWindow = 9

    func countryName(_ code: String?) -> String? {
        guard let code else { return nil }
        return formatting.locale.localizedString(forRegionCode: code) ?? code
    }

    func card(_ i: Int) -> DocumentCardView {
        if let known = cards[i] { return known }
        let document = model.documents[i]
        let meta = document.metadata
        // A document of another language without a translation here leads to its fallback page here, if any.
        let fallback = document.language == code ? nil : shared.fallback(of: i, in: code, model: model)
        let card = DocumentCardView(
            title: meta.title, url: model.url(fallback ?? document.urlPath), date: meta.date.map(formatting.format),
            dateISO: meta.date?.description, summary: meta.summary, kind: meta.kind.rawValue,
            kindLabel: t("kind.\(meta.kind.rawValue)") ?? meta.kind.rawValue,
            municipality: meta.municipality, country: meta.country, countryName: countryName(meta.country),
            language: document.language, languageName: model.config.language(document.language)?.name ?? document.language,
            isOtherLanguage: document.language != code, themes: themeLinks(meta.themes), document: i)
        cards[i] = card
        return card
    }

    // MARK: Documents

    func themeLinks(_ ids: [String]) -> [LinkView] {
        ids.map { LinkView(title: model.themes.label($0, in: code, defaultLanguage: model.config.defaultLanguage),
                           url: model.url(themePath($0)), id: $0) }
    }

    func documentPlan(_ i: Int) -> PagePlan {
        documentPlan(i, fallback: nil)
    }

    /// The fallback page of original `i` in this language: its text in this language's pages.
    func fallbackPlan(_ i: Int) -> PagePlan? {
        shared.fallbacks[code]?[i].map { documentPlan(i, fallback: $0) }
    }

    /// The page of document `i`; with `fallback` (a URL path in this language), the fallback page
    /// of original `i` there: not indexed, its canonical address the original's, not in the sitemap.
    private func documentPlan(_ i: Int, fallback: String?) -> PagePlan {
        let document = model.documents[i]
        let meta = document.metadata
        let urlPath = fallback ?? document.urlPath
        let translations = model.config.languages.compactMap { other -> TranslationView? in
            guard other.code != code, let t = shared.translation(of: i, in: other.code, model: model) else { return nil }
            return TranslationView(code: other.code, name: other.name, url: model.url(model.documents[t].urlPath),
                                   title: model.documents[t].metadata.title)
        }
        let section = document.section.flatMap { key in
            sectionViews.first { $0.key == key }.map { LinkView(title: $0.view.title, url: $0.view.url, id: key) }
        }
        let neighbours = fallback == nil ? sectionNeighbours(of: i) : nil
        func facetURL(_ facet: Facet) -> String? {
            facet.values(of: meta, label: { _ in nil }).first.map { model.url(facetPath(facet, $0.key)) }
        }
        let levels = meta.levels.map {
            LinkView(title: t("level.\($0.rawValue)") ?? $0.rawValue, url: model.url(facetPath(.level, $0.rawValue)), id: $0.rawValue)
        }
        let (backlinks, citedIn) = citations(of: i)
        let publication = publicationView(forDocument: i)
        var related = model.related[i]
        if publication != nil, let own = model.publications.publication(of: i)?.document {
            // The edition's own chapters are in its contents, beside the page: not repeated as related.
            related.removeAll { model.publications.publication(of: $0)?.document == own }
        }
        let toc = model.headings[i].filter { $0.level >= 2 && $0.level <= 3 }.map { HeadingView(id: $0.id, text: $0.text, level: $0.level) }
        var view = DocumentView(
            card: card(i), content: model.bodies[i], municipalityURL: facetURL(.municipality), countryURL: facetURL(.country),
            projectURL: facetURL(.project), kindURL: facetURL(.kind), project: meta.project, authors: meta.authors, levels: levels,
            decision: meta.decision.map { decision in
                var fields = ["date": formatting.format(decision.date), "dateISO": decision.date.description]
                fields["number"] = decision.number
                if let draft = decision.draft {
                    fields["draftNumber"] = draft.number
                    fields["draftDate"] = formatting.format(draft.date)
                    fields["draftDateISO"] = draft.date.description
                }
                return fields
            },
            source: meta.source,
            host: meta.host.map { ["place": $0.place, "country": $0.country, "countryName": countryName($0.country) ?? $0.country] },
            period: meta.period.map { ["start": formatting.format($0.start), "end": formatting.format($0.end),
                                       "startISO": $0.start.description, "endISO": $0.end.description] },
            translations: translations, toc: toc, section: section,
            sectionCards: neighbours?.cards ?? [], sectionCount: neighbours?.total ?? 0,
            related: related.map(card), backlinks: backlinks.sorted(by: listOrder).map(card), citedIn: citedIn)
        let languageName = { (code: String) in self.model.config.language(code)?.name ?? code }
        if fallback != nil {
            view.fallback = FallbackView(language: document.language, languageName: languageName(document.language),
                                         originalURL: model.url(document.urlPath))
        } else if case .outdated(let source, let translation)? = model.translations.states[i], let original = model.translations.originals[i] {
            let originalDocument = model.documents[original]
            view.outdated = OutdatedView(originalLanguage: originalDocument.language, originalLanguageName: languageName(originalDocument.language),
                                         originalURL: model.url(originalDocument.urlPath), originalDate: formatting.format(source.date),
                                         originalDateISO: source.date.description, translationDate: formatting.format(translation.date),
                                         translationDateISO: translation.date.description)
        }
        // A fallback page is no translation: not an alternate of the original, in any language.
        let languages = switcher { other in
            if other == self.code { return fallback == nil ? urlPath : nil }
            return self.shared.translation(of: i, in: other, model: self.model).map { self.model.documents[$0].urlPath }
        } fallback: { other in other == self.code ? urlPath : self.shared.fallback(of: i, in: other, model: self.model) }
        var pageView = page(title: meta.title, description: meta.summary, urlPath: urlPath, languages: languages, current: document.section)
        pageView.document = view
        pageView.publication = publication
        guard fallback != nil else {
            return PagePlan(outputPath: urlPath + "index.html", template: templates.templateName(for: meta.kind), view: pageView,
                            origin: document.sourcePath, lastModified: meta.date)
        }
        pageView.noindex = true
        pageView.permalink = model.permalink(document.urlPath)
        return PagePlan(outputPath: urlPath + "index.html", template: templates.templateName(for: meta.kind), view: pageView,
                        origin: "the \(code) fallback page of '\(document.sourcePath)'", inSitemap: false)
    }

    // MARK: Search

    /// The search page: the search field and results of the theme's script, and a message for
    /// readers without JavaScript.
    private func searchPlan() -> PagePlan {
        let path = "\(code)/\(SearchIndex.folder)/"
        let title = t("search.title") ?? "Search"
        var view = page(title: title, description: nil, urlPath: path, languages: switcher { "\($0)/\(SearchIndex.folder)/" }, current: nil)
        view.isSearch = true
        return PagePlan(outputPath: path + "index.html", template: "search", view: view, origin: "the search page of \(code)",
                        inSitemap: false)
    }

    /// This language's feed (with a base URL) and search index.
    func files() -> [(path: String, data: Data)] {
        // In list order, as ranked by plans() (which runs first): no second collation sort.
        let pages = sortedByList(shared.pages.filter { model.documents[$0].language == code })
        var files: [(path: String, data: Data)] = []
        if let feed = feedFile(pages) { files.append(feed) }
        let index = SearchIndex(entries: pages.map(searchEntry), language: code, workers: workers)
        for (name, data) in index.files {
            files.append(("\(code)/\(SearchIndex.folder)/\(name)", data))
        }
        if keepsSearchIndex {
            searchIndex = index
            searchIDs = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1, $0) })
        }
        return files
    }

    /// This language's feed, with a base URL: its newest documents (`pages` in list order; all of
    /// this language's when nil).
    func feedFile(_ pages: [Int]? = nil) -> (path: String, data: Data)? {
        guard model.hasAbsoluteBase else { return nil }
        let pages = pages ?? ordered.filter { model.documents[$0].language == code }
        let entries = pages.prefix(Feed.limit).map { i in
            let document = model.documents[i]
            return Feed.Entry(title: document.metadata.title, permalink: model.permalink(document.urlPath),
                              date: document.metadata.date, summary: document.metadata.summary, authors: document.metadata.authors)
        }
        return ("\(code)/feed.xml", Feed.xml(title: site.title, language: code, homePermalink: model.permalink("\(code)/"),
                                            selfPermalink: model.permalink("\(code)/feed.xml"), entries: entries))
    }

    func searchEntry(_ i: Int) -> SearchIndex.Entry {
        let card = card(i)
        let meta = model.documents[i].metadata
        // What the document page shows besides its title, summary and text, as it shows it.
        var fields = [card.countryName, meta.project].compactMap { $0 }
        if let host = meta.host { fields += [host.place, countryName(host.country) ?? host.country] }
        fields += meta.authors
        fields += card.themes.map(\.title)
        return SearchIndex.Entry(title: card.title, url: card.url, kindLabel: card.kindLabel, municipality: card.municipality,
                                 languageName: card.languageName, summary: card.summary, text: PlainText.fromHTML(model.bodies[i]),
                                 fields: fields)
    }

    /// Document `i`'s search entry made again from the model (its text was edited): the index files
    /// that changed, each with its bytes or nil when it is no longer written.
    func searchFiles(updating i: Int) -> [(path: String, data: Data?)] {
        guard var index = searchIndex, let id = searchIDs[i] else { return [] }
        let changed = index.replace(id, with: searchEntry(i))
        searchIndex = index
        return changed.map { ("\(code)/\(SearchIndex.folder)/\($0.0)", $0.1) }
    }
}
