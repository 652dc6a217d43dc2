import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One compiled opt-out rule: a regular expression over `OptOutText.normalized` and the
/// checks a match must pass to count.
struct OptOutPattern: @unchecked Sendable {
    /// Checks applied to a match before it counts.
    struct Checks: OptionSet, Sendable {
        let rawValue: Int
        /// Not right after a negation (`don't ever stop sending these`).
        static let negation = Checks(rawValue: 1)
        /// Not in a question about what other people do (`can our users unsubscribe?`).
        static let otherPeople = Checks(rawValue: 2)
        /// Not offered with an alternative (`don't call, just send an invite`).
        static let redirect = Checks(rawValue: 4)
        /// Not in a question (`do you delete our data when we churn?`).
        static let notQuestion = Checks(rawValue: 8)
        static let all: Checks = [.negation, .otherPeople, .redirect]
    }

    let name: String
    let checks: Checks
    // NSRegularExpression is immutable once made and documented as safe to share.
    let regex: NSRegularExpression
    /// Literal pieces of which every match holds at least one (empty: no such list). The
    /// regular expression runs only on text that contains one of them; a regex call costs
    /// a microsecond or more even on text it cannot match.
    let anchors: [[UInt8]]

    /// A rule; `anchors` must each be a substring of some alternative that every match of
    /// `pattern` contains (`OptOutAnchorTests` checks it on every corpus the project has).
    init(_ name: String, _ checks: Checks, _ pattern: String, anchors: [String] = []) {
        self.name = name
        self.checks = checks
        self.anchors = anchors.map { Array($0.utf8) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            preconditionFailure("opt-out rule \(name) does not compile: \(error)")
        }
    }

    /// False only when `normalized` (`OptOutText.normalizedBytes`) holds none of the anchors,
    /// so the rule cannot match.
    func mayMatch(_ normalized: [UInt8]) -> Bool {
        anchors.isEmpty || normalized.withUnsafeBytes { text in anchors.contains { Self.contains(text, $0) } }
    }

    /// The first byte found with the C library's `memchr`, the rest compared with `memcmp`:
    /// several times faster than a byte loop over the message for each anchor.
    private static func contains(_ text: UnsafeRawBufferPointer, _ piece: [UInt8]) -> Bool {
        guard let first = piece.first else { return true }
        guard piece.count <= text.count, let base = text.baseAddress else { return false }
        return piece.withUnsafeBytes { needle in
            let end = base + text.count
            var cursor = base
            // Only where the whole piece still fits can its first byte start a match.
            while end - cursor >= piece.count, let found = memchr(cursor, Int32(first), end - cursor - piece.count + 1) {
                let at = UnsafeRawPointer(found)
                if piece.count == 1 || memcmp(at + 1, needle.baseAddress! + 1, piece.count - 1) == 0 { return true }
                cursor = at + 1
            }
            return false
        }
    }

    /// Ranges (UTF-16, in `text`) of every match.
    func matches(in text: NSString) -> [NSRange] {
        regex.matches(in: text as String, options: [], range: NSRange(location: 0, length: text.length)).map(\.range)
    }

    /// True when the guard's text matches anywhere; the anchors rule most texts out first.
    func occurs(in text: OptOutText) -> Bool {
        mayMatch(text.normalizedBytes) && occurs(in: text.normalized)
    }

    /// True when `text` matches anywhere.
    func occurs(in text: String) -> Bool {
        regex.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension OptOutPattern {
    /// The first capture group of the first match, if any.
    func firstCapture(in text: String) -> String? {
        let ns = text as NSString
        guard let match = regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: ns.length)), match.numberOfRanges > 1 else { return nil }
        let range = match.range(at: 1)
        return range.location == NSNotFound ? nil : ns.substring(with: range)
    }
}
