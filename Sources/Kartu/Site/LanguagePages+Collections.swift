import Foundation

/// Theme pages and facet pages: the documents of this language on a theme (or of a municipality,
/// a country…), then the documents in other languages that have no translation in this one.
extension LanguagePages {
    var themeIndexPath: String { "\(code)/\(ThemeCatalog.folder)/" }
    func themePath(_ id: String) -> String { "\(code)/\(ThemeCatalog.folder)/\(id)/" }
    func facetIndexPath(_ facet: Facet) -> String { "\(code)/\(facet.rawValue)/" }
    func facetPath(_ facet: Facet, _ key: String) -> String { "\(code)/\(facet.rawValue)/\(key)/" }

    /// Splits documents into this language's and the untranslated ones of other languages, each in list order.
    func collection(_ documents: [Int]) -> (here: [DocumentCardView], elsewhere: [DocumentCardView]) {
        let sorted = sortedByList(documents)
        let here = sorted.filter { model.documents[$0].language == code }
        let languageOrder = Dictionary(uniqueKeysWithValues: model.config.languages.enumerated().map { ($1.code, $0) })
        let elsewhere = sorted.filter { i in
            model.documents[i].language != code && shared.translation(of: i, in: code, model: model) == nil
        }
        // Other languages grouped in site order, each in list order (the sort is stable).
        let grouped = elsewhere.enumerated().sorted { a, b in
            let la = languageOrder[model.documents[a.element].language]!, lb = languageOrder[model.documents[b.element].language]!
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
        return (here.map(card), grouped.map(card))
    }

    func themePlans() -> [PagePlan] {
        var plans: [PagePlan] = []
        var entries: [IndexEntryView] = []
        let descriptions = Dictionary(model.documents.indices.filter { model.documents[$0].language == code && model.documents[$0].role == .theme }
                                        .map { (model.documents[$0].urlPath, $0) }, uniquingKeysWith: { a, _ in a })
        let facetLabel = t("themes") ?? "Themes"
        for theme in model.themes.themes {
            let documents = shared.themeDocuments[theme.id] ?? []
            let (here, elsewhere) = collection(documents)
            let path = themePath(theme.id)
            let label = model.themes.label(theme.id, in: code, defaultLanguage: model.config.defaultLanguage)
            let description = descriptions[path]
            let title = description.map { model.documents[$0].metadata.title }.flatMap { $0.isEmpty ? nil : $0 } ?? label
            let view = CollectionView(facet: "theme", facetLabel: facetLabel, facetURL: model.url(themeIndexPath), id: theme.id,
                                      title: title, url: model.url(path), content: description.map { model.bodies[$0] },
                                      documents: here, otherLanguages: elsewhere)
            let languages = switcher { "\($0)/\(ThemeCatalog.folder)/\(theme.id)/" }
            let origin = description.map { model.documents[$0].sourcePath } ?? "the theme page of '\(theme.id)'"
            for listPage in listPages(path, count: here.count + elsewhere.count) {
                var page = listPageView(listPage, title: title, description: description.flatMap { model.documents[$0].metadata.summary },
                                        languages: languages, current: nil)
                page.collection = collectionPage(view, listPage)
                plans.append(PagePlan(outputPath: listPage.urlPath + "index.html", template: "theme", view: page,
                                      origin: listPageOrigin(origin, listPage)))
            }
            entries.append(IndexEntryView(id: theme.id, title: label, url: model.url(path), count: here.count, total: documents.count))
        }
        entries.sort { a, b in
            let order = formatting.compare(a.title, b.title)
            return order == .orderedSame ? a.id < b.id : order == .orderedAscending
        }
        themeEntries = entries
        var index = page(title: facetLabel, description: nil, urlPath: themeIndexPath,
                         languages: switcher { "\($0)/\(ThemeCatalog.folder)/" }, current: nil)
        index.index = IndexView(facet: "theme", title: facetLabel, url: model.url(themeIndexPath), entries: entries)
        plans.append(PagePlan(outputPath: themeIndexPath + "index.html", template: "themes", view: index,
                              origin: "the theme index of \(code)"))
        return plans
    }

    func facetPlans() -> [PagePlan] {
        var plans: [PagePlan] = []
        for facet in Facet.allCases {
            let facetLabel = t("facet.\(facet.rawValue)") ?? facet.rawValue
            var entries: [IndexEntryView] = []
            for (key, documents) in (shared.facetDocuments[facet] ?? [:]).sorted(by: { $0.key < $1.key }) {
                // A value's label: as this language writes it when it has such a document, else as first written.
                let labelled = documents.first { model.documents[$0].language == code } ?? documents[0]
                let label = facet.values(of: model.documents[labelled].metadata, label: label(for: facet)).first { $0.key == key }?.label ?? key
                let (here, elsewhere) = collection(documents)
                let path = facetPath(facet, key)
                let view = CollectionView(facet: facet.rawValue, facetLabel: facetLabel, facetURL: model.url(facetIndexPath(facet)),
                                          id: key, title: label, url: model.url(path), content: nil, documents: here,
                                          otherLanguages: elsewhere)
                let languages = switcher { "\($0)/\(facet.rawValue)/\(key)/" }
                for listPage in listPages(path, count: here.count + elsewhere.count) {
                    var page = listPageView(listPage, title: label, description: nil, languages: languages, current: nil)
                    page.collection = collectionPage(view, listPage)
                    plans.append(PagePlan(outputPath: listPage.urlPath + "index.html", template: "facet", view: page,
                                          origin: listPageOrigin("the \(facet.rawValue) page of '\(label)'", listPage)))
                }
                entries.append(IndexEntryView(id: key, title: label, url: model.url(path), count: here.count, total: documents.count))
            }
            entries.sort { a, b in
                let order = formatting.compare(a.title, b.title)
                return order == .orderedSame ? a.id < b.id : order == .orderedAscending
            }
            let path = facetIndexPath(facet)
            var index = page(title: facetLabel, description: nil, urlPath: path, languages: switcher { "\($0)/\(facet.rawValue)/" }, current: nil)
            index.index = IndexView(facet: facet.rawValue, title: facetLabel, url: model.url(path), entries: entries)
            facetIndexes[facet] = index.index
            plans.append(PagePlan(outputPath: path + "index.html", template: "facets", view: index, origin: "the \(facet.rawValue) index of \(code)"))
        }
        return plans
    }

    /// Labels of facet values that are codes: country names in this language, kind and level names from the UI strings.
    private func label(for facet: Facet) -> (String) -> String? {
        switch facet {
        case .country: return { self.countryName($0) }
        case .kind, .level: return { self.t($0) }
        case .municipality, .project: return { _ in nil }
        }
    }
}
