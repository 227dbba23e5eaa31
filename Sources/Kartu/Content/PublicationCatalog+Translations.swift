extension PublicationCatalog {
    /// Fills each edition's `untranslated`: the chapters (by translation identity) that the other
    /// editions of the same book have and it has not. Each sits after the last chapter that precedes
    /// it in its own edition and exists in this one, in the part it has there when this edition has
    /// that part. `publications` is in site.yaml's language order, which decides the edition a
    /// chapter's place is taken from.
    static func findUntranslated(_ publications: inout [Publication], documents: [Document]) {
        let books = Dictionary(grouping: publications.indices, by: { publications[$0].identity }).values.filter { $0.count > 1 }
        for editions in books {
            let shapes = editions.map { EditionShape(publications[$0], documents: documents) }
            // Identity → the chapter in every edition that has it, in language order.
            var everywhere: [String: [Int]] = [:]
            for shape in shapes {
                for chapter in shape.publication.readingOrder { everywhere[documents[chapter].translationIdentity, default: []].append(chapter) }
            }
            for (e, here) in shapes.enumerated() {
                var seen = Set(here.chapterByIdentity.keys)
                var found: [Publication.UntranslatedChapter] = []
                for other in shapes where other.publication.language != here.publication.language {
                    var previous: Int?
                    for chapter in other.publication.readingOrder {
                        let identity = documents[chapter].translationIdentity
                        if let mine = here.chapterByIdentity[identity] {
                            previous = mine
                            continue
                        }
                        guard seen.insert(identity).inserted else { continue }
                        let part = other.places[chapter]!.part.flatMap { other.partIdentities[$0] }.flatMap { here.partByIdentity[$0] }
                        let (readingIndex, index) = here.slot(after: previous, inPart: part)
                        found.append(.init(documents: everywhere[identity]!, readingIndex: readingIndex, part: part, index: index))
                    }
                }
                // In table-of-contents order (before a part's first chapter at the top level comes before
                // inside it, at the same reading index); chapters sharing a place keep the order found.
                func order(_ found: (offset: Int, element: Publication.UntranslatedChapter)) -> (Int, Int, Int, Int) {
                    let chapter = found.element
                    return chapter.part.map { ($0, 1, chapter.index, found.offset) } ?? (chapter.index, 0, 0, found.offset)
                }
                publications[editions[e]].untranslated = found.enumerated().sorted { order($0) < order($1) }.map(\.element)
            }
        }
    }
}

/// Where each chapter of one edition sits, for placing the chapters it lacks.
private struct EditionShape {
    /// A chapter's entry in `contents` (its own, or its part's) and, in a part, its index there.
    struct Place {
        let top: Int
        let part: Int?
        let index: Int
    }

    let publication: Publication
    var chapterByIdentity: [String: Int] = [:]
    var places: [Int: Place] = [:]
    /// `contents` index of a part → the part's identity (its `_index.md`'s, else its folder's).
    var partIdentities: [Int: String] = [:]
    var partByIdentity: [String: Int] = [:]
    /// Number of chapters before each `contents` entry (and in all, at `contents.count`).
    var chaptersBefore: [Int] = [0]

    init(_ publication: Publication, documents: [Document]) {
        self.publication = publication
        for (top, entry) in publication.contents.enumerated() {
            switch entry {
            case .chapter(let chapter):
                places[chapter] = Place(top: top, part: nil, index: top)
                chaptersBefore.append(chaptersBefore[top] + 1)
            case .part(let part):
                let identity = part.document.map { documents[$0].translationIdentity } ?? "path:" + part.folder + "/_index.md"
                partIdentities[top] = identity
                partByIdentity[identity] = top
                for (index, chapter) in part.chapters.enumerated() { places[chapter] = Place(top: top, part: top, index: index) }
                chaptersBefore.append(chaptersBefore[top] + part.chapters.count)
            }
        }
        for chapter in publication.readingOrder { chapterByIdentity[documents[chapter].translationIdentity] = chapter }
    }

    /// The place of a missing chapter that follows `previous` (a chapter of this edition; nil: none
    /// does), inside `part` (a `contents` index) or at the top level: its reading index and its index
    /// among the part's chapters or the top-level entries.
    func slot(after previous: Int?, inPart part: Int?) -> (readingIndex: Int, index: Int) {
        let place = previous.map { places[$0]! }
        guard let part, case .part(let content) = publication.contents[part] else {
            let index = place.map { $0.top + 1 } ?? 0
            return (chaptersBefore[index], index)
        }
        let index: Int
        if let place, place.part == part {
            index = place.index + 1
        } else if let place, place.top > part {
            // The chapter before it comes after the part here: the part's end is the nearest place.
            index = content.chapters.count
        } else {
            index = 0
        }
        return (chaptersBefore[part] + index, index)
    }
}
