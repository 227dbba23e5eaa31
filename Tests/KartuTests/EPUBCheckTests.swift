import Foundation
import Testing
@testable import Kartu

/// The written EPUB against epubcheck, the W3C's validator (Debian's `epubcheck`, installed by
/// scripts/install-deps.sh). Without it the tests are skipped on a developer's machine and fail on CI.
@Suite("EPUB check", .enabled(if: EPUBCheck.isAvailable || EPUBCheck.isCI))
struct EPUBCheckTests {
    @Test("a realistic book passes epubcheck without errors or warnings")
    func realisticBook() throws {
        let result = try EPUBCheck.run(try EPUBWriter.write(EPUBFixtures.realisticBook()))
        #expect(result.messages.isEmpty, "\(result.messages.joined(separator: "\n"))")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("the check can fail: a link to a missing fragment is an error")
    func brokenBook() throws {
        let book = EPUBBook(identifier: "urn:uuid:00000000-0000-8000-8000-000000000000", title: "T", language: "en",
                            modified: DayDate(iso: "2024-01-02")!,
                            documents: [EPUBDocument(fileName: "a.xhtml", title: "A", body: "<p><a href=\"a.xhtml#missing\">x</a></p>")])
        let result = try EPUBCheck.run(try EPUBWriter.write(book))
        #expect(result.status != 0)
        #expect(result.messages.contains { $0.hasPrefix("ERROR RSC-012") }, "\(result.output)")
    }
}

/// Runs epubcheck 4 on EPUB bytes and reads its JSON report.
enum EPUBCheck {
    struct Result {
        let status: Int32
        /// Fatal errors, errors and warnings as `SEVERITY ID: message (file:line:column)`.
        let messages: [String]
        let output: String
    }

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Debian installs epubcheck as an executable jar, which runs only where binfmt support is
    /// active (not in containers); `java -jar` works everywhere.
    static let jar: String? = [ProcessInfo.processInfo.environment["EPUBCHECK_JAR"], "/usr/share/java/epubcheck.jar"]
        .compactMap { $0 }
        .first { FileManager.default.fileExists(atPath: $0) }

    static let java: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        .split(separator: ":")
        .map { "\($0)/java" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { jar != nil && java != nil }

    static func run(_ epub: Data) throws -> Result {
        guard let jar, let java else {
            Issue.record("epubcheck is not installed (needs /usr/share/java/epubcheck.jar and java): run scripts/install-deps.sh")
            return Result(status: -1, messages: [], output: "")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kartu-epubcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("book.epub")
        let report = folder.appendingPathComponent("report.json")
        try epub.write(to: book)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: java)
        // Messages in English whatever the machine's locale, so that tests can read them.
        process.arguments = ["-Duser.language=en", "-jar", jar, "--locale", "en", "--json", report.path, book.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let messages = (json?["messages"] as? [[String: Any]] ?? []).compactMap { message -> String? in
            let severity = message["severity"] as? String ?? "?"
            guard ["FATAL", "ERROR", "WARNING"].contains(severity) else { return nil }
            let locations = (message["locations"] as? [[String: Any]] ?? []).map { location in
                "\(location["path"] ?? "?"):\(location["line"] ?? "?"):\(location["column"] ?? "?")"
            }
            return "\(severity) \(message["ID"] ?? "?"): \(message["message"] ?? "") (\(locations.joined(separator: ", ")))"
        }
        return Result(status: process.terminationStatus, messages: messages, output: text)
    }
}
