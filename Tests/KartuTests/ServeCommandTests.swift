import Foundation
import Testing

/// `kartu serve` as a user runs it: the example content served on a port, Ctrl-C stopping it with
/// exit 0 and nothing left behind, a busy port named in an error.
@Suite("kartu serve", .serialized)
struct ServeCommandTests {
    /// A running `kartu serve`, with its output.
    final class Server: @unchecked Sendable {
        let process = Process()
        let out = Pipe()
        let err = Pipe()
        let port: Int

        init(root: URL, port: Int) throws {
            self.port = port
            process.executableURL = try #require(TestSite.executable)
            process.arguments = ["serve", "--root", root.path, "--port", String(port)]
            process.standardOutput = out
            process.standardError = err
            try process.run()
        }

        /// The body at `path` once the server answers (it builds first), or nil after `seconds`.
        func get(_ path: String, seconds: Double = 60) async -> (status: Int, body: String)? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, process.isRunning {
                if let answer = Self.fetch(URL(string: "http://127.0.0.1:\(port)\(path)")!) { return answer }
                try? await Task.sleep(for: .milliseconds(200))
            }
            return nil
        }

        /// curl, so the test does not depend on FoundationNetworking's URLSession.
        static func fetch(_ url: URL) -> (Int, String)? {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", url.absoluteString]
            let pipe = Pipe()
            curl.standardOutput = pipe
            guard (try? curl.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            guard curl.terminationStatus == 0, let newline = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: newline)...]) else {
                return nil
            }
            return (status, String(text[..<newline]))
        }

        func interruptAndWait() -> (status: Int32, stdout: String, stderr: String) {
            process.interrupt()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                    String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    static func servingFolders() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        return Set(names.filter { $0.hasPrefix("kartu-serve-") })
    }

    @Test("serves the site built for its address; Ctrl-C stops it with exit 0 and removes its folder")
    func servesAndStops() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let before = Self.servingFolders()
        let server = try Server(root: site.root, port: Int.random(in: 20000...40000))
        let home = try #require(await server.get("/lt/"))
        #expect(home.status == 200)
        #expect(home.body.contains("<html"))
        // Built for the served address: absolute URLs (canonical) point at it.
        #expect(home.body.contains("http://127.0.0.1:\(server.port)/lt/"))
        #expect(Self.servingFolders().count == before.count + 1)
        let missing = try #require(await server.get("/no-such-page/"))
        #expect(missing.status == 404)
        let result = server.interruptAndWait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kartu: serving http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)"))
        #expect(Self.servingFolders() == before)
    }

    @Test("a busy port is an error naming it, exit 2")
    func busyPort() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let port = Int.random(in: 40001...60000)
        let first = try Server(root: site.root, port: port)
        _ = try #require(await first.get("/lt/"))
        let second = try Server(root: site.root, port: port)
        second.process.waitUntilExit()
        let stderr = String(decoding: second.err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.process.terminationStatus == 2)
        #expect(stderr.contains("error: port \(port) is in use"))
        #expect(first.interruptAndWait().status == 0)
    }

    /// The generation `/__kartu/status` reports once it passes `after`, with the status body.
    func status(_ server: Server, after generation: Int) async -> String? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let (_, body) = Server.fetch(URL(string: "http://127.0.0.1:\(server.port)/__kartu/status")!),
               let range = body.range(of: #""generation":(\d+)"#, options: .regularExpression),
               let number = Int(body[range].dropFirst("\"generation\":".count)), number > generation {
                return body
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test("pages carry one live-reload line and are otherwise the build's; an edit rebuilds; errors are reported, the last good site stays")
    func liveReload() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let port = Int.random(in: 20000...40000)
        let server = try Server(root: site.root, port: port)
        let page = try #require(await server.get("/lt/projects/jonava/"))
        let line = "<script src=\"/__kartu/live.js\" defer></script>\n"
        #expect(page.body.components(separatedBy: line).count == 2)
        // The same bytes as `kartu build` for the served address, but for that one line.
        let built = try site.run(["build", "--root", site.root.path, "--output", site.url("built").path, "--base-url", "http://127.0.0.1:\(port)/"])
        #expect(built.status == 0)
        let expected = try String(contentsOf: site.url("built/lt/projects/jonava/index.html"), encoding: .utf8)
        #expect(page.body.replacingOccurrences(of: line, with: "") == expected)

        // A title edit: rebuilt, the page shows it.
        let first = try #require(await status(server, after: 0))
        #expect(first.contains("\"ok\":true"))
        let path = "content/lt/projects/jonava.md"
        let source = try String(contentsOf: site.url(path), encoding: .utf8)
        try site.write(path, source.replacingOccurrences(of: "title: Jonava", with: "title: Jonavos rajonas"))
        let second = try #require(await status(server, after: 1))
        #expect(second.contains("\"ok\":true"))
        #expect(try #require(await server.get("/lt/projects/jonava/")).body.contains("Jonavos rajonas"))

        // Broken front matter: the errors as the terminal shows them, the last good page still served.
        try site.write(path, "---\ntitle: [broken\n---\nx\n")
        let third = try #require(await status(server, after: 2))
        #expect(third.contains("\"ok\":false"))
        #expect(third.contains("\"file\":\"content/lt/projects/jonava.md\",\"hint\""))
        #expect(third.contains("\"line\":2"))
        #expect(try #require(await server.get("/lt/projects/jonava/")).body.contains("Jonavos rajonas"))

        // Fixed: no errors left.
        try site.write(path, source)
        let fourth = try #require(await status(server, after: 3))
        #expect(fourth.contains("\"ok\":true"))
        let result = server.interruptAndWait()
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/lt/projects/jonava.md:2:"))
    }

    @Test("the event stream announces each finished build")
    func events() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let server = try Server(root: site.root, port: Int.random(in: 40001...60000))
        _ = try #require(await server.get("/lt/"))
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sN", "--max-time", "6", "http://127.0.0.1:\(server.port)/__kartu/events"]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        try await Task.sleep(for: .milliseconds(500))
        let path = "content/lt/projects/jonava.md"
        try site.write(path, try String(contentsOf: site.url(path), encoding: .utf8) + "\nMore text.\n")
        curl.waitUntilExit()
        let events = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(events.hasPrefix(": kartu\n\n"))
        // A text edit: the edited page and its language's search files, named; the document's page to go to.
        let event = try #require(events.split(separator: "\n").first { $0.hasPrefix("data: ") }?.dropFirst(6))
        #expect(event.hasPrefix("{\"changed\":[\"lt/projects/jonava/index.html\""))
        #expect(event.contains("\"lt/search/"))
        #expect(event.hasSuffix("\"edited\":[\"/lt/projects/jonava/\"],\"generation\":2,\"navigate\":false}"))
        #expect(server.interruptAndWait().status == 0)
    }
}
