import Foundation
import JSONCore
import NIOCore

/// Invariants shared by the targets: what the servers write must be JSON their own
/// parser reads back.
enum JSONCheck {
    /// Output limits: generous, since a re-encoding may be longer and one or two levels
    /// deeper than the input it came from.
    static let output = JSONLimits(maxBytes: 64 << 20, maxDepth: 256)

    /// `buffer` is one JSON document.
    static func isJSON(_ buffer: ByteBuffer, _ what: String) {
        let ok = buffer.withUnsafeReadableBytes { (try? JSONParser.parse($0, limits: output)) != nil }
        precondition(ok, "\(what) is not JSON: \(String(buffer: buffer).prefix(300))")
    }

    /// `buffer` is SSE frames `data: <json>\n\n` (or `data: [DONE]`), each JSON.
    static func isSSEOfJSON(_ buffer: ByteBuffer, _ what: String) {
        let frames = String(buffer: buffer).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        precondition(!frames.isEmpty, "\(what) wrote no frame")
        for frame in frames {
            precondition(frame.hasPrefix("data: "), "\(what) frame without data: \(frame.prefix(300))")
            let payload = frame.dropFirst("data: ".count)
            precondition(!payload.contains("\n"), "\(what) frame spans lines: \(frame.prefix(300))")
            if payload == "[DONE]" { continue }
            precondition((try? JSONParser.parse(String(payload), limits: output)) != nil, "\(what) frame is not JSON: \(payload.prefix(300))")
        }
    }

    /// Encodes `value` with Foundation (a throw is fine: a non-finite number) and
    /// checks the bounded parser reads it back.
    static func encodes(_ value: some Encodable, _ what: String) {
        guard let data = try? JSONEncoder().encode(value) else { return }
        let ok = data.withUnsafeBytes { (try? JSONParser.parse($0, limits: output)) != nil }
        precondition(ok, "\(what) encodes to text the parser rejects: \(String(decoding: data.prefix(300), as: UTF8.self))")
    }
}
