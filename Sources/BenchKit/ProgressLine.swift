import Foundation
import Locking

/// A progress bar on standard error, redrawn at most ten times a second. When standard
/// error is not a terminal (a log file, CI), it writes a plain line every ten seconds
/// and one at the end instead.
public final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var lastDraw = ContinuousClock.now - .seconds(1)
    }

    private let label: String
    private let total: Int
    private let state = Locked(State())
    private let interactive: Bool

    public init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
        self.interactive = isatty(STDERR_FILENO) != 0
    }

    public func advance(by count: Int = 1) {
        let line: String? = state.withLock { state in
            state.done += count
            guard self.due(&state.lastDraw) || state.done >= total else { return nil }
            return self.line(fraction: Double(state.done) / Double(total), note: "\(min(state.done, total))/\(total)")
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Redraws the bar at `fraction` (0...1) with a free-form note, for work whose size is
    /// known only as time (a load run bounded by duration); throttled like `advance`.
    public func update(fraction: Double, note: String) {
        let line: String? = state.withLock { state in
            guard self.due(&state.lastDraw) || fraction >= 1 else { return nil }
            return self.line(fraction: fraction, note: note)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the line.
    public func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func due(_ lastDraw: inout ContinuousClock.Instant) -> Bool {
        let now = ContinuousClock.now
        guard now - lastDraw >= (interactive ? .milliseconds(100) : .seconds(10)) else { return false }
        lastDraw = now
        return true
    }

    private func line(fraction: Double, note: String) -> String {
        let filled = Int(min(max(fraction, 0), 1) * 30)
        let bar = "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] \(note)"
        return interactive ? "\r" + bar + "\u{1B}[K" : bar + "\n"
    }
}
