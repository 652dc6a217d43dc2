@testable import SalesAgent
import SalesCore
import Testing

@Suite("Opt-out guard in the pipeline")
struct OptOutPipelineTests {
    @Test("a detect step that says greeting cannot overrule a detected opt-out")
    func guardOverrulesDetect() async throws {
        let pipeline = try TestPipelines.local(detect: FixedDetectStep(situation: .greeting))
        let (result, state) = await pipeline.run(SessionState(id: "s"), message: "STOP")
        #expect(result.situation == .optOut)
        #expect(result.decidedBy == .optOutGuard)
        #expect(result.optOutRule == "keyword")
        #expect(result.steps.detect.backend == "opt_out_guard")
        #expect(result.principle == Playbook.gracefulExit)
        #expect(state.closed)
    }

    @Test("an ordinary message is decided by detect")
    func ordinaryMessage() async throws {
        let pipeline = try TestPipelines.local(detect: FixedDetectStep(situation: .greeting))
        let (result, state) = await pipeline.run(SessionState(id: "s"), message: "Can you stop by our booth at the fair?")
        #expect(result.situation == .greeting)
        #expect(result.decidedBy == .detect)
        #expect(result.optOutRule == nil)
        #expect(!state.closed)
    }

    @Test("a short answer to the agent's own question is read with the history")
    func historyDecides() async throws {
        let pipeline = try TestPipelines.local(detect: FixedDetectStep(situation: .stall))
        var state = SessionState(id: "s")
        state.history = [
            GoldenTurn.Message(role: "customer", text: "We're swamped."),
            GoldenTurn.Message(role: "agent", text: "Understood. Would you prefer I stop reaching out?"),
        ]
        let (result, _) = await pipeline.run(state, message: "Yes please.")
        #expect(result.situation == .optOut)
        #expect(result.optOutRule == "history_accepts_stop")
    }
}

@Suite("Simulated replies never reach a customer")
struct SimulatedReplyTests {
    @Test("an echo is held back and refused before any of it is forwarded")
    func echoHeldBack() async throws {
        let seen = Recorder()
        let gate = DeltaGate(onDelta: { await seen.add($0) }, holdEcho: true)
        for piece in ["ec", "ho: hel", "lo"] { try? await gate.forward(piece) }
        await #expect(throws: SimulatedReplyError.self) { try await gate.finish() }
        #expect(await seen.text.isEmpty)
        #expect(await !gate.sentAny)
    }

    @Test("a real reply streams through unchanged")
    func realReplyStreams() async throws {
        let seen = Recorder()
        let gate = DeltaGate(onDelta: { await seen.add($0) }, holdEcho: true)
        for piece in ["Hi", " Dana, ", "thanks!"] { try await gate.forward(piece) }
        try await gate.finish()
        #expect(await seen.text == "Hi Dana, thanks!")
    }
}

actor Recorder {
    private(set) var text = ""
    func add(_ piece: String) { text += piece }
}
