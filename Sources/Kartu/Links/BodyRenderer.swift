import Foundation

/// Every document's Markdown parsed, its links checked and rewritten, and its body rendered to HTML,
/// with the headings and backlinks the page step needs.
struct RenderedBodies: Sendable {
    /// Per document: its body as HTML.
    let html: [String]
    /// Per document: its headings (ids unique within the document).
    let headings: [[MarkdownDocument.Heading]]
    /// Per document: the page documents whose text links to it, in document order, once each.
    let backlinks: [[Int]]
}

/// Renders bodies one document at a time per worker: a syntax tree is freed as soon as its HTML is
/// written, so memory does not grow with the number of documents. Anchors into other documents are
/// checked afterwards, when all headings are known (the URLs do not depend on them).
struct BodyRenderer {
    let documents: [Document]
    let resources: [Resource]
    /// Files of `templates/assets/`, relative to it: targets of `/assets/…` links.
    let assets: [String]
    let basePath: String
    let unsafeHTML: Bool
    /// The footnotes' "back to the text" label in each language.
    let footnoteBackLabel: @Sendable (String) -> String?
    let workers: Workers

    func render(diagnostics: inout Diagnostics) -> RenderedBodies {
        let documents = self.documents, unsafeHTML = self.unsafeHTML, footnoteBackLabel = self.footnoteBackLabel
        let resolver = LinkResolver(
            documentsBySource: Dictionary(documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a }),
            urlPaths: documents.map(\.urlPath),
            headingIDs: nil,
            resources: Dictionary(resources.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a }),
            assetPaths: Set(assets.map { "assets/" + $0 }),
            basePath: basePath)
        let bodies = workers.map(Array(documents.indices)) { i -> Body in
            let document = documents[i]
            let markdown = MarkdownDocument(document.body, lineOffset: document.bodyLineOffset, unsafeHTML: unsafeHTML)
            var body = Body(headings: markdown.headings, ids: Set(markdown.headings.map(\.id)))
            for link in markdown.links {
                guard let resolution = resolver.resolve(link, in: i, sourcePath: document.sourcePath, ownHeadingIDs: body.ids,
                                                        diagnostics: &body.problems)
                else { continue }
                if let url = resolution.url { markdown.setURL(url, of: link) }
                if let target = resolution.target, target != i { body.targets.append(target) }
                if let anchor = resolution.anchor { body.anchors.append(anchor) }
            }
            body.html = markdown.renderHTML(footnoteBackLabel: footnoteBackLabel(document.language))
            return body
        }
        let headingIDs = bodies.map(\.ids)
        var backlinks = [[Int]](repeating: [], count: documents.count)
        for (i, body) in bodies.enumerated() {
            diagnostics.append(contentsOf: body.problems)
            for anchor in body.anchors { anchor.check(headingIDs, diagnostics: &diagnostics) }
            // "Referenced by" lists document pages only, once each.
            guard documents[i].role == .page else { continue }
            for target in Set(body.targets).sorted() { backlinks[target].append(i) }
        }
        return RenderedBodies(html: bodies.map(\.html), headings: bodies.map(\.headings), backlinks: backlinks)
    }

    /// One document's outcome, before anchors into other documents are checked.
    private struct Body: Sendable {
        var html = ""
        var targets: [Int] = []
        var problems = Diagnostics()
        let headings: [MarkdownDocument.Heading]
        let ids: Set<String>
        var anchors: [LinkResolver.Anchor] = []
    }
}
