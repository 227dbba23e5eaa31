/// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough to be a typo.
enum Suggestion {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        guard let (candidate, distance) = best else { return nil }
        // Allow about one edit in three characters: 'refelction' → 'reflection', but not 'xy' → 'en'.
        let limit = max(1, max(target.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The closest path by its file name (a typo in a name), then by its folder: comparing whole
    /// paths would let a long shared folder prefix hide an unrelated file name. Names are compared
    /// without their extension, so `logo.png` is no typo of `photo.png`.
    static func closestPath(to path: String, in candidates: some Sequence<String>) -> String? {
        func split(_ p: String) -> (folder: [Character], stem: String, ext: Substring) {
            let slash = p.lastIndex(of: "/")
            let name = slash.map { p[p.index(after: $0)...] } ?? p[...]
            let folder = slash.map { Array(p[..<$0]) } ?? []
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (folder, String(name), "") }
            return (folder, String(name[..<dot]), name[dot...])
        }
        let target = split(path)
        var best: (distance: Int, folderDistance: Int, path: String)?
        for candidate in candidates {
            let other = split(candidate)
            guard closest(to: target.stem, in: [other.stem]) != nil else { continue }
            let distance = editDistance(Array(target.stem.lowercased()), Array(other.stem.lowercased()))
                + (target.ext.lowercased() == other.ext.lowercased() ? 0 : 1)
            let key = (distance, editDistance(target.folder, other.folder), candidate)
            if let b = best, key >= b { continue }
            best = key
        }
        return best?.path
    }

    /// A hint sentence for an unknown name, or nil when nothing is close.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }
}
