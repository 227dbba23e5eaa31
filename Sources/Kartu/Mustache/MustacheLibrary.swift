/// Parsed templates by name, ready to render: partials and parents are found here, and each view
/// model reachable from the root has a table from name number to slot, built once.
struct MustacheLibrary: Sendable {
    let templates: [String: [MustacheNode]]
    /// Per `TemplateFields` (by identity): for each name number, the slot answering it, or -1.
    let slotTables: SlotTables

    init(templates: [String: [MustacheNode]], names: MustacheNameTable, root: TemplateFields?) {
        self.templates = templates
        var tables: [ObjectIdentifier: [Int32]] = [:]
        // A view model reachable only through a transform or a dictionary has no table and is looked up by name.
        var pending = root.map { [$0] } ?? []
        while let fields = pending.popLast() {
            let key = ObjectIdentifier(fields)
            guard !fields.isOpen, tables[key] == nil else { continue }
            tables[key] = names.names.map { name in fields.slot(named: name).map(Int32.init) ?? -1 }
            for kind in fields.kinds {
                switch kind {
                case .object(let nested), .list(let nested): pending.append(nested())
                default: break
                }
            }
        }
        slotTables = SlotTables(tables)
    }

    /// Why a template rendered no page.
    enum Failure: Error, Equatable {
        case noTemplate
        /// A partial (or parent) included deeper than `MustacheRenderer.maximumDepth`, and the
        /// template whose tag included it there.
        case partialTooDeep(includer: String, partial: String)
    }

    /// The page `name` renders for `root`, or nil when it fails.
    func render(_ name: String, _ root: any TemplateObject) -> String? {
        try? String(decoding: renderBytes(name, root).get(), as: UTF8.self)
    }

    /// The page as UTF-8 bytes, for writing: templates and values are valid UTF-8 already, so the
    /// bytes are not decoded again.
    func renderBytes(_ name: String, _ root: any TemplateObject) -> Result<[UInt8], Failure> {
        guard let nodes = templates[name] else { return .failure(.noTemplate) }
        var renderer = MustacheRenderer(library: self, root: .object(root), template: name)
        renderer.render(nodes, MustacheRenderer.Scope())
        if let (includer, partial) = renderer.tooDeep { return .failure(.partialTooDeep(includer: includer, partial: partial)) }
        return .success(renderer.output)
    }
}

/// The slot tables in memory that is never copied or reference-counted while pages render: the
/// context stack holds a plain pointer to its frame's table, so walking the stack copies nothing.
final class SlotTables: @unchecked Sendable {
    private let tables: [ObjectIdentifier: UnsafeMutablePointer<Int32>]

    init(_ tables: [ObjectIdentifier: [Int32]]) {
        self.tables = tables.mapValues { table in
            let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, table.count))
            pointer.initialize(from: table, count: table.count)
            return pointer
        }
    }

    deinit {
        for pointer in tables.values { pointer.deallocate() }
    }

    subscript(fields: TemplateFields) -> UnsafePointer<Int32>? {
        tables[ObjectIdentifier(fields)].map { UnsafePointer($0) }
    }
}
