import Foundation
import Testing
@testable import KartuFuzz

/// Every committed fuzz input, and every input that ever broke an invariant, run through its
/// target's checks: a regression fails here, not only in the next long fuzzing run.
@Suite("Fuzz seeds")
struct FuzzSeedsTests {
    @Test("every seed of every fuzz target keeps its invariants", arguments: FuzzTarget.allCases)
    func seeds(target: FuzzTarget) throws {
        let folder = TestSite.repoRoot.appendingPathComponent("Fuzz/seeds/\(target.rawValue)").path
        let inputs = FuzzInputs.files(under: folder)
        #expect(inputs.count >= 5, "\(folder) has \(inputs.count) seeds")
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: input)))
            do throws(BrokenInvariant) {
                try target.run(bytes)
            } catch {
                Issue.record("\(input): \(error)")
            }
        }
    }

    @Test("the checks catch what they are for: a path out of the site, a refused plain path, a misplaced diagnostic")
    func negativeControls() {
        // What a server without the `..` check would answer, and one that refused too much.
        #expect(throws: BrokenInvariant.self) { try RequestPathTarget.check("/%2e%2e/secret.txt", accepted: "../secret.txt") }
        #expect(throws: BrokenInvariant.self) { try RequestPathTarget.check("/lt/a/", accepted: nil) }
        #expect(throws: Never.self) { try RequestPathTarget.check("/lt/a/", accepted: "lt/a/") }
        // A diagnostic past the end of its line, on a line the file lacks, or in another file.
        let lines = ["content/a.md": lineLengths(Array("---\ntitle: A\n".utf8))]
        #expect(throws: Never.self) { try requireLocated(.error("x", at: .init(file: "content/a.md", line: 2, column: 9)), in: lines, "") }
        #expect(throws: BrokenInvariant.self) { try requireLocated(.error("x", at: .init(file: "content/a.md", line: 2, column: 10)), in: lines, "") }
        #expect(throws: BrokenInvariant.self) { try requireLocated(.error("x", at: .init(file: "content/a.md", line: 4, column: 1)), in: lines, "") }
        #expect(throws: BrokenInvariant.self) { try requireLocated(.error("x", at: .init(file: "content/b.md")), in: lines, "") }
        #expect(throws: BrokenInvariant.self) { try requireLocated(.error("", at: .init(file: "content/a.md")), in: lines, "") }
        #expect(FuzzInputs.target(of: "Fuzz/seeds/slug/x.txt") == .slug)
        #expect(FuzzInputs.target(of: "Fuzz/seeds/other/x.txt") == nil)
    }
}
