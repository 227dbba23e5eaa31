import Dispatch
import Foundation

/// How many threads a build may use, handed to every step that works in parallel.
///
/// A plain value passed down, not a task-local: a task-local bound in synchronous code is not seen
/// on GCD's worker threads, so a map nested in another (a language's search index inside the
/// per-language page step) used every core whatever `--jobs` said.
struct Workers: Sendable {
    /// At least 1. With 1, every map runs on the calling thread, in order.
    let count: Int
    /// Tests only: where and on which threads the maps ran.
    let recorder: ThreadRecorder?

    /// `count` nil means one per core.
    init(count: Int? = nil, recorder: ThreadRecorder? = nil) {
        self.count = max(1, count ?? ProcessInfo.processInfo.activeProcessorCount)
        self.recorder = recorder
    }

    static let one = Workers(count: 1)

    /// `transform` of every element, on up to `count` threads, in input order: the outcome never
    /// depends on scheduling.
    func map<T: Sendable, R>(_ items: [T], caller: String = #fileID, _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 || count == 1 {
            recorder?.record(caller: caller, chunks: 1)
            return items.map(transform)
        }
        // A few chunks per worker balance uneven work without paying dispatch overhead per item.
        return chunked(items.count, chunks: count * 8, caller: caller, state: {}) { i, _ in transform(items[i]) }
    }

    /// Like `map`, with a scratch state made once per chunk of work (a reusable buffer), so that
    /// per-item work needs no allocation.
    func map<T: Sendable, S, R>(_ items: [T], caller: String = #fileID, state makeState: @Sendable () -> S,
                                _ transform: @Sendable (inout S, T) -> R) -> [R] {
        if count == 1 {
            recorder?.record(caller: caller, chunks: 1)
            var state = makeState()
            return items.map { transform(&state, $0) }
        }
        return chunked(items.count, chunks: count * 4, caller: caller, state: makeState) { i, state in transform(&state, items[i]) }
    }

    private func chunked<S, R>(_ count: Int, chunks wanted: Int, caller: String, state makeState: @Sendable () -> S,
                               _ work: @Sendable (Int, inout S) -> R) -> [R] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(count, wanted))
        let recorder = self.recorder
        var results = [R?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one iteration, so the shared buffer is never raced on.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                recorder?.record(caller: caller, chunks: chunks)
                var state = makeState()
                for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) { output[i] = work(i, &state) }
            }
        }
        return results.map { $0! }
    }
}

/// For tests: every map notes the file that asked for it, the thread each chunk ran on and into
/// how many chunks the work was split, so a test can prove `--jobs 1` stays on one thread in every
/// step, nested maps included.
final class ThreadRecorder: @unchecked Sendable {
    struct Record: Hashable {
        let caller: String
        let thread: UInt
        let chunks: Int
    }

    private let lock = NSLock()
    private var seen: [Record] = []

    var records: [Record] { lock.withLock { seen } }

    func record(caller: String, chunks: Int) {
        let record = Record(caller: caller, thread: UInt(pthread_self()), chunks: chunks)
        lock.withLock { seen.append(record) }
    }
}
