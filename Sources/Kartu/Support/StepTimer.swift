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

/// Wall time of consecutive parts of one piece of work, printed like `StepTimer`'s steps: for code
/// whose parts share mutable state, where a closure per step would not do.
struct LapTimer {
    let enabled: Bool
    private var last = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Prints the time since the previous lap (or since the timer was made) under `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        FileHandle.standardError.write(Data(String(format: "timing: %-18@ %8.1f ms\n", name as NSString, (now - last).seconds * 1000).utf8))
        last = now
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
