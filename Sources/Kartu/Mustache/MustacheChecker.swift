/// Strict templates: every name a page template can reach is checked against the view models it
/// will meet there, when the templates load and before any page renders.
///
/// Mustache renders an unknown name as nothing, so `{{titel}}`, or a field renamed in Swift,
/// silently empties a page. Here it is an error at the name's line and column, with the closest
/// valid name. Partials and parent templates are checked where they are used, with the context
/// stack of that place; a recursive partial is checked once per stack.
struct MustacheChecker {
    private let templates: [String: [MustacheNode]]
    /// The theme's UI string keys (`field.themes`), or nil to accept any `t.…`.
    private let uiStringKeys: Set<String>?
    private var problems: [SourceLocation: Diagnostic] = [:]
    private var checked = Set<String>()
    /// Partials being checked further up: a recursive partial (a contents entry holding entries)
    /// meets its own names again one level deeper, so once is enough.
    private var active = Set<String>()
    /// The page template being checked: its block overrides are its own, so a parent template
    /// is checked again for each page that overrides its blocks.
    private var page = ""

    /// What a level of the context stack can answer while checking.
    private enum Frame {
        case fields(TemplateFields)
        /// Anything: a dictionary, or the UI strings below a prefix.
        case dictionary
        case uiStrings(prefix: String)
        /// Text, a number, a list itself: nothing.
        case opaque

        var signature: String {
            switch self {
            case .fields(let fields): "\(ObjectIdentifier(fields).hashValue)"
            case .dictionary: "d"
            case .uiStrings(let prefix): "t:" + prefix
            case .opaque: "o"
            }
        }
    }

    /// The problems of `pages` (template names), each rendered with `root` at the bottom of the stack.
    static func check(pages: [String], in templates: [String: [MustacheNode]], root: TemplateFields,
                      uiStringKeys: Set<String>?) -> [Diagnostic] {
        var checker = MustacheChecker(templates: templates, uiStringKeys: uiStringKeys)
        for page in pages.sorted() {
            guard let nodes = templates[page] else { continue }
            checker.page = page
            checker.check(nodes, stack: [.fields(root)], inList: false, overrides: [:])
        }
        return checker.problems.values.sorted()
    }

    private init(templates: [String: [MustacheNode]], uiStringKeys: Set<String>?) {
        self.templates = templates
        self.uiStringKeys = uiStringKeys
    }

    private mutating func check(_ nodes: [MustacheNode], stack: [Frame], inList: Bool, overrides: [String: [MustacheNode]]) {
        for node in nodes {
            switch node {
            case .text, .blockOverride:
                break
            case .variable(let name, _):
                guard let kind = resolve(name, stack: stack, inList: inList) else { continue }
                switch kind {
                case .object, .list, .texts, .dictionary, .uiStrings:
                    report(name, "'\(name.text)' is \(Self.describe(kind)): {{\(name.text)}} shows nothing",
                           hint: "use {{#\(name.text)}}…{{/\(name.text)}} and show its fields inside")
                default: break
                }
            case .section(let name, let content):
                guard let kind = resolve(name, stack: stack, inList: inList) else {
                    // Unknown (reported) or unchecked: the names inside are still checked.
                    check(content, stack: stack + [.dictionary], inList: inList, overrides: overrides)
                    continue
                }
                switch kind {
                case .bool: check(content, stack: stack, inList: inList, overrides: overrides)
                case .list(let fields): check(content, stack: stack + [.fields(fields())], inList: true, overrides: overrides)
                case .texts: check(content, stack: stack + [.opaque], inList: true, overrides: overrides)
                case .object(let fields): check(content, stack: stack + [.fields(fields())], inList: false, overrides: overrides)
                case .dictionary: check(content, stack: stack + [.dictionary], inList: false, overrides: overrides)
                case .uiStrings: check(content, stack: stack + [.uiStrings(prefix: Self.uiPrefix(name))], inList: false, overrides: overrides)
                case .text, .number: check(content, stack: stack + [.opaque], inList: false, overrides: overrides)
                }
            case .inverted(let name, let content):
                _ = resolve(name, stack: stack, inList: inList)
                check(content, stack: stack, inList: inList, overrides: overrides)
            case .partial(let partial):
                guard let partialNodes = templates[partial.name] else { continue }
                let merged = overrides.merging(partial.overrides ?? [:]) { outer, _ in outer }
                let key = partial.name + "|" + stack.map(\.signature).joined(separator: ",") + (merged.isEmpty ? "" : "|" + page)
                guard !active.contains(partial.name), checked.insert(key).inserted else { continue }
                active.insert(partial.name)
                check(partialNodes, stack: stack, inList: false, overrides: merged)
                active.remove(partial.name)
            case .block(let name, let defaults, _, _):
                check(overrides[name] ?? defaults, stack: stack, inList: false, overrides: overrides)
            }
        }
    }

