/// A book in one language: its landing document (`<folder>/index.md`, `kind: publication`) and the
/// chapters (`kind: chapter`) in its folder, grouped in at most one level of parts, in reading order.
///
/// Every `Int` is an index into the site's documents (`SiteModel.documents`). The editions of one
/// book in several languages are separate values, linked by the landing documents' translation key.
public struct Publication: Sendable {
    /// One entry of the table of contents.
    public enum Entry: Sendable, Hashable {
        case chapter(Int)
        case part(Part)
    }

    /// A sub-folder of the publication: chapters under a title of their own.
    public struct Part: Sendable, Hashable {
        /// Inside the language folder: `publications/kartu/practices`.
        public let folder: String
        /// The part's `_index.md`, when it has one.
        public let document: Int?
        /// From `_index.md`, else the folder's name.
        public let title: String
        /// In reading order.
        public let chapters: [Int]
    }

    /// A chapter that another language's edition has and this one does not (yet): the table of
    /// contents can show it in its place, linking to the languages that have it.
    public struct UntranslatedChapter: Sendable, Hashable {
        /// The chapter in each language that has it, in site.yaml's language order. Its place is
        /// taken from the first one's edition.
        public let documents: [Int]
        /// It would be read just before `readingOrder[readingIndex]` (after the last chapter when
        /// `readingIndex == readingOrder.count`).
        public let readingIndex: Int
        /// The part (an index into `contents`) it would belong to; nil at the top level.
        public let part: Int?
        /// It would come just before the entry at this index: of the part's `chapters`, or of
        /// `contents` at the top level. Chapters sharing a place are listed in their order.
        public let index: Int
    }

    public let language: String
    /// The landing document: the publication's `index.md`.
    public let document: Int
    /// The publication's folder inside the language folder (`publications/kartu`).
    public let folder: String
    /// The table of contents: top-level chapters and parts, in reading order.
    public let contents: [Entry]
    /// Every chapter, `contents` flattened: what "previous" and "next" follow.
    public let readingOrder: [Int]
    /// Chapters of other editions that this one lacks, in the order they would be read.
    public internal(set) var untranslated: [UntranslatedChapter] = []
    /// The landing document's translation identity, shared by every edition of the book.
    let identity: String

    /// The chapters before and after `chapter` in reading order (nil at either end, or when it is
    /// not a chapter of this publication).
    public func neighbours(of chapter: Int) -> (previous: Int?, next: Int?) {
        guard let i = readingOrder.firstIndex(of: chapter) else { return (nil, nil) }
        return (i > 0 ? readingOrder[i - 1] : nil, i + 1 < readingOrder.count ? readingOrder[i + 1] : nil)
    }
}
