import Foundation

/// The index files, as `assets/search.js` reads them. All JSON, keys sorted, so a build writes the
/// same bytes every time:
/// - `meta.json`: `{version: 2, documents, chunkSize, blockSize, language (its name), shards: [[shard, file name]…], stemmer}`;
/// - `t-<shard>.json`: stem → form → `[title and fields, summary, text]`, three lists of the
///   documents with that form there (each document in its best list only). Numbers are gaps: the
///   first is a document number, each next one the difference to the one before; the text list
///   has a passage number after each document;
/// - `c-<chunk>.json`: the cards of documents `chunk × chunkSize` up to the next chunk, `[{t title,
///   u URL, k kind, m municipality, s summary, f other fields}…]`: a page of results needs a few;
/// - `d-<document>-<block>.json`: one document's passages numbered `block × blockSize` up to the
///   next block (`p`: number → text), those where a word first occurs: a result showing a passage
///   loads one.
extension SearchIndex {
    /// Path relative to the language's search folder → bytes.
    var files: [(String, Data)] {
        var files = shards.keys.sorted().map { ("t-\(Self.fileName($0)).json", shardFile($0)) }
        files += (0..<chunkCount).map { ("c-\($0).json", chunkFile($0)) }
        for id in entries.indices { files += documentFiles(id) }
        files.append(("meta.json", metaFile))
        return files
    }

    func shardFile(_ shard: String) -> Data {
        var json = "{"
        for (i, stem) in shards[shard, default: []].sorted().enumerated() {
            if i > 0 { json.append(",") }
            JSONText.string(stem, into: &json)
            json.append(":{")
            for (j, (form, hits)) in postings[stem, default: [:]].sorted(by: { $0.key < $1.key }).enumerated() {
                if j > 0 { json.append(",") }
                JSONText.string(form, into: &json)
                json.append(":[")
                for field in 0..<3 {
                    if field > 0 { json.append(",") }
                    json.append("[")
                    var previous = 0
                    for (k, hit) in hits.byField[field].enumerated() {
                        if k > 0 { json.append(",") }
                        json.append(String(hit.id - previous))
                        previous = hit.id
                        if field == 2 { json.append(","); json.append(String(hit.passage)) }
                    }
                    json.append("]")
                }
                json.append("]")
            }
            json.append("}")
        }
        json.append("}")
        return Data(json.utf8)
    }

    /// The passages of entry `id` a result can show: those where a word first occurs.
    private func shownPassages(_ id: Int) -> Set<Int> {
        Set(terms[id].words.values.lazy.filter { $0.field == 2 }.map(\.passage))
    }

    /// Entry `id`'s passage files: each block with a passage to show.
    func documentFiles(_ id: Int) -> [(String, Data)] {
        let passages = terms[id].passages
        let shown = shownPassages(id)
        return Set(shown.map { $0 / Self.blockSize }).sorted().map { block in
            var json = "{\"p\":{"
            let range = (block * Self.blockSize)..<min(passages.count, (block + 1) * Self.blockSize)
            var first = true
            for n in range where shown.contains(n) {
                if !first { json.append(",") }
                first = false
                json.append("\"\(n)\":")
                JSONText.string(passages[n], into: &json)
            }
            json.append("}}")
            return ("d-\(id)-\(block).json", Data(json.utf8))
        }
    }

    var chunkCount: Int { (entries.count + Self.chunkSize - 1) / Self.chunkSize }

    /// The cards of entries `chunk × chunkSize` up to the next chunk.
    func chunkFile(_ chunk: Int) -> Data {
        let slice = entries[(chunk * Self.chunkSize)..<min(entries.count, (chunk + 1) * Self.chunkSize)]
        var json = "["
        for (i, entry) in slice.enumerated() {
            if i > 0 { json.append(",") }
            json.append("{\"f\":[")
            json.append(entry.fields.map(JSONText.string).joined(separator: ","))
            json.append("],\"k\":")
            JSONText.string(entry.kindLabel, into: &json)
            if let municipality = entry.municipality {
                json.append(",\"m\":")
                JSONText.string(municipality, into: &json)
            }
            if let summary = entry.summary {
                json.append(",\"s\":")
                JSONText.string(summary, into: &json)
            }
            json.append(",\"t\":")
            JSONText.string(entry.title, into: &json)
            json.append(",\"u\":")
            JSONText.string(entry.url, into: &json)
            json.append("}")
        }
        json.append("]")
        return Data(json.utf8)
    }

    var metaFile: Data {
        let shardList = shards.keys.sorted().map { "[" + JSONText.string($0) + "," + JSONText.string(Self.fileName($0)) + "]" }
        // Every document of a language's index is in that language: its name is said once, here.
        let language = JSONText.string(entries.first?.languageName ?? "")
        return Data(("{\"blockSize\":\(Self.blockSize),\"chunkSize\":\(Self.chunkSize),\"documents\":\(entries.count),\"language\":" + language + ",\"shards\":[" + shardList.joined(separator: ",")
            + "],\"stemmer\":" + (stemmer?.json ?? "null") + ",\"version\":2}").utf8)
    }

    /// Shard names become file names: ASCII stays, anything else is hex-encoded (`ž` in `žm` → `c5be6d`).
    static func fileName(_ shard: String) -> String {
        if shard.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) { return shard }
        return shard.utf8.map { String(format: "%02x", $0) }.joined()
    }
}
