import Foundation

/// One page to write: where it goes, which template renders it, and what the template sees.
struct PagePlan: Sendable {
    let outputPath: String
    let template: String
    let view: PageView
}

/// Turns the site model into the list of pages: document pages, section lists, language homes and
/// the root language chooser. Dates, country names and sort orders are worked out here, once per
/// language, so rendering itself touches no formatter.
struct PageAssembler {
    let model: SiteModel
    let templates: TemplateSet

    func plans() -> [PagePlan] {
        let config = model.config
        let siteLanguages = config.languages.map { language in
            LanguageView(code: language.code, name: language.name, locale: language.locale,
                         url: model.url(language.code + "/"), isDefault: language.code == config.defaultLanguage)
        }
        // Translations: documents sharing a translationKey (or a path) across languages.
        var groups: [String: [Int]] = [:]
        for (i, document) in model.documents.enumerated() where document.role == .page {
            groups[document.translationIdentity, default: []].append(i)
        }
        var plans: [PagePlan] = []
        for language in config.languages {
            plans += languagePages(language, siteLanguages: siteLanguages, groups: groups)
        }
        let defaultView = siteLanguages.first { $0.isDefault }!
        let site = SiteView(title: config.title(in: config.defaultLanguage), rootURL: model.basePath,
                            assetsURL: model.url("assets/"), baseURL: model.absoluteBase,
                            defaultLanguage: config.defaultLanguage, languages: siteLanguages)
        let rootLinks = siteLanguages.map {
            LanguageLinkView(code: $0.code, name: $0.name, url: $0.url, isCurrent: $0.isDefault, isTranslation: true)
        }
        let root = PageView(site: site, lang: defaultView, t: model.strings.tree(config.defaultLanguage), title: site.title,
                            description: nil, url: model.basePath, permalink: model.absoluteBase, languages: rootLinks,
                            sections: [], document: nil, section: nil, home: nil, homeSections: [])
        plans.append(PagePlan(outputPath: "index.html", template: "index", view: root))
        return plans
    }

