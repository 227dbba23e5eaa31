import Foundation

/// The site `kartu serve` shows, kept in memory between builds so that an edit redoes only what it
/// touches.
///
/// The first build, and any change a `TextEdit` does not describe (front matter, a template,
/// `site.yaml`, a new, removed or renamed file, a build after one that failed), is a whole build
/// written beside the served site and swapped in. A change to documents' text only is redone in
/// place: those documents read and rendered again, the pages of `TextEdit` planned and rendered
/// again, and only the files whose bytes changed replaced (each by a rename, so a file is never
/// served half-written). Either way the served site is byte for byte what `kartu build` writes.
public final class LiveSite {
    public let options: BuildOptions
    /// The site last written, when the build that wrote it had no error: what the next edit starts from.
    private var site: AssembledSite?
    /// Files edited since `site` was written, when an in-place build of them found errors (and so
    /// wrote nothing): they are read again with the next change.
    private var pending: Set<String> = []
    private var problems = Diagnostics()
    private var documentCounts: [(language: String, count: Int)] = []
    /// Output path → index in the site's pages.
    private var pageIndex: [String: Int] = [:]
    /// A document's URL → the pages (indices) that list its card; a document page's index → its document.
    private var cardPages: [String: [Int]] = [:]
    private var pageDocuments: [Int: Int] = [:]

    /// What one build did.
    public struct Outcome: Sendable {
        public let report: BuildReport
        /// Paths (relative to the site) of the files written or removed; nil when the whole site was built.
        public let changedFiles: [String]?
        /// URLs of the pages of the documents whose files changed, for a preview to go to.
        public var editedPages: [String] = []
    }

    /// `options.output` is where the site is written (and served from).
    public init(options: BuildOptions) {
        precondition(options.output != nil && options.write, "a live site is written to a folder of its own")
        self.options = options
    }

    /// Builds after `changes` (paths relative to the site folder; nil: build everything). Throws only
    /// for a usage problem, as `kartu build` does.
    public func build(after changes: Set<String>? = nil) throws(Diagnostic) -> Outcome {
        var outcome = try build(changes)
        if let changes, let model = site?.model {
            outcome.editedPages = model.documents.filter { changes.contains($0.sourcePath) }.map { model.url($0.urlPath) }
        }
        return outcome
    }

    private func build(_ changes: Set<String>?) throws(Diagnostic) -> Outcome {
        let start = ContinuousClock.now
        let builder = SiteBuilder(options: options)
        let (root, output) = try builder.checkedFolders()
        if let changes, let site {
            switch SourceChange.classify(changes.union(pending), site: site, root: root) {
            case .nothing:
                return Outcome(report: report(pages: 0, since: start), changedFiles: [])
            case .documents(let documents):
                if let outcome = edit(documents, in: site, output: output, since: start) {
                    // With errors nothing was written: the edited files are read again next time.
                    pending = outcome.report.errorCount > 0 ? changes.union(pending) : []
                    return outcome
                }
            case .everything:
                break
            }
        }
        var assembly = builder.assemble(root: root)
        var written = 0
        if let assembled = assembly.site {
            written = assembled.output.write(to: output, diagnostics: &assembly.problems)
        }
        problems = assembly.problems
        pending = []
        documentCounts = assembly.documentCounts
        site = problems.hasErrors ? nil : assembly.site
        index(site)
        return Outcome(report: report(pages: written, since: start), changedFiles: nil)
    }

