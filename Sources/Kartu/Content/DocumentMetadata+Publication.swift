import Yams

extension DocumentMetadata {
    /// Reads one of `publicationKeys` on a `kind: publication` document.
    static func readPublicationField(_ key: String, _ value: Node, into meta: inout DocumentMetadata, fields: YAMLFields, diagnostics: inout Diagnostics) {
        switch key {
        case "subtitle": meta.subtitle = fields.string(value, field: key, diagnostics: &diagnostics)
        case "isbn": meta.isbn = fields.string(value, field: key, diagnostics: &diagnostics)
        case "license": meta.license = fields.string(value, field: key, diagnostics: &diagnostics)
        case "editors": meta.editors = names(value, field: key, fields: fields, diagnostics: &diagnostics)
        case "partners": meta.partners = (fields.stringList(value, field: key, diagnostics: &diagnostics) ?? []).map(\.0)
        case "year":
            // One message for text and for a number that is no year (a two-digit year is a typo).
            if let typed = YAMLFields.typed(value), typed.tag == Tag(.int), let year = typed.int, (1000...9999).contains(year) {
                meta.year = year
            } else {
                diagnostics.error("'year' must be a four-digit year, not \(YAMLFields.describe(value))",
                                  at: fields.source.location(of: value), hint: "write e.g. year: 2019")
            }
        case "chapters":
            guard let entries = fields.stringList(value, field: key, diagnostics: &diagnostics) else { return }
            meta.chapters = entries.map { ChapterEntry(path: $0.0, location: $0.1) }
        default:
            break
        }
    }
}
