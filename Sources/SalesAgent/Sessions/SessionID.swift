import Foundation

/// Session ids: generated when a client gives none, checked when it gives one. Ids travel
/// in URL paths, so they keep to a small, unescaped alphabet.
public enum SessionID {
    /// The longest id accepted.
    public static let maxLength = 128

    /// A fresh random id.
    public static func generate() -> String {
        "s-" + UUID().uuidString.lowercased()
    }

    /// True when `id` is 1...``maxLength`` characters from `[A-Za-z0-9._:-]`.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maxLength else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
                UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
