import Foundation
import Hummingbird
import Kartu
import ServiceLifecycle

/// What `kartu serve` adds to the built site: one script line in every HTML page, the script, the
/// event stream it listens to, and the state of the last build as JSON.
enum LiveReload {
    /// The one line added to every served page, before `</body>`; nothing else differs from the build.
    static let scriptLine = Array("<script src=\"/__kartu/live.js\" defer></script>\n".utf8)

    static func inject(into page: Data) -> Data {
        var bytes = [UInt8](page)
        let end = Array("</body>".utf8)
        var index = bytes.count - end.count
        while index >= 0 {
            if bytes[index] == end[0], Array(bytes[index..<index + end.count]) == end {
                bytes.insert(contentsOf: scriptLine, at: index)
                return Data(bytes)
            }
            index -= 1
        }
        return Data(bytes + scriptLine)
    }

    /// Reloads the page when a build changed it (or goes to the edited document's page with
    /// `--navigate`); shows the build's errors over the page while there are any.
    static let script = """
    (() => {
      const show = (status) => {
        let box = document.getElementById('kartu-errors');
        if (status.ok) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement('div');
          box.id = 'kartu-errors';
          box.setAttribute('role', 'alert');
          box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
            'background:#fff8f6;color:#5c0b00;border-top:4px solid #b3261e;padding:1rem 1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
          document.body.appendChild(box);
        }
        box.textContent = 'kartu: the last build has errors; this is the last good site.\\n\\n' + status.diagnostics.map((d) =>
          `${d.file ?? ''}${d.line ? ':' + d.line : ''}${d.column ? ':' + d.column : ''}: ${d.severity}: ${d.message}` +
          (d.hint ? `\\n    hint: ${d.hint}` : '')).join('\\n');
      };
      const check = () => fetch('/__kartu/status', { cache: 'no-store' }).then((r) => r.json()).then(show).catch(() => {});
      check();
      // This page's file in the site: /lt/x/ is lt/x/index.html.
      const path = decodeURIComponent(location.pathname).slice(1);
      const here = path === '' || path.endsWith('/') ? path + 'index.html' : path;
      const events = new EventSource('/__kartu/events');
      events.onmessage = (message) => {
        const build = JSON.parse(message.data);
        fetch('/__kartu/status', { cache: 'no-store' }).then((r) => r.json()).then((status) => {
          if (!status.ok) return show(status);
          const edited = build.navigate ? build.edited.find((url) => url !== location.pathname) : undefined;
          if (edited) location.assign(edited);
          else if (document.getElementById('kartu-errors') || build.changed == null || build.changed.includes(here)) location.reload();
        }).catch(() => {});
      };
    })();
    """

    struct Status: Encodable {
        struct Problem: Encodable {
            let file: String?
            let line: Int?
            let column: Int?
            let severity: String
            let message: String
            let hint: String?
        }
        let ok: Bool
        let generation: Int
        let diagnostics: [Problem]
    }

    /// What the event stream sends after each build: its number, the site files it changed (null:
    /// all of them may have), the pages of the documents edited, and whether to go to them.
    struct Event: Encodable {
        let generation: Int
        let changed: [String]?
        let edited: [String]
        let navigate: Bool

        // `changed` is written as null when nil (the synthesized encoding would leave it out).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(generation, forKey: .generation)
            try container.encode(changed, forKey: .changed)
            try container.encode(edited, forKey: .edited)
            try container.encode(navigate, forKey: .navigate)
        }

        enum CodingKeys: String, CodingKey { case generation, changed, edited, navigate }
    }

    static func routes(_ router: Router<BasicRequestContext>, preview: PreviewSite, navigate: Bool) {
        router.get("/__kartu/live.js") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: script)))
        }
        router.get("/__kartu/status") { _, _ in
            let (generation, diagnostics) = await preview.lastBuild
            let status = Status(ok: !diagnostics.contains { $0.severity == .error }, generation: generation,
                                diagnostics: diagnostics.map {
                                    .init(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity == .error ? "error" : "warning",
                                          message: $0.message, hint: $0.hint)
                                })
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.cacheControl] = "no-store"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(status))))
        }
        router.get("/__kartu/events") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            let builds = await preview.builds()
            return Response(status: .ok, headers: headers, body: .init { writer in
                // A comment first, so the browser knows the stream is open; then one event per finished build.
                try await writer.write(ByteBuffer(string: ": kartu\n\n"))
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for await build in builds.cancelOnGracefulShutdown() {
                    let event = Event(generation: build.generation, changed: build.changedFiles, edited: build.editedPages, navigate: navigate)
                    let json = String(decoding: try encoder.encode(event), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "data: \(json)\n\n"))
                }
                try await writer.finish(nil)
            })
        }
    }
}

/// HTML pages served with the live-reload line, with an `ETag` of their bytes.
struct LivePages<Context: RequestContext>: RouterMiddleware {
    let folder: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, let path = RequestPath.relative(request.uri.path),
              path.isEmpty || path.hasSuffix("/") || path.hasSuffix(".html") else { return try await next(request, context) }
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)) else { return try await next(request, context) }
        return LivePages.response(LiveReload.inject(into: data), status: .ok, request: request)
    }

    static func response(_ page: Data, status: HTTPResponse.Status, request: Request) -> Response {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in page { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let tag = "W/\"\(String(hash, radix: 16))\""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.eTag] = tag
        headers[.cacheControl] = "no-cache"
        if status == .ok, request.headers[values: .ifNoneMatch].contains(tag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: page)))
    }
}
