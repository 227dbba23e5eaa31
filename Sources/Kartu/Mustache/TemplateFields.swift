/// The names one kind of view model answers, in slot order, and what each name holds: templates
/// are checked against these when they load, and rendered by slot.
final class TemplateFields: Sendable {
    /// For messages: "document", "card"…
    let typeName: String
    let names: [String]
    let kinds: [TemplateKind]
    /// Answers any name (a dictionary): nothing to check, looked up by name.
    let isOpen: Bool
    private let slots: [String: Int]

    init(typeName: String, names: [String], kinds: [TemplateKind], isOpen: Bool = false) {
        self.typeName = typeName
        self.names = names
        self.kinds = kinds
        self.isOpen = isOpen
        var slots: [String: Int] = [:]
        for (slot, name) in names.enumerated() where slots[name] == nil { slots[name] = slot }
        self.slots = slots
    }

    static let open = TemplateFields(typeName: "dictionary", names: [], kinds: [], isOpen: true)

    func slot(named name: String) -> Int? { slots[name] }
}

/// What a field holds, for checking templates: which names a section over it can use.
enum TemplateKind: Sendable {
    case text
    case number
    case bool
    case object(@Sendable () -> TemplateFields)
    case list(@Sendable () -> TemplateFields)
    /// A list of texts: `{{.}}` inside.
    case texts
    /// A dictionary: any name.
    case dictionary
    /// The theme's UI strings: checked against the keys of `templates/i18n/`.
    case uiStrings
}

/// A view model's fields declared once: name, kind and getter together, so the names templates
/// are checked against and the values pages render cannot drift apart.
struct TemplateTable<Owner>: Sendable {
    let fields: TemplateFields
    let getters: [@Sendable (Owner) -> TemplateValue]

    /// The first declaration of a name wins, so a type can include another's fields after its own.
    init(_ typeName: String, _ declared: [TemplateField<Owner>]) {
        var seen = Set<String>()
        let unique = declared.filter { seen.insert($0.name).inserted }
        fields = TemplateFields(typeName: typeName, names: unique.map(\.name), kinds: unique.map(\.kind))
        getters = unique.map(\.get)
    }
}

struct TemplateField<Owner>: Sendable {
    let name: String
    let kind: TemplateKind
    let get: @Sendable (Owner) -> TemplateValue

    static func text(_ name: String, _ get: @escaping @Sendable (Owner) -> String?) -> Self {
        Self(name: name, kind: .text) { owner in get(owner).map(TemplateValue.text) ?? .missing }
    }

    static func number(_ name: String, _ get: @escaping @Sendable (Owner) -> Int?) -> Self {
        Self(name: name, kind: .number) { owner in get(owner).map(TemplateValue.number) ?? .missing }
    }

    static func bool(_ name: String, _ get: @escaping @Sendable (Owner) -> Bool) -> Self {
        Self(name: name, kind: .bool) { .bool(get($0)) }
    }

    static func object<T: TemplateRecord>(_ name: String, _ type: T.Type, _ get: @escaping @Sendable (Owner) -> T?) -> Self {
        Self(name: name, kind: .object { T.templateTable.fields }) { owner in get(owner).map { .object($0) } ?? .missing }
    }

    static func list<T: TemplateRecord>(_ name: String, _ type: T.Type, _ get: @escaping @Sendable (Owner) -> [T]?) -> Self {
        Self(name: name, kind: .list { T.templateTable.fields }) { owner in get(owner).map { .list($0) } ?? .missing }
    }

    static func texts(_ name: String, _ get: @escaping @Sendable (Owner) -> [String]?) -> Self {
        Self(name: name, kind: .texts) { owner in get(owner).map { .list(TemplateTexts(texts: $0)) } ?? .missing }
    }

    static func dictionary(_ name: String, _ get: @escaping @Sendable (Owner) -> [String: String]?) -> Self {
        Self(name: name, kind: .dictionary) { owner in get(owner).map { .object(TemplateDictionary(texts: $0)) } ?? .missing }
    }

    static func uiStrings(_ name: String, _ get: @escaping @Sendable (Owner) -> TemplateDictionary) -> Self {
        Self(name: name, kind: .uiStrings) { .object(get($0)) }
    }

    /// Every field of `T`, read through `get`: a document page answers its card's names.
    static func fields<T: TemplateRecord>(of type: T.Type, _ get: @escaping @Sendable (Owner) -> T) -> [Self] {
        let table = T.templateTable
        return zip(table.fields.names, zip(table.fields.kinds, table.getters)).map { name, entry in
            let (kind, getter) = entry
            return Self(name: name, kind: kind) { getter(get($0)) }
        }
    }
}
