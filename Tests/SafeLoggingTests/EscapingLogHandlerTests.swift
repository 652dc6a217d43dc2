import Logging
import SafeLogging
import Locking
import Testing

/// Issue 8, finding 6: CR/LF in a client's `model` was written raw, so a client could forge
/// a log line.
@Suite("Escaping log handler")
struct EscapingLogHandlerTests {
    /// Records what reaches the wrapped handler.
    final class Recorder: Sendable {
        let events = Locked<[(String, Logger.Metadata)]>([])
    }

    struct RecordingHandler: LogHandler {
        let recorder: Recorder
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            recorder.events.withLock { $0.append((event.message.description, event.metadata ?? [:])) }
        }
    }

    @Test func controlCharactersInMessageAndMetadataAreEscaped() throws {
        let recorder = Recorder()
        let logger = Logger(label: "t") { _ in EscapingLogHandler(RecordingHandler(recorder: recorder)) }
        logger.info(
            "request\nforged",
            metadata: [
                "alias": "fast\r\n2026-12-01T00:00:00+0000 critical llm-gateway: forged line",
                "list": .array(["a\u{1B}[31m", .stringConvertible(42)]),
                "nested": .dictionary(["k": "v\u{2028}w"]),
            ])
        let (message, metadata) = try #require(recorder.events.withLock { $0.first })
        #expect(message == "request\\nforged")
        #expect(metadata["alias"] == .string("fast\\r\\n2026-12-01T00:00:00+0000 critical llm-gateway: forged line"))
        #expect(metadata["list"] == .array([.string("a\\u{1B}[31m"), .string("42")]))
        #expect(metadata["nested"] == .dictionary(["k": .string("v\\u{2028}w")]))
    }

    @Test func plainTextIsUnchanged() {
        #expect(LogText.escaped("alias=fast model=gpt-4o é 😀") == "alias=fast model=gpt-4o é 😀")
        #expect(LogText.escaped("tab\there") == "tab\\there")
    }
}
