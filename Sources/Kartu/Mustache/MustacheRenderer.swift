import Foundation

/// Renders parsed templates into UTF-8 bytes: a context stack of values, each name looked up from
/// the top of the stack down, by slot where the value's fields have a table.
///
/// Section, inverted-section, partial and block semantics are the Mustache specification's, with
/// swift-mustache's choices where it leaves room (kartu's themes were written against it): present
/// text is truthy even when empty, a missing value lets the lookup continue down the stack,
/// `{{#list}}` pushes each element with its position (`first()`, `last()`, `index()`), and that
/// position is forgotten inside a nested section, partial or block.
struct MustacheRenderer {
    private let library: MustacheLibrary
    private(set) var output: [UInt8] = []
    private var stack: [Frame]
    /// Partials and parents entered and not yet left.
    private var depth = 0
    /// The template whose nodes are rendering: the page's, or the partial entered last.
    private var template: String
    /// The include that went deeper than `maximumDepth` (the template holding the tag, and the
    /// partial it names): rendering stopped there.
    private(set) var tooDeep: (includer: String, partial: String)?

    /// How deep partials may include partials. A partial may include itself, and does so to render
    /// a tree (contents entries holding entries, six levels at most); one that includes itself
    /// with nothing running out (`{{#site}}{{> self}}{{/site}}`) would recurse until the stack
    /// overflows, so past this depth the page fails with the partial named instead.
    static let maximumDepth = 100

    private struct Frame {
        let value: TemplateValue
        /// Slot per name number; nil for values without a table (looked up by name, or not at all).
        /// Owned by the library's `SlotTables`, which outlives the renderer.
        let slots: UnsafePointer<Int32>?
    }

    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What a template renders within, besides the stack.
    struct Scope {
        var position: Position? = nil
        var indentation: [UInt8] = []
        /// Blocks overridden by the child templates on the way here; the outermost override wins.
        var overrides: [String: [MustacheNode]] = [:]
    }

    /// `template`: the name of the page template rendered, for the report of an include too deep.
    init(library: MustacheLibrary, root: TemplateValue, template: String) {
        self.library = library
        self.template = template
        stack = []
        output.reserveCapacity(64 * 1024)
        stack.append(frame(root))
    }

    private func frame(_ value: TemplateValue) -> Frame {
        if case .object(let object) = value { return Frame(value: value, slots: library.slotTables[object.templateFields]) }
        return Frame(value: value, slots: nil)
    }

    /// `indentFirstLine`: also indent the first node when it starts a line; otherwise, as in
    /// swift-mustache, the template that included this one indents it (with its own indentation).
    mutating func render(_ nodes: [MustacheNode], _ scope: Scope, indentFirstLine: Bool = false) {
        guard !scope.indentation.isEmpty else {
            for node in nodes where tooDeep == nil { render(node, scope) }
            return
        }
        // An indented partial indents what each node renders when it starts a line of this template's output.
        let start = indentFirstLine ? -1 : output.count
        for node in nodes where tooDeep == nil {
            let before = output.count
            let startsLine = before > start && (before == 0 || output[before - 1] == UInt8(ascii: "\n"))
            render(node, scope)
            if startsLine, output.count > before { output.insert(contentsOf: scope.indentation, at: before) }
        }
    }

