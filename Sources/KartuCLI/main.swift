import ArgumentParser
import Foundation
import Kartu

// The CLI only parses arguments and calls the library. Exit status: 0 success, 1 content or
// template errors, 2 usage errors (ArgumentParser's own usage errors are mapped from 64 to 2).

struct SiteArguments: ParsableArguments {
    @Option(name: .long, help: "Site folder holding content/ and templates/ (default: current folder).")
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

    func run() throws {
        let root = URL(fileURLWithPath: site.root)
        let options = BuildOptions(root: root, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
                                   strict: strict, write: true, jobs: jobs, timings: timings)
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

struct Kartu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartu",
        abstract: "A static-site generator for multilingual good-practice publications.",
        subcommands: [Build.self, Check.self]
    )
}

/// `KARTU_TIMINGS=1`: each step's wall time on stderr. Read here, so the library reads no environment.
let timings = ProcessInfo.processInfo.environment["KARTU_TIMINGS"] != nil

func runBuild(_ options: BuildOptions, format: Diagnostic.Format) throws {
    let report: BuildReport
    do {
        report = try SiteBuilder(options: options).run()
    } catch {
        // A usage problem is a diagnostic like any other: GitHub annotations show it too.
        printError(error.formatted(format))
        throw ExitCode(2)
    }
    for diagnostic in report.diagnostics { printError(diagnostic.formatted(format)) }
    printError(report.summary)
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

do {
    var command = try Kartu.parseAsRoot()
    try command.run()
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
