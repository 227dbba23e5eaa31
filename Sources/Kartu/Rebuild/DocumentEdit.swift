import Foundation

/// A document edited in place: its text, or what its card shows (title, summary), or both; what
/// the edit reaches beyond its own page.
///
/// The front matter decides what a document contributes to other pages, so an edit is one of these
/// only when every other field stayed as it was (and where it is written, so that no diagnostic
/// moves). Then:
/// - its text reaches its own page (body, table of contents), its language's search index, the
///   pages of the documents its links reach or no longer reach ("referenced by"), and the anchors
///   into it from other documents, which are checked again;
/// - its card (title, summary) reaches every page that lists it (lists, themes, facets, homes,
///   related documents, backlinks), the pages of its translations (which name it), its language's
///   feed and search index — provided its title leaves it in the same place in every list, which
///   `LiveSite` checks;
/// - its authors, decision, source, host or period reach its own page and its feed.
/// A document of a publication, a list, home or theme text is shown on pages that only the whole
/// build makes (the print version, the e-book, lists' texts), so its edit is not a `DocumentEdit`.
struct DocumentEdit: Equatable {
    let document: Int
    /// Whether the card changed: the title or summary.
    let card: Bool
    /// Documents whose pages are planned again: the edited one, then those whose backlinks changed.
    var pages: [Int]

    /// Nil when `edited` changed more than the fields above, or is shown beyond the pages above.
    init?(_ i: Int, previous: Document, edited: Document, publications: PublicationCatalog) {
        guard previous.role == .page, edited.role == .page, edited.bodyLineOffset == previous.bodyLineOffset,
              Self.placing(edited.metadata) == Self.placing(previous.metadata), edited.metadata.kind != .publication,
              publications.publication(of: i) == nil else { return nil }
        document = i
        card = edited.metadata.title != previous.metadata.title || edited.metadata.summary != previous.metadata.summary
        pages = [i]
    }

    init(document: Int, card: Bool, pages: [Int]) {
        self.document = document
        self.card = card
        self.pages = pages
    }

    /// The front matter without the fields an in-place edit may change: what places the document.
    private static func placing(_ metadata: DocumentMetadata) -> DocumentMetadata {
        var placing = metadata
        placing.title = ""
        placing.summary = nil
        placing.authors = []
        placing.decision = nil
        placing.source = nil
        placing.host = nil
        placing.period = nil
        return placing
    }

    /// With the links of its text before and after the edit known: also the pages whose
    /// "referenced by" changed.
    mutating func reach(linksBefore: [Int], linksAfter: [Int]) {
        pages += Set(linksBefore).symmetricDifference(linksAfter).sorted()
    }
}
