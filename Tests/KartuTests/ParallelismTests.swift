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
        #expect(throws: UsageError.self) { try SiteBuilder(options: options).run() }
        let result = try site.run(["build", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(!site.exists("site"))
    }

    @Test("parallelMap keeps input order and honours one worker")
    func order() {
        let items = Array(0..<1000)
        #expect(parallelMap(items) { $0 * 2 } == items.map { $0 * 2 })
        let sequential = Parallelism.$workers.withValue(1) { parallelMap(items) { $0 + 1 } }
        #expect(sequential == items.map { $0 + 1 })
    }
}
