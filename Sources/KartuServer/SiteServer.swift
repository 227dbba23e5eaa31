import Foundation
import Hummingbird
import Kartu
import Logging

/// Serves a built site folder the way a static host does, for `kartu serve`: `index.html` for a
/// folder, `/x` redirected to `/x/` when `x` is a folder, content types by extension, `ETag` and
/// `Last-Modified` with 304 answers, the site's own `404.html` with status 404, no folder listings.
/// Hummingbird's `FileMiddleware` does the serving; kartu adds only what a site needs around it.
public struct SiteServer: Sendable {
    /// The built site (`site/`, or a private folder `kartu serve` builds into).
    public let folder: URL
    /// Set for `kartu serve`: pages carry the live-reload line, and `/__kartu/…` answers.
    public let preview: PreviewSite?
    /// With a preview: pages go to the edited document's page after a build (`--navigate`).
    public let navigate: Bool

    public init(folder: URL, preview: PreviewSite? = nil, navigate: Bool = false) {
        self.folder = folder
        self.preview = preview
        self.navigate = navigate
    }

    /// Refused paths first, then the files, then the 404 page for anything not found.
    public func router(logger: Logger = SiteServer.quietLogger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RefusedPaths())
        if preview != nil { router.add(middleware: LivePages(folder: folder)) }
        router.add(middleware: NotFoundPage(page: folder.appendingPathComponent("404.html"), live: preview != nil))
        router.add(middleware: FileMiddleware(folder.path, searchForIndexHtml: true, logger: logger))
        if let preview { LiveReload.routes(router, preview: preview, navigate: navigate) }
        return router
    }

    /// Errors only: kartu prints its own lines, and the server's would interleave with them.
    public static var quietLogger: Logger {
        var logger = Logger(label: "kartu-serve")
        logger.logLevel = .error
        return logger
    }
}

/// A request path that could name something outside the site, or that no file of a built site has,
/// is answered 400 before any file is looked up: `..` in any spelling (FileMiddleware checks the
/// decoded path too), backslashes, NUL and other control characters.
struct RefusedPaths<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard RequestPath.relative(request.uri.path) != nil else { throw HTTPError(.badRequest) }
        return try await next(request, context)
    }
}

/// Anything not found gets the site's `404.html`, with status 404, as a static host serves it.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let page: URL
    var live = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
        } catch let error as HTTPError where error.status == .notFound {
        }
        guard let data = try? Data(contentsOf: page) else { throw HTTPError(.notFound) }
        if live { return LivePages<Context>.response(LiveReload.inject(into: data), status: .notFound, request: request) }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension SiteServer {
    /// Serves until SIGINT or SIGTERM, then returns. `onRunning` is called once the port is bound.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                              onServerRunning: { _ in await onRunning() }, logger: Self.quietLogger)
        try await app.runService()
    }

    /// Whether `error`, thrown by `run`, means the port is taken.
    public static func isPortInUse(_ error: any Error) -> Bool {
        String(describing: error).contains("Address already in use")
    }
}
