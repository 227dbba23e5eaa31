import Foundation

/// `kartu schema`: the front matter kartu reads, as a JSON Schema (2020-12), for editors' YAML
/// integrations and dashboards. It says what `DocumentMetadata.parse` checks that a schema can say:
/// the fields and their types, the kinds, levels and the site's theme ids, the date format, each
/// kind's required fields. (What it cannot say stays kartu's own check: a country's name given for
/// its code, a date that does not exist, the chapters a publication's list names.)
public enum FrontMatterSchema {
    /// The schema for a site whose themes are `themeIDs`, as JSON with sorted keys.
    public static func json(themeIDs: [String]) -> String {
        let date: [String: Any] = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date",
                                   "description": "A day, YYYY-MM-DD."]
        let country: [String: Any] = ["type": "string", "pattern": "^[A-Za-z]{2}$", "not": ["enum": ["UK", "uk", "EL", "el"]],
                                      "description": "ISO 3166-1 alpha-2 code: LT, LV, EE, PL, GB (not UK)."]
        let text = { (description: String) -> [String: Any] in ["type": "string", "description": description] }
        let names = { (description: String) -> [String: Any] in ["type": "array", "items": ["type": "string"], "description": description] }
        let properties: [String: Any] = [
            "title": ["type": "string", "minLength": 1, "description": "Required: the document's title."],
            "kind": ["enum": DocumentKind.allCases.map(\.rawValue),
                     "description": "Required on a document page: what it is; decides its required fields and its template."],
            "date": date,
            "themes": ["type": "array", "items": ["enum": themeIDs], "uniqueItems": true,
                       "description": "Theme ids from content/themes.yaml."],
            "municipality": text("The municipality, as written in this language."),
            "country": country,
            "project": text("The project it belongs to."),
            "levels": ["type": "array", "items": ["enum": Level.allCases.map(\.rawValue)], "uniqueItems": true,
                       "description": "Levels at which it takes place."],
            "authors": names("Authors' names."),
            "summary": text("One or two sentences, shown in lists and feeds."),
            "source": text("Where the text comes from: the original publication and where it appeared."),
            "translationKey": text("The same key on each translation of a document."),
            "slug": ["type": "string", "pattern": "^[^/\\\\]+$", "description": "The last part of the URL (one segment)."],
            "draft": ["type": "boolean", "description": "true leaves the document out of the site (kartu serve --drafts shows it)."],
            "weight": ["type": "integer", "description": "Orders sections (on _index.md) and a publication's chapters and parts."],
            "original": ["type": "boolean", "description": "true marks the document its translations are made from."],
            "decision": ["type": "object", "additionalProperties": false, "required": ["date"],
                         "properties": ["number": ["type": ["string", "integer"]], "date": date,
                                        "draft": ["type": "object", "additionalProperties": false, "required": ["number", "date"],
                                                  "properties": ["number": ["type": ["string", "integer"]], "date": date],
                                                  "description": "The draft decision put to the council, when that is what was published."]],
                         "description": "A council decision approving a collaboration model; its number may be left out when unknown."],
            "host": ["type": "object", "additionalProperties": false, "required": ["place", "country"],
                     "properties": ["place": ["type": "string"], "country": country],
                     "description": "Where an internship took place."],
            "period": ["type": "object", "additionalProperties": false, "required": ["start", "end"],
                       "properties": ["start": date, "end": date], "description": "When an internship took place."],
            "subtitle": text("A publication's subtitle."),
            "editors": ["anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]],
                        "description": "A publication's editors: a name or a list of names."],
            "partners": names("A publication's partners."),
            "year": ["type": "integer", "minimum": 1000, "maximum": 9999, "description": "A publication's year."],
            "isbn": text("A publication's ISBN."),
            "license": text("A publication's license."),
            "chapters": ["type": "array", "items": ["type": "string"],
                         "description": "A publication's reading order: paths in its folder, .md optional."],
        ]
        let required: [(DocumentKind, [String])] = [
            (.changeProject, ["municipality", "themes"]), (.collaborationModel, ["municipality", "decision"]),
            (.internshipReport, ["host", "period"]),
        ]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://kartu.invalid/schema/front-matter.json",
            "title": "kartu front matter",
            "description": "The YAML between the --- lines at the top of a content/<language>/…/*.md file. A list page (_index.md) or home (index.md) needs only a title.",
            "type": "object",
            "additionalProperties": false,
            "required": ["title"],
            "properties": properties,
            "allOf": required.map { kind, fields in
                ["if": ["properties": ["kind": ["const": kind.rawValue]], "required": ["kind"]], "then": ["required": fields]]
            },
        ]
        // A fixed tree of strings, numbers, arrays and dictionaries: serializing it cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
