import ArgumentParser
import Foundation
import Kartu
import KartuServer

// The CLI only parses arguments and calls the library. Exit status: 0 success, 1 content or
// template errors, 2 usage errors (ArgumentParser's own usage errors are mapped from 64 to 2).

struct SiteArguments: ParsableArguments {
    @Option(name: .long, help: "Site folder holding content/ (and templates/, if it changes the built-in theme; default: current folder).")
    var root: String = "."

    @Option(name: .long, help: "Diagnostics as 'gcc' lines or 'github' annotations (default: github under GitHub Actions).")
    var format: Diagnostic.Format?

    var diagnosticFormat: Diagnostic.Format {
        format ?? .automatic(environment: ProcessInfo.processInfo.environment)
    }
}

extension Diagnostic.Format: ExpressibleByArgument {}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into site/ (or --output).")

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Folder to write the site to (default: <root>/site).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "URL the site is served from, e.g. https://example.org/guide/.")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Threads to use (default: one per core); the output is the same whatever the number.")
    var jobs: Int?

    @Flag(name: .long, help: "Publish documents marked 'draft: true' too.")
    var drafts = false

    func run() throws {
        let root = URL(fileURLWithPath: site.root)
        var options = BuildOptions(root: root, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
                                   strict: strict, write: true, jobs: jobs, timings: timings)
        options.drafts = drafts
        try runBuild(options, format: site.diagnosticFormat)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the site: everything build does except writing.")

    @OptionGroup var site: SiteArguments

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        try runBuild(BuildOptions(root: URL(fileURLWithPath: site.root), strict: strict, write: false, timings: timings),
                     format: site.diagnosticFormat)
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into a private folder and serve it for a preview (http://127.0.0.1:1313/).")

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Port to serve on.")
    var port: Int = 1313

    @Option(name: .long, help: "Address to listen on (default: this computer only).")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Show documents marked 'draft: true' too.")
    var drafts = false

    @Flag(name: .long, help: "Open the site in the web browser once it is served.")
    var open = false

    @Flag(name: .long, help: "After an edit, go to the edited document's page instead of reloading the page shown.")
    var navigate = false

    func run() async throws {
        // The site is built as for the served address, into a folder of this run only, removed on exit.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kartu-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site")
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            printError(Diagnostic(.warning, "serving on \(host): other computers on the network can read the preview",
                                  hint: "leave out --host to serve to this computer only").formatted(site.diagnosticFormat))
        }
        var options = BuildOptions(root: URL(fileURLWithPath: site.root), output: output, baseURL: address, timings: timings)
        options.drafts = drafts
        let preview = PreviewSite(options: options)
        let format = site.diagnosticFormat
        // The first build must succeed: there is nothing to show before it. Later ones may fail:
        // the last good site stays served, with the errors over every page.
        try await report(await preview.rebuild(), preview: preview, format: format, failing: true)
        let watcher = Task {
            await SourceWatcher(root: options.root).watch { changes in
                try? await report(await preview.rebuild(after: changes), preview: preview, format: format, failing: false)
            }
        }
        defer { watcher.cancel() }
        do {
            try await SiteServer(folder: output, preview: preview, navigate: navigate).run(host: host, port: port) {
                print("kartu: serving \(address) (Ctrl-C to stop); pages reload when content/ or templates/ change")
                // Piped (a log, a script waiting for it), stdout is block-buffered: the line must go out now.
                fflush(nil)
                if open { openBrowser(address) }
            }
        } catch where SiteServer.isPortInUse(error) {
            printError(Diagnostic(.error, "port \(port) is in use", hint: "stop what serves on it, or pass another --port")
                .formatted(site.diagnosticFormat))
            throw ExitCode(2)
        }
    }
}

/// Opens `address` with the desktop's browser; without one, says so (the address is printed anyway).
private func openBrowser(_ address: String) {
    #if os(macOS)
    let opener = "/usr/bin/open"
    #else
    let opener = "/usr/bin/xdg-open"
    #endif
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [address]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        printError("kartu: could not open a browser (\(opener)); open \(address) yourself")
    }
}

