import Foundation

extension SiteBuilder {
    /// The site folder and the output folder, standardized, once the call itself makes sense: the
    /// folders exist, the output replaces nothing kartu did not write, and the numbers are numbers.
    /// A problem here is a usage error (exit status 2), printed like every other diagnostic.
    func checkedFolders() throws(Diagnostic) -> (root: URL, output: URL) {
        let root = options.root.standardizedFileURL
        let output = (options.output ?? root.appendingPathComponent("site")).standardizedFileURL
        if let jobs = options.jobs, jobs < 1 {
            throw Diagnostic(.error, "--jobs must be at least 1", hint: "leave it out to use every core")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic(.error, "site folder '\(options.root.path)' does not exist",
                             hint: "pass --root with the folder that holds content/")
        }
        guard fm.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic(.error, "no content/ folder in '\(root.path)'",
                             hint: "run kartu in the site folder, or pass --root with the folder that holds content/")
        }
        if let baseURL = options.baseURL, !Configuration.isBaseURL(baseURL) {
            throw Diagnostic(.error, "--base-url '\(baseURL)' is neither an absolute URL nor a path",
                             hint: "write e.g. --base-url https://example.org/guide/ or --base-url /guide/")
        }
        if options.write { try OutputWriter.validate(output: output, root: root) }
        return (root, output)
    }
}
