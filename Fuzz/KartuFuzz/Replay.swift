import Foundation

#if !FUZZING
/// Without libFuzzer: runs inputs through their targets once. `KartuFuzz Fuzz/seeds` replays every
/// target's seeds (the target is the name of the folder a file is in); `KartuFuzz <target> <files…>`
/// runs files through one target (a crash input libFuzzer wrote, say).
@main
struct Replay {
    static func main() {
        #if !DEBUG
        FileHandle.standardError.write(Data("KartuFuzz replays inputs in a debug build (swift build) or fuzzes with Fuzz/run.sh\n".utf8))
        exit(2)
        #else
        var arguments = Array(CommandLine.arguments.dropFirst())
        let named = arguments.first.flatMap(FuzzTarget.init(rawValue:))
        if named != nil { arguments.removeFirst() }
        var counts: [FuzzTarget: Int] = [:]
        var broken = 0
        for input in arguments.flatMap(FuzzInputs.files(under:)) {
            guard let target = named ?? FuzzInputs.target(of: input) else {
                FileHandle.standardError.write(Data("\(input): not in a folder named after a target (\(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))); name the target first\n".utf8))
                exit(2)
            }
            do throws(BrokenInvariant) {
                try target.run(Array(FileManager.default.contents(atPath: input) ?? Data()))
            } catch {
                print("\(input): \(target.rawValue): invariant broken: \(error)")
                broken += 1
            }
            counts[target, default: 0] += 1
        }
        print(FuzzTarget.allCases.compactMap { target in counts[target].map { "\(target.rawValue) \($0)" } }.joined(separator: ", ").ifEmpty("no inputs"))
        exit(broken == 0 ? 0 : 1)
        #endif
    }
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
#endif

#if DEBUG || FUZZING
/// Finding inputs on disk: for the replayer and for `swift test`.
enum FuzzInputs {
    /// The files at `path`: itself, or the files under it (sorted, hidden ones left out).
    static func files(under path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return found.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.map { path + "/" + $0 }
            .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
            .sorted()
    }

    /// The target a file belongs to: the name of the folder it is in (`Fuzz/seeds/slug/…`).
    static func target(of path: String) -> FuzzTarget? {
        FuzzTarget(rawValue: URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent)
    }
}
#endif
