import Logging
import Locking

/// Collects log messages (level and text) for assertions.
final class LogCapture: Sendable {
    private let lines = Locked<[(Logger.Level, String)]>([])

    /// A logger writing here.
    func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in CaptureHandler(capture: self) }
    }

    func append(_ level: Logger.Level, _ message: String) {
        lines.withLock { $0.append((level, message)) }
    }

    /// How many messages contained `text`.
    func count(containing text: String) -> Int {
        lines.withLock { $0.filter { $0.1.contains(text) }.count }
    }

    /// Every message, for failure output.
    var messages: [String] { lines.withLock { $0.map(\.1) } }
}

private struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var text = "\(event.message)"
        for (key, value) in (event.metadata ?? [:]).sorted(by: { $0.key < $1.key }) { text += " \(key)=\(value)" }
        capture.append(event.level, text)
    }
}
