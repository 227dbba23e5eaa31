import Foundation

/// When each content file last changed, as git's history tells it: what decides whether a
/// translation is older than its original (as Lunaria decides it).
///
/// Read with one `git log` over `content/` (one process per file took minutes on 10,000 files).
/// Commits whose message contains `[minor]` (typo fixes) are left out: they do not make a
/// translation outdated, nor bring one up to date.
public struct GitHistory: Sendable {
    /// A file's newest commit that counts: its place in the history (0 = the newest commit) and its
    /// author date, as the author's calendar gave it (so it does not depend on the machine's time zone).
    public struct Change: Sendable, Hashable {
        public let order: Int
        public let date: DayDate
    }

    /// Site-relative path (`content/lt/x.md`) → its last change that counts.
    public let changes: [String: Change]

    /// The history, or why there is none to judge by.
    public enum Reading: Sendable {
        case history(GitHistory)
        /// Not a git work tree, a shallow clone, or no git: the reason and what to do, for one message.
        case unavailable(reason: String, hint: String)
    }

    /// The keyword that keeps a commit out of the history.
    public static let minorKeyword = "[minor]"

    public static func read(root: URL) -> Reading {
        guard let inside = git(["rev-parse", "--is-inside-work-tree"], in: root), inside.status == 0,
              inside.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            return .unavailable(reason: "the site is not in a git repository (or git is not installed)",
                                hint: "commit the site to git: whether a translation is outdated is read from its history")
        }
        if let shallow = git(["rev-parse", "--is-shallow-repository"], in: root),
           shallow.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true" {
            return .unavailable(reason: "the git history is shallow (a clone with --depth)",
                                hint: "fetch the whole history: git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0")
        }
        // Record separator before each commit, unit separators between its fields, a group separator
        // before its files; paths as written (core.quotePath off), relative to the site folder.
        let format = "--format=%x1e%as%x1f%B%x1d"
        guard let log = git(["-c", "core.quotePath=off", "log", "--no-renames", "--name-only", "--relative", format, "--", "content"], in: root),
              log.status == 0 else {
            return .unavailable(reason: "git log failed in the site folder", hint: "run git log -- content there to see why")
        }
        return .history(parse(log.output))
    }

    /// The output of the `git log` above → the last change that counts of each file.
    static func parse(_ output: String) -> GitHistory {
        var changes: [String: Change] = [:]
        for (order, record) in output.split(separator: "\u{1e}").enumerated() {
            guard let end = record.firstIndex(of: "\u{1d}") else { continue }
            let fields = record[..<end].split(separator: "\u{1f}", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, let date = DayDate(iso: String(fields[0])), !fields[1].contains(minorKeyword) else { continue }
            for line in record[record.index(after: end)...].split(separator: "\n") where !line.isEmpty {
                let path = String(line)
                if changes[path] == nil { changes[path] = Change(order: order, date: date) }
            }
        }
        return GitHistory(changes: changes)
    }

    /// Runs git in `folder`; nil when git cannot be started.
    ///
    /// With `posix_spawnp`, not Foundation's `Process`: the first `Process` of a run cost 55 ms (its
    /// set-up, not git, which takes 2 ms), a sixth of a 1,000-document build.
    private static func git(_ arguments: [String], in folder: URL) -> (status: Int32, output: String)? {
        var pipe: [Int32] = [0, 0]
        guard makePipe(&pipe) == 0 else { return nil }
        defer { close(pipe[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        // No pager, no prompt, and the user's configuration cannot change the format.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        let argv = (["git", "-C", folder.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, envp)
        close(pipe[1])
        guard spawned == 0 else { return nil }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { readFile(pipe[0], $0.baseAddress, $0.count) }
            if count > 0 { output.append(contentsOf: buffer[..<count]) } else if count == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally: its exit code; killed by a signal: a failure.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, String(decoding: output, as: UTF8.self))
    }
}

// The C functions, under names GitHistory's own `read` does not hide.
private let makePipe = pipe
private let readFile = read
