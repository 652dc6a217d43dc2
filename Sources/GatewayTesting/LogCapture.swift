import Logging
import Locking

/// Collects every log line (message and metadata rendered) so tests can assert on logs.
public final class LogCapture: Sendable {
    private let lines = Locked<[String]>([])

    public var all: [String] { lines.withLock { $0 } }

    public func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    public func handler() -> CapturingLogHandler {
        CapturingLogHandler(capture: self)
    }
}

/// A log handler that appends every line to a ``LogCapture``.
public struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(rendered)")
    }
}
