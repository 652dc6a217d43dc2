import Foundation
import Synchronization

/// A progress bar on standard error, redrawn at most ten times a second.
public final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var lastDraw = ContinuousClock.now - .seconds(1)
    }

    private let label: String
    private let total: Int
    private let state = Mutex(State())

    public init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    public func advance(by count: Int = 1) {
        let line: String? = state.withLock { state in
            state.done += count
            guard Self.due(&state.lastDraw) || state.done >= total else { return nil }
            return Self.line(label: label, fraction: Double(state.done) / Double(total), note: "\(min(state.done, total))/\(total)")
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Redraws the bar at `fraction` (0...1) with a free-form note, for work whose size is
    /// known only as time (a load run bounded by duration); throttled like `advance`.
    public func update(fraction: Double, note: String) {
        let line: String? = state.withLock { state in
            guard Self.due(&state.lastDraw) || fraction >= 1 else { return nil }
            return Self.line(label: label, fraction: fraction, note: note)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the line.
    public func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private static func due(_ lastDraw: inout ContinuousClock.Instant) -> Bool {
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) else { return false }
        lastDraw = now
        return true
    }

    private static func line(label: String, fraction: Double, note: String) -> String {
        let filled = Int(min(max(fraction, 0), 1) * 30)
        return "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] \(note)\u{1B}[K"
    }
}
