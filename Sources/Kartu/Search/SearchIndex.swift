import Foundation

/// The search index of one language, written at build time and queried by the theme's script.
///
/// Words are folded (case, diacritics, and letters that do not decompose: `ł`→`l`, `ß`→`ss`,
/// `ø`→`o`), so `zazolc` finds `Zażółć`. The index is split so that a query downloads only what it
/// needs:
/// - `meta.json`: document count, chunk size and the list of shards;
/// - `t-<ab>.json`: one shard per two-letter word prefix, word → `[[documents with it in the title],
///   [documents with it elsewhere]]` (a prefix query reads one shard per query word);
/// - `d-<n>.json`: documents in chunks of `chunkSize`, each `{t: title, u: url, k: kind,
///   m: municipality, l: language, x: excerpt}`; documents are numbered newest first.
struct SearchIndex: Sendable {
    static let folder = "search"
    static let chunkSize = 20
    static let excerptLength = 320

    struct Entry: Sendable, Equatable {
        let title: String
        let url: String
        let kindLabel: String
        let municipality: String?
        let languageName: String
        let summary: String?
        let text: String
    }

    /// Splits text into folded words of two or more characters.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each folded word of two or more characters, in order, without collecting them.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var current: [UInt8] = []
        var length = 0
        func flush() {
            if length >= 2 { body(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        /// A lowercase ASCII byte: part of a word when a letter or digit, else the end of one.
        func addASCII(_ byte: UInt8) {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
                length += 1
            } else if length > 0 {
                flush()
            }
        }
        /// Letters and numbers as the search script's `[\p{L}\p{N}]` takes them; a combining mark
        /// is dropped, as the script drops every `\p{M}` before it splits words. (Folding drops a
        /// mark only with its base letter in the same run: the slug fuzz target found `O` + U+065E
        /// indexed as `o\u{65E}`, which a query folded by the script could never match.)
        func add(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { return addASCII(UInt8(scalar.value)) }
            if Slug.isMark(scalar) { return }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                UTF8.encode(scalar) { current.append($0) }
                length += 1
            default:
                if length > 0 { flush() }
            }
        }
        // ASCII bytes are lowercased and tested here; everything else goes through Slug.fold one
        // run at a time, so folding stays exactly the engine's (and the search script's).
        let utf8 = Array(text.utf8)
        var folded: [UInt8] = []
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x80 {
                addASCII(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                i += 1
                continue
            }
            var j = i
            while j < utf8.count, utf8[j] >= 0x80 { j += 1 }
            // Baltic and Polish letters fold by table to ASCII bytes (the common case, no String made).
            folded.removeAll(keepingCapacity: true)
            if Slug.foldLatin(utf8: utf8[i..<j], into: &folded), folded.allSatisfy({ $0 < 0x80 }) {
                // A loop, not `forEach(addASCII)`: a local function passed as a value captures the
                // word buffer in a box, which made this the slowest loop of the build.
                for byte in folded { addASCII(byte) }
            } else {
                for scalar in Slug.fold(String(decoding: utf8[i..<j], as: UTF8.self)).unicodeScalars { add(scalar) }
            }
            i = j
        }
        flush()
    }

    static func shard(of word: String) -> String {
        String(word.prefix(2))
    }

    /// The distinct words of one entry: those of its title, and the others (text, summary,
    /// municipality) that are not title words, each list in order of first appearance.
    struct Terms: Sendable {
        var title: [String] = []
        var other: [String] = []
    }

    static func terms(of entry: Entry) -> Terms {
        var terms = Terms()
        var seen: Set<String> = []
        forEachWord(in: entry.title) { word in
            if seen.insert(word).inserted { terms.title.append(word) }
        }
        func addOther(_ word: String) {
            if seen.insert(word).inserted { terms.other.append(word) }
        }
        forEachWord(in: entry.text, addOther)
        forEachWord(in: entry.summary ?? "", addOther)
        forEachWord(in: entry.municipality ?? "", addOther)
        return terms
    }

    /// Every entry, numbered in order (newest first), with its words.
    private(set) var entries: [Entry]
    private var terms: [Terms]
    /// Word → entries with it in the title / elsewhere, ascending.
    private var titleHits: [String: [Int]] = [:]
    private var textHits: [String: [Int]] = [:]
    /// Shard (two-letter prefix) → its words.
    private var shards: [String: Set<String>] = [:]

    /// The index of one language's entries, in the order they are numbered.
    init(entries: [Entry], workers: Workers) {
        self.entries = entries
        // Splitting text into words is most of the work and independent per entry: done on all
        // cores, then gathered in entry order, so the postings are the same on any number of threads.
        terms = workers.map(entries) { Self.terms(of: $0) }
        for (id, entryTerms) in terms.enumerated() {
            for word in entryTerms.title { titleHits[word, default: []].append(id) }
            for word in entryTerms.other { textHits[word, default: []].append(id) }
        }
        for word in Set(titleHits.keys).union(textHits.keys) { shards[Self.shard(of: word), default: []].insert(word) }
    }

