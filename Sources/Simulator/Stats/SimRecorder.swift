import NIOConcurrencyHelpers
import NIOHTTP1

/// The last generation request the simulator received, as it arrived: so a test (or a
/// user asking "what did the gateway send?") can read it back at `GET /sim/last-request`.
/// Credentials are never kept: authorization and key headers are replaced by `[set]`.
final class SimRecorder: Sendable {
    private let last = NIOLockedValueBox<String?>(nil)

    /// The body is kept only when it is small (64 KiB), so a bench cannot fill memory.
    static let maxBodyBytes = 64 * 1024
    static let secretHeaders: Set<String> = ["authorization", "x-api-key", "x-goog-api-key", "api-key"]

    func record(head: HTTPRequestHead, body: [UInt8]) {
        var text = "{\"method\":" + JSONText.quoted(head.method.rawValue) + ",\"uri\":" + JSONText.quoted(head.uri) + ",\"headers\":{"
        for (index, header) in head.headers.enumerated() {
            if index > 0 { text += "," }
            let name = header.name.lowercased()
            text += JSONText.quoted(name) + ":" + JSONText.quoted(Self.secretHeaders.contains(name) ? "[set]" : header.value)
        }
        text += "},\"body\":"
        text += body.count <= Self.maxBodyBytes ? JSONText.quoted(String(decoding: body, as: UTF8.self)) : "null"
        text += "}"
        last.withLockedValue { $0 = text }
    }

    /// `{"method","uri","headers","body"}` (the body as text), or `{}` before any request.
    var lastRequestJSON: String {
        last.withLockedValue { $0 } ?? "{}"
    }
}
