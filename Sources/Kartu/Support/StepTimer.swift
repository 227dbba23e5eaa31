import Foundation

/// Wall time per build step, printed to stderr when asked (`KARTU_TIMINGS=1`): where a build spends
/// its time, without a profiler.
struct StepTimer {
    let enabled: Bool

    /// Runs one step, timing it when enabled.
    func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = ContinuousClock.now
        defer {
            let ms = (ContinuousClock.now - start).seconds * 1000
            FileHandle.standardError.write(Data(String(format: "timing: %-18@ %8.1f ms\n", name as NSString, ms).utf8))
        }
        return try body()
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
