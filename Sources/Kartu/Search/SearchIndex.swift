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
struct SearchIndex {
    static let folder = "search"
    static let chunkSize = 20
    static let excerptLength = 320

    struct Entry {
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
        var current = String.UnicodeScalarView()
        var length = 0
        // Scalars, not Characters: after folding no combining marks are left, and ASCII (most of
        // the text) is tested without a Unicode property lookup.
        for scalar in Slug.fold(text).unicodeScalars {
            let v = scalar.value
            let isWordPart = v < 0x80
                ? (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordPart {
                current.append(scalar)
                length += 1
            } else if length > 0 {
                if length >= 2 { words.append(String(current)) }
                current = String.UnicodeScalarView()
                length = 0
            }
        }
        if length >= 2 { words.append(String(current)) }
        return words
    }

    static func shard(of word: String) -> String {
        String(word.prefix(2))
    }

    /// The index files of one language: path relative to the language's search folder → bytes.
    static func files(for entries: [Entry]) -> [(String, Data)] {
        var titleHits: [String: [Int]] = [:]
        var textHits: [String: [Int]] = [:]
        for (id, entry) in entries.enumerated() {
            let inTitle = Set(words(entry.title))
            for word in inTitle { titleHits[word, default: []].append(id) }
            var elsewhere = Set(words(entry.text))
            elsewhere.formUnion(words(entry.summary ?? ""))
            elsewhere.formUnion(words(entry.municipality ?? ""))
            for word in elsewhere.subtracting(inTitle) { textHits[word, default: []].append(id) }
        }
        var shards: [String: [String: [[Int]]]] = [:]
        for word in Set(titleHits.keys).union(textHits.keys) {
            shards[shard(of: word), default: [:]][word] = [titleHits[word] ?? [], textHits[word] ?? []]
        }
        var files: [(String, Data)] = []
        for (name, words) in shards.sorted(by: { $0.key < $1.key }) {
            files.append(("t-\(fileName(name)).json", json(words)))
        }
        var chunk = 0
        while chunk * chunkSize < entries.count {
            let slice = entries[(chunk * chunkSize)..<min(entries.count, (chunk + 1) * chunkSize)]
            let documents: [[String: String]] = slice.map { entry in
                var document = ["t": entry.title, "u": entry.url, "k": entry.kindLabel, "l": entry.languageName,
                                "x": excerpt(summary: entry.summary, text: entry.text)]
                if let municipality = entry.municipality { document["m"] = municipality }
                return document
            }
            files.append(("d-\(chunk).json", json(documents)))
            chunk += 1
        }
        let meta: [String: Any] = [
            "version": 1, "documents": entries.count, "chunkSize": chunkSize,
            "shards": shards.keys.sorted().map { [$0, fileName($0)] },
        ]
        files.append(("meta.json", json(meta)))
        return files
    }

    /// Shard names become file names: ASCII stays, anything else is hex-encoded (`ž` in `žm` → `c5be6d`).
    static func fileName(_ shard: String) -> String {
        if shard.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) { return shard }
        return shard.utf8.map { String(format: "%02x", $0) }.joined()
    }

    static func excerpt(summary: String?, text: String) -> String {
        let full = [summary, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        guard full.count > excerptLength else { return full }
        let cut = full.prefix(excerptLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    private static func json(_ value: Any) -> Data {
        // Sorted keys: the same index bytes on every build.
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        // Markup characters as \u escapes: a title like `</script>` stays inert even if a file is
        // ever inlined into a page. Outside strings JSON has none of them, so bytes can be replaced.
        guard data.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return data }
        var escaped = Data(capacity: data.count + 64)
        for byte in data {
            switch byte {
            case 0x3C: escaped.append(contentsOf: Array("\\u003c".utf8))
            case 0x3E: escaped.append(contentsOf: Array("\\u003e".utf8))
            case 0x26: escaped.append(contentsOf: Array("\\u0026".utf8))
            default: escaped.append(byte)
            }
        }
        return escaped
    }
}
