import JSONCore

/// One line of a calibration pair file: two messages, whether one may answer the other,
/// and the kind of pair (`paraphrase`, `negation`, …).
public struct CalibrationPair: Sendable, Hashable {
    public var a: String
    public var b: String
    public var same: Bool
    public var kind: String

    public init(a: String, b: String, same: Bool, kind: String) {
        self.a = a
        self.b = b
        self.same = same
        self.kind = kind
    }
}

/// A pair file that cannot be read: the file, the 1-based line and what is wrong.
public struct CalibrationPairError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var problem: String

    public var description: String { "\(file):\(line): \(problem)" }
}

/// Reads JSON Lines of `{"a": "...", "b": "...", "same": true|false, "kind": "..."}`; blank
/// lines are skipped; each line is at most 64 KiB and 8 levels deep.
public enum CalibrationPairs {
    static let lineLimits = JSONLimits(maxBytes: 64 << 10, maxDepth: 8)

    public static func parse(_ text: String, file: String) throws(CalibrationPairError) -> [CalibrationPair] {
        var pairs: [CalibrationPair] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingPrefix(while: \.isWhitespace)
            if trimmed.isEmpty { continue }
            func fail(_ problem: String) -> CalibrationPairError {
                CalibrationPairError(file: file, line: offset + 1, problem: problem)
            }
            let value: JSONValue
            do {
                value = try JSONParser.parse(String(trimmed), limits: lineLimits)
            } catch {
                throw fail("not valid JSON (\(error))")
            }
            guard case .object(let members) = value else { throw fail("expected an object {\"a\", \"b\", \"same\", \"kind\"}") }
            guard case .string(let a)? = members["a"], !a.isEmpty else { throw fail("\"a\" must be a non-empty string") }
            guard case .string(let b)? = members["b"], !b.isEmpty else { throw fail("\"b\" must be a non-empty string") }
            guard case .bool(let same)? = members["same"] else { throw fail("\"same\" must be true or false") }
            var kind = "-"
            if let raw = members["kind"] {
                guard case .string(let text) = raw else { throw fail("\"kind\" must be a string") }
                kind = text
            }
            pairs.append(CalibrationPair(a: a, b: b, same: same, kind: kind))
        }
        return pairs
    }
}
