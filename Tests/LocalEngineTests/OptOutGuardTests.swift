import Foundation
import LocalEngine
import SalesCore
import Testing
import TestSupport

/// One line of `Tests/Fixtures/opt-out.jsonl`.
struct OptOutCase: Decodable, Sendable, CustomTestStringConvertible {
    var text: String
    var optOut: Bool
    var register: String
    var history: [GoldenTurn.Message]?

    enum CodingKeys: String, CodingKey {
        case text, register, history
        case optOut = "opt_out"
    }

    var testDescription: String { "\(register): \(text.prefix(60))" }

    static func load(_ file: String = "Tests/Fixtures/opt-out.jsonl") throws -> [OptOutCase] {
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(OptOutCase.self, from: Data($0.utf8)) }
    }
}

@Suite("Opt-out guard")
struct OptOutGuardTests {
    let guardrail = OptOutGuard()

    @Test("every opt-out in the fixture is caught and no look-alike is flagged")
    func fixture() throws {
        let cases = try OptOutCase.load()
        #expect(cases.filter(\.optOut).count >= 150)
        #expect(cases.filter { !$0.optOut }.count >= 80)
        var missed: [String] = []
        var flagged: [String] = []
        for item in cases {
            let verdict = guardrail.check(message: item.text, history: item.history ?? [])
            if item.optOut, verdict == nil { missed.append("\(item.register): \(item.text)") }
            if !item.optOut, let verdict { flagged.append("\(item.register) [\(verdict.rule)]: \(item.text)") }
        }
        #expect(missed.isEmpty, "missed \(missed.count):\n\(missed.joined(separator: "\n"))")
        #expect(flagged.isEmpty, "false opt-outs \(flagged.count):\n\(flagged.joined(separator: "\n"))")
    }

    @Test("the guard agrees with the golden labels on the dev split")
    func goldenDev() async throws {
        let turns = try Fixtures.devTurns()
        let guardrail = guardrail
        let (missed, flagged) = try await onOwnThread {
            var missed: [String] = []
            var flagged: [String] = []
            for turn in turns {
                let verdict = guardrail.check(message: turn.message, history: turn.history)
                if turn.situation == .optOut, verdict == nil { missed.append("\(turn.id): \(turn.message)") }
                if turn.situation != .optOut, let verdict { flagged.append("\(turn.id) \(turn.situation.rawValue) [\(verdict.rule)]: \(turn.message)") }
            }
            return (missed, flagged)
        }
        #expect(missed.isEmpty, "missed \(missed.count):\n\(missed.joined(separator: "\n"))")
        #expect(flagged.isEmpty, "false opt-outs \(flagged.count):\n\(flagged.joined(separator: "\n"))")
    }

    @Test(
        "a few everyday cases",
        arguments: [
            ("STOP", true), ("Please remove me from your list.", true), ("not interested, thanks", false),
            ("can our users unsubscribe from notifications?", false), ("Can you stop by our booth?", false),
            ("u n s u b s c r i b e", true), ("Stop contacting me.\n\nSent from my iPhone", true),
            ("take my number off pls", true), ("Please don't chase me on this, I'll get in touch if things change.", true),
            ("I'm not gonna send my load data to someone I met on LinkedIn.", false),
            ("we don't chase our customers for payment anymore", false),
        ])
    func everyday(_ message: String, _ expected: Bool) {
        #expect((guardrail.check(message: message) != nil) == expected, "\(message)")
    }

    @Test("confirming or carrying on is an opt-out only right after one")
    func confirmationAfterOptOut() {
        let optedOut = [
            GoldenTurn.Message(role: "customer", text: "Please remove me from your mailing list."),
            GoldenTurn.Message(role: "agent", text: "Understood, I'll take care of it."),
        ]
        let asked = [
            GoldenTurn.Message(role: "customer", text: "Can you send the security questionnaire?"),
            GoldenTurn.Message(role: "agent", text: "Sure, it's on its way."),
        ]
        let message = "Please confirm in writing that this has been done."
        #expect(guardrail.check(message: message, history: optedOut)?.rule == "history_continues_opt_out")
        #expect(guardrail.check(message: message, history: asked) == nil)
        #expect(guardrail.check(message: "and the email list", history: optedOut) != nil)
        #expect(guardrail.check(message: "and the pricing sheet", history: asked) == nil)
    }

    @Test("a short answer is judged by the agent's question")
    func history() {
        let askedToStop = [GoldenTurn.Message(role: "agent", text: "Would you prefer I stop reaching out?")]
        #expect(guardrail.check(message: "Yes please.", history: askedToStop) != nil)
        #expect(guardrail.check(message: "No no, keep me posted.", history: askedToStop) == nil)
        let askedToCall = [GoldenTurn.Message(role: "agent", text: "Is there a better time for me to call you back?")]
        #expect(guardrail.check(message: "Never.", history: askedToCall) != nil)
        #expect(guardrail.check(message: "Never.") == nil)
        let cancelDemo = [GoldenTurn.Message(role: "agent", text: "Should I cancel the demo on Thursday?")]
        #expect(guardrail.check(message: "Cancel.", history: cancelDemo) == nil)
    }
}
