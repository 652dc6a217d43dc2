import ArgumentParser
import Foundation
import LocalEngine
import SalesCore

/// `sales-agent check-opt-out FILE…`: runs the opt-out guard (rules and learned model) alone over labelled messages and
/// reports what it missed and what it flagged wrongly, with the rule that fired, so anyone
/// can try the guard on their own wording. Lines are `{"text": …, "opt_out": true|false}`
/// (`history` optional) or golden turns (`message`, `situation`).
struct CheckOptOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-opt-out", abstract: "Run the opt-out guard over labelled messages (JSONL) and report its misses and false opt-outs.")

    @Argument(help: "JSONL files: {\"text\", \"opt_out\"} lines or golden turns.")
    var files: [String]

    @Flag(help: "Print every message with its verdict, not only the errors.")
    var all = false

    @Flag(help: "The guard's rules alone, without its learned model.")
    var rulesOnly = false

    func run() throws {
        let guardrail = rulesOnly ? OptOutGuard(model: nil) : OptOutGuard()
        var failed = false
        for file in files {
            let cases: [LabelledMessage]
            do {
                cases = try LabelledMessage.load(file)
            } catch {
                printError("\(error)")
                failed = true
                continue
            }
            var tally = OptOutTally(rulesOnly: rulesOnly)
            for item in cases {
                let verdict = guardrail.check(message: item.text, history: item.history)
                let mark = tally.add(expected: item.optOut, rule: verdict?.rule)
                if all || mark != "ok" {
                    print("\(file):\(item.line): \(mark) [\(verdict?.rule ?? "-")] \(item.text)")
                }
            }
            print("\(file): \(tally.summary)")
        }
        if failed { throw ExitCode(1) }
    }
}

/// One message and its label, with the line it came from.
struct LabelledMessage {
    var text: String
    var optOut: Bool
    var history: [GoldenTurn.Message]
    var line: Int

    private struct Line: Decodable {
        var text: String?
        var message: String?
        var optOut: Bool?
        var situation: String?
        var history: [GoldenTurn.Message]?

        enum CodingKeys: String, CodingKey {
            case text, message, situation, history
            case optOut = "opt_out"
        }
    }

    /// The largest file and line read: a message is a chat turn, not a document.
    static let maximumFileBytes = 64 << 20
    static let maximumLineBytes = 64 << 10

    /// Each non-empty line of `file`; a bad line is an error naming the file and line.
    static func load(_ file: String) throws -> [LabelledMessage] {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= maximumFileBytes else {
            throw ValidationError("\(file): \(size) bytes, more than the \(maximumFileBytes >> 20) MiB this command reads")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("\(file): cannot read the file")
        }
        var result: [LabelledMessage] = []
        for (index, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !raw.isEmpty {
            guard raw.count <= maximumLineBytes else {
                throw ValidationError("\(file):\(index + 1): \(raw.count) bytes, more than the \(maximumLineBytes >> 10) KiB a line may hold")
            }
            let line: Line
            do {
                line = try JSONDecoder().decode(Line.self, from: Data(raw))
            } catch {
                throw ValidationError("\(file):\(index + 1): not a JSON object with text/message and opt_out/situation")
            }
            guard let text = line.text ?? line.message, let optOut = line.optOut ?? line.situation.map({ $0 == Situation.optOut.rawValue }) else {
                throw ValidationError("\(file):\(index + 1): needs \"text\" (or \"message\") and \"opt_out\" (or \"situation\")")
            }
            result.append(LabelledMessage(text: text, optOut: optOut, history: line.history ?? [], line: index + 1))
        }
        return result
    }
}

/// Counts of the guard's verdicts against the labels.
struct OptOutTally {
    var rulesOnly = false
    var optOuts = 0
    var caught = 0
    var lookAlikes = 0
    var flagged = 0

    /// Counts one verdict; returns `ok`, `MISSED` or `FALSE`.
    mutating func add(expected: Bool, rule: String?) -> String {
        if expected {
            optOuts += 1
            if rule != nil { caught += 1 }
            return rule == nil ? "MISSED" : "ok"
        }
        lookAlikes += 1
        if rule != nil { flagged += 1 }
        return rule == nil ? "ok" : "FALSE"
    }

    var summary: String {
        "caught \(caught) of \(optOuts) opt-outs, flagged \(flagged) of \(lookAlikes) look-alikes (opt-out guard alone: \(rulesOnly ? "its rules, not its learned model" : "rules and its learned model"); no situation classifier)"
    }
}