    private mutating func render(_ node: MustacheNode, _ scope: Scope) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            switch value(of: name, scope) {
            case .text(let text):
                if escaped { HTMLEscaper.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            case .number(let number): output.append(contentsOf: String(number).utf8)
            case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
            case .missing, .object, .list: break
            }
        case .section(let name, let content):
            switch value(of: name, scope) {
            case .missing: break
            case .bool(let bool): if bool { render(content, scope) }
            case .list(let list):
                let count = list.templateCount
                var inner = scope
                for index in 0..<count {
                    inner.position = Position(first: index == 0, last: index == count - 1, index: index)
                    stack.append(frame(list.templateElement(at: index)))
                    render(content, inner)
                    stack.removeLast()
                }
            case let value:
                var inner = scope
                inner.position = nil
                stack.append(frame(value))
                render(content, inner)
                stack.removeLast()
            }
        case .inverted(let name, let content):
            switch value(of: name, scope) {
            case .missing: render(content, scope)
            case .bool(let bool): if !bool { render(content, scope) }
            case .list(let list) where list.templateCount == 0:
                var inner = scope
                inner.position = nil
                stack.append(frame(.list(list)))
                render(content, inner)
                stack.removeLast()
            default: break
            }
        case .partial(let partial):
            // Templates are checked for missing partials when they load.
            guard let nodes = library.templates[partial.name] else { return }
            guard depth < Self.maximumDepth else { return tooDeep = (template, partial.name) }
            let includer = template
            depth += 1
            template = partial.name
            defer {
                depth -= 1
                template = includer
            }
            var inner = scope
            inner.position = nil
            inner.indentation += partial.indentation ?? []
            if let overrides = partial.overrides {
                inner.overrides.merge(overrides) { outer, _ in outer }
            }
            render(nodes, inner)
        case .block(let name, let defaults, let indentation, let intrinsic):
            var inner = scope
            inner.position = nil
            inner.indentation += indentation
            if let override = scope.overrides[name] {
                inner.indentation += intrinsic
                render(override, inner, indentFirstLine: !intrinsic.isEmpty)
            } else {
                render(defaults, inner)
            }
        case .blockOverride:
            break
        }
    }

    // MARK: Looking names up

    private func value(of name: MustacheName, _ scope: Scope) -> TemplateValue {
        var value: TemplateValue
        if name.isListPosition {
            guard let position = scope.position, let transform = name.transforms.last else { return .missing }
            value = Self.apply(transform, to: position)
            return name.transforms.count == 1 ? value : Self.apply(name.transforms.dropLast(), to: value)
        }
        if name.parts.isEmpty {
            value = stack[stack.count - 1].value
        } else if name.isAnchored {
            value = lookup(name.ids[0], name.parts[0], in: stack[stack.count - 1])
        } else {
            // Through a buffer pointer, reading a frame's table before its value: levels that do
            // not have the name are passed without copying anything.
            value = stack.withUnsafeBufferPointer { frames in
                let id = name.ids[0]
                var level = frames.count - 1
                while level >= 0 {
                    defer { level -= 1 }
                    let slots = frames[level].slots
                    if let slots, slots[id] < 0 { continue }
                    guard case .object(let object) = frames[level].value else { continue }
                    let found = field(of: object, slots: slots, id: id, name: name.parts[0])
                    if case .missing = found { continue }
                    return found
                }
                return .missing
            }
        }
        var part = 1
        while part < name.parts.count {
            guard case .object(let object) = value else { return .missing }
            value = field(of: object, slots: library.slotTables[object.templateFields], id: name.ids[part], name: name.parts[part])
            part += 1
        }
        if name.transforms.isEmpty { return value }
        return Self.apply(name.transforms[...], to: value)
    }

    @inline(__always)
    private func lookup(_ id: Int, _ name: String, in frame: borrowing Frame) -> TemplateValue {
        guard case .object(let object) = frame.value else { return .missing }
        return field(of: object, slots: frame.slots, id: id, name: name)
    }

    /// One name of one object: by slot where its fields have a table, else by name (dictionaries).
    @inline(__always)
    private func field(of object: any TemplateObject, slots: UnsafePointer<Int32>?, id: Int, name: String) -> TemplateValue {
        guard let slots else { return object.templateValue(named: name) }
        let slot = slots[id]
        return slot >= 0 ? object.templateValue(at: Int(slot)) : .missing
    }

    // MARK: Transforms

    /// The transforms kartu's templates may use: swift-mustache's, without sorting or lambdas.
    static let listPositionTransforms: Set<String> = ["first", "last", "index", "even", "odd"]
    static let valueTransforms: Set<String> = ["empty", "count", "first", "last", "reversed", "uppercased", "lowercased",
                                               "capitalized", "equalzero", "plusone", "minusone", "even", "odd"]

    private static func apply(_ transform: String, to position: Position) -> TemplateValue {
        switch transform {
        case "first": .bool(position.first)
        case "last": .bool(position.last)
        case "index": .number(position.index)
        case "even": .bool(position.index & 1 == 0)
        case "odd": .bool(position.index & 1 == 1)
        default: .missing
        }
    }

    /// Innermost (last written) first; a transform that does not apply makes the value missing.
    private static func apply(_ transforms: ArraySlice<String>, to value: TemplateValue) -> TemplateValue {
        var value = value
        for transform in transforms.reversed() {
            value = apply(transform, to: value)
            if case .missing = value { return .missing }
        }
        return value
    }

    private static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue {
        switch (value, transform) {
        case (.list(let list), "empty"): .bool(list.templateCount == 0)
        case (.list(let list), "count"): .number(list.templateCount)
        case (.list(let list), "first"): list.templateCount > 0 ? list.templateElement(at: 0) : .missing
        case (.list(let list), "last"): list.templateCount > 0 ? list.templateElement(at: list.templateCount - 1) : .missing
        case (.list(let list), "reversed"): .list(ReversedTemplateList(base: list))
        case (.text(let text), "empty"): .bool(text.isEmpty)
        case (.text(let text), "uppercased"): .text(text.uppercased())
        case (.text(let text), "lowercased"): .text(text.lowercased())
        case (.text(let text), "capitalized"): .text(text.capitalized)
        case (.text(let text), "reversed"): .text(String(text.reversed()))
        case (.number(let n), "equalzero"): .bool(n == 0)
        case (.number(let n), "plusone"): .number(n + 1)
        case (.number(let n), "minusone"): .number(n - 1)
        case (.number(let n), "even"): .bool(n & 1 == 0)
        case (.number(let n), "odd"): .bool(n & 1 == 1)
        default: .missing
        }
    }
}

private struct ReversedTemplateList: TemplateList {
    let base: any TemplateList
    var templateCount: Int { base.templateCount }
    func templateElement(at index: Int) -> TemplateValue { base.templateElement(at: base.templateCount - 1 - index) }
}
