import Foundation
import Testing
@testable import Kartu

@Suite("Parallel rendering")
struct ParallelismTests {
    /// Pages are parsed, assembled and rendered on all cores; one thread must give the same bytes.
    @Test("a build on one thread and builds on many give byte-identical trees")
    func singleThreadedIsIdentical() throws {
        let site = try TestSite.standard(repoTemplates: true)
        for (folder, jobs) in [("one", 1), ("two", 2), ("seven", 7)] {
            var options = site.options(output: folder, baseURL: "https://example.org/guide/", strict: false, write: true)
            options.jobs = jobs
            let report = try SiteBuilder(options: options).run()
            #expect(report.printed == [])
        }
        let files = site.files(under: "one")
        #expect(files.count > 100)
        for other in ["two", "seven"] {
            #expect(site.files(under: other) == files)
            for file in files {
                #expect(site.data(other + "/" + file) == site.data("one/" + file), "\(other)/\(file)")
            }
        }
    }

    @Test("--jobs 0 is a usage error")
    func zeroJobs() throws {
        let site = try TestSite.standard()
        var options = site.options(output: nil, baseURL: nil, strict: false, write: true)
        options.jobs = 0
        #expect(throws: Diagnostic.self) { try SiteBuilder(options: options).run() }
        let result = try site.run(["build", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(!site.exists("site"))
    }

    @Test("a map keeps input order, with one worker or many")
    func order() {
        let items = Array(0..<1000)
        #expect(Workers(count: 4).map(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(Workers.one.map(items) { $0 + 1 } == items.map { $0 + 1 })
        #expect(Workers(count: 3).map(items, state: { 0 }) { calls, item in calls += 1; return item } == items)
    }

    /// Every step that works in parallel, as the file that asks for the map.
    static let parallelSteps: Set<String> = [
        "Kartu/ContentLoader.swift", "Kartu/BodyRenderer.swift", "Kartu/RelatedDocuments.swift", "Kartu/PublicationEPUB.swift",
        "Kartu/PageAssembler.swift", "Kartu/SearchIndex.swift", "Kartu/Sitemap.swift", "Kartu/OutputWriter.swift",
    ]

    @Test("--jobs 1 runs every step on the calling thread, maps nested in other maps included")
    func oneJobOneThread() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let recorder = ThreadRecorder()
        // Built on a thread of its own, so that "the calling thread" is not the test runner's.
        let thread = try onNewThread { try site.build(output: "one", baseURL: "https://example.org/", jobs: 1, recorder: recorder) }
        let records = recorder.records
        #expect(Set(records.map(\.caller)) == Self.parallelSteps)
        #expect(Set(records.map(\.thread)) == [thread])
        #expect(records.allSatisfy { $0.chunks == 1 })
    }

    @Test("the negative control: with --jobs 2 the same steps split their work, the nested search-index map too")
    func twoJobsSplit() throws {
        let site = try TestSite.standard(repoTemplates: true)
        let recorder = ThreadRecorder()
        _ = try onNewThread { try site.build(output: "two", baseURL: "https://example.org/", jobs: 2, recorder: recorder) }
        let split = Set(recorder.records.filter { $0.chunks > 1 }.map(\.caller))
        #expect(split.contains("Kartu/SearchIndex.swift"))
        #expect(split.contains("Kartu/PageAssembler.swift"))
        #expect(split.contains("Kartu/ContentLoader.swift"))
        #expect(split.contains("Kartu/OutputWriter.swift"))
    }

    /// Runs `body` on a new thread and returns that thread's id once it is done.
    private func onNewThread(_ body: @escaping @Sendable () throws -> BuildReport) throws -> UInt {
        nonisolated(unsafe) var outcome: Result<UInt, Error>?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome = Result { () throws -> UInt in
                let report = try body()
                #expect(report.printed == [])
                return UInt(pthread_self())
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        return try outcome!.get()
    }
}
