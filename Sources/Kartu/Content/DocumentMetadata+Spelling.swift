import Yams

extension DocumentMetadata {
    /// A country as its two-letter code. A name (`Latvia`, `Lietuva`) or a look-alike code (`UK`)
    /// is reported with the code meant.
    static func countryCode(_ value: Node, field: String, example: String, fields: YAMLFields, diagnostics: inout Diagnostics) -> String? {
        guard let text = fields.string(value, field: field, diagnostics: &diagnostics) else { return nil }
        let looksLikeCode = text.count == 2 && text.allSatisfy { $0.isASCII && $0.isLetter }
        if looksLikeCode && CountryNames.notCodes[text.uppercased()] == nil { return text.uppercased() }
        let meant = CountryNames.country(named: text)
        diagnostics.error("country '\(text)' is not \(looksLikeCode ? "an" : "a two-letter") ISO 3166-1 code",
                          at: fields.source.location(of: value),
                          hint: meant.map { "did you mean '\($0.code)' (\($0.name))?" } ?? "write e.g. \(example)")
        return nil
    }

    /// The hint for a kind or level not in `names`: the name it spells another way, else the closest
    /// by edit distance, else the list.
    static func nameHint(_ word: String, in names: [String], listing: String) -> String {
        respelling(of: word, in: names).map { "did you mean '\($0)'?" }
            ?? Suggestion.didYouMean(word, in: names) ?? "\(listing): \(names.joined(separator: ", "))"
    }

    /// The name `word` spells in a plural, another case, or with a space, '_' or nothing for the
    /// hyphen (`schools`, `Change Project`, `changeproject`): edit distance finds these only when short.
    static func respelling(of word: String, in names: [String]) -> String? {
        func squeezed(_ text: some StringProtocol) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        let plain = squeezed(word)
        var singulars = [plain]
        if plain.hasSuffix("ies") { singulars.append(plain.dropLast(3) + "y") }
        if plain.hasSuffix("s") { singulars.append(String(plain.dropLast())) }
        return names.first { singulars.contains(squeezed($0)) }
    }
}
