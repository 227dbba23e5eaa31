
/// The pager of a list cut into pages (`section.pager`, `collection.pager`, and `pager` on every page
/// for `<head>`): nil when the list fits on one page, so `{{#pager}}` shows nothing then.
struct PagerView: TemplateRecord, Sendable {
    /// This page's number, from 1.
    let number: Int
    let pageCount: Int
    /// The page numbers to show: the first, the last and the one either side of this one, with a
    /// gap for what is left out: at most seven entries, which fit a phone's width in one row.
    let pages: [PagerEntryView]
    let previousURL: String?
    let nextURL: String?

    /// `urls` holds every page's URL in order; `number` is this page's.
    init(number: Int, urls: [String]) {
        self.number = number
        pageCount = urls.count
        previousURL = number > 1 ? urls[number - 2] : nil
        nextURL = number < urls.count ? urls[number] : nil
        var entries: [PagerEntryView] = []
        var last = 0
        for shown in Self.shown(number, of: urls.count) {
            if shown > last + 1 { entries.append(PagerEntryView(number: nil, url: nil, isCurrent: false)) }
            entries.append(PagerEntryView(number: shown, url: urls[shown - 1], isCurrent: shown == number))
            last = shown
        }
        pages = entries
    }

    /// Page numbers shown around `number`, ascending. A gap that would stand for a single page
    /// shows that page instead: a number is no wider than the ellipsis.
    static func shown(_ number: Int, of count: Int) -> [Int] {
        var shown = Set([1, count])
        for near in (number - 1)...(number + 1) where near >= 1 && near <= count { shown.insert(near) }
        for n in shown.sorted() where n + 2 <= count && shown.contains(n + 2) { shown.insert(n + 1) }
        return shown.sorted()
    }

    static let templateTable = TemplateTable<Self>("pager", [
        .number("number") { $0.number },
        .number("pageCount") { $0.pageCount },
        // Digits and a slash read the same in every site language ("2 / 14").
        .text("label") { "\($0.number) / \($0.pageCount)" },
        .list("pages", PagerEntryView.self) { $0.pages },
        .text("previousURL") { $0.previousURL },
        .text("nextURL") { $0.nextURL },
        .bool("isFirst") { $0.number == 1 },
        .bool("isLast") { $0.number == $0.pageCount },
    ])
}

/// A page number of the pager, or a gap (`isGap`) standing for the numbers left out.
struct PagerEntryView: TemplateRecord, Sendable {
    let number: Int?
    let url: String?
    let isCurrent: Bool

    static let templateTable = TemplateTable<Self>("pager entry", [
        .number("number") { $0.number },
        .text("url") { $0.url },
        .bool("isCurrent") { $0.isCurrent },
        .bool("isGap") { $0.number == nil },
    ])
}
