import Foundation
import JSONCore

/// The bounded JSON parser every JSON entry point of both processes goes through.
enum JSONTargets {
    /// Parse; on success: the bounds check agrees, and parse → encode → parse is the
    /// identity. On failure: the bounds check may pass (it only measures), never trap.
    static let parser = FuzzTarget(name: "json") { bytes in
        let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: limits)
        } catch {
            _ = "\(error)"
            return
        }
        precondition((try? JSONParser.checkBounds(bytes, limits: limits)) != nil, "parsed, yet out of bounds")
        guard let data = try? JSONEncoder().encode(value) else { return } // a non-finite number
        let again: JSONValue
        do {
            again = try data.withUnsafeBytes { try JSONParser.parse($0, limits: JSONCheck.output) }
        } catch {
            preconditionFailure("re-encoded value does not parse: \(error)")
        }
        precondition(again == value, "parse → encode → parse changed the value")
    }
}
