import Foundation

#if !FUZZING
/// Without libFuzzer: runs every file given (seeds, crash inputs) through the targets once.
@main
struct Replay {
    static func main() {
        #if !DEBUG
        FileHandle.standardError.write(Data("KartuFuzz replays inputs in a debug build (swift build) or fuzzes with Fuzz/run.sh\n".utf8))
        exit(2)
        #else
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { fuzzContent($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            count += 1
        }
        print("replayed \(count) inputs")
        #endif
    }
}
#endif
