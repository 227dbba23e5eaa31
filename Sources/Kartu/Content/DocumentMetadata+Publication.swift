import Yams

extension DocumentMetadata {
    /// Reads one of `publicationKeys` on a `kind: publication` document.
    static func readPublicationField(_ key: String, _ value: Node, into meta: inout DocumentMetadata, fields: inout YAMLFields) {
        switch key {
        case "subtitle": meta.subtitle = fields.string(value, field: key)
        case "isbn": meta.isbn = fields.string(value, field: key)
        case "license": meta.license = fields.string(value, field: key)
        case "editors": meta.editors = names(value, field: key, fields: &fields)
        case "partners": meta.partners = (fields.stringList(value, field: key) ?? []).map(\.0)
        case "year":
            // One message for text and for a number that is no year (a two-digit year is a typo).
            if let typed = YAMLFields.typed(value), typed.tag == Tag(.int), let year = typed.int, (1000...9999).contains(year) {
                meta.year = year
            } else {
                fields.diagnostics.error("'year' must be a four-digit year, not \(YAMLFields.describe(value))",
                                         at: fields.source.location(of: value), hint: "write e.g. year: 2019")
            }
        case "chapters":
            guard let entries = fields.stringList(value, field: key) else { return }
            meta.chapters = entries.map { ChapterEntry(path: $0.0, location: $0.1) }
        default:
            break
        }
    }
}
