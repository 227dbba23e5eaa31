import Foundation

/// The search index of one language, written at build time and queried by the theme's script
/// (`assets/search.js`, which states the file formats).
///
/// Words are stemmed by the language's `Stemmer`, then folded (`SearchIndex+Words`), so
/// `mokytojams` finds `mokytojai` and `szkola` finds `szkołach`. Words are filed under their stem
/// in shards by the stem's first two letters; a query downloads the shard of each of its words,
/// the chunks of cards its results shown are in, and for a result matched in its text, one small
/// file with the passage around the match.
struct SearchIndex: Sendable {
    static let folder = "search"
    /// Cards per file: the results of a query are newest first among equals, so a page of them
    /// is in a few chunks.
    static let chunkSize = 20
    /// Passages of a document per file: a result downloads the one file with the passage it shows.
    static let blockSize = 4
    /// A passage is cut at a sentence end or a space before this many bytes.
    static let passageBytes = 200

    struct Entry: Sendable, Equatable {
        let title: String
        let url: String
        let kindLabel: String
        let municipality: String?
        let languageName: String
        let summary: String?
        let text: String
        /// What else a reader sees on the page and may search for: country, project, host place,
        /// authors, theme labels. Matches here rank like title matches.
        var fields: [String] = []
    }

    /// Where a word occurs in a document, best first: its title or another field (rank 0), its
    /// summary (1) or its text (2, with the passage of its first occurrence).
    struct Place: Sendable, Equatable {
        var field: Int
        var passage: Int
    }

    /// An entry taken apart: its passages, and each word's best place.
    struct Terms: Sendable, Equatable {
        var passages: [String] = []
        var words: [Word: Place] = [:]
    }

    let stemmer: Stemmer?
    /// Every entry, numbered in order (newest first), with its words.
    private(set) var entries: [Entry]
    private(set) var terms: [Terms]
    private var analyzer: Analyzer
    /// Stem → form → documents with it, by field rank, each list ascending.
    private(set) var postings: [String: [String: Postings]] = [:]
    /// Shard (the stem's first two letters) → its stems.
    private(set) var shards: [String: Set<String>] = [:]

    /// A document a word occurs in, with the passage of its first occurrence (0 for a field or summary).
    struct Hit: Sendable, Equatable {
        let id: Int
        let passage: Int
    }

    struct Postings: Sendable, Equatable {
        /// Per field rank, ascending by document.
        var byField: [[Hit]] = [[], [], []]
        var isEmpty: Bool { byField.allSatisfy(\.isEmpty) }
    }

    /// The index of one language's entries, in the order they are numbered.
    init(entries: [Entry], language: String, workers: Workers) {
        self.entries = entries
        stemmer = Stemmer.forLanguage(language)
        // Splitting text into words is most of the work and independent per entry: done on all
        // cores, each distinct spelling analysed once per chunk of work, then gathered in entry
        // order, so the postings are the same on any number of threads.
        let stemmer = stemmer
        let raw = workers.map(entries, state: { Analyzer(stemmer: stemmer) }) { analyzer, entry in
            Self.terms(of: entry, analyzer: &analyzer)
        }
        terms = raw
        analyzer = Analyzer(stemmer: stemmer)
        for (id, entryTerms) in terms.enumerated() { add(id, entryTerms, filing: false) }
        // Stems are filed in their shards once, not once per document they occur in.
        for stem in postings.keys { shards[Self.shard(of: stem), default: []].insert(stem) }
    }

