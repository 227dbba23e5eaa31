import Foundation

/// The site `kartu serve` shows, kept in memory between builds so that an edit redoes only what it
/// touches.
///
/// The first build, and any change a `DocumentEdit` does not describe (front matter that places the
/// document, a template, `site.yaml`, a new, removed or renamed file, a build after a whole build
/// that failed), is a whole build written beside the served site and swapped in. An edit of
/// documents' text or cards is redone in place: those documents read and rendered again, the pages
/// the edit reaches planned and rendered again, and only the files whose bytes changed replaced
/// (each by a rename, so a file is never served half-written). When such an edit has errors (a link
/// to nothing), nothing is written, as by a whole build, but the site kept here moves on: what it
/// did not write is written by the first edit without errors. Either way the served site is byte
/// for byte what `kartu build` writes for the same files.
public final class LiveSite {
    public let options: BuildOptions
    /// The site as of the last build, what the next edit starts from; nil after a whole build with errors.
    private var site: AssembledSite?
    /// Its pages, kept here rather than in `site` so that an edit replaces a few of them in place.
    private var pages: [PagePlan] = []
    private var problems = Diagnostics()
    private var documentCounts: [(language: String, count: Int)] = []
    /// What in-place builds with errors changed but did not write: page indices and file paths.
    private var unwrittenPages = Set<Int>()
    private var unwrittenFiles = Set<String>()
    /// Output path → index in `pages`; a document → the pages listing its card; a document page's
    /// index → what it shows; a document's source path → its index; the resources' source paths.
    private var pageIndex: [String: Int] = [:]
    private var cardPages: [Int: [Int]] = [:]
    private var pageDocuments: [Int: PageSource] = [:]
    private var sourceIndex: [String: Int] = [:]
    private var resourcePaths = Set<String>()
    private var sourceFolders = Set<String>()

    /// What a document page shows: a document, or an original on its fallback page in a language.
    private enum PageSource: Hashable {
        case document(Int)
        case fallback(Int, language: String)
    }

