import AsyncHTTPClient
import Foundation
import GatewayTesting
import SalesAgent
import SalesCore
import Testing

@Suite("Agent → gateway → simulator over loopback", .timeLimit(.minutes(2)))
struct AgentPipelineLoopbackTests {
    static let message = "We're Acme Logistics, about 200 people, and dispatch is all spreadsheets."

    @Test func goldAnswersFlowThroughEveryStep() async throws {
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: Self.message, response: #"{"slots":{"company_name":"Acme Logistics","company_size":"about 200 people","current_solution":"spreadsheets"}}"#),
            AgentHarness.line(tag: "detect", message: Self.message, response: #"{"situation":"discovery_share","confidence":0.93}"#),
            AgentHarness.line(tag: "generate", message: Self.message, response: "Got it. What breaks first when a driver calls in sick?"),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { AgentHarness.policy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client)
            let (result, state) = await pipeline.run(SessionState(id: "s"), message: Self.message)
            #expect(result.situation == .discoveryShare)
            #expect(result.capturedSlots[.companyName] == "Acme Logistics")
            #expect(result.capturedSlots[.companySize] == "about 200 people")
            #expect(result.reply == "Got it. What breaks first when a driver calls in sick?")
            #expect(result.steps.capture.backend == "gateway:fast")
            #expect(result.steps.detect.backend == "gateway:fast")
            #expect(result.steps.generate.backend == "gateway:smart")
            #expect(result.steps.capture.gateway?.provider == "sim")
            #expect(result.steps.capture.gateway?.upstreamServiceMs != nil)
            #expect(!result.reconciled, "a confident detection that explains the new slots needs no second pass")
            #expect(state.context[.currentSolution] == "spreadsheets")
            let byTag = harness.sim.stats().byTag
            #expect(byTag["capture"] == 1 && byTag["detect"] == 1 && byTag["generate"] == 1)
        }
    }

    @Test func lowConfidenceTriggersTheReconcile() async throws {
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: Self.message, response: #"{"slots":{"company_name":"Acme Logistics"}}"#),
            AgentHarness.line(tag: "detect", message: Self.message, response: #"{"situation":"small_talk","confidence":0.3}"#),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { AgentHarness.policy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client)
            let (result, _) = await pipeline.run(SessionState(id: "s"), message: Self.message)
            #expect(result.reconciled)
            #expect(result.reconcileReasons == [.lowConfidence])
            #expect(harness.sim.stats().byTag["detect"] == 2, "detect ran a second time on the updated context")
        }
    }

    @Test func anLLMCannotOverruleTheOptOutGuard() async throws {
        let message = "Please remove me from your list."
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: message, response: #"{"slots":{}}"#),
            AgentHarness.line(tag: "detect", message: message, response: #"{"situation":"greeting","confidence":0.99}"#),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { AgentHarness.policy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client)
            let (result, state) = await pipeline.run(SessionState(id: "s"), message: message)
            #expect(result.situation == .optOut)
            #expect(result.decidedBy == .optOutGuard)
            #expect(result.steps.detect.backend == "opt_out_guard")
            #expect(result.principle == Playbook.gracefulExit)
            #expect(result.sessionClosed && state.closed)
            #expect(harness.sim.stats().byTag["detect"] == nil, "the guard decided; no detect call was made")
        }
    }

    @Test func stalledStepFallsBackToTheLocalEngineAndSaysSo() async throws {
        let script = try AgentHarness.script([])
        let profile = AgentHarness.profile(script: script, extra: "tags:\n  detect: {faults: {stall: 1.0}}")
        try await GatewayHarness.run(simProfile: profile, policy: { AgentHarness.policy($0) }) { harness in
            // The budget must outlast the call's way to the simulator on a busy machine (the
            // stall is forever, so the budget still ends it): 3 s, not a few hundred ms.
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client, stepBudget: .seconds(3))
            let (result, _) = await pipeline.run(SessionState(id: "s"), message: "How much is the pro plan per seat?")
            #expect(result.steps.detect.backend == "local")
            #expect(result.steps.detect.fallbackReason == "no answer within the step budget")
            #expect(result.situation == .pricingQuestion, "the local engine answered the step")
            try await eventually(timeout: .seconds(30), "the simulator saw the stalled detect call cancelled") {
                harness.sim.stats().cancelledByClient >= 1
            }
        }
    }

    @Test func badLLMOutputIsRepairedOrReplaced() async throws {
        let message = "I'm Dana, we have maybe $15k for this."
        let script = try AgentHarness.script([
            AgentHarness.line(tag: "capture", message: message, response: "Sure! ```json\n{\"slots\": {\"contact_name\": \"dana\", \"budget_amount\": \"15000 dollars\", \"shoe_size\": \"9\",}}\n```"),
            AgentHarness.line(tag: "detect", message: message, response: #"{"situation":"budget_talk","confidence":0.9}"#),
        ])
        try await GatewayHarness.run(simProfile: AgentHarness.profile(script: script), policy: { AgentHarness.policy($0) }) { harness in
            let pipeline = try AgentHarness.pipeline(gatewayURL: harness.gatewayURL, client: harness.client)
            let (result, _) = await pipeline.run(SessionState(id: "s"), message: message)
            #expect(result.capturedSlots[.contactName] == "Dana", "snapped to the message's own text")
            #expect(result.capturedSlots[.budgetAmount] == nil, "a value not in the message is dropped")
            #expect(result.steps.capture.repair?.unknownSlots == ["shoe_size"])
            #expect(result.steps.detect.backend == "local")
            #expect(result.steps.detect.fallbackReason == "unknown situation 'budget_talk'")
            for (_, value) in result.capturedSlots { #expect(message.contains(value)) }
        }
    }

    @Test func gatewayDownMeansEveryStepIsLocal() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let made = Result { try AgentHarness.pipeline(gatewayURL: "http://127.0.0.1:9", client: client) }
        let result = try? await made.get().run(SessionState(id: "s"), message: "Hi, I'm Priya from Globex.").0
        // Shut down before anything can throw: a client left running traps at its deinit.
        try await client.shutdown()
        let answered = try #require(result, "the pipeline could not be made: \(made)")
        #expect(!answered.reply.isEmpty)
        for report in [answered.steps.capture, answered.steps.detect, answered.steps.generate] {
            #expect(report.backend == "local")
            #expect(report.fallbackReason != nil)
        }
    }
}
