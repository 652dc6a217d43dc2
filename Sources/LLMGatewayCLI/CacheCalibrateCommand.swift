import ArgumentParser
import Embeddings
import Foundation
import GatewayCache

/// `llm-gateway cache …`: the cache's offline tools.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Cache tools: calibrate the semantic tier's threshold on a pair set.",
        subcommands: [CacheCalibrateCommand.self])
}

/// `llm-gateway cache calibrate PAIRS.jsonl [--embedder local]`: per threshold, the wrong hits
/// (pairs with `same: false` that would be served) and the true-pair hits, with and without
/// the guards, so an operator can choose an alias's `semantic: {threshold}` for an embedder.
struct CacheCalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Wrong hits and true-pair hits per threshold, with and without guards, on a pair file.",
        discussion: """
            PAIRS.jsonl holds one pair a line: {"a": "...", "b": "...", "same": true|false, "kind": "..."}.
            A pair hits when its normalised texts are equal or its cosine reaches the threshold; with guards,
            only if the guards also allow it. A wrong hit is a hit of a pair with "same": false.
            """)

    enum EmbedderKind: String, ExpressibleByArgument, CaseIterable {
        /// The bundled static table (the gateway's `cache.embedder: {kind: static}`).
        case local, `static`
    }

    @Argument(help: "The pair file (JSON Lines).")
    var pairs: String

    @Option(help: "The embedder: local (the bundled static table; 'static' is the same).")
    var embedder: EmbedderKind = .local

    @Option(help: "Also list the wrong hits and the guard-vetoed true pairs at this threshold.")
    var explain: Float?

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: pairs, encoding: .utf8)
        } catch {
            printError("\(pairs): cannot be read (\(error.localizedDescription))")
            throw ExitCode(1)
        }
        let parsed: [CalibrationPair]
        do {
            parsed = try CalibrationPairs.parse(text, file: pairs)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        guard !parsed.isEmpty else {
            printError("\(pairs): no pairs")
            throw ExitCode(1)
        }
        let model = try StaticEmbedder.bundled()
        let calibration = Calibration(pairs: parsed) { VectorMath.dot(model.embed($0), model.embed($1)) }
        print(Self.report(calibration, embedder: model.identifier, file: pairs))
        if let explain { print(Self.explanation(calibration, threshold: explain)) }
    }

    static func report(_ calibration: Calibration, embedder: String, file: String) -> String {
        var lines = [
            "\(file): \(calibration.scored.count) pairs (\(calibration.truePairs) may hit, \(calibration.falsePairs) must not); embedder \(embedder)",
            "",
            "threshold  wrong hits (no guards)  true hits (no guards)  wrong hits (guards)  true hits (guards)",
        ]
        func cell(_ count: Int, of total: Int, width: Int) -> String {
            let percent = total > 0 ? Int((Double(count) * 100 / Double(total)).rounded()) : 0
            return pad("\(count) (\(percent) %)", width)
        }
        for threshold in Calibration.defaultThresholds {
            let row = calibration.row(threshold)
            lines.append(
                pad(String(format: "%.2f", threshold), 11) + cell(row.wrongHitsUnguarded, of: calibration.falsePairs, width: 24)
                    + cell(row.trueHitsUnguarded, of: calibration.truePairs, width: 23)
                    + cell(row.wrongHits, of: calibration.falsePairs, width: 21) + cell(row.trueHits, of: calibration.truePairs, width: 0))
        }
        lines.append("")
        if let safe = calibration.lowestSafeThreshold(Calibration.defaultThresholds) {
            let row = calibration.row(safe)
            lines.append(
                "lowest threshold with no wrong hit (guards): \(String(format: "%.2f", safe)); true-pair hits \(row.trueHits) of \(calibration.truePairs)")
        } else {
            lines.append("no threshold from 0.80 to 0.98 is free of wrong hits with guards")
        }
        var vetoes: [GuardVetoReason: Int] = [:]
        for item in calibration.scored where !item.pair.same {
            if let veto = item.veto { vetoes[veto, default: 0] += 1 }
        }
        lines.append("guard vetoes of must-not pairs: " + vetoes.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    static func explanation(_ calibration: Calibration, threshold: Float) -> String {
        var lines = ["", String(format: "wrong hits at %.2f:", threshold)]
        for item in calibration.wrongHits(threshold) {
            lines.append("  \(String(format: "%.4f", item.cosine)) [\(item.pair.kind)] \(item.pair.a) | \(item.pair.b)")
        }
        lines.append("true pairs the guards veto:")
        for item in calibration.vetoedTruePairs() {
            lines.append("  \(String(format: "%.4f", item.cosine)) [\(item.pair.kind): \(item.veto?.rawValue ?? "-")] \(item.pair.a) | \(item.pair.b)")
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
