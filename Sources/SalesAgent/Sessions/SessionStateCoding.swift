import Foundation
import JSONCore

/// The JSON form a store keeps: lossless, so a state reads back equal to what was saved.
enum SessionStateCoding {
    static func encode(_ state: SessionState) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> SessionState {
        let bytes = Array(json.utf8)
        try JSONParser.checkBounds(bytes, limits: .document)
        return try JSONDecoder().decode(SessionState.self, from: Data(bytes))
    }
}
