/// Lists cut into pages (`paginate` in site.yaml): sections, theme pages and facet value pages.
extension LanguagePages {
    /// One page of a list: which entries it shows, where it is published, and its pager.
    struct ListPage {
        let number: Int
        let pageCount: Int
        let entries: Range<Int>
        let urlPath: String
        /// Nil when the list fits on one page.
        let pager: PagerView?

        var isFirst: Bool { number == 1 }
    }

    /// The pages of a list of `count` entries published at `listPath`.
    func listPages(_ listPath: String, count: Int) -> [ListPage] {
        let pagination = Pagination(size: model.config.paginate, count: count)
        let numbers = Array(1...pagination.pageCount)
        let paths = numbers.map { Pagination.urlPath(listPath, page: $0) }
        let urls = paths.map(model.url)
        return numbers.map { number in
            ListPage(number: number, pageCount: numbers.count, entries: pagination.range(of: number), urlPath: paths[number - 1],
                     pager: numbers.count > 1 ? PagerView(number: number, urls: urls) : nil)
        }
    }

    /// The page around one page of a list. `languages` is the list's switcher: its first page in
    /// each language, which is where the switcher leads from every page (other languages cut their
    /// lists elsewhere, so there is no "page 2" to match).
    func listPageView(_ listPage: ListPage, title: String, description: String?, languages: [LanguageLinkView],
                      current: String?) -> PageView {
        guard !listPage.isFirst else {
            return page(title: title, description: description, urlPath: listPage.urlPath, languages: languages, current: current)
        }
        let here = languages.map { link in
            link.isCurrent
                ? LanguageLinkView(code: link.code, name: link.name, url: model.url(listPage.urlPath), isCurrent: true,
                                   isTranslation: true, locale: link.locale, permalink: model.permalink(listPage.urlPath))
                : link
        }
        // Numbers in the title: pages of one list must not share a <title>.
        return page(title: "\(title) (\(listPage.number) / \(listPage.pageCount))", description: description,
                    urlPath: listPage.urlPath, languages: here, current: current)
    }

    /// What page N ≥ 2 is called in messages (URL clashes): not a content path, so a content file
    /// published at the same place is reported, naming this page as what else is written there.
    func listPageOrigin(_ origin: String, _ listPage: ListPage) -> String {
        guard !listPage.isFirst else { return origin }
        return "page \(listPage.number) of " + (origin.hasPrefix("content/") ? "the list of '\(origin)'" : origin)
    }

    /// A collection's page: its slice of this language's documents followed by the other languages'
    /// ones, split back in two; the counts stay the whole list's.
    func collectionPage(_ view: CollectionView, _ listPage: ListPage) -> CollectionView {
        let here = view.documents.count
        let mine = listPage.entries.clamped(to: 0..<here)
        let others = listPage.entries.clamped(to: here..<(here + view.otherLanguages.count))
        var sliced = CollectionView(facet: view.facet, facetLabel: view.facetLabel, facetURL: view.facetURL, id: view.id, title: view.title,
                                    url: view.url, content: view.content, documents: Array(view.documents[mine]),
                                    otherLanguages: Array(view.otherLanguages[(others.lowerBound - here)..<(others.upperBound - here)]))
        sliced.pager = listPage.pager
        sliced.total = here
        sliced.otherTotal = view.otherLanguages.count
        return sliced
    }
}
