import Foundation
import Testing
@testable import Kartu

/// Problems outside the text of the site's files, reported like every other problem: usage errors
/// as diagnostics (GitHub annotations too), files and folders named without a made-up position,
/// what cannot be read or written named with what to do, and no page without its template.
@Suite("File and usage problems")
struct FileProblemsTests {
    @Test("a usage error honours --format github and GITHUB_ACTIONS: one ::error:: line, exit 2")
    func usageErrorAsAnnotation() throws {
        let site = try TestSite.standard()
        let missing = site.url("nowhere").path
        let result = try site.run(["build", "--root", missing, "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "::error::site folder '\(missing)' does not exist%0Ahint: pass --root with the folder that holds content/",
        ])
        let gcc = try site.run(["build", "--root", missing], environment: TestSite.environment())
        #expect(gcc.stderrLines == [
            "error: site folder '\(missing)' does not exist", "    hint: pass --root with the folder that holds content/",
        ])
        // ArgumentParser's own usage errors, under GitHub Actions.
        let flag = try site.run(["build", "--colour"], environment: TestSite.environment(["GITHUB_ACTIONS": "true"]))
        #expect(flag.status == 2)
        #expect(flag.stderrLines.count == 1)
        #expect(flag.stderrLines.first?.hasPrefix("::error::") == true)
        #expect(flag.stderr.contains("--colour"))
    }

    @Test("a folder is an annotation with a file and no line")
    func folderAnnotation() throws {
        let site = try TestSite.standard(extra: ["content/lv/projects/a.md": Fixture.page(["title: A", "kind: project"])])
        let result = try site.run(["check", "--format", "github"], environment: TestSite.environment())
        #expect(result.status == 1)
        #expect(result.stderrLines.first == "::error file=content/lv::folder 'content/lv' is not a site language%0Ahint: did you mean 'lt'? Otherwise add 'lv' to languages in content/site.yaml")
    }

    @Test("a content file that cannot be read is an error naming it, never skipped")
    func unreadableContentFile() throws {
        let site = try TestSite.standard()
        try Self.makeSocket(at: site.url("content/lt/projects/socket.md").path)
        let report = try site.build()
        #expect(report.printed == [
            "content/lt/projects/socket.md: error: cannot read the file 'content/lt/projects/socket.md': it is a socket or a device, not a file\n    hint: remove it from the site folder",
        ])
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a symbolic link looping back in templates/assets is an error at the link, not an endless walk")
    func assetsLoop() throws {
        let site = try TestSite.standard(repoTemplates: true)
        try site.eject("assets/kartu.css")
        try FileManager.default.createSymbolicLink(atPath: site.url("templates/assets/loop").path, withDestinationPath: "..")
        let report = try site.build()
        #expect(report.printed.contains(
            "templates/assets/loop: error: symbolic link 'templates/assets/loop' leads back into a folder already read\n"
                + "    hint: remove the link: it makes the folder a loop"))
        #expect(report.exitStatus == 1)
        #expect(!site.exists("site"))
    }

    @Test("a page that cannot be written: the file named, what to do, the previous site kept")
    func unwritablePage() throws {
        let long = String(repeating: "ilgas-pavadinimas-", count: 16)
        let site = try TestSite.standard()
        try site.build(output: "out")
        let before = site.files(under: "out")
        try site.write("content/lt/projects/ilgas.md", Fixture.page(["title: Ilgas", "kind: project", "slug: \(long)"]))
        let report = try site.build(output: "out")
        #expect(report.printed == [
            // Its English fallback page comes first in the output (the written order is the path order).
            "error: cannot write 'en/projects/\(long.dropLast())': File name too long\n    hint: a file name is too long for this file system: shorten the document's slug or folder names",
        ])
        #expect(report.exitStatus == 1)
        #expect(report.pagesWritten == 0)
        #expect(site.files(under: "out") == before)
    }

    @Test("a page whose template is missing is an error, never an empty page")
    func missingTemplateAtRender() throws {
        let site = try TestSite.standard(repoTemplates: true)
        var diagnostics = Diagnostics()
        let templates = try #require(TemplateSet.load(root: site.root, builtIn: true, diagnostics: &diagnostics), "\(diagnostics.sorted)")
        #expect(templates.render(TemplateDictionary.empty, with: "no-such-template") == nil)
        let view = PageView(site: SiteView(title: "T", rootURL: "/", assetsURL: "/assets/", baseURL: "/", defaultLanguage: "lt", languages: []),
                            lang: LanguageView(code: "lt", name: "Lietuvių", locale: "lt-LT", url: "/lt/", isDefault: true, feedURL: nil,
                                               searchURL: "/lt/search/", searchIndexURL: "/lt/search/"),
                            t: .empty, title: "T", description: nil, url: "/x/", permalink: "/x/", languages: [], sections: [],
                            themesURL: "/lt/themes/", facets: [])
        let plan = PagePlan(outputPath: "x/index.html", template: "no-such-template", view: view, origin: "content/lt/x.md")
        let output = SiteOutput(site: SitePages(pages: [plan], files: []), templates: templates, resources: [], assets: [], theme: nil,
                                root: site.root, workers: .one)
        _ = output.check(diagnostics: &diagnostics)
        #expect(diagnostics.items.map(\.message) == ["the page 'x/index.html' has no template to render it"])
        var written = Diagnostics()
        #expect(output.write(to: site.url("out"), diagnostics: &written) == 0)
        #expect(written.items.map(\.message) == ["the page 'x/index.html' has no template to render it"])
        #expect(!site.exists("out"))
    }

    /// A UNIX socket at `path`: a directory entry that opening for reading refuses, even as root.
    static func makeSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(status == 0)
    }
}
