/// Finds the first SSE chunk that carries content: a `"content":"` followed by anything but
/// the closing quote (so the role-only first chunk, `"content":""`, does not count).
/// Fed the body as it arrives; a pattern split across chunks is still found. Pure.
public struct FirstContentDetector: Sendable {
    private static let pattern: [UInt8] = Array(#""content":"#.utf8)
    private enum State: Sendable {
        /// `matched` bytes of the pattern seen.
        case matching(Int)
        /// After `"content":`, skipping spaces, expecting the opening quote.
        case afterColon
        /// After the opening quote: the next byte decides.
        case afterQuote
        case found
    }

    private var state = State.matching(0)

    public init() {}

    /// Whether content has been seen.
    public var found: Bool {
        if case .found = state { return true }
        return false
    }

    /// Feeds the next bytes; returns true once content has been seen.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        for byte in bytes {
            switch state {
            case .found:
                return true
            case .matching(let matched):
                if byte == Self.pattern[matched] {
                    state = matched + 1 == Self.pattern.count ? .afterColon : .matching(matched + 1)
                } else {
                    state = .matching(byte == Self.pattern[0] ? 1 : 0)
                }
            case .afterColon:
                if byte == UInt8(ascii: " ") { continue }
                state = byte == UInt8(ascii: "\"") ? .afterQuote : .matching(0)
            case .afterQuote:
                if byte == UInt8(ascii: "\"") {
                    state = .matching(1)
                } else {
                    state = .found
                    return true
                }
            }
        }
        return found
    }
}
