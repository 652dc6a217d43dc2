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
            let now = ContinuousClock.now
            guard now - state.lastDraw >= .milliseconds(100) || state.done >= total else { return nil }
            state.lastDraw = now
            let fraction = Double(min(state.done, total)) / Double(total)
            let filled = Int(fraction * 30)
            return "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                + "] \(min(state.done, total))/\(total)"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the line.
    public func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