/// Prints a build's diagnostics and summary, as `build` does; with `failing`, errors end the command.
private func report(_ rebuild: PreviewSite.Rebuild, preview: PreviewSite, format: Diagnostic.Format, failing: Bool) async throws {
    let report: BuildReport
    switch rebuild {
    case .skipped: return
    case .failed:
        for diagnostic in await preview.diagnostics { printError(diagnostic.formatted(format)) }
        if failing { throw ExitCode(2) }
        return
    case .built(let built): report = built
    }
    for diagnostic in report.diagnostics { printError(diagnostic.formatted(format)) }
    printError(report.summary)
    if failing, report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show, per language, which translations are missing or outdated (from the git history).")

    @Option(name: .long, help: "Site folder holding content/ (default: current folder).")
    var root: String = "."

    @Option(name: .long, help: "text, json (a stable schema for dashboards) or markdown (for a CI job summary).")
    var format: TranslationStatus.Format = .text

    @Option(name: .long, help: "Show only this language.")
    var language: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a translation is outdated, or missing.")
    var failOn: [FailOn] = []

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case outdated, missing
    }

    func run() throws {
        let diagnosticFormat = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
        let (found, diagnostics) = try ask(root: root, format: diagnosticFormat) { builder throws(Diagnostic) in try builder.translationStatus() }
        guard var status = found else { throw ExitCode(1) }
        if let language {
            do {
                status = try status.only(language)
            } catch {
                printError(error.formatted(diagnosticFormat))
                throw ExitCode(2)
            }
        }
        print(status.formatted(format), terminator: "")
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        let outdated = status.languages.contains { !$0.outdated.isEmpty }, missing = status.languages.contains { !$0.missing.isEmpty }
        if (failOn.contains(.outdated) && outdated) || (failOn.contains(.missing) && missing) { throw ExitCode(1) }
    }
}

extension TranslationStatus.Format: ExpressibleByArgument {}

/// Asks the library something about the site at `root` (`status`, `schema`), printing the problems
/// it found; a usage problem ends the command with exit 2.
private func ask<T>(root: String, format: Diagnostic.Format,
                    _ question: (SiteBuilder) throws(Diagnostic) -> (T?, [Diagnostic])) throws -> (T?, [Diagnostic]) {
    let answer = try usage(format) { () throws(Diagnostic) in
        try question(SiteBuilder(options: BuildOptions(root: URL(fileURLWithPath: root), write: false)))
    }
    for diagnostic in answer.1 { printError(diagnostic.formatted(format)) }
    return answer
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the front matter's JSON Schema (2020-12), with this site's theme ids, for editors and dashboards.")

    @Option(name: .long, help: "Site folder holding content/ (default: current folder).")
    var root: String = "."

    @Option(name: .long, help: "Write the schema to this file instead of standard output.")
    var output: String?

    func run() throws {
        let format = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
        let (schema, diagnostics) = try ask(root: root, format: format) { builder throws(Diagnostic) in try builder.frontMatterSchema() }
        guard let schema, !diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
        guard let output else { return print(schema, terminator: "") }
        do {
            try Data(schema.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            printError(Diagnostic(.error, "cannot write '\(output)': \(error.localizedDescription)", hint: "choose a folder you can write to").formatted(format))
            throw ExitCode(2)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a site in DIR: settings, starter themes, a home text and a sample document per language, CI recipes.")

    @Argument(help: "Folder to start the site in (made if missing; must be empty unless --force).")
    var folder: String

    @Option(name: .long, help: "Language codes, in order (from lt,en,lv,et,pl).")
    var languages: String = "lt,en,lv,et,pl"

    @Option(name: .customLong("default"), help: "The default language (default: the first).")
    var defaultLanguage: String?

    @Option(name: .long, help: "The site's title in every language (default: a title in each language).")
    var title: String?

    @Option(name: .customLong("base-url"), help: "The address the site will be published at, e.g. https://example.org/.")
    var baseURL: String?

    @Flag(name: .long, help: "Write into a folder that is not empty (no file is ever overwritten).")
    var force = false

    func run() throws {
        let format = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
        let outcomes = try usage(format) { () throws(Diagnostic) in
            let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return try SiteStarter(languages: codes, defaultLanguage: defaultLanguage, title: title, baseURL: baseURL)
                .write(to: URL(fileURLWithPath: folder), force: force)
        }
        for (path, outcome) in outcomes {
            print(outcome == .written ? "wrote \(path)" : "kept  \(path) (already there: not overwritten)")
        }
        let cd = folder == "." ? "" : "cd \(folder) && "
        print("""

            kartu: a site in \(folder). Next:
              \(cd)kartu serve          preview it at http://127.0.0.1:1313/ as you edit
              kartu new change-project \(languages.split(separator: ",").first ?? "lt")/change-projects/name.md
              git init && git add . && git commit -m "A kartu site"   then push: .github/workflows/pages.yml or .gitlab-ci.yml publishes it
            """)
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a document from its kind's archetype, or a translation of one.",
        discussion: """
            kartu new KIND PATH                   e.g. kartu new change-project lt/change-projects/jonava.md
            kartu new translation SOURCE LANGUAGE e.g. kartu new translation lt/change-projects/jonava.md en
            Kinds: change-project, collaboration-model, internship-report, good-practice, project, publication, chapter, page.
            PATH is inside content/ (written with or without 'content/'). The new file is a draft (draft: true); no file is overwritten.
            """)

    @Option(name: .long, help: "Site folder holding content/ (default: current folder).")
    var root: String = "."

    @Argument(help: "The document's kind, or 'translation'.")
    var kind: String

    @Argument(help: "Where to write it (e.g. lt/change-projects/jonava.md); for 'translation', the document to translate.")
    var path: String

    @Argument(help: "For 'translation': the language to translate into.")
    var language: String?

    func run() throws {
        let format = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
        let today = DayDate.today
        if kind == "translation" {
            guard let language else {
                printError(Diagnostic(.error, "no language to translate into", hint: "kartu new translation \(path) LANGUAGE, e.g. en").formatted(format))
                throw ExitCode(2)
            }
            let (answer, _) = try ask(root: root, format: format) { builder throws(Diagnostic) in
                let answer = try builder.newTranslation(source: path, language: language, today: today)
                return (answer.written.map { ($0, answer.sourceEdit) }, answer.diagnostics)
            }
            guard let (written, sourceEdit) = answer else { throw ExitCode(1) }
            if let sourceEdit { print(sourceEdit) }
            print("wrote \(written) (a draft: translate it, then remove draft: true)")
        } else {
            if let language {
                printError(Diagnostic(.error, "unexpected argument '\(language)'", hint: "kartu new KIND PATH takes two arguments").formatted(format))
                throw ExitCode(2)
            }
            let (written, _) = try ask(root: root, format: format) { builder throws(Diagnostic) in try builder.newDocument(kind: kind, path: path, today: today) }
            guard let written else { throw ExitCode(1) }
            print("wrote \(written) (a draft: fill in the TODO fields and the text, then remove draft: true)")
        }
    }
}

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The built-in theme: list its files, or copy some into templates/ to change them.",
        subcommands: [Eject.self, List.self])

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy built-in theme files into templates/, where they replace the built-in ones (none is overwritten).")

        @Option(name: .long, help: "Site folder (default: current folder).")
        var root: String = "."

        @Flag(name: .long, help: "Copy every file of the built-in theme.")
        var all = false

        @Argument(help: "Files to copy, as kartu theme list shows them (e.g. partials/footer.mustache, i18n/lt.yaml).")
        var files: [String] = []

        func run() throws {
            let format = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
            let outcomes = try usage(format) { () throws(Diagnostic) in try ThemeEjection.eject(files, all: all, root: URL(fileURLWithPath: root)) }
            for (path, outcome) in outcomes {
                print(outcome == .copied ? "copied \(path)" : "kept   \(path) (already there: not overwritten)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in theme's files; '*' marks those the site's templates/ replaces.")

        @Option(name: .long, help: "Site folder (default: current folder).")
        var root: String = "."

        func run() {
            for (path, overridden) in ThemeEjection.list(root: URL(fileURLWithPath: root)) {
                print(overridden ? "* \(path)  (templates/\(path))" : "  \(path)")
            }
        }
    }
}

/// Runs a library call whose only failure is a usage problem: printed, exit 2.
func usage<T>(_ format: Diagnostic.Format, _ call: () throws(Diagnostic) -> T) throws -> T {
    do {
        return try call()
    } catch {
        printError(error.formatted(format))
        throw ExitCode(2)
    }
}

struct Kartu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartu",
        abstract: "A static-site generator for multilingual good-practice publications.",
        subcommands: [Init.self, New.self, Build.self, Check.self, Serve.self, Status.self, Schema.self, Theme.self]
    )
}

