import Foundation

/// Wall time per build step, printed to stderr when asked (`KARTU_TIMINGS=1`): where a build spends
/// its time, without a profiler.
struct StepTimer {
    let enabled: Bool

    /// Runs one step, timing it when enabled.
    func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = ContinuousClock.now
        defer { Self.print(name, since: start) }
        return try body()
    }

    /// One line on stderr: the name and the milliseconds since `start`.
    static func print(_ name: String, since start: ContinuousClock.Instant) {
        let ms = (ContinuousClock.now - start).seconds * 1000
        FileHandle.standardError.write(Data(String(format: "timing: %-18@ %8.1f ms\n", name as NSString, ms).utf8))
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
        StepTimer.print(name, since: last)
        last = ContinuousClock.now
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