    private func languagePages(_ language: Language, siteLanguages: [LanguageView], groups: [String: [Int]]) -> [PagePlan] {
        let config = model.config
        let code = language.code
        let formatting = LocaleFormatting(localeIdentifier: language.locale)
        let strings = model.strings.tree(code)
        let lang = siteLanguages.first { $0.code == code }!
        let site = SiteView(title: config.title(in: code), rootURL: model.basePath, assetsURL: model.url("assets/"),
                            baseURL: model.absoluteBase, defaultLanguage: config.defaultLanguage, languages: siteLanguages)
        let indices = model.documents.indices.filter { model.documents[$0].language == code }
        let pages = indices.filter { model.documents[$0].role == .page }
        let listDocs = Dictionary(indices.filter { model.documents[$0].role == .list }.map { (model.documents[$0].folder, $0) },
                                  uniquingKeysWith: { a, _ in a })
        let homeDoc = indices.first { model.documents[$0].role == .home }

        var cards: [Int: DocumentCardView] = [:]
        for i in pages { cards[i] = card(i, formatting: formatting, language: code) }
        let sorted = sortedForLists(pages, formatting: formatting)

        // Sections: the top folders, in the order of their titles.
        var sectionKeys = Set(pages.compactMap { model.documents[$0].section })
        for folder in listDocs.keys where !folder.contains("/") && !folder.isEmpty { sectionKeys.insert(folder) }
        func listTitle(_ folder: String) -> String {
            if let doc = listDocs[folder] { return model.documents[doc].metadata.title }
            let name = String(folder.split(separator: "/").last ?? "")
            return model.strings.lookup("section.\(name)", in: code) ?? name.replacingOccurrences(of: "-", with: " ").capitalized
        }
        func folderURL(_ folder: String) -> String {
            if let doc = listDocs[folder] { return model.documents[doc].urlPath }
            return code + "/" + folder.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/") + "/"
        }
        let orderedSections = sectionKeys.sorted { a, b in
            let wa = listDocs[a].flatMap { model.documents[$0].metadata.weight } ?? Int.max
            let wb = listDocs[b].flatMap { model.documents[$0].metadata.weight } ?? Int.max
            if wa != wb { return wa < wb }
            let order = formatting.compare(listTitle(a), listTitle(b))
            return order == .orderedSame ? a < b : order == .orderedAscending
        }
        /// Pages listed under a folder: its own pages and the bundles directly inside it.
        func children(of folder: String) -> [DocumentCardView] {
            sorted.filter { i in
                let document = model.documents[i]
                if document.isBundle {
                    let parent = document.folder.split(separator: "/").dropLast().joined(separator: "/")
                    return parent == folder
                }
                return document.folder == folder
            }.map { cards[$0]! }
        }
        func sectionView(_ folder: String) -> SectionView {
            let doc = listDocs[folder]
            return SectionView(title: listTitle(folder), url: model.url(folderURL(folder)), content: doc.map { model.bodies[$0] },
                               summary: doc.flatMap { model.documents[$0].metadata.summary }, documents: children(of: folder))
        }
        let sectionViews = orderedSections.map { ($0, sectionView($0)) }

        func navigation(current: String?) -> [LinkView] {
            sectionViews.map { LinkView(title: $0.1.title, url: $0.1.url, isCurrent: $0.0 == current, id: $0.0) }
        }
        /// The language switcher: `urlPathIn(other)` gives the same page in another language, if it exists.
        func switcher(_ urlPathIn: (String) -> String?) -> [LanguageLinkView] {
            config.languages.map { other in
                let target = other.code == code ? nil : urlPathIn(other.code)
                let url = other.code == code ? (urlPathIn(code).map(model.url) ?? lang.url)
                    : (target.map(model.url) ?? model.url(other.code + "/"))
                return LanguageLinkView(code: other.code, name: other.name, url: url, isCurrent: other.code == code,
                                        isTranslation: other.code == code || target != nil)
            }
        }
        func page(title: String, description: String?, urlPath: String, languages: [LanguageLinkView], current: String?,
                  document: DocumentView? = nil, section: SectionView? = nil, home: SectionView? = nil,
                  homeSections: [SectionView] = []) -> PageView {
            PageView(site: site, lang: lang, t: strings, title: title, description: description, url: model.url(urlPath),
                     permalink: model.permalink(urlPath), languages: languages, sections: navigation(current: current),
                     document: document, section: section, home: home, homeSections: homeSections)
        }

        var plans: [PagePlan] = []
        for i in pages {
            let document = model.documents[i]
            let translations = (groups[document.translationIdentity] ?? []).filter { $0 != i }
            func translation(in other: String) -> Int? { translations.first { model.documents[$0].language == other } }
            let translationViews = config.languages.compactMap { other -> TranslationView? in
                guard let t = translation(in: other.code) else { return nil }
                return TranslationView(code: other.code, name: other.name, url: model.url(model.documents[t].urlPath),
                                       title: model.documents[t].metadata.title)
            }
            let sectionLink = document.section.map { key in
                sectionViews.first { $0.0 == key }.map { LinkView(title: $0.1.title, url: $0.1.url, id: key) }
            } ?? nil
            let view = documentView(i, card: cards[i]!, formatting: formatting, language: code, translations: translationViews,
                                    section: sectionLink)
            let languages = switcher { other in
                other == code ? document.urlPath : translation(in: other).map { model.documents[$0].urlPath }
            }
            plans.append(PagePlan(outputPath: document.urlPath + "index.html", template: templates.templateName(for: document.metadata.kind),
                                  view: page(title: document.metadata.title, description: document.metadata.summary,
                                             urlPath: document.urlPath, languages: languages, current: document.section,
                                             document: view)))
        }

        // Every section, and every deeper folder with an `_index.md`, gets a list page.
        let listFolders = orderedSections + listDocs.keys.filter { $0.contains("/") }.sorted()
        for folder in listFolders {
            let view = sectionView(folder)
            let urlPath = folderURL(folder)
            let languages = switcher { other in
                other == code ? urlPath : self.listURLPath(folder: folder, language: other)
            }
            plans.append(PagePlan(outputPath: urlPath + "index.html", template: "section",
                                  view: page(title: view.title, description: view.summary, urlPath: urlPath, languages: languages,
                                             current: String(folder.split(separator: "/").first ?? ""), section: view)))
        }

        // The language home: its own text, then each section with its newest documents.
        let homeTitle = homeDoc.map { model.documents[$0].metadata.title } ?? config.title(in: code)
        let home = SectionView(title: homeTitle, url: lang.url, content: homeDoc.map { model.bodies[$0] },
                               summary: homeDoc.flatMap { model.documents[$0].metadata.summary },
                               documents: sorted.prefix(10).map { cards[$0]! })
        plans.append(PagePlan(outputPath: code + "/index.html", template: "home",
                              view: page(title: homeTitle, description: home.summary ?? site.title, urlPath: code + "/",
                                         languages: switcher { "\($0)/" }, current: nil, home: home,
                                         homeSections: sectionViews.map(\.1))))
        return plans
    }