    /// The index files: path relative to the language's search folder → bytes.
    var files: [(String, Data)] {
        var files = shards.keys.sorted().map { ("t-\(Self.fileName($0)).json", shardFile($0)) }
        files += (0..<chunkCount).map { ("d-\($0).json", chunkFile($0)) }
        files.append(("meta.json", metaFile))
        return files
    }

    /// Entry `id` replaced by `entry` (`kartu serve`, after an edit): the files that changed, each
    /// with its new bytes, or nil when the file is no longer part of the index.
    mutating func replace(_ id: Int, with entry: Entry) -> [(String, Data?)] {
        let old = terms[id], new = Self.terms(of: entry)
        let previous = entries[id]
        entries[id] = entry
        terms[id] = new
        let shardsBefore = Set(shards.keys)
        // Only the words the entry gained or lost have new postings: a word it keeps keeps its place.
        let (oldTitle, newTitle) = (Set(old.title), Set(new.title))
        let (oldOther, newOther) = (Set(old.other), Set(new.other))
        var touched = Set<String>()
        func remove(_ word: String, from hits: inout [String: [Int]]) {
            hits[word]?.removeAll { $0 == id }
            if hits[word]?.isEmpty == true { hits[word] = nil }
            touched.insert(word)
        }
        func add(_ word: String, to hits: inout [String: [Int]]) {
            let list = hits[word] ?? []
            hits[word, default: []].insert(id, at: list.firstIndex { $0 > id } ?? list.count)
            touched.insert(word)
        }
        for word in oldTitle.subtracting(newTitle) { remove(word, from: &titleHits) }
        for word in oldOther.subtracting(newOther) { remove(word, from: &textHits) }
        for word in newTitle.subtracting(oldTitle) { add(word, to: &titleHits) }
        for word in newOther.subtracting(oldOther) { add(word, to: &textHits) }
        var changedShards = Set<String>()
        for word in touched {
            let shard = Self.shard(of: word)
            changedShards.insert(shard)
            if titleHits[word] == nil && textHits[word] == nil {
                shards[shard]?.remove(word)
                if shards[shard]?.isEmpty == true { shards[shard] = nil }
            } else {
                shards[shard, default: []].insert(word)
            }
        }
        var changed: [(String, Data?)] = changedShards.sorted().map { ("t-\(Self.fileName($0)).json", shards[$0] == nil ? nil : shardFile($0)) }
        if entries[id] != previous { changed.append(("d-\(id / Self.chunkSize).json", chunkFile(id / Self.chunkSize))) }
        if Set(shards.keys) != shardsBefore { changed.append(("meta.json", metaFile)) }
        return changed
    }

    private var chunkCount: Int { (entries.count + Self.chunkSize - 1) / Self.chunkSize }

    private func shardFile(_ shard: String) -> Data {
        var json = "{"
        for (i, word) in shards[shard, default: []].sorted().enumerated() {
            if i > 0 { json.append(",") }
            JSONText.string(word, into: &json)
            json.append(":[")
            JSONText.integers(titleHits[word] ?? [], into: &json)
            json.append(",")
            JSONText.integers(textHits[word] ?? [], into: &json)
            json.append("]")
        }
        json.append("}")
        return Data(json.utf8)
    }

    private func chunkFile(_ chunk: Int) -> Data {
        let slice = entries[(chunk * Self.chunkSize)..<min(entries.count, (chunk + 1) * Self.chunkSize)]
        let documents = slice.map { entry in
            var document = ["t": entry.title, "u": entry.url, "k": entry.kindLabel, "l": entry.languageName,
                            "x": Self.excerpt(summary: entry.summary, text: entry.text)]
            if let municipality = entry.municipality { document["m"] = municipality }
            return JSONText.object(document)
        }
        return Data(("[" + documents.joined(separator: ",") + "]").utf8)
    }

    private var metaFile: Data {
        let shardList = shards.keys.sorted().map { "[" + JSONText.string($0) + "," + JSONText.string(Self.fileName($0)) + "]" }
        return Data(("{\"chunkSize\":\(Self.chunkSize),\"documents\":\(entries.count),\"shards\":[" + shardList.joined(separator: ",") + "],\"version\":1}").utf8)
    }

    /// Shard names become file names: ASCII stays, anything else is hex-encoded (`ž` in `žm` → `c5be6d`).
    static func fileName(_ shard: String) -> String {
        if shard.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) { return shard }
        return shard.utf8.map { String(format: "%02x", $0) }.joined()
    }

    static func excerpt(summary: String?, text: String) -> String {
        // Only the start of a long text is needed: never count or copy all of it.
        let head = text.prefix(excerptLength + 1)
        let full = [summary, String(head)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        guard full.count > excerptLength else { return full }
        let cut = full.prefix(excerptLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }
}
