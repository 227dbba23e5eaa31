/// The front-matter fields documents are gathered by, besides themes: each value gets a page per
/// language listing its documents in every language, and each facet an index page.
enum Facet: String, CaseIterable, Sendable {
    case municipality, country, project, kind, level

    /// A value of a facet: `key` is its URL segment, `label` what readers see.
    struct Value: Hashable, Sendable {
        let key: String
        let label: String
    }

    /// Bytes of a value's URL segment (a folder name): a municipality pasted with its whole address
    /// made a name the file system refused, and the build failed naming no file (an XSS-suite find).
    static let keyLimit = 80

    /// The values a document has for this facet, labelled for `language`.
    func values(of metadata: DocumentMetadata, label: (String) -> String?) -> [Value] {
        switch self {
        case .municipality:
            return metadata.municipality.map { [Value(key: Slug.make($0, limit: Self.keyLimit), label: $0)] }?.filter { !$0.key.isEmpty } ?? []
        case .country:
            return metadata.country.map { [Value(key: $0.lowercased(), label: label($0) ?? $0)] } ?? []
        case .project:
            return metadata.project.map { [Value(key: Slug.make($0, limit: Self.keyLimit), label: $0)] }?.filter { !$0.key.isEmpty } ?? []
        case .kind:
            return [Value(key: metadata.kind.rawValue, label: label("kind.\(metadata.kind.rawValue)") ?? metadata.kind.rawValue)]
        case .level:
            return metadata.levels.map { Value(key: $0.rawValue, label: label("level.\($0.rawValue)") ?? $0.rawValue) }
        }
    }
}
