/// How a list of `count` entries is cut into pages of `size` (`paginate` in site.yaml; 0 keeps one
/// page), and where each page is published.
struct Pagination: Sendable {
    let size: Int
    let count: Int

    /// The folder under a list's URL that holds its later pages.
    static let folder = "page"

    /// At least one: an empty list still has its page, saying it is empty.
    var pageCount: Int { size <= 0 || count == 0 ? 1 : (count + size - 1) / size }

    /// The entries of page `number` (from 1).
    func range(of number: Int) -> Range<Int> {
        guard size > 0 else { return 0..<count }
        let start = min((number - 1) * size, count)
        return start..<min(start + size, count)
    }

    /// Page 1 keeps the list's own URL, so links to the list never change with the site's size; page
    /// N is `<list>page/N/`. There is no `page/1/`: one URL per page.
    static func urlPath(_ listPath: String, page number: Int) -> String {
        number == 1 ? listPath : "\(listPath)\(folder)/\(number)/"
    }
}
