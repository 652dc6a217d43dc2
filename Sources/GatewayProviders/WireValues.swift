import Foundation
import GatewayCore

/// Conversions between JSON text and ``JSONValue`` that vendor mappings share: tool
/// arguments travel as text in the canonical model and as objects on some wires.
enum JSONText {
    /// Compact JSON text with sorted keys, so equal values give equal text.
    static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The object that `text` holds; `{}` when it is empty, invalid or not an object
    /// (wires that need an object cannot carry anything else).
    static func object(from text: String) -> JSONValue {
        guard let value = try? WireJSON.value(fromText: text),
            case .object = value
        else { return .object([:]) }
        return value
    }
}

/// A `data:` URL split into media type and base64 payload.
struct DataURL: Equatable {
    var mediaType: String
    var base64: String

    /// Parses `data:<media type>;base64,<payload>`; nil for anything else.
    init?(_ url: String) {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return nil }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64") else { return nil }
        let type = header.dropLast(";base64".count)
        self.mediaType = type.isEmpty ? "application/octet-stream" : String(type)
        self.base64 = String(url[url.index(after: comma)...])
    }
}
