#if FUZZING
import Foundation

/// The target this run fuzzes, from `KARTU_FUZZ_TARGET` (Fuzz/run.sh sets it from its first argument).
nonisolated(unsafe) private var selected = FuzzTarget.content

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = ProcessInfo.processInfo.environment["KARTU_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set KARTU_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try selected.run(bytes)
    } catch {
        // libFuzzer keeps the input that aborted (crash-…) and stops.
        FileHandle.standardError.write(Data("kartu-fuzz \(selected.rawValue): invariant broken: \(error)\n".utf8))
        abort()
    }
    return 0
}
#endif
