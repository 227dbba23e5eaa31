extension PublicationGathering {
    /// A chapter or a part while the table of contents is put in order.
    fileprivate enum Item {
        case chapter(Int)
        case part(String)
    }

    /// The publication with its table of contents: in the order of `chapters:` when it has one,
    /// else by weight, then title in the language's alphabetical order.
    mutating func order(_ folder: PublicationFolder, formatting: LocaleFormatting, diagnostics: inout Diagnostics) -> Publication {
        let landing = documents[folder.document]
        var top: [Item]
        var partChapters: [String: [Int]]
        if let list = landing.metadata.chapters {
            (top, partChapters) = listed(list, in: folder, formatting: formatting, diagnostics: &diagnostics)
        } else {
            top = sorted(folder.topChapters.map(Item.chapter) + folder.parts.keys.map(Item.part), in: folder, formatting: formatting,
                         reportTies: true, diagnostics: &diagnostics)
            partChapters = [:]
            for (name, part) in folder.parts {
                partChapters[name] = sorted(part.chapters.map(Item.chapter), in: folder, formatting: formatting, reportTies: true,
                                            diagnostics: &diagnostics).map(\.chapter)
            }
        }
        let contents: [Publication.Entry] = top.map { item in
            switch item {
            case .chapter(let i): return .chapter(i)
            case .part(let name):
                let doc = folder.parts[name]!.document
                let title = doc.map { documents[$0].metadata.title } ?? name.replacingOccurrences(of: "-", with: " ").capitalized
                return .part(Publication.Part(folder: folder.folder + "/" + name, document: doc, title: title,
                                              chapters: partChapters[name] ?? []))
            }
        }
        let readingOrder = contents.flatMap { entry -> [Int] in
            switch entry {
            case .chapter(let i): return [i]
            case .part(let part): return part.chapters
            }
        }
        return Publication(language: landing.language, document: folder.document, folder: folder.folder, contents: contents,
                           readingOrder: readingOrder, identity: landing.translationIdentity)
    }

    /// Follows `chapters:`: a part comes where its first chapter is listed. Chapters left out come
    /// after the listed ones of their level, by weight and title, each with a warning.
    private mutating func listed(_ list: [DocumentMetadata.ChapterEntry], in folder: PublicationFolder,
                                 formatting: LocaleFormatting, diagnostics: inout Diagnostics) -> ([Item], [String: [Int]]) {
        let landing = documents[folder.document]
        var top: [Item] = []
        var partChapters: [String: [Int]] = [:]
        var listedAt: [Int: SourceLocation] = [:]
        // Chapters a broken entry was probably meant for: its error names them already.
        var suggested: Set<Int> = []
        for entry in list {
            let key = Self.key(entry.path)
            guard let chapter = folder.chapterKeys[key] else {
                if let meant = unresolved(entry, key: key, in: folder, diagnostics: &diagnostics) { suggested.insert(meant) }
                continue
            }
            if let first = listedAt[chapter] {
                diagnostics.error("chapter '\(key)' is listed twice", at: entry.location,
                                  hint: "remove this entry: it is already listed on line \(first.line)")
                continue
            }
            listedAt[chapter] = entry.location
            if let part = Self.part(of: key) {
                if partChapters[part] == nil { top.append(.part(part)) }
                partChapters[part, default: []].append(chapter)
            } else {
                top.append(.chapter(chapter))
            }
        }
        let index = landing.sourcePath
        func warnUnlisted(_ items: [Item], diagnostics: inout Diagnostics) {
            for case .chapter(let i) in items where !suggested.contains(i) {
                let key = chapterKey(i, in: folder)
                diagnostics.warning("chapter '\(key)' is not in the chapters: list of \(index)", at: kindLocation(i),
                                    hint: "add '\(key)' to chapters: in \(index); until then it comes after the listed chapters")
            }
        }
        let leftTop = sorted(folder.topChapters.filter { listedAt[$0] == nil }.map(Item.chapter)
                                + folder.parts.keys.filter { partChapters[$0] == nil }.map(Item.part),
                             in: folder, formatting: formatting, reportTies: false, diagnostics: &diagnostics)
        warnUnlisted(leftTop, diagnostics: &diagnostics)
        top += leftTop
        for (name, part) in folder.parts {
            let left = sorted(part.chapters.filter { listedAt[$0] == nil }.map(Item.chapter), in: folder, formatting: formatting,
                              reportTies: false, diagnostics: &diagnostics)
            warnUnlisted(left, diagnostics: &diagnostics)
            partChapters[name, default: []] += left.map(\.chapter)
        }
        return (top, partChapters)
    }

    /// Reports a `chapters:` entry that names no chapter; returns the chapter it suggests instead.
    private mutating func unresolved(_ entry: DocumentMetadata.ChapterEntry, key: String, in folder: PublicationFolder,
                                     diagnostics: inout Diagnostics) -> Int? {
        let language = documents[folder.document].language
        let base = "content/\(language)/\(folder.folder)/\(key)"
        let files = [base + ".md", base + "/index.md"]
        // A draft, or a file whose front matter is reported broken: nothing more to say here.
        if files.contains(where: unpublished.contains) { return nil }
        if let part = folder.parts[key] {
            let examples = part.chapters.prefix(3).map { chapterKey($0, in: folder) }
            diagnostics.error("'\(key)' is a part, not a chapter", at: entry.location,
                              hint: examples.isEmpty ? "list the chapters in it, e.g. \(key)/<name>"
                                                     : "list its chapters instead: \(examples.joined(separator: ", "))")
            return nil
        }
        if let other = document(at: files[0]) ?? document(at: files[1]) {
            let (message, hint) = other == folder.document ? ("'\(key)' is the publication's own page, not a chapter", "remove the entry")
                : documents[other].role == .list ? ("'\(key)' is the page of a part, not a chapter",
                                                    "remove the entry: a part comes where its first chapter is listed")
                : ("'\(key)' is not a chapter (kind: \(documents[other].metadata.kind.rawValue))",
                   "set kind: chapter in \(documents[other].sourcePath), or remove the entry")
            diagnostics.error(message, at: entry.location, hint: hint)
            return nil
        }
        let closest = Suggestion.closestPath(to: key, in: folder.chapterKeys.keys)
        let written = entry.path.hasSuffix(".md") ? ".md" : ""
        let example = folder.chapterKeys.keys.min().map { "e.g. '\($0)\(written)'" }
        diagnostics.error("no chapter '\(entry.path)' in \(folderPath(folder.folder, language))", at: entry.location,
                          hint: closest.map { "did you mean '\($0)\(written)'?" }
                            ?? example.map { "list chapter files by their path in the publication's folder, \($0)" }
                            ?? "add the chapter file (kind: chapter) to the publication's folder, or remove the entry")
        return closest.flatMap { folder.chapterKeys[$0] }
    }

    /// By weight (unweighted last), then title in the language's order, then path. Without a
    /// `chapters:` list, two siblings with one weight are reported: their order is the title's.
    private mutating func sorted(_ items: [Item], in folder: PublicationFolder, formatting: LocaleFormatting,
                                 reportTies: Bool, diagnostics: inout Diagnostics) -> [Item] {
        let keyed = items.map { item -> (item: Item, weight: Int?, title: String, path: String) in
            switch item {
            case .chapter(let i):
                return (item, documents[i].metadata.weight, documents[i].metadata.title, documents[i].sourcePath)
            case .part(let name):
                let doc = folder.parts[name]!.document
                return (item, doc.flatMap { documents[$0].metadata.weight }, doc.map { documents[$0].metadata.title } ?? name,
                        folder.folder + "/" + name + "/")
            }
        }
        let ordered = keyed.sorted { a, b in
            if (a.weight ?? .max) != (b.weight ?? .max) { return (a.weight ?? .max) < (b.weight ?? .max) }
            let order = formatting.compare(a.title, b.title)
            return order == .orderedSame ? a.path < b.path : order == .orderedAscending
        }
        if reportTies {
            var groupStart = 0
            for k in ordered.indices.dropFirst() {
                guard let weight = ordered[k].weight, weight == ordered[k - 1].weight else { groupStart = k; continue }
                let (first, tied) = (name(ordered[groupStart].item, in: folder), name(ordered[k].item, in: folder))
                diagnostics.warning("'\(tied)' has the same weight (\(weight)) as '\(first)'; they are ordered by title",
                                    at: weightLocation(ordered[k].item, in: folder),
                                    hint: "give them distinct weights, or set the order with chapters: in \(documents[folder.document].sourcePath)")
            }
        }
        return ordered.map(\.item)
    }

    /// How messages name a chapter (`practices/kazlu-ruda`) or a part (`practices/`).
    private func name(_ item: Item, in folder: PublicationFolder) -> String {
        switch item {
        case .chapter(let i): return chapterKey(i, in: folder)
        case .part(let name): return name + "/"
        }
    }

    private func weightLocation(_ item: Item, in folder: PublicationFolder) -> SourceLocation {
        let doc = switch item {
        case .chapter(let i): i
        case .part(let name): folder.parts[name]!.document!  // only a part with an _index.md has a weight
        }
        return documents[doc].metadata.locations["weight"] ?? SourceLocation(file: documents[doc].sourcePath)
    }

    private func chapterKey(_ i: Int, in folder: PublicationFolder) -> String {
        folder.keys[i] ?? documents[i].languagePath
    }

    /// A `chapters:` entry as a chapter key: `./introduction.md` → `introduction`,
    /// `practices/utena/index.md` → `practices/utena`.
    static func key(_ entry: String) -> String {
        var key = Substring(entry.trimmingCharacters(in: .whitespaces))
        if key.hasPrefix("./") { key = key.dropFirst(2) }
        while key.hasSuffix("/") { key = key.dropLast() }
        if key.hasSuffix(".md") { key = key.dropLast(3) }
        if key.hasSuffix("/index") { key = key.dropLast("/index".count) }
        return String(key)
    }

    /// The part folder of a chapter key, nil for a top-level chapter.
    static func part(of key: String) -> String? {
        key.firstIndex(of: "/").map { String(key[..<$0]) }
    }
}

private extension PublicationGathering.Item {
    var chapter: Int {
        if case .chapter(let i) = self { return i }
        preconditionFailure("a part where a chapter was expected")
    }
}
