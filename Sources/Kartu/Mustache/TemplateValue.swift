/// What a Mustache name stands for while a page renders.
///
/// Templates used to look names up with swift-mustache, which asks `Any` values what they are
/// (`as? MustacheParent`, `as? Sequence`…) for every tag at every level of the context stack; on the
/// default theme those casts were three quarters of a build. Here a view model answers with one of
/// these cases, looked up by a slot number found when the templates load.
enum TemplateValue {
    /// Nothing here: the lookup goes on down the context stack, and the tag renders nothing.
    case missing
    /// Text, HTML-escaped by `{{name}}`. Present text is truthy even when empty (as swift-mustache had it).
    case text(String)
    case number(Int)
    case bool(Bool)
    case object(any TemplateObject)
    case list(any TemplateList)
}

/// A value with named fields: a view model, or an open dictionary.
protocol TemplateObject {
    /// The names this value can answer. Open fields (dictionaries) answer by name instead of slot.
    var templateFields: TemplateFields { get }
    func templateValue(at slot: Int) -> TemplateValue
    func templateValue(named name: String) -> TemplateValue
}

extension TemplateObject {
    func templateValue(named name: String) -> TemplateValue {
        guard let slot = templateFields.slot(named: name) else { return .missing }
        return templateValue(at: slot)
    }
}

/// A list a section iterates over.
protocol TemplateList {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue
}

/// A view model whose fields are declared once, in a `TemplateTable`: the table gives both the
/// names templates are checked against and the getters pages render with.
protocol TemplateRecord: TemplateObject, SendableMetatype {
    static var templateTable: TemplateTable<Self> { get }
}

extension TemplateRecord {
    var templateFields: TemplateFields { Self.templateTable.fields }
    func templateValue(at slot: Int) -> TemplateValue { Self.templateTable.getters[slot](self) }
}

extension Array: TemplateList where Element: TemplateRecord {
    var templateCount: Int { count }
    func templateElement(at index: Int) -> TemplateValue { .object(self[index]) }
}

/// A list of plain texts (`{{#authors}}{{.}}{{/authors}}`).
struct TemplateTexts: TemplateList {
    let texts: [String]
    var templateCount: Int { texts.count }
    func templateElement(at index: Int) -> TemplateValue { .text(texts[index]) }
}

/// Texts and groups of texts by key (the UI strings `t`, a decision's fields): answers any name,
/// so templates are not checked against it. A class, so a page hands the same one out without
/// copying it, and typed, so a lookup needs no cast.
final class TemplateDictionary: TemplateObject, Sendable {
    let texts: [String: String]
    let groups: [String: TemplateDictionary]

    init(texts: [String: String], groups: [String: TemplateDictionary] = [:]) {
        self.texts = texts
        self.groups = groups
    }

    static let empty = TemplateDictionary(texts: [:])

    /// The tree of dotted keys: `field.themes` is the text `themes` of the group `field`.
    static func nesting(_ flat: [String: String]) -> TemplateDictionary {
        var texts: [String: String] = [:]
        var groups: [String: [String: String]] = [:]
        for (key, value) in flat {
            if let dot = key.firstIndex(of: ".") {
                groups[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = value
            } else {
                texts[key] = value
            }
        }
        return TemplateDictionary(texts: texts, groups: groups.mapValues(nesting))
    }

    var templateFields: TemplateFields { TemplateFields.open }
    func templateValue(at slot: Int) -> TemplateValue { .missing }
    func templateValue(named name: String) -> TemplateValue {
        if let text = texts[name] { return .text(text) }
        if let group = groups[name] { return .object(group) }
        return .missing
    }
}
