/// The text tables: latency rows with ratios to the direct call, footprint, targets.
extension CacheReport {
    static let columns: [(title: String, width: Int)] = [
        ("row", 33), ("requests", 8), ("p50", 7), ("p90", 7), ("p99", 7), ("p99.9", 7),
        ("×p50", 6), ("×p99", 6), ("+p50", 7), ("+p99", 7), ("cpu µs", 7), ("expected", 8), ("errors", 6),
    ]

    /// Latency in ms; × and + are over the direct call to the simulator; `cpu µs` is the
    /// gateway's own CPU time per request; `expected` the share of lookups with the row's outcome.
    public func table() -> String {
        var lines = ["latency in ms through HTTP; ×, + = over \(baseline) (a call straight to the zero simulator)"]
        lines.append(Self.line(Self.columns.map(\.title)))
        lines.append(String(repeating: "-", count: Self.columns.reduce(0) { $0 + $1.width + 1 }))
        for row in rows {
            let latency = row.latencyMs
            let measured = row.requests > 0
            var cells = [row.name, String(row.requests)]
            cells += [latency.p50, latency.p90, latency.p99, latency.p999].map { measured ? BenchReport.ms($0) : "-" }
            if let ratio = row.versusDirect {
                cells += [BenchReport.fixed(ratio.p50, 2), BenchReport.fixed(ratio.p99, 2)]
                cells += [BenchReport.signed(ratio.addedP50Ms), BenchReport.signed(ratio.addedP99Ms)]
            } else {
                cells += ["", "", "", ""]
            }
            cells.append(row.cpuMicrosPerRequest.map { BenchReport.fixed($0, 0) } ?? "-")
            cells.append(row.expectedShare.map { BenchReport.fixed($0 * 100, 1) + "%" } ?? "-")
            cells.append(String(row.errors))
            lines.append(Self.line(cells))
        }
        if !footprint.isEmpty {
            lines.append("")
            lines.append("memory tier footprint (memory store's own accounting; gateway RSS from /proc/PID/status)")
            lines.append("  entries  accounted B/entry  accounted MiB  gateway RSS MiB  RSS Δ B/entry")
            for level in footprint {
                lines.append(
                    [
                        Self.pad(String(level.entries), 9), Self.pad(BenchReport.fixed(level.accountedBytesPerEntry, 0), 18),
                        Self.pad(BenchReport.fixed(Double(level.accountedBytes) / 1_048_576, 1), 14),
                        Self.pad(BenchReport.fixed(Double(level.rssBytes) / 1_048_576, 1), 16),
                        Self.pad(level.rssBytesPerEntry.map { BenchReport.fixed($0, 0) } ?? "-", 14),
                    ].joined(separator: " "))
            }
        }
        lines += semanticLines()
        if !targets.isEmpty {
            lines.append("")
            lines.append("targets (SPEC §6)")
            for check in targets {
                let verdict = check.met ? "met" : "MISSED"
                lines.append(
                    "  \(check.target.name): \(BenchReport.fixed(check.measuredMs, 3)) ms (≤ \(BenchReport.fixed(check.target.limitMs, 0)) ms) \(verdict)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The semantic gateways' footprint and the embed time by length.
    func semanticLines() -> [String] {
        var lines: [String] = []
        if !semanticFootprint.isEmpty {
            lines.append("")
            lines.append("semantic gateways (entries: gateway_cache_entries{store=\"semantic\"}; RSS from /proc/PID/status, Δ since before the fill)")
            lines.append("  layout          questions  semantic entries  gateway RSS MiB  RSS Δ B/entry")
            for level in semanticFootprint {
                lines.append(
                    "  " + [
                        level.layout + String(repeating: " ", count: max(0, 14 - level.layout.count)), Self.pad(String(level.questions), 10),
                        Self.pad(String(level.semanticEntries), 17), Self.pad(BenchReport.fixed(Double(level.rssBytes) / 1_048_576, 1), 16),
                        Self.pad(level.rssBytesPerEntry.map { BenchReport.fixed($0, 0) } ?? "-", 14),
                    ].joined(separator: " "))
            }
        }
        if !embedTimes.isEmpty {
            lines.append("")
            lines.append("embed time per message (bundled static embedder, in process, µs)")
            lines.append("  characters      p50      p99")
            for time in embedTimes {
                lines.append(
                    "  " + [Self.pad(String(time.characters), 10), Self.pad(BenchReport.fixed(time.p50Micros, 1), 8), Self.pad(BenchReport.fixed(time.p99Micros, 1), 8)]
                        .joined(separator: " "))
            }
        }
        return lines
    }

    static func line(_ cells: [String]) -> String {
        zip(cells, columns).enumerated().map { index, pair in
            let (cell, column) = pair
            return index == 0 ? cell + String(repeating: " ", count: max(0, column.width - cell.count)) : pad(cell, column.width)
        }.joined(separator: " ").replacing(/\ +$/, with: "")
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