    /// URL path of the list page for `folder` in another language, if that language has one.
    private func listURLPath(folder: String, language: String) -> String? {
        let hasContent = model.documents.contains { document in
            document.language == language && (document.folder == folder || document.folder.hasPrefix(folder + "/"))
        }
        guard hasContent else { return nil }
        if let list = model.documents.first(where: { $0.language == language && $0.role == .list && $0.folder == folder }) {
            return list.urlPath
        }
        return language + "/" + folder.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/") + "/"
    }

    /// Newest first; undated after dated; then by title in the language's alphabetical order.
    private func sortedForLists(_ indices: [Int], formatting: LocaleFormatting) -> [Int] {
        indices.sorted { a, b in
            let da = model.documents[a].metadata.date, db = model.documents[b].metadata.date
            if da != db {
                guard let da else { return false }
                guard let db else { return true }
                return da > db
            }
            let order = formatting.compare(model.documents[a].metadata.title, model.documents[b].metadata.title)
            if order != .orderedSame { return order == .orderedAscending }
            return model.documents[a].sourcePath < model.documents[b].sourcePath
        }
    }

    private func themeLinks(_ ids: [String], language: String) -> [LinkView] {
        ids.map { LinkView(title: model.themes.label($0, in: language, defaultLanguage: model.config.defaultLanguage), url: nil, id: $0) }
    }

    private func countryName(_ code: String?, formatting: LocaleFormatting) -> String? {
        guard let code else { return nil }
        return formatting.locale.localizedString(forRegionCode: code) ?? code
    }

    private func card(_ i: Int, formatting: LocaleFormatting, language: String) -> DocumentCardView {
        let document = model.documents[i]
        let meta = document.metadata
        return DocumentCardView(
            title: meta.title, url: model.url(document.urlPath), date: meta.date.map(formatting.format),
            dateISO: meta.date?.description, summary: meta.summary, kind: meta.kind.rawValue,
            kindLabel: model.strings.lookup("kind.\(meta.kind.rawValue)", in: language) ?? meta.kind.rawValue,
            municipality: meta.municipality, country: meta.country, countryName: countryName(meta.country, formatting: formatting),
            language: document.language, themes: themeLinks(meta.themes, language: language))
    }

    private func documentView(_ i: Int, card: DocumentCardView, formatting: LocaleFormatting, language: String,
                              translations: [TranslationView], section: LinkView?) -> DocumentView {
        let meta = model.documents[i].metadata
        let levels = meta.levels.map {
            LinkView(title: model.strings.lookup("level.\($0.rawValue)", in: language) ?? $0.rawValue, url: nil, id: $0.rawValue)
        }
        let decision = meta.decision.map { ["number": $0.number, "date": formatting.format($0.date), "dateISO": $0.date.description] }
        let host = meta.host.map {
            ["place": $0.place, "country": $0.country, "countryName": countryName($0.country, formatting: formatting) ?? $0.country]
        }
        let period = meta.period.map {
            ["start": formatting.format($0.start), "end": formatting.format($0.end),
             "startISO": $0.start.description, "endISO": $0.end.description]
        }
        let toc = model.headings[i].filter { $0.level >= 2 && $0.level <= 3 }.map { HeadingView(id: $0.id, text: $0.text, level: $0.level) }
        return DocumentView(card: card, content: model.bodies[i], project: meta.project, authors: meta.authors, levels: levels,
                            decision: decision, host: host, period: period, translations: translations, toc: toc, section: section)
    }
}
