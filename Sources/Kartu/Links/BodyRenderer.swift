import Foundation

/// Every document's Markdown parsed, its links checked and rewritten, and its body rendered to HTML,
/// with the headings and backlinks the page step needs. What each document's text yielded (its
/// link targets, anchors into other documents and problems) is kept, so that `kartu serve` can
/// render one edited document again and know what else its edit touched.
struct RenderedBodies: Sendable {
    /// Per document: its body as HTML.
    var html: [String]
    /// Per document: its headings (ids unique within the document).
    var headings: [[MarkdownDocument.Heading]]
    /// Per document: the page documents whose text links to it, in document order, once each.
    var backlinks: [[Int]]
    /// Per document: what rendering its text found besides the HTML.
    var found: [Found]
    /// How links were resolved: the same for every document until a document is added, removed or moved.
    let resolver: LinkResolver

    /// One document's link targets, anchors into other documents, heading ids and problems.
    struct Found: Sendable {
        /// Other documents its text links to, each once, in order.
        var targets: [Int]
        var anchors: [LinkResolver.Anchor]
        var headingIDs: Set<String>
        var problems: Diagnostics
    }

    /// Every document's problems, with every anchor checked against the headings now known.
    var problems: Diagnostics {
        var problems = Diagnostics()
        let headingIDs = found.map(\.headingIDs)
        for found in found {
            problems.append(contentsOf: found.problems)
            for anchor in found.anchors { anchor.check(headingIDs, diagnostics: &problems) }
        }
        return problems
    }
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
    /// The words for screen readers in each language (footnotes' "back to the text", tables' name).
    let labels: @Sendable (String) -> MarkdownDocument.Labels
    let workers: Workers
    /// Where a link to a document's path in a language without that document leads.
    var alternates: LinkResolver.Alternates? = nil

    func render(diagnostics: inout Diagnostics) -> RenderedBodies {
        let resolver = LinkResolver(
            documentsBySource: Dictionary(documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a }),
            urlPaths: documents.map(\.urlPath),
            headingIDs: nil,
            resources: Dictionary(resources.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a }),
            assetPaths: Set(assets.map { "assets/" + $0 }),
            basePath: basePath,
            alternates: alternates)
        let bodies = workers.map(Array(documents.indices)) { i in render(i, resolver: resolver) }
        var backlinks = [[Int]](repeating: [], count: documents.count)
        for (i, body) in bodies.enumerated() where documents[i].role == .page {
            // "Referenced by" lists document pages only, once each.
            for target in body.found.targets { backlinks[target].append(i) }
        }
        let rendered = RenderedBodies(html: bodies.map(\.html), headings: bodies.map(\.headings), backlinks: backlinks,
                                      found: bodies.map(\.found), resolver: resolver)
        diagnostics.append(contentsOf: rendered.problems)
        return rendered
    }

    /// Document `i` (now `documents[i]`) rendered again into `bodies`: its HTML, headings and
    /// problems, and the backlinks of the documents its links now reach or no longer reach. Valid
    /// while no document was added, removed or moved (the resolver stays the same).
    func rerender(_ i: Int, into bodies: inout RenderedBodies) {
        let body = render(i, resolver: bodies.resolver)
        if documents[i].role == .page {
            let before = Set(bodies.found[i].targets), after = Set(body.found.targets)
            for target in before.subtracting(after) { bodies.backlinks[target].removeAll { $0 == i } }
            for target in after.subtracting(before) {
                let list = bodies.backlinks[target]
                bodies.backlinks[target].insert(i, at: list.firstIndex { $0 > i } ?? list.count)
            }
        }
        bodies.html[i] = body.html
        bodies.headings[i] = body.headings
        bodies.found[i] = body.found
    }

    /// One document's body: the syntax tree is freed as soon as its HTML is written.
    private func render(_ i: Int, resolver: LinkResolver) -> (html: String, headings: [MarkdownDocument.Heading], found: RenderedBodies.Found) {
        let document = documents[i]
        let markdown = MarkdownDocument(document.body, lineOffset: document.bodyLineOffset, unsafeHTML: unsafeHTML)
        var found = RenderedBodies.Found(targets: [], anchors: [], headingIDs: Set(markdown.headings.map(\.id)), problems: Diagnostics())
        var targets: [Int] = []
        for link in markdown.links {
            guard let resolution = resolver.resolve(link, in: i, sourcePath: document.sourcePath, ownHeadingIDs: found.headingIDs,
                                                    diagnostics: &found.problems)
            else { continue }
            if let url = resolution.url { markdown.setURL(url, of: link) }
            if let target = resolution.target, target != i { targets.append(target) }
            if let anchor = resolution.anchor { found.anchors.append(anchor) }
        }
        found.targets = Set(targets).sorted()
        found.problems.append(contentsOf: markdown.rawHTMLWarnings(file: document.sourcePath))
        return (markdown.renderHTML(labels: labels(document.language)), markdown.headings, found)
    }
}

extension BodyRenderer {
    /// The same renderer over `documents`: the same documents in the same places, some edited.
    func with(_ documents: [Document]) -> BodyRenderer {
        BodyRenderer(documents: documents, resources: resources, assets: assets, basePath: basePath, unsafeHTML: unsafeHTML,
                     labels: labels, workers: workers, alternates: alternates)
    }
}
