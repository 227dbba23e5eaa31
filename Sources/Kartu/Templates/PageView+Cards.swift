/// Where a page shows other documents' cards: what `kartu serve` looks up to know which pages an
/// edited card appears on, and replaces on the list pages it appears on.
extension PageView {
    /// The cards this page shows of documents other than its own: related documents, backlinks and
    /// the section's documents beside a document page, the documents of a list, a collection, a
    /// home page and its sections.
    var listedCards: [DocumentCardView] {
        var cards: [DocumentCardView] = []
        if let document { cards += document.related + document.backlinks + document.sectionCards.filter { $0.document != document.card.document } }
        if let section { cards += section.documents }
        if let home { cards += home.documents }
        for section in homeSections { cards += section.documents }
        if let collection { cards += collection.documents + collection.otherLanguages }
        return cards
    }

    /// This list page with the card of `document` replaced by `card` (a document page's cards are
    /// planned again with the page, never replaced).
    func replacingCard(of document: Int, with card: DocumentCardView) -> PageView {
        func replaced(_ cards: [DocumentCardView]) -> [DocumentCardView] { cards.map { $0.document == document ? card : $0 } }
        var view = self
        if let section { view.section?.documents = replaced(section.documents) }
        if let home { view.home?.documents = replaced(home.documents) }
        for (i, section) in homeSections.enumerated() { view.homeSections[i].documents = replaced(section.documents) }
        if let collection {
            view.collection?.documents = replaced(collection.documents)
            view.collection?.otherLanguages = replaced(collection.otherLanguages)
        }
        return view
    }
}