    /// What `name` holds at this place, or nil (reported, or not checkable: a dictionary's key).
    private mutating func resolve(_ name: MustacheName, stack: [Frame], inList: Bool) -> TemplateKind? {
        for transform in name.transforms.dropLast(name.isListPosition ? 1 : 0) where !MustacheRenderer.valueTransforms.contains(transform) {
            report(name, "unknown transform '\(transform)'" + Self.didYouMean(transform, in: MustacheRenderer.valueTransforms),
                   hint: "transforms: " + MustacheRenderer.valueTransforms.sorted().joined(separator: ", "))
            return nil
        }
        if name.isListPosition {
            let transform = name.transforms.last ?? ""
            guard MustacheRenderer.listPositionTransforms.contains(transform) else {
                report(name, "unknown list position '\(transform)()'" + Self.didYouMean(transform, in: MustacheRenderer.listPositionTransforms),
                       hint: "inside a list: " + MustacheRenderer.listPositionTransforms.sorted().map { $0 + "()" }.joined(separator: ", "))
                return nil
            }
            if !inList {
                report(name, "'\(transform)()' is outside a list here, so it is always missing",
                       hint: "use it directly inside {{#list}}…{{/list}}: a section, partial or block in between forgets the position")
            }
            return nil
        }
        guard let first = name.parts.first else { return nil }
        var kind: TemplateKind?
        var frames = stack.reversed()[...]
        if name.isAnchored { frames = frames.prefix(1) }
        // A dictionary may hold any key: a name found nowhere else may be one of its keys.
        var mayBeKey = false
        search: for frame in frames {
            switch frame {
            case .fields(let fields):
                if fields.isOpen { mayBeKey = true; continue }
                if let slot = fields.slot(named: first) { kind = fields.kinds[slot]; break search }
            case .dictionary: mayBeKey = true
            case .uiStrings(let prefix): return checkUIString(prefix + first, rest: name.parts.dropFirst(), name: name)
            case .opaque: continue
            }
        }
        guard var current = kind else {
            if mayBeKey { return nil }
            if name.isAnchored, case .opaque = stack.last {
                report(name, "'\(name.text)' is looked up only in the enclosing section's own value, which has no fields, so it is always missing",
                       hint: "write {{\(name.text.dropFirst())}} without the dot, to look it up in the contexts around")
                return nil
            }
            let visible = frames.flatMap { frame -> [String] in
                if case .fields(let fields) = frame { return fields.names }
                return []
            }
            report(name, "unknown name '\(first)'" + Self.didYouMean(first, in: visible),
                   hint: "names here: " + Self.list(Set(visible)))
            return nil
        }
        var path = first
        for (index, part) in name.parts.dropFirst().enumerated() {
            switch current {
            case .object(let fields):
                let fields = fields()
                guard let slot = fields.slot(named: part) else {
                    report(name, "'\(path)' has no field '\(part)'" + Self.didYouMean(part, in: fields.names),
                           hint: "fields of '\(path)': " + Self.list(Set(fields.names)))
                    return nil
                }
                current = fields.kinds[slot]
            case .dictionary: return nil
            case .uiStrings: return checkUIString(part, rest: name.parts.dropFirst(index + 2), name: name)
            default:
                report(name, "'\(path)' is \(Self.describe(current)): it has no field '\(part)'", hint: "write {{\(path)}}")
                return nil
            }
            path += "." + part
        }
        return current
    }

    /// A UI string key (`field.themes`), or a prefix of keys for a section over it.
    private mutating func checkUIString(_ first: String, rest: ArraySlice<String>, name: MustacheName) -> TemplateKind? {
        let key = ([first] + rest).joined(separator: ".")
        guard let keys = uiStringKeys else { return nil }
        if keys.contains(key) { return .text }
        if keys.contains(where: { $0.hasPrefix(key + ".") }) { return .uiStrings }
        report(name, "unknown UI string 't.\(key)'" + Self.didYouMean(key, in: keys, prefix: "t."),
               hint: "add '\(key)' to templates/i18n/<language>.yaml, or use a key that is there")
        return nil
    }

    private static func uiPrefix(_ name: MustacheName) -> String {
        name.parts.dropFirst().map { $0 + "." }.joined()
    }

    private mutating func report(_ name: MustacheName, _ message: String, hint: String) {
        if problems[name.location] == nil {
            problems[name.location] = Diagnostic(.error, message, at: name.location, hint: hint)
        }
    }

    private static func didYouMean(_ word: String, in candidates: some Sequence<String>, prefix: String = "") -> String {
        Suggestion.closest(to: word, in: candidates).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }

    private static func list(_ names: Set<String>) -> String {
        let sorted = names.sorted()
        return sorted.prefix(12).joined(separator: ", ") + (sorted.count > 12 ? ", … (see README)" : "")
    }

    private static func describe(_ kind: TemplateKind) -> String {
        switch kind {
        case .text: "text"
        case .number: "a number"
        case .bool: "true or false"
        case .object: "a group of fields"
        case .list, .texts: "a list"
        case .dictionary, .uiStrings: "a group of texts"
        }
    }
}
