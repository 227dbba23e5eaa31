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

        /// The body at `path` once the server answers (it builds first), or nil after `seconds` (the
        /// first build of a debug binary, on two cores shared with every other suite, once took 2 minutes).
        func get(_ path: String, seconds: Double = 300) async -> (status: Int, body: String)? {
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
        let deadline = Date().addingTimeInterval(120)
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

    /// Every file of the served site, fetched in one curl run, against a fresh `kartu build` of the
    /// same files for the served address: HTML pages with the live-reload line taken out.
    func expectServedIsFresh(_ site: TestSite, _ server: Server, _ context: String) throws {
        let fresh = site.url("fresh-\(UUID().uuidString)")
        let built = try site.run(["build", "--root", site.root.path, "--output", fresh.path, "--base-url", "http://127.0.0.1:\(server.port)/"])
        #expect(built.status == 0, "\(context)")
        let files = TestSite.files(under: fresh).filter { $0 != ".kartu-output" }
        let fetched = site.url("fetched-\(UUID().uuidString)")
        var config = ""
        for (n, file) in files.enumerated() {
            config += "url = \"http://127.0.0.1:\(server.port)/\(file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)\"\n"
            config += "output = \"\(fetched.path)/\(n)\"\n"
        }
        try FileManager.default.createDirectory(at: fetched, withIntermediateDirectories: true)
        try config.write(to: fetched.appendingPathComponent("curl.conf"), atomically: true, encoding: .utf8)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-K", fetched.appendingPathComponent("curl.conf").path]
        try curl.run()
        curl.waitUntilExit()
        let line = Data("<script src=\"/__kartu/live.js\" defer></script>\n".utf8)
        var differing: [String] = []
        for (n, file) in files.enumerated() {
            var served = try Data(contentsOf: fetched.appendingPathComponent("\(n)"))
            if file.hasSuffix(".html"), let range = served.range(of: line) { served.removeSubrange(range) }
            if served != (try Data(contentsOf: fresh.appendingPathComponent(file))) { differing.append(file) }
        }
        #expect(differing == [], "\(context)")
        #expect(files.count > 50)
    }

    /// Lines of the event stream, read by curl into a file while the test edits.
    final class EventLog: @unchecked Sendable {
        let curl = Process()
        let file: URL

        init(_ server: Server, in site: TestSite) throws {
            file = site.url("events-\(UUID().uuidString).txt")
            FileManager.default.createFile(atPath: file.path, contents: nil)
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sN", "-o", file.path, "http://127.0.0.1:\(server.port)/__kartu/events"]
            try curl.run()
        }

        var events: [String] {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        }

        /// Waits for event number `count`, and a little more to see that no other follows.
        func wait(for count: Int) async -> [String] {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, events.count < count { try? await Task.sleep(for: .milliseconds(50)) }
            return events
        }

        deinit { curl.terminate() }
    }

    @Test("edits while serving (text, title, an editor's write-then-rename save, a new and a removed file): every served file is a fresh build's after each event")
    func editsAreNeverStale() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let server = try Server(root: site.root, port: Int.random(in: 20000...40000))
        _ = try #require(await server.get("/lt/"))
        let log = try EventLog(server, in: site)
        try await Task.sleep(for: .milliseconds(300))
        let jonava = "content/lt/projects/jonava.md"
        let edits: [(String, () throws -> Void)] = [
            ("text", { try site.write(jonava, try #require(site.read(jonava)) + "\nNaujas sakinys.\n") }),
            ("title", { try site.write(jonava, try #require(site.read(jonava)).replacingOccurrences(of: "title: Jonava", with: "title: Jonavas")) }),
            ("write-then-rename save", {
                try site.write("content/lt/projects/.jonava.md.tmp", try #require(site.read(jonava)) + "\nDar vienas.\n")
                try FileManager.default.removeItem(at: site.url(jonava))
                try FileManager.default.moveItem(at: site.url("content/lt/projects/.jonava.md.tmp"), to: site.url(jonava))
            }),
            ("new file", { try site.write("content/lt/projects/nauja.md", "---\ntitle: Nauja\nkind: project\ndate: 2021-01-01\n---\nTekstas.\n") }),
            ("removed file", { try site.remove("content/lt/projects/nauja.md") }),
        ]
        for (n, (name, edit)) in edits.enumerated() {
            try edit()
            let events = await log.wait(for: n + 1)
            #expect(events.count == n + 1, "\(name): \(events)")
            try expectServedIsFresh(site, server, name)
        }
        let events = log.events
        #expect(events[0].contains("\"changed\":[\"lt/projects/jonava/index.html\""), "text: in place")
        #expect(events[3].contains("\"changed\":null"), "new file: whole build")
        #expect(server.interruptAndWait().status == 0)
    }

    @Test("a burst of 500 files (a git checkout) is one rebuild")
    func burst() async throws {
        let site = try TestSite.standard(repoTemplates: true)
        let server = try Server(root: site.root, port: Int.random(in: 20000...40000))
        _ = try #require(await server.get("/lt/"))
        let log = try EventLog(server, in: site)
        try await Task.sleep(for: .milliseconds(300))
        // Written aside, then copied in by one process, as a checkout writes them.
        let aside = site.url("aside/projects")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        for n in 0..<500 {
            try "---\ntitle: \"Projektas \(n)\"\nkind: project\n---\nTekstas.\n".write(to: aside.appendingPathComponent("p\(n).md"), atomically: false, encoding: .utf8)
        }
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-r", aside.path, site.url("content/lt/").path]
        try copy.run()
        copy.waitUntilExit()
        _ = await log.wait(for: 1)
        try await Task.sleep(for: .seconds(2))
        #expect(log.events.count == 1, "\(log.events)")
        #expect(try #require(await server.get("/lt/projects/p499/")).body.contains("Projektas 499"))
        #expect(server.interruptAndWait().status == 0)
    }
}
