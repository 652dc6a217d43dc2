/// The text table: one row per target × mode × load.
extension BenchReport {
    static let columns: [(title: String, width: Int)] = [
        ("target", 9), ("mode", 6), ("load", 13), ("p50", 8), ("p90", 8), ("p99", 8), ("p99.9", 8),
        ("ttft50", 8), ("ttft99", 8), ("req/s", 7), ("errors", 6), ("calls", 5),
        ("Δp50", 8), ("Δp90", 8), ("Δp99", 8), ("Δp99.9", 8),
    ]

    /// Latencies in ms; Δ columns are the overhead over the baseline; `calls` is upstream
    /// calls per request from `x-gateway-attempts` (`-` when the target does not report it).
    public func table() -> String {
        var lines = ["latency in ms; Δ = overhead vs \(baseline) at the same mode and load"]
        lines.append(Self.line(Self.columns.map(\.title)))
        lines.append(String(repeating: "-", count: Self.columns.reduce(0) { $0 + $1.width + 1 }))
        for row in rows {
            let result = row.result
            let latency = result.latencyMs
            let measured = result.succeeded > 0
            var cells = [result.target, result.mode.rawValue, result.load.label]
            cells += [latency.p50, latency.p90, latency.p99, latency.p999].map { measured ? Self.ms($0) : "-" }
            cells += [
                result.ttftMs.map { Self.ms($0.p50) } ?? "-", result.ttftMs.map { Self.ms($0.p99) } ?? "-",
                String(Int(result.achievedRate.rounded())), String(result.errors),
                result.upstreamCallsPerRequest.map { Self.fixed($0, 2) } ?? "-",
            ]
            if let overhead = row.overheadMs {
                cells += [overhead.p50, overhead.p90, overhead.p99, overhead.p999].map { Self.signed($0) }
            } else {
                cells += ["", "", "", ""]
            }
            lines.append(Self.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ cells: [String]) -> String {
        zip(cells, columns).enumerated().map { index, pair in
            let (cell, column) = pair
            let padding = String(repeating: " ", count: max(0, column.width - cell.count))
            return index < 3 ? cell + padding : padding + cell
        }.joined(separator: " ").replacing(/\ +$/, with: "")
    }

    /// Milliseconds: three decimals under 10 ms, one under 1000, none above.
    static func ms(_ value: Double) -> String {
        abs(value) < 10 ? fixed(value, 3) : abs(value) < 1000 ? fixed(value, 1) : fixed(value, 0)
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + ms(value)
    }

    /// `value` with exactly `digits` decimals, without Foundation's `String(format:)`.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = String(scaled % Int64(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}