    /// What one build did.
    public struct Outcome: Sendable {
        public let report: BuildReport
        /// Paths (relative to the site) of the files written or removed; nil when the whole site was built.
        public let changedFiles: [String]?
        /// URLs of the pages of the documents whose files changed, for a preview to go to.
        public var editedPages: [String] = []
        /// No file a build reads changed (an editor's temporary file came and went): nothing was built.
        public var skipped = false
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
            outcome.editedPages = changes.compactMap { sourceIndex[$0] }.sorted().map { model.url(model.documents[$0].urlPath) }
        }
        return outcome
    }

    private func build(_ changes: Set<String>?) throws(Diagnostic) -> Outcome {
        let start = ContinuousClock.now
        let builder = SiteBuilder(options: options)
        let (root, output) = try builder.checkedFolders()
        // Only hidden files of content/ changed (an editor's swap or temporary file): no build reads
        // them, so there is nothing to build, even after a build that failed.
        if let changes, !changes.isEmpty, changes.allSatisfy(SourceChange.isIgnored) {
            var outcome = Outcome(report: report(problems, pages: 0, since: start), changedFiles: [])
            outcome.skipped = true
            return outcome
        }
        if let changes, let site {
            var timer = LapTimer(enabled: options.timings)
            let change = SourceChange.classify(changes, documents: sourceIndex, resources: resourcePaths, folders: sourceFolders,
                                              content: site.content, root: root)
            timer.lap("changes classified")
            switch change {
            case .nothing:
                return Outcome(report: report(problems, pages: 0, since: start), changedFiles: [])
            case .documents(let documents):
                if let outcome = edit(documents, output: output, since: start) { return outcome }
            case .everything:
                break
            }
        }
        // Everything the last site held is let go first: two sites of 10,000 documents need twice the memory.
        site = nil
        pages = []
        var assembly = builder.assemble(root: root, timer: StepTimer(enabled: options.timings), forRebuilds: true)
        var written = 0
        if let assembled = assembly.site {
            written = assembled.output.write(to: output, diagnostics: &assembly.problems)
        }
        problems = assembly.problems
        documentCounts = assembly.documentCounts
        unwrittenPages = []
        unwrittenFiles = []
        if !problems.hasErrors, var assembled = assembly.site {
            pages = assembled.output.site.pages
            assembled.output.site.pages = []
            site = assembled
        }
        assembly.site = nil
        index()
        return Outcome(report: report(problems, pages: written, since: start), changedFiles: nil)
    }

    /// Where each page, card and document is, for the edits to come.
    private func index() {
        pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.outputPath, $0) })
        cardPages = [:]
        pageDocuments = [:]
        sourceIndex = [:]
        resourcePaths = Set(site?.content.resources.map(\.sourcePath) ?? [])
        guard let model = site?.model else { return }
        for (at, page) in pages.enumerated() {
            for card in page.view.listedCards { cardPages[card.document, default: []].append(at) }
        }
        for i in model.documents.indices {
            sourceIndex[model.documents[i].sourcePath] = i
            if model.documents[i].role == .page, let at = pageIndex[model.documents[i].urlPath + "index.html"] { pageDocuments[at] = .document(i) }
        }
        for (language, fallbacks) in site?.output.site.languages.first?.shared.fallbacks ?? [:] {
            for (i, path) in fallbacks { if let at = pageIndex[path + "index.html"] { pageDocuments[at] = .fallback(i, language: language) } }
        }
        sourceFolders = SourceChange.folders(of: Array(sourceIndex.keys) + resourcePaths)
    }

    private func report(_ problems: Diagnostics, pages: Int, since start: ContinuousClock.Instant) -> BuildReport {
        BuildReport(diagnostics: problems.sorted, documentsPerLanguage: documentCounts, pagesWritten: pages,
                    elapsed: (ContinuousClock.now - start).seconds, strict: options.strict, wrote: true)
    }

    /// The documents edited in place: nil when one of them changed more than a `DocumentEdit` may
    /// (the whole site is then built, whatever this left half-done).
    private func edit(_ documents: [Int], output: URL, since start: ContinuousClock.Instant) -> Outcome? {
        guard var site else { return nil }
        var timer = LapTimer(enabled: options.timings)
        var edits: [DocumentEdit] = []
        var removed = site.bodies.problems.items
        var added: [Diagnostic] = []
        for i in documents {
            let path = site.content.documents[i].sourcePath
            guard let (read, fileProblems) = site.loader.reread(path), var document = read, !fileProblems.hasErrors,
                  let edit = DocumentEdit(i, previous: site.content.documents[i], edited: document, publications: site.model.publications)
            else { return nil }
            document.urlPath = site.content.documents[i].urlPath
            site.content.documents[i] = document
            removed += site.content.fileProblems[path] ?? []
            added += fileProblems.items
            site.content.fileProblems[path] = fileProblems.items.isEmpty ? nil : fileProblems.items
            edits.append(edit)
        }
        site.bodyRenderer = site.bodyRenderer.with(site.content.documents)
        for (n, edit) in edits.enumerated() {
            let before = site.bodies.found[edit.document].targets
            site.bodyRenderer.rerender(edit.document, into: &site.bodies)
            edits[n].reach(linksBefore: before, linksAfter: site.bodies.found[edit.document].targets)
        }
        timer.lap("edited documents")
        let model = site.model.replacing(documents: site.content.documents, bodies: site.bodies)
        site.model = model
        let newCards = edits.filter(\.card).map(\.document)
        let languages = site.output.site.languages.map { LanguagePages(replanning: $0, with: model, newCards: newCards) }
        site.output.site.languages = languages
        let byCode = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0) })
        // A new title may move the document in the lists: then the lists are made again, whole.
        for i in newCards where !languages.allSatisfy({ $0.keepsPlace(i) }) { return nil }

        var documentPages = Set(edits.flatMap(\.pages).map(PageSource.document))
        var listPages: [(page: Int, document: Int)] = []
        for i in newCards {
            let document = model.documents[i]
            // Its translations name it; every page listing its card shows the new one.
            for j in model.translations.groups[document.translationIdentity] ?? [] { documentPages.insert(.document(j)) }
            for at in cardPages[i] ?? [] {
                if let source = pageDocuments[at] { documentPages.insert(source) } else { listPages.append((at, i)) }
            }
        }
        // A document's fallback pages show what its own page shows.
        let fallbacks = languages[0].shared.fallbacks
        for case .document(let j) in documentPages {
            for (language, pages) in fallbacks where pages[j] != nil { documentPages.insert(.fallback(j, language: language)) }
        }
        var replanned = Set<Int>()
        for source in documentPages {
            let planned: PagePlan?
            switch source {
            case .document(let j): planned = byCode[model.documents[j].language]!.documentPlan(j)
            case .fallback(let j, let language): planned = byCode[language]?.fallbackPlan(j)
            }
            guard let plan = planned, let at = pageIndex[plan.outputPath] else { return nil }
            // A link added or removed changes the cards a page lists ("referenced by"): the index follows.
            let before = Set(pages[at].view.listedCards.map(\.document)), after = Set(plan.view.listedCards.map(\.document))
            for i in before.subtracting(after) { cardPages[i]?.removeAll { $0 == at } }
            for i in after.subtracting(before) { cardPages[i, default: []].append(at) }
            pages[at] = plan
            replanned.insert(at)
        }
        for (at, i) in listPages {
            guard let planner = byCode[pages[at].view.lang.code] else { return nil }
            let old = pages[at]
            pages[at] = PagePlan(outputPath: old.outputPath, template: old.template, view: old.view.replacingCard(of: i, with: planner.card(i)),
                                 origin: old.origin, lastModified: old.lastModified, inSitemap: old.inSitemap)
            replanned.insert(at)
        }
        timer.lap("pages planned")

        var changedFiles = Set<String>()
        func change(_ path: String, _ data: Data?) {
            changedFiles.insert(path)
            if let at = site.output.site.files.firstIndex(where: { $0.path == path }) {
                if let data { site.output.site.files[at].data = data } else { site.output.site.files.remove(at: at) }
            } else if let data {
                site.output.site.files.append((path, data))
            }
        }
        for edit in edits {
            for (path, data) in byCode[model.documents[edit.document].language]!.searchFiles(updating: edit.document) { change(path, data) }
        }
        for code in Set(edits.map { model.documents[$0.document].language }).sorted() {
            if let feed = byCode[code]!.feedFile() { change(feed.path, feed.data) }
        }
        timer.lap("search and feeds")

        var next = Diagnostics()
        next.append(contentsOf: Self.subtracting(removed, from: problems.items) + added)
        next.append(contentsOf: site.bodies.problems)
        problems = next
        self.site = site
        timer.lap("diagnostics")
        if next.hasErrors {
            // As a whole build with errors: nothing written, the last good site stays served. What
            // this build changed is written by the first one without errors.
            unwrittenPages.formUnion(replanned)
            unwrittenFiles.formUnion(changedFiles)
            return Outcome(report: report(next, pages: 0, since: start), changedFiles: [])
        }

        var writes: [(path: String, data: Data?)] = []
        let templates = site.output.templates
        for at in replanned.union(unwrittenPages).sorted() {
            // A page that fails: the whole build then reports why, as `kartu build` would.
            guard case .success(let bytes) = templates.renderData(pages[at].view, with: pages[at].template, page: pages[at].outputPath)
            else { return nil }
            writes.append((pages[at].outputPath, bytes))
        }
        let files = Dictionary(site.output.site.files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        for path in changedFiles.union(unwrittenFiles).sorted() { writes.append((path, files[path])) }
        unwrittenPages = []
        unwrittenFiles = []
        timer.lap("pages rendered")
        var written: [String] = []
        for (path, data) in writes {
            // A file that cannot be written: the whole build then writes the site again, or says why not.
            guard let changed = Self.replace(output.appendingPathComponent(path).path, with: data) else { return nil }
            if changed { written.append(path) }
        }
        timer.lap("files written")
        return Outcome(report: report(next, pages: written.count { $0.hasSuffix(".html") }, since: start), changedFiles: written.sorted())
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
