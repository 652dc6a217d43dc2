import Foundation

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

    init(_ name: String, _ checks: Checks, _ pattern: String) {
        self.name = name
        self.checks = checks
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            preconditionFailure("opt-out rule \(name) does not compile: \(error)")
        }
    }

    /// Ranges (UTF-16, in `text`) of every match.
    func matches(in text: NSString) -> [NSRange] {
        regex.matches(in: text as String, options: [], range: NSRange(location: 0, length: text.length)).map(\.range)
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
