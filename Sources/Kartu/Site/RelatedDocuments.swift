import Foundation

/// Related documents by shared themes, weighted by how rare each theme is.
///
/// An inverted index maps (language, theme) to its documents. For a document with themes S, every
/// document sharing a theme is reached through the postings of S and scored Σ idf(t) over the shared
/// themes, idf(t) = ln(1 + N / df(t)). The cost is Σ over S of the postings' lengths per document,
/// i.e. Σ_t |postings(t)|² in all — never a pass over all pairs of documents that share nothing.
/// Ties go to the newer document, then the smaller path. Documents of the same language come first;
/// other languages fill up to `limit` only when the language has too few, and never with a
/// document that has a translation in this language (that one is offered instead) or a
/// translation of the document itself.
struct RelatedDocuments {
    let limit: Int

    /// For every document index: its related documents, best first (empty for non-pages).
    func compute(_ documents: [Document], isPage: [Bool]) -> [[Int]] {
        let n = documents.count
        var languages: [String: Int] = [:]
        var languageOf = [Int](repeating: 0, count: n)
        var themeIDs: [String: Int] = [:]
        var themesOf = [[Int]](repeating: [], count: n)
        var identities: [String: Int] = [:]
        var identityOf = [Int](repeating: 0, count: n)
        for (i, document) in documents.enumerated() where isPage[i] {
            languageOf[i] = languages[document.language] ?? { languages[document.language] = languages.count; return languages.count - 1 }()
            themesOf[i] = document.metadata.themes.map { id in
                themeIDs[id] ?? { themeIDs[id] = themeIDs.count; return themeIDs.count - 1 }()
            }
            identityOf[i] = identities[document.translationIdentity] ?? { identities[document.translationIdentity] = identities.count; return identities.count - 1 }()
        }
        // Tie-break rank: newer first, then path.
        let order = documents.indices.filter { isPage[$0] }.sorted { a, b in
            let da = documents[a].metadata.date, db = documents[b].metadata.date
            if da != db {
                guard let da else { return false }
                guard let db else { return true }
                return da > db
            }
            return documents[a].sourcePath < documents[b].sourcePath
        }
        var rank = [Int](repeating: Int.max, count: n)
        for (r, i) in order.enumerated() { rank[i] = r }

        // Postings per language and theme, and document frequency over all languages.
        let languageCount = languages.count, themeCount = themeIDs.count
        var postings = [[Int]](repeating: [], count: languageCount * themeCount)
        var df = [Int](repeating: 0, count: themeCount)
        for i in order {
            for t in themesOf[i] {
                postings[languageOf[i] * themeCount + t].append(i)
                df[t] += 1
            }
        }
        let total = Double(order.count)
        let idf = df.map { $0 == 0 ? 0 : log(1 + total / Double($0)) }
        // Which translation groups have a document in which language.
        var groupLanguages = [Set<Int>](repeating: [], count: identities.count)
        for i in order { groupLanguages[identityOf[i]].insert(languageOf[i]) }

        struct Scratch {
            var score: [Double]
            var touched: [Int] = []
        }
        let limit = self.limit
        let frozenPostings = postings, frozenThemes = themesOf, frozenLanguage = languageOf
        let frozenIdentity = identityOf, frozenRank = rank, frozenGroups = groupLanguages
        return parallelMap(Array(0..<n), state: { Scratch(score: [Double](repeating: 0, count: n)) }) { scratch, i in
            guard isPage[i], !frozenThemes[i].isEmpty else { return [] }
            let language = frozenLanguage[i], identity = frozenIdentity[i]
            func best(_ languages: [Int], excluding chosen: [Int]) -> [Int] {
                for l in languages {
                    for t in frozenThemes[i] {
                        let weight = idf[t]
                        for c in frozenPostings[l * themeCount + t] {
                            if scratch.score[c] == 0 { scratch.touched.append(c) }
                            scratch.score[c] += weight
                        }
                    }
                }
                // Keep the top `limit` by (score desc, rank asc) with a small insertion list.
                var top: [(Double, Int, Int)] = []
                for c in scratch.touched {
                    let s = scratch.score[c]
                    scratch.score[c] = 0
                    if frozenIdentity[c] == identity || chosen.contains(c) { continue }
                    if frozenLanguage[c] != language && frozenGroups[frozenIdentity[c]].contains(language) { continue }
                    let key = (s, frozenRank[c], c)
                    if top.count == limit, let last = top.last, !(key.0 > last.0 || (key.0 == last.0 && key.1 < last.1)) { continue }
                    let at = top.firstIndex { key.0 > $0.0 || (key.0 == $0.0 && key.1 < $0.1) } ?? top.count
                    top.insert(key, at: at)
                    if top.count > limit { top.removeLast() }
                }
                scratch.touched.removeAll(keepingCapacity: true)
                return top.map(\.2)
            }
            var result = best([language], excluding: [])
            if result.count < limit {
                let others = (0..<languageCount).filter { $0 != language }
                result += best(others, excluding: result).prefix(limit - result.count)
            }
            return result
        }
    }
}