    /// Where each page and each card is, for the edits to come.
    private func index(_ site: AssembledSite?) {
        let pages = site?.output.site.pages ?? []
        pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.outputPath, $0) })
        cardPages = [:]
        pageDocuments = [:]
        guard let model = site?.model else { return }
        for (at, page) in pages.enumerated() {
            for card in page.view.listedCards { cardPages[card.url, default: []].append(at) }
        }
        for (i, document) in model.documents.enumerated() where document.role == .page {
            if let at = pageIndex[document.urlPath + "index.html"] { pageDocuments[at] = i }
        }
    }

    private func report(pages: Int, since start: ContinuousClock.Instant) -> BuildReport {
        BuildReport(diagnostics: problems.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages,
                    elapsed: (ContinuousClock.now - start).seconds, strict: options.strict, wrote: true)
    }

    /// The documents edited in place: nil when one of them changed more than a `DocumentEdit` may
    /// (the whole site is then built).
    private func edit(_ documents: [Int], in site: AssembledSite, output: URL, since start: ContinuousClock.Instant) -> Outcome? {
        var content = site.content
        var renderer = site.bodyRenderer
        var bodies = site.bodies
        var edits: [DocumentEdit] = []
        var removed = site.bodies.problems.items
        var added: [Diagnostic] = []
        for i in documents {
            let path = content.documents[i].sourcePath
            guard let (read, fileProblems) = site.loader.reread(path), var document = read, !fileProblems.hasErrors,
                  let edit = DocumentEdit(i, previous: content.documents[i], edited: document, publications: site.model.publications)
            else { return nil }
            document.urlPath = content.documents[i].urlPath
            content.documents[i] = document
            removed += content.fileProblems[path] ?? []
            added += fileProblems.items
            content.fileProblems[path] = fileProblems.items.isEmpty ? nil : fileProblems.items
            renderer = renderer.replacing(i, with: document)
            let next = renderer.rerender(i, in: bodies)
            edits.append(edit.reaching(before: bodies, after: next))
            bodies = next
        }
        let model = site.model.replacing(documents: content.documents, bodies: bodies)
        let newCards = edits.filter(\.card).map(\.document)
        let languages = site.output.site.languages.map { LanguagePages(replanning: $0, with: model, newCards: newCards) }
        let byCode = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0) })
        // A new title may move the document in the lists: then the lists are made again, whole.
        for i in newCards where !languages.allSatisfy({ $0.keepsPlace(i) }) { return nil }

        var pages = site.output.site.pages
        var documentPages = Set(edits.flatMap(\.pages))
        var listPages: [(page: Int, document: Int)] = []
        for i in newCards {
            let document = model.documents[i]
            // Its translations name it; every page listing its card shows the new one.
            for j in site.output.site.languages[0].shared.groups[document.translationIdentity] ?? [] { documentPages.insert(j) }
            for at in cardPages[model.url(document.urlPath)] ?? [] {
                if let j = pageDocuments[at] { documentPages.insert(j) } else { listPages.append((at, i)) }
            }
        }
        var replanned: [Int] = []
        for j in documentPages.sorted() {
            let plan = byCode[model.documents[j].language]!.documentPlan(j)
            guard let at = pageIndex[plan.outputPath] else { return nil }
            pages[at] = plan
            replanned.append(at)
        }
        for (at, i) in listPages {
            guard let planner = byCode[pages[at].view.lang.code] else { return nil }
            let old = pages[at]
            pages[at] = PagePlan(outputPath: old.outputPath, template: old.template,
                                 view: old.view.replacingCard(at: model.url(model.documents[i].urlPath), with: planner.card(i)),
                                 origin: old.origin, lastModified: old.lastModified, inSitemap: old.inSitemap)
            replanned.append(at)
        }

        var files = site.output.site.files
        var changes: [(path: String, data: Data?)] = []
        func change(_ path: String, _ data: Data?) {
            changes.append((path, data))
            if let at = files.firstIndex(where: { $0.path == path }) {
                if let data { files[at].data = data } else { files.remove(at: at) }
            } else if let data {
                files.append((path, data))
            }
        }
        for edit in edits {
            let planner = byCode[model.documents[edit.document].language]!
            for (path, data) in planner.searchFiles(updating: edit.document) { change(path, data) }
        }
        for code in Set(edits.map { model.documents[$0.document].language }).sorted() {
            if let feed = byCode[code]!.feedFile() { change(feed.path, feed.data) }
        }
        let templates = site.output.templates
        for at in Set(replanned).sorted() {
            guard let bytes = templates.renderData(pages[at].view, with: pages[at].template) else { return nil }
            changes.append((pages[at].outputPath, bytes))
        }

        var next = Diagnostics()
        next.append(contentsOf: Self.subtracting(removed, from: problems.items) + added)
        next.append(contentsOf: bodies.problems)
        if next.hasErrors {
            // As a whole build with errors: nothing written, the last good site stays.
            return Outcome(report: BuildReport(diagnostics: next.sorted, documentsPerLanguage: documentCounts, pagesWritten: 0,
                                               elapsed: (ContinuousClock.now - start).seconds, strict: options.strict, wrote: true),
                           changedFiles: [])
        }
        var written: [String] = []
        for (path, data) in changes {
            // A file that cannot be written: the whole build then writes the site again, or says why not.
            guard let changed = Self.replace(output.appendingPathComponent(path).path, with: data) else { return nil }
            if changed { written.append(path) }
        }
        problems = next
        let output = SiteOutput(site: SitePages(pages: pages, files: files, languages: languages), templates: templates,
                                resources: content.resources, assets: site.output.assets, root: site.output.root,
                                workers: site.output.workers)
        self.site = AssembledSite(loader: site.loader, content: content, bodyRenderer: renderer, bodies: bodies, model: model,
                                  output: output)
        return Outcome(report: report(pages: written.count { $0.hasSuffix(".html") }, since: start), changedFiles: written.sorted())
    }

    /// `items` without one occurrence of each of `removing`.
    private static func subtracting(_ removing: [Diagnostic], from items: [Diagnostic]) -> [Diagnostic] {
        var counts: [Diagnostic: Int] = [:]
        for diagnostic in removing { counts[diagnostic, default: 0] += 1 }
        return items.filter { diagnostic in
            guard let count = counts[diagnostic], count > 0 else { return true }
            counts[diagnostic] = count - 1
            return false
        }
    }

    /// Puts `data` at `path` (nil: removes the file) unless it is already there: whether the file
    /// changed, nil when it could not be written.
    private static func replace(_ path: String, with data: Data?) -> Bool? {
        let current = FileManager.default.contents(atPath: path)
        guard current != data else { return false }
        guard let data else { return unlink(path) == 0 ? true : nil }
        // A new name then a rename: a reader gets the old file or the new one, never half of one.
        let temporary = path + ".kartu-\(getpid())"
        guard (try? OutputWriter.writeFile(temporary, data, shownAs: path)) != nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return nil
        }
        return true
    }
}