/// `KARTU_TIMINGS=1`: each step's wall time on stderr. Read here, so the library reads no environment.
let timings = ProcessInfo.processInfo.environment["KARTU_TIMINGS"] != nil

func runBuild(_ options: BuildOptions, format: Diagnostic.Format) throws {
    // A usage problem is a diagnostic like any other: GitHub annotations show it too.
    let report = try usage(format) { () throws(Diagnostic) in try SiteBuilder(options: options).run() }
    for diagnostic in report.diagnostics { printError(diagnostic.formatted(format)) }
    printError(report.summary)
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

do {
    var command = try Kartu.parseAsRoot()
    // `serve` is the one asynchronous command; called on its own type, so that its async `run` is
    // the one called (on the protocol, ParsableCommand's synchronous default would print the help).
    if let serve = command as? Serve {
        try await serve.run()
    } else {
        try command.run()
    }
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = Kartu.exitCode(for: error)
    if status == .success {
        print(Kartu.fullMessage(for: error))
        exit(0)
    }
    // ArgumentParser's own usage errors (an unknown flag): its message, as an annotation under GitHub Actions.
    let format = Diagnostic.Format.automatic(environment: ProcessInfo.processInfo.environment)
    let message = Kartu.fullMessage(for: error)
    printError(format == .gcc ? message : Diagnostic(.error, message).formatted(format))
    exit(2)
}
