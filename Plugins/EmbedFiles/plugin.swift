import Foundation
import PackagePlugin

/// Puts the default theme (`default-theme/`) and the starter site of `kartu init` (`starter/`) into
/// the Kartu library as generated Swift source, so that the `kartu` binary copied alone to another
/// machine still has them: no resource bundle to ship beside it.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Generated name → folder of the package.
    static let folders = [("defaultTheme", "default-theme"), ("starter", "starter")]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        for (name, folder) in Self.folders {
            let url = context.package.directoryURL.appending(path: folder)
            arguments += [name, url.path]
            inputs += files(under: url)
        }
        return [.buildCommand(displayName: "Embedding default-theme/ and starter/", executable: try context.tool(named: "EmbedFilesTool").url,
                              arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }

    /// Every file under `folder`: a file added or edited there makes the generated source again.
    private func files(under folder: URL) -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walk.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
