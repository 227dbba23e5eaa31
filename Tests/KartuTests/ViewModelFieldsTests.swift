import Foundation
import Testing
@testable import Kartu

/// Templates are checked against the names in each view model's `TemplateTable`; this checks the
/// tables against the view models: every stored property is read by some field, so a property
/// added in Swift cannot be forgotten there (it would be data no template can show).
@Suite("View model fields")
struct ViewModelFieldsTests {
    static let files = ["Templates/ViewModels.swift", "Templates/PublicationViews.swift", "Templates/PagerView.swift"]
    /// Stored properties kartu uses itself and templates never see, with the reason. (Initializers'
    /// `self.x = x` lines are not properties: the scan reads only `let`/`var` declarations.)
    static let internalProperties: Set<String> = [
        "BookEntryView.document",  // which document an entry is, to find the current chapter
        "DocumentCardView.document",  // which document a card is, for kartu serve to find the pages listing it
    ]

    /// Per `TemplateRecord` type: its stored properties, and the properties its table reads (`$0.name`).
    static func scan(_ text: String) -> [(type: String, stored: [String], read: Set<String>)] {
        var result: [(String, [String], Set<String>)] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("struct ") || line.hasPrefix("final class "), line.contains(": TemplateRecord") else { index += 1; continue }
            let type = String(line.split(separator: " ").dropFirst(line.hasPrefix("struct ") ? 1 : 2).first?.prefix { $0 != ":" } ?? "")
            var stored: [String] = []
            var read = Set<String>()
            index += 1
            while index < lines.count, !lines[index].hasPrefix("}") {
                let body = lines[index]
                // Stored properties: four spaces in, `let`/`var` with a type and no getter body.
                if let match = body.firstMatch(of: /^    (?:let|var) (\w+)(?::[^{]*)?(?: = .*)?$/) { stored.append(String(match.1)) }
                for match in body.matches(of: /\$0\.(\w+)/) { read.insert(String(match.1)) }
                index += 1
            }
            result.append((type, stored, read))
        }
        return result
    }

    @Test("every stored property of a view model is read by its template table")
    func storedPropertiesAreFields() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Kartu")
        var types = 0
        var forgotten: [String] = []
        for file in Self.files {
            for (type, stored, read) in Self.scan(try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)) {
                types += 1
                #expect(!stored.isEmpty, "\(type): no stored properties found; the scan no longer matches the code")
                for property in stored where !read.contains(property) && !Self.internalProperties.contains("\(type).\(property)") {
                    forgotten.append("\(type).\(property)")
                }
            }
        }
        #expect(types >= 20)
        #expect(forgotten == [])
    }

    @Test("the check can fail: a property no field reads is found")
    func negativeControl() {
        let text = """
        struct ExampleView: TemplateRecord, Sendable {
            let title: String
            let forgotten: Int?
            var withDefault = false

            static let templateTable = TemplateTable<Self>("example", [
                .text("title") { $0.title },
                .bool("flag") { $0.withDefault },
            ])
        }
        """
        let scanned = Self.scan(text)
        #expect(scanned.count == 1)
        #expect(scanned.first?.stored == ["title", "forgotten", "withDefault"])
        #expect(scanned.first.map { $0.stored.filter { !$0.isEmpty && !scanned[0].read.contains($0) } } == ["forgotten"])
    }

    @Test("every template table answers its names, and a name's slot gives that field")
    func tablesAreConsistent() {
        let tables: [TemplateFields] = [PageView.templateTable.fields, DocumentView.templateTable.fields, DocumentCardView.templateTable.fields,
                                        PublicationView.templateTable.fields, BookEntryView.templateTable.fields]
        for fields in tables {
            #expect(Set(fields.names).count == fields.names.count, "\(fields.typeName): a name declared twice")
            for (slot, name) in fields.names.enumerated() { #expect(fields.slot(named: name) == slot) }
        }
    }
}