    /// Entry `entry` taken apart into passages and words.
    static func terms(of entry: Entry, analyzer: inout Analyzer) -> Terms {
        // Each occurrence costs one lookup by its spelling; spellings become words once per entry.
        var places: [String: Place] = [:]
        places.reserveCapacity(256)
        func note(_ text: String, _ place: Place) {
            forEachRawWord(in: text) { raw in
                if let known = places[raw], known.field <= place.field { return }
                places[raw] = place
            }
        }
        note(entry.title, Place(field: 0, passage: 0))
        for field in entry.fields { note(field, Place(field: 0, passage: 0)) }
        if let municipality = entry.municipality { note(municipality, Place(field: 0, passage: 0)) }
        if let summary = entry.summary { note(summary, Place(field: 1, passage: 0)) }
        var terms = Terms()
        terms.passages = passages(entry.text)
        for (n, passage) in terms.passages.enumerated() { note(passage, Place(field: 2, passage: n)) }
        for (raw, place) in places {
            guard let word = analyzer.word(raw) else { continue }
            // Two spellings of one word (Mokykla, mokykla): the better field, the earlier passage.
            if let known = terms.words[word], known.field < place.field || (known.field == place.field && known.passage <= place.passage) { continue }
            terms.words[word] = place
        }
        return terms
    }

    /// Entry `id`'s words added to the postings (and, when `filing`, their stems to their shards).
    private mutating func add(_ id: Int, _ entryTerms: Terms, filing: Bool = true) {
        for (word, place) in entryTerms.words {
            let hit = Hit(id: id, passage: place.field == 2 ? place.passage : 0)
            // In place through both dictionaries: a copy of the list per hit made building quadratic.
            postings[word.stem, default: [:]][word.form, default: Postings()].byField[place.field].insert(ordered: hit)
            if filing { shards[Self.shard(of: word.stem), default: []].insert(word.stem) }
        }
    }

    private mutating func remove(_ id: Int, _ entryTerms: Terms) {
        for (word, place) in entryTerms.words {
            postings[word.stem]?[word.form]?.byField[place.field].removeAll { $0.id == id }
            if postings[word.stem]?[word.form]?.isEmpty == true { postings[word.stem]?[word.form] = nil }
            if postings[word.stem]?.isEmpty == true {
                postings[word.stem] = nil
                let shard = Self.shard(of: word.stem)
                shards[shard]?.remove(word.stem)
                if shards[shard]?.isEmpty == true { shards[shard] = nil }
            }
        }
    }

    static func shard(of stem: String) -> String {
        String(String.UnicodeScalarView(stem.unicodeScalars.prefix(2)))
    }

    /// Entry `id` replaced by `entry` (`kartu serve`, after an edit): the files that changed, each
    /// with its new bytes, or nil when the file is no longer part of the index.
    mutating func replace(_ id: Int, with entry: Entry) -> [(String, Data?)] {
        let old = terms[id]
        let new = Self.terms(of: entry, analyzer: &analyzer)
        let previous = entries[id]
        let oldFiles = Set(documentFiles(id).map(\.0))
        let shardsBefore = Set(shards.keys)
        // The shards of the words the entry had or has: only those can have changed.
        let touched = Set(old.words.keys.map { Self.shard(of: $0.stem) }).union(new.words.keys.map { Self.shard(of: $0.stem) })
        let before = Dictionary(uniqueKeysWithValues: touched.map { ($0, shardFile($0)) })
        remove(id, old)
        entries[id] = entry
        terms[id] = new
        add(id, new)
        var changed: [(String, Data?)] = []
        for shard in touched.sorted() {
            let name = "t-\(Self.fileName(shard)).json"
            if shards[shard] == nil { changed.append((name, nil)); continue }
            let bytes = shardFile(shard)
            if bytes != before[shard] { changed.append((name, bytes)) }
        }
        if entries[id] != previous { changed.append(("c-\(id / Self.chunkSize).json", chunkFile(id / Self.chunkSize))) }
        if old.passages != new.passages || old.words != new.words {
            let files = documentFiles(id)
            changed += files.map { ($0.0, $0.1) }
            changed += oldFiles.subtracting(files.map(\.0)).sorted().map { ($0, nil) }
        }
        if Set(shards.keys) != shardsBefore { changed.append(("meta.json", metaFile)) }
        return changed
    }
}

private extension Array where Element == SearchIndex.Hit {
    /// Keeps the list ascending: entries are added in order at build time (appended), an edit's in its place.
    mutating func insert(ordered hit: SearchIndex.Hit) {
        if let last, last.id > hit.id {
            insert(hit, at: firstIndex { $0.id > hit.id } ?? count)
        } else {
            append(hit)
        }
    }
}
