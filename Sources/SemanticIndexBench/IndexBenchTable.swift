/// The report as a text table: one line per data kind, size and method.
enum IndexBenchTable {
    static func print(_ report: IndexBenchReport) {
        Swift.print("semantic bucket search, \(report.dimension)-d float32, \(report.queries) queries x \(report.passes) passes, threshold \(report.threshold); ms per lookup (wall and thread CPU), no embedding; ×cpu50 over the exact bucket")
        Swift.print(pad("data", 10) + pad("entries", 9) + pad("method", 34) + pad("p50", 9) + pad("p99", 9) + pad("cpu p50", 9) + pad("cpu p99", 9) + pad("×cpu50", 7)
            + pad("recall@1", 9) + pad("thr.rec", 8) + pad("scored", 9) + pad("build ms", 9) + "locked ms")
        for row in report.rows {
            let exact = report.rows.first { $0.data == row.data && $0.entries == row.entries && $0.method == "bucket exact" }
            let ratio = exact.map { $0.cpu.p50 > 0 ? row.cpu.p50 / $0.cpu.p50 : 0 } ?? 0
            Swift.print(pad(row.data, 10) + pad("\(row.entries)", 9) + pad(row.method, 34) + pad(f(row.latency.p50, 3), 9)
                + pad(f(row.latency.p99, 3), 9) + pad(f(row.cpu.p50, 3), 9) + pad(f(row.cpu.p99, 3), 9) + pad(f(ratio, 2), 7) + pad(f(row.recallAt1, 3), 9) + pad(f(row.thresholdRecall, 3), 8)
                + pad(f(row.meanScored, 0), 9) + pad(f(row.buildMs, 0), 9) + f(row.lockedMs, 1))
        }
        for (data, entries) in report.crossover.sorted(by: { $0.key < $1.key }) {
            Swift.print("crossover (\(data)): the exact bucket scan's CPU p99 reaches \(report.budgetMs) ms at ≈ \(entries) entries (linear in entries)")
        }
    }

    static func f(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? "\(Int(rounded))" : "\(rounded)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
