import Foundation

/// Related documents by shared themes, weighted by how rare each theme is.
///
/// The score of a candidate for a document with themes S is Σ idf(t) over the themes they share,
/// idf(t) = ln(1 + N / df(t)) over all N published documents. Ties go to the newer document, then
/// the smaller path. Documents of the same language come first; other languages fill up to `limit`
/// only when the language has too few, and never with a document that has a translation in this
/// language (that one is offered instead) or a translation of the document itself.
///
/// The score depends only on the two theme *sets*, so documents are grouped by (language, theme
/// set), and the ranking is worked out once per group instead of once per document: for a group,
/// every other theme set that shares a theme is scored, and the best members are merged in score
/// and rank order. With a taxonomy of T themes and at most G distinct theme sets, the cost is
/// O(N log N) to group and rank plus O(G² · T) to score, so it grows linearly with the number of
/// documents (a pass over all pairs of documents, or over the postings of every theme per document,
/// grows quadratically: 8 s instead of 0.1 s for 100,000 documents).
struct RelatedDocuments {
    let limit: Int
    let workers: Workers

    /// For every document index: its related documents, best first (empty for non-pages).
    func compute(_ documents: [Document], isPage: [Bool]) -> [[Int]] {
        let n = documents.count
        var languageIDs: [String: Int] = [:]
        var themeIDs: [String: Int] = [:]
        var identityIDs: [String: Int] = [:]
        var languageOf = [Int](repeating: 0, count: n)
        var identityOf = [Int](repeating: 0, count: n)
        var setOf = [Int](repeating: -1, count: n)
        var setIDs: [[Int]: Int] = [:]
        var sets: [[Int]] = []
        func id(_ key: String, in table: inout [String: Int]) -> Int {
            if let known = table[key] { return known }
            table[key] = table.count
            return table.count - 1
        }
        let pages = documents.indices.filter { isPage[$0] }
        for i in pages {
            let document = documents[i]
            languageOf[i] = id(document.language, in: &languageIDs)
            identityOf[i] = id(document.translationIdentity, in: &identityIDs)
            let themes = Array(Set(document.metadata.themes.map { id($0, in: &themeIDs) })).sorted()
            guard !themes.isEmpty else { continue }
            if let known = setIDs[themes] {
                setOf[i] = known
            } else {
                setIDs[themes] = sets.count
                setOf[i] = sets.count
                sets.append(themes)
            }
        }
        // Tie-break rank: newer first, then path.
        let order = pages.sorted { a, b in
            DayDate.newerFirst(documents[a].metadata.date, documents[b].metadata.date)
                ?? (documents[a].sourcePath < documents[b].sourcePath)
        }
        var rank = [Int](repeating: Int.max, count: n)
        for (r, i) in order.enumerated() { rank[i] = r }

        let languageCount = languageIDs.count
        var df = [Int](repeating: 0, count: themeIDs.count)
        // Members of each (theme set, language), in rank order.
        var members = [[Int]](repeating: [], count: sets.count * max(languageCount, 1))
        var groupLanguages = [Set<Int>](repeating: [], count: identityIDs.count)
        for i in order {
            groupLanguages[identityOf[i]].insert(languageOf[i])
            guard setOf[i] >= 0 else { continue }
            for t in sets[setOf[i]] { df[t] += 1 }
            members[setOf[i] * languageCount + languageOf[i]].append(i)
        }
        let total = Double(order.count)
        let idf = df.map { $0 == 0 ? 0 : log(1 + total / Double($0)) }
        // Which theme sets contain each theme, to find the sets that share one.
        var setsWithTheme = [[Int]](repeating: [], count: themeIDs.count)
        for (s, themes) in sets.enumerated() { for t in themes { setsWithTheme[t].append(s) } }

        let frozenSets = sets, frozenMembers = members, frozenRank = rank, frozenIdentity = identityOf
        let frozenGroups = groupLanguages, frozenSetsWithTheme = setsWithTheme
        /// The best `count` documents among the theme sets sharing a theme with `set`, members in
        /// `languages`, by score then rank, that pass `keep`.
        @Sendable func best(for set: Int, languages: [Int], count: Int, scores: inout [Double], keep: (Int) -> Bool) -> [Int] {
            var touched: [Int] = []
            for t in frozenSets[set] {
                for other in frozenSetsWithTheme[t] {
                    if scores[other] == 0 { touched.append(other) }
                    scores[other] += idf[t]
                }
            }
            // Highest score first; sets with equal scores are merged by rank.
            touched.sort { scores[$0] > scores[$1] }
            var result: [Int] = []
            var start = 0
            while start < touched.count, result.count < count {
                var end = start + 1
                while end < touched.count, scores[touched[end]] == scores[touched[start]] { end += 1 }
                var candidates: [Int] = []
                for other in touched[start..<end] {
                    for language in languages {
                        var taken = 0
                        for member in frozenMembers[other * languageCount + language] where keep(member) {
                            candidates.append(member)
                            taken += 1
                            if taken == count { break }
                        }
                    }
                }
                candidates.sort { frozenRank[$0] < frozenRank[$1] }
                result += candidates.prefix(count - result.count)
                start = end
            }
            for other in touched { scores[other] = 0 }
            return result
        }

        // Per (theme set, language): enough of the best candidates that, after a document drops
        // itself and its own translations, `limit` remain. Worked out once per group, on all cores.
        let limit = self.limit
        let setCount = sets.count
        let keys = Array(Set(pages.filter { setOf[$0] >= 0 }.map { setOf[$0] * languageCount + languageOf[$0] })).sorted()
        let lists = workers.map(keys, state: { [Double](repeating: 0, count: setCount) }) { scores, key in
            let set = key / languageCount, language = key % languageCount
            let same = best(for: set, languages: [language], count: limit + 1, scores: &scores) { _ in true }
            // Other languages are needed only when this language has too few.
            guard same.count <= limit else { return (same, [Int]()) }
            let others = best(for: set, languages: (0..<languageCount).filter { $0 != language }, count: limit + languageCount,
                              scores: &scores) { !frozenGroups[frozenIdentity[$0]].contains(language) }
            return (same, others)
        }
        let cache = Dictionary(uniqueKeysWithValues: zip(keys, lists))
        var related = [[Int]](repeating: [], count: n)
        for i in pages where setOf[i] >= 0 {
            let (same, others) = cache[setOf[i] * languageCount + languageOf[i]]!
            var chosen = Array(same.lazy.filter { $0 != i }.prefix(limit))
            if chosen.count < limit {
                chosen += others.lazy.filter { identityOf[$0] != identityOf[i] }.prefix(limit - chosen.count)
            }
            related[i] = chosen
        }
        return related
    }
}
