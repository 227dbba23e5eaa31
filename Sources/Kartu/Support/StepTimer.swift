import Foundation

/// Wall time per build step, printed to stderr when `KARTU_TIMINGS` is set: where a build spends
/// its time, without a profiler.
struct StepTimer {
    let enabled: Bool
    private var current: (name: String, start: ContinuousClock.Instant)?

    init(enabled: Bool) { self.enabled = enabled }

    mutating func step(_ name: String) {
        guard enabled else { return }
        finish()
        current = (name, .now)
    }

    mutating func finish() {
        guard enabled, let (name, start) = current else { return }
        let ms = (ContinuousClock.now - start).seconds * 1000
        FileHandle.standardError.write(Data(String(format: "timing: %-18@ %8.1f ms\n", name as NSString, ms).utf8))
        current = nil
    }
}
