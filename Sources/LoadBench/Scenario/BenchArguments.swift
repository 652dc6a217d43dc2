import Foundation

/// Parsing of the bench's command-line values (`10s`, `100,500,1000`). Pure.
public enum BenchArguments {
    /// `10s`, `500ms`, `2m`, `1.5s` or a bare number of seconds.
    public static func duration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let value = Double(trimmed.dropLast(unit.suffix.count)), value >= 0 else { return nil }
            return .milliseconds(Int64((value * unit.seconds * 1000).rounded()))
        }
        guard let value = Double(trimmed), value >= 0 else { return nil }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// A comma-separated list of positive numbers; empty text is the empty list.
    public static func numbers(_ text: String) -> [Double]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value > 0, value.isFinite else { return nil }
            values.append(value)
        }
        return values
    }

    /// A comma-separated list of request modes (`json,stream`).
    public static func modes(_ text: String) -> [BenchRequest.Mode]? {
        var modes: [BenchRequest.Mode] = []
        for part in text.split(separator: ",") {
            guard let mode = BenchRequest.Mode(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            modes.append(mode)
        }
        return modes
    }
}
