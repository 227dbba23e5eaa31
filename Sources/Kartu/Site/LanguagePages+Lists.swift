import Foundation

extension LanguagePages {
    static let homeSectionLimit = 6
    static let homeNewestLimit = 6

    /// The top folders of this language, by the `weight` of their `_index.md`, then by title.
    func sectionKeys(_ pages: [Int]) -> [String] {
        var keys = Set(pages.compactMap { model.documents[$0].section })
        for folder in listDocsFolders where !folder.contains("/") && !folder.isEmpty { keys.insert(folder) }
        return keys.sorted { a, b in
            let wa = listDoc(a).flatMap { model.documents[$0].metadata.weight } ?? Int.max
            let wb = listDoc(b).flatMap { model.documents[$0].metadata.weight } ?? Int.max
            if wa != wb { return wa < wb }
            let order = formatting.compare(listTitle(a), listTitle(b))
            return order == .orderedSame ? a < b : order == .orderedAscending
        }
    }

    var listDocsFolders: [String] { listDocs.keys.sorted() }

    func listDoc(_ folder: String) -> Int? { listDocs[folder] }

    func listTitle(_ folder: String) -> String {
        if let doc = listDoc(folder) { return model.documents[doc].metadata.title }
        let name = String(folder.split(separator: "/").last ?? "")
        return t("section.\(name)") ?? name.replacingOccurrences(of: "-", with: " ").capitalized
    }

    func folderURLPath(_ folder: String, language: String) -> String {
        // Only folders without an `_index.md` get here: sections, which are never bundles, so no
        // bundle slug applies; the URL is made as for every other content folder.
        ContentURL.folder(folder, language: language, bundleSlugs: [:])
    }

    /// A list page: its `_index.md` text and the pages directly in the folder (and its bundles).
    func sectionView(_ folder: String, pages: [Int]) -> SectionView {
        let doc = listDoc(folder)
        let children = pages.filter { i in
            let document = model.documents[i]
            if document.isBundle {
                return document.folder.split(separator: "/").dropLast().joined(separator: "/") == folder
            }
            return document.folder == folder
        }
        let urlPath = doc.map { model.documents[$0].urlPath } ?? folderURLPath(folder, language: code)
        return SectionView(title: listTitle(folder), url: model.url(urlPath), content: doc.map { model.bodies[$0] },
                           summary: doc.flatMap { model.documents[$0].metadata.summary }, documents: children.map(card))
    }

    /// Every section, and every deeper folder with an `_index.md`, gets a list page (or several:
    /// `paginate` in site.yaml).
    func listPlans(pages: [Int]) -> [PagePlan] {
        let folders = sectionKeys(pages) + listDocsFolders.filter { $0.contains("/") }.sorted()
        return folders.flatMap { folder -> [PagePlan] in
            let view = sectionView(folder, pages: pages)
            let doc = listDoc(folder)
            let urlPath = doc.map { model.documents[$0].urlPath } ?? folderURLPath(folder, language: code)
            let origin = doc.map { model.documents[$0].sourcePath } ?? "content/\(code)/\(folder)/"
            let languages = switcher { other in
                other == self.code ? urlPath : self.listURLPath(folder: folder, language: other)
            }
            let current = String(folder.split(separator: "/").first ?? "")
            // A publication's part: its chapters in reading order, and the book around it, on one page.
            if let doc, let publication = publicationView(forPart: doc) {
                var pageView = page(title: view.title, description: view.summary, urlPath: urlPath, languages: languages, current: current)
                pageView.publication = publication
                pageView.section = SectionView(title: view.title, url: view.url, content: view.content, summary: view.summary,
                                               documents: partChapters(publication))
                let template = templates.names.contains(PublicationPages.partTemplate) ? PublicationPages.partTemplate : "section"
                return [PagePlan(outputPath: urlPath + "index.html", template: template, view: pageView, origin: origin)]
            }
            return listPages(urlPath, count: view.documents.count).map { listPage in
                var pageView = listPageView(listPage, title: view.title, description: view.summary, languages: languages, current: current)
                var section = SectionView(title: view.title, url: view.url, content: view.content, summary: view.summary,
                                          documents: Array(view.documents[listPage.entries]))
                if listPage.pager != nil {
                    section.total = view.documents.count
                    section.pager = listPage.pager
                }
                pageView.section = section
                return PagePlan(outputPath: listPage.urlPath + "index.html", template: "section", view: pageView,
                                origin: listPageOrigin(origin, listPage))
            }
        }
    }

    /// URL path of the list page for `folder` in another language, if that language has one.
    func listURLPath(folder: String, language: String) -> String? {
        let hasContent = model.documents.contains { document in
            document.language == language && (document.role == .page || document.role == .list)
                && (document.folder == folder || document.folder.hasPrefix(folder + "/"))
        }
        guard hasContent else { return nil }
        if let list = model.documents.first(where: { $0.language == language && $0.role == .list && $0.folder == folder }) {
            return list.urlPath
        }
        return folderURLPath(folder, language: language)
    }

    /// The language home: its own text, the newest documents, then each section with its documents.
    func homePlan(pages: [Int]) -> PagePlan {
        let homeDoc = model.documents.indices.first { model.documents[$0].language == code && model.documents[$0].role == .home }
        let title = homeDoc.map { model.documents[$0].metadata.title } ?? model.config.title(in: code)
        let home = SectionView(title: title, url: lang.url, content: homeDoc.map { model.bodies[$0] },
                               summary: homeDoc.flatMap { model.documents[$0].metadata.summary },
                               documents: pages.prefix(Self.homeNewestLimit).map(card))
        var view = page(title: title, description: home.summary ?? site.title, urlPath: code + "/",
                        languages: switcher { "\($0)/" }, current: nil)
        view.home = home
        // Each section with its newest documents; the section's own page lists them all.
        view.homeSections = sectionViews.map { $0.view.newest(Self.homeSectionLimit) }
        // A library's ways in: its themes, and where its documents come from, each with its count.
        view.homeThemes = themeEntries.filter { $0.total > 0 }
        view.homeFacets = [Facet.municipality, .country].compactMap { facetIndexes[$0] }.filter { !$0.entries.isEmpty }
        return PagePlan(outputPath: code + "/index.html", template: "home", view: view,
                        origin: homeDoc.map { model.documents[$0].sourcePath } ?? "the home page of \(code)")
    }
}
