import BenchKit

/// The chart: overhead over the baseline at p50 and p99 per mode and load, one bar pair
/// per compared target; only latency p50/p99 per target when nothing was compared.
extension BenchReport {
    public func svg() -> String {
        var categories: [String] = []
        for row in rows {
            let category = Self.category(row.result)
            if !categories.contains(category) { categories.append(category) }
        }
        let compared = rows.contains { $0.overheadMs != nil }
        var targets: [String] = []
        for row in rows where !targets.contains(row.result.target) && (!compared || row.overheadMs != nil) {
            targets.append(row.result.target)
        }
        var series: [(name: String, values: [Double])] = []
        for target in targets {
            for (name, pick) in Self.picks(compared: compared) {
                let values = categories.map { category in
                    rows.first { $0.result.target == target && Self.category($0.result) == category }.map(pick) ?? 0
                }
                series.append(("\(target) \(name)", values))
            }
        }
        let title = compared ? "Latency added over \(baseline), p50 and p99 (\(scenario) scenario)" : "Latency p50 and p99 (\(scenario) scenario)"
        let chart = SVGBarChart(title: title, unit: "ms", categories: categories, series: series)
        let width = max(900, Double(categories.count * max(series.count, 1)) * 16 + 120)
        return chart.render(width: width, height: 460)
    }

    static func category(_ result: LoadResult) -> String {
        "\(result.mode.rawValue) \(result.load.label)"
    }

    static func picks(compared: Bool) -> [(String, (Row) -> Double)] {
        compared
            ? [("Δp50", { $0.overheadMs?.p50 ?? 0 }), ("Δp99", { $0.overheadMs?.p99 ?? 0 })]
            : [("p50", { $0.result.latencyMs.p50 }), ("p99", { $0.result.latencyMs.p99 })]
    }
}
