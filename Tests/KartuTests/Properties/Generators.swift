import PropertyBased

/// Inputs for the property tests: text as editors write it in the site's five languages, with
/// what fuzzing showed matters (combining marks alone or after ASCII, other scripts, control
/// characters, punctuation runs), and small sites.
enum Inputs {
    static let alphabet: [Character] = Array(
        "aąbcčdeęėfghiįyjklłmnoóprsštuųūvzžAĄČĘĖĮŠŲŪŽŁÓŃŚŹŻćńśźżĀāĒēĢģĪīĶķĻļŅņŌōŖŗÕõÄäÖöÜüßẞøØđæœþðŀ"
            + "ΣσςΑαЁёЖжİıǅﬁＡａ１½²ǽǼǿ" + " ,.-–_'/\t\n\0" + "0123456789")
        + ["\u{301}", "\u{30C}", "\u{328}", "\u{65E}", "\u{94D}", "e\u{301}", "🎓", "👩‍🏫"]

    /// Text of up to 24 characters from `alphabet`.
    static let text = Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...24)

    /// A title kartu can write in double-quoted YAML: letters first, no quote or backslash.
    static let title = zip(Gen<Character?>.element(of: Array("AĄČĘĖĮŠŲŪŽŁÓkazlrūdų")).map { $0! },
                           Gen<Character?>.element(of: Array("aąbcčeęėiįyklłmnoóprsštuųūvzž ĀāŌō0123456789-")).map { $0! }.string(of: 0...10))
        .map { first, rest in String(first) + rest }

    /// One document of a generated site: title, day of January 2020 (ties happen), language, and
    /// whether it is on the two themes.
    struct Document: Sendable, CustomStringConvertible {
        let title: String
        let day: Int
        let language: String
        let reflection: Bool
        let collaboration: Bool
        var description: String { "\(language) \(title.debugDescription) 2020-01-\(day)\(reflection ? " R" : "")\(collaboration ? " C" : "")" }
    }

    static let document = zip(title, Gen.int(in: 1...9), Gen<String?>.element(of: ["lt", "en", "pl"]).map { $0! }, Gen.bool, Gen.bool)
        .map { Document(title: $0, day: $1, language: $2, reflection: $3, collaboration: $4) }

    /// The content files of a site of these documents (projects, named by position).
    static func files(_ documents: [Document]) -> [String: String] {
        var files: [String: String] = [:]
        for (i, d) in documents.enumerated() {
            let themes = [d.reflection ? "reflection" : nil, d.collaboration ? "collaboration" : nil].compactMap { $0 }
            files["content/\(d.language)/projects/p\(i).md"] = SmallSite.doc(d.title, ["date: 2020-01-0\(d.day)", "themes: [\(themes.joined(separator: ", "))]"])
        }
        return files
    }
}
