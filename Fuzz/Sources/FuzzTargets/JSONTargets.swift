import Foundation
import JSONCore

/// The bounded JSON parser every JSON entry point of both processes goes through.
enum JSONTargets {
    /// Parse; the pull cursor agrees on acceptance. On success: the bounds check agrees, and
    /// parse → encode → parse is the identity. On failure: the bounds check may pass (it only
    /// measures), never trap.
    static let parser = FuzzTarget(name: "json") { bytes in
        let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)
        // The pull cursor skipping the whole document accepts exactly what the parser accepts.
        var cursor = try? JSONCursor(bytes, limits: limits)
        let cursorAccepts = cursor != nil && (try? cursor!.skip()) != nil && (try? cursor!.finish()) != nil
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: limits)
        } catch {
            _ = "\(error)"
            precondition(!cursorAccepts, "the cursor accepted a document the parser refuses")
            return
        }
        precondition(cursorAccepts, "the cursor refused a document the parser accepts")
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
