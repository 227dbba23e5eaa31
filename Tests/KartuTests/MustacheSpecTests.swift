import Foundation
import Testing
@testable import Kartu

/// kartu's Mustache engine against the official specification (github.com/mustache/spec, the
/// commit in Fixtures/mustache-spec/SOURCE): every test of the required modules and of the
/// inheritance extension the default theme uses. Data here is JSON, so names are looked up by
/// name rather than by slot; the slot path is held to the same output by `MustacheEngineTests`.
///
/// Not run: `~lambdas` (view models hold values, never code) and `~dynamic-names` (`{{>*name}}`
/// is refused when templates load, because a partial named at render time cannot be checked then).
@Suite("Mustache specification")
struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mustache-spec")

    struct SpecTest: Sendable, Decodable, CustomTestStringConvertible {
        var module = ""
        let name: String
        let template: String
        let data: JSON
        let partials: [String: String]?
        let expected: String
        var testDescription: String { "\(module): \(name)" }

        enum CodingKeys: String, CodingKey { case name, template, data, partials, expected }
    }

    struct SpecFile: Decodable { let tests: [SpecTest] }

    static func tests(_ module: String) -> [SpecTest] {
        let url = folder.appendingPathComponent(module + ".json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
        return file.tests.map { test in
            var test = test
            test.module = module
            return test
        }
    }

    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    @Test("the fixtures are all there", arguments: modules)
    func fixturesPresent(module: String) {
        #expect(Self.tests(module).count >= 10)
    }

    @Test("specification", arguments: modules.flatMap(tests))
    func spec(_ test: SpecTest) throws {
        var names = MustacheNameTable()
        var templates: [String: [MustacheNode]] = [:]
        for (name, text) in [("__test__", test.template)] + (test.partials ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch MustacheParser.parse(text, file: name, names: &names) {
            case .success(let nodes): templates[name] = nodes
            case .failure(let problem): Issue.record("\(problem)"); return
            }
        }
        let library = MustacheLibrary(templates: templates, names: names, root: nil)
        var renderer = MustacheRenderer(library: library, root: test.data.value, template: "__test__")
        renderer.render(templates["__test__"] ?? [], MustacheRenderer.Scope())
        #expect(String(decoding: renderer.output, as: UTF8.self) == test.expected, "\(test.template.debugDescription)")
    }
}

/// JSON data as template values: objects answer by name.
enum JSON: Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
    case list([JSON])
    case object([String: JSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else if let list = try? container.decode([JSON].self) { self = .list(list) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }

    var value: TemplateValue {
        switch self {
        case .null: .missing
        case .bool(let bool): .bool(bool)
        // Whole numbers print as integers, others as Swift prints a Double ("1.21").
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? .number(Int(number)) : .text("\(number)")
        case .text(let text): .text(text)
        case .list(let list): .list(JSONList(elements: list))
        case .object(let fields): .object(JSONObject(fields: fields))
        }
    }
}

struct JSONObject: TemplateObject {
    let fields: [String: JSON]
    var templateFields: TemplateFields { .open }
    func templateValue(at slot: Int) -> TemplateValue { .missing }
    func templateValue(named name: String) -> TemplateValue { fields[name]?.value ?? .missing }
}

struct JSONList: TemplateList {
    let elements: [JSON]
    var templateCount: Int { elements.count }
    func templateElement(at index: Int) -> TemplateValue { elements[index].value }
}
