import Dispatch
import Foundation

/// How many threads a build may use: all cores unless a build says otherwise (`kartu build --jobs 1`
/// renders on one thread, which must give the same bytes).
enum Parallelism {
    @TaskLocal static var workers: Int?

    static var effectiveWorkers: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// Runs `transform` on every element using all cores and returns the results in input order,
/// so the outcome never depends on scheduling.
func parallelMap<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count < 2 || Parallelism.effectiveWorkers <= 1 { return items.map(transform) }
    var results = [R?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        // Each index is written by exactly one iteration, so the shared buffer is never raced on.
        nonisolated(unsafe) let output = buffer
        // A few chunks per core balance uneven work without paying dispatch overhead per item.
        let chunks = min(count, Parallelism.effectiveWorkers * 8)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * count / chunks
            let end = (chunk + 1) * count / chunks
            for i in start..<end { output[i] = transform(items[i]) }
        }
    }
    return results.map { $0! }
}

/// Like `parallelMap`, with a scratch state made once per chunk of work (e.g. a reusable buffer),
/// so per-item work needs no allocation.
func parallelMap<T: Sendable, S, R>(_ items: [T], state makeState: @Sendable () -> S, _ transform: @Sendable (inout S, T) -> R) -> [R] {
    let count = items.count
    if Parallelism.effectiveWorkers <= 1 {
        var state = makeState()
        return items.map { transform(&state, $0) }
    }
    var results = [R?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        let chunks = max(1, min(count, Parallelism.effectiveWorkers * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var state = makeState()
            for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) { output[i] = transform(&state, items[i]) }
        }
    }
    return results.map { $0! }
}
