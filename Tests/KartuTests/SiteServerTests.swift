import Foundation
import Hummingbird
import HummingbirdTesting
import Kartu
import Testing
@testable import KartuServer

/// The preview server over a small built site: files as a static host serves them, and no request
/// path ever reads a file outside the site.
@Suite("Preview server")
struct SiteServerTests {
    static let files: [String: String] = [
        "site/index.html": "<p>root</p>",
        "site/lt/index.html": "<p>lt home</p>",
        "site/lt/projektai/a/index.html": "<p>A</p>",
        "site/404.html": "<p>not found page</p>",
        "site/assets/kartu.css": "body{}",
        "site/assets/search.js": "let x = 1",
        "site/lt/search/meta.json": "{}",
        "site/lt/feed.xml": "<feed/>",
        "site/assets/logo.svg": "<svg/>",
        "site/lt/leidiniai/x/book.epub": "PK",
        "secret.txt": "SECRET outside the site",
    ]

    func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let folder = try TestSite(Self.files)
        let app = Application(router: SiteServer(folder: folder.url("site")).router())
        try await app.test(.router) { client in try await body(client) }
        _ = folder
    }

    @Test("folders serve their index.html; a folder without the slash is redirected")
    func indexAndRedirect() async throws {
        try await withServer { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "<p>root</p>")
            }
            try await client.execute(uri: "/lt/projektai/a/", method: .get) { response in
                #expect(String(buffer: response.body) == "<p>A</p>")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            try await client.execute(uri: "/lt/projektai/a", method: .get) { response in
                #expect([.movedPermanently, .permanentRedirect].contains(response.status))
                #expect(response.headers[.location] == "/lt/projektai/a/")
            }
        }
    }

    @Test("content types by extension", arguments: [
        ("/assets/kartu.css", "text/css"), ("/assets/search.js", "javascript"), ("/lt/search/meta.json", "application/json"),
        ("/lt/feed.xml", "xml"), ("/assets/logo.svg", "image/svg+xml"), ("/lt/leidiniai/x/book.epub", "application/epub+zip"),
    ])
    func contentTypes(path: String, type: String) async throws {
        try await withServer { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains(type) == true, "\(path): \(response.headers[.contentType] ?? "none")")
            }
        }
    }

    @Test("anything not found gets the site's 404.html with status 404; folders are never listed")
    func notFound() async throws {
        try await withServer { client in
            for path in ["/nera/", "/lt/nera.html", "/assets/"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(String(buffer: response.body) == "<p>not found page</p>", "\(path)")
                }
            }
        }
    }

    @Test("ETag and If-None-Match: an unchanged page is answered 304")
    func conditional() async throws {
        try await withServer { client in
            let tag = try await client.execute(uri: "/lt/", method: .get) { response in response.headers[.eTag] }
            let etag = try #require(tag)
            try await client.execute(uri: "/lt/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    /// Requests that try to leave the site, in the spellings scanners and hand-made URLs use.
    static let traversals = [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/lt/../../secret.txt", "/lt/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/.%2e/secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
        "/lt/..%5c..%5csecret.txt", "/%00", "/lt/index.html%00.css", "/%252e%252e/secret.txt", "/./lt/", "/lt/./index.html",
        "//secret.txt", "/%2fsecret.txt",
    ]

    /// The request-path fuzz target's seeds (every path that ever broke it included), as requests.
    static let fuzzSeeds: [String] = {
        let folder = TestSite.repoRoot.appendingPathComponent("Fuzz/seeds/request-path")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
            .map { String(decoding: $0, as: UTF8.self) }
    }()

    @Test("the request-path fuzz seeds through the whole server: none reads the file beside the site")
    func fuzzSeedRequests() async throws {
        #expect(Self.fuzzSeeds.count >= 20)
        try await withServer { client in
            for path in Self.fuzzSeeds {
                // A path the client cannot send is no way in either.
                try? await client.execute(uri: path, method: .get) { response in
                    #expect(!String(buffer: response.body).contains("SECRET"), "\(path.debugDescription): \(response.status)")
                }
            }
        }
    }

    @Test("no request path reads a file outside the site", arguments: traversals)
    func traversal(path: String) async throws {
        try await withServer { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect([.badRequest, .notFound].contains(response.status), "\(path): \(response.status)")
                #expect(!String(buffer: response.body).contains("SECRET"))
            }
        }
    }

    @Test("the path check refuses what it must and accepts site paths")
    func pathCheck() {
        #expect(RequestPath.relative("/lt/projektai/a/") == "lt/projektai/a/")
        #expect(RequestPath.relative("/lt/%C5%A1vietimas/") == "lt/švietimas/")
        #expect(RequestPath.relative("/lt/%252e%252e/x") == "lt/%2e%2e/x")
        #expect(RequestPath.relative("/") == "")
        #expect(RequestPath.relative("/lt/%2E%2E/x") == nil)
        #expect(RequestPath.relative("/lt/./x") == nil)
        #expect(RequestPath.relative("/lt/a%5Cb") == nil)
        #expect(RequestPath.relative("/lt/a%00b") == nil)
        #expect(RequestPath.relative("/%C0%AE%C0%AE/x") == nil)
        #expect(RequestPath.relative("lt/") == nil)
        // A combining mark after `/` makes one Character with it: segments are split by bytes.
        #expect(RequestPath.relative("/../\u{301}secret.txt") == nil)
        #expect(RequestPath.relative("/%2e%2e/%CC%81secret.txt") == nil)
    }
}
