/// A parsed template: text and tags, sections holding their content. Not `indirect` (the arrays
/// already are references), and names and partials are classes: rendering copies nodes out of
/// their arrays on every page, and each copy costs one reference count per reference in it,
/// contended between the threads rendering pages with the same templates.
indirect enum MustacheNode: Sendable {
    /// Text up to and including a line break, or up to a tag: lines are separate nodes so that an
    /// indented partial can indent each of its lines.
    case text([UInt8])
    case variable(MustacheName, escaped: Bool)
    case section(MustacheName, [MustacheNode])
    case inverted(MustacheName, [MustacheNode])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with its block overrides. `indentation` is set when
    /// the tag stands alone on its line.
    case partial(MustachePartial)
    /// `{{$name}}default{{/name}}`: a block a child template may override. When the tag stands
    /// alone, an override is indented like the default's first line (`intrinsic`).
    case block(name: String, defaults: [MustacheNode], indentation: [UInt8], intrinsic: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: an override, only while parsing.
    case blockOverride(name: String, [MustacheNode])
}

final class MustachePartial: Sendable {
    let name: String
    let indentation: [UInt8]?
    /// Set for a parent (`{{<name}}`): the blocks it overrides.
    let overrides: [String: [MustacheNode]]?
    let location: SourceLocation

    init(name: String, indentation: [UInt8]?, overrides: [String: [MustacheNode]]?, location: SourceLocation) {
        self.name = name
        self.indentation = indentation
        self.overrides = overrides
        self.location = location
    }
}

/// A name as a tag writes it: `title`, `site.title`, `.`, `.title`, `last()`, `empty(themes)`.
final class MustacheName: Sendable {
    let text: String
    /// The dot-separated parts; empty for `.` and for `last()`.
    let parts: [String]
    /// Each part's number in the template set's name table (slot lookups use it).
    let ids: [Int]
    /// Outermost first, as written: `a(b(x))` is `[a, b]`, applied b then a.
    let transforms: [String]
    /// `.name`: looked up in the current context only.
    let isAnchored: Bool
    let location: SourceLocation

    init(text: String, parts: [String], ids: [Int], transforms: [String], isAnchored: Bool, location: SourceLocation) {
        self.text = text
        self.parts = parts
        self.ids = ids
        self.transforms = transforms
        self.isAnchored = isAnchored
        self.location = location
    }

    /// `{{.}}`: the current context itself.
    var isImplicit: Bool { parts.isEmpty && transforms.isEmpty }
    /// `{{#last()}}`: the position in the list being iterated.
    var isListPosition: Bool { parts.isEmpty && !transforms.isEmpty && !isAnchored }
}

/// Numbers for the names templates use, so that a view model's slot is found by indexing a table
/// rather than by comparing strings.
struct MustacheNameTable: Sendable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(for name: String) -> Int {
        if let number = numbers[name] { return number }
        names.append(name)
        numbers[name] = names.count - 1
        return names.count - 1
    }
}
