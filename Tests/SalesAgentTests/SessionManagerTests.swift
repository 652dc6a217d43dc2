import Foundation
import SalesAgent
import SalesCore
import Testing

/// The session manager over real stores and the local pipeline.
@Suite("Session manager")
struct SessionManagerTests {
    @Test("a turn is saved before its result is returned: a new manager on the same file sees it")
    func writeThrough() async throws {
        try await TempDirectory.with { directory in
            let path = directory.file("sessions.sqlite")
            let manager = SessionManager(pipeline: try TestPipelines.local(), store: try SQLiteSessionStore(path: path))
            let created = try await manager.create(id: "w1", context: SlotValues([.companyName: "Acme"]))
            #expect(created.turns == 0)
            let result = try await manager.runTurn(id: "w1", message: "Hi, we're a 40-person logistics firm and reporting takes forever.")
            #expect(!result.reply.isEmpty)
            #expect(result.turn == 1)

            let other = SessionManager(pipeline: try TestPipelines.local(), store: try SQLiteSessionStore(path: path))
            let seen = try await other.get(id: "w1")
            #expect(seen.turns == 1)
            #expect(seen.history.count == 2)
            #expect(seen.history.last?.text == result.reply)
            #expect(seen.context[.companyName] == "Acme")
            for (slot, value) in result.capturedSlots { #expect(seen.context[slot] == value) }
        }
    }

    @Test("a second turn on a session whose turn is running is refused as busy")
    func busy() async throws {
        let gate = Gate()
        let pipeline = try TestPipelines.local(generate: GatedGenerateStep(gate: gate))
        let manager = SessionManager(pipeline: pipeline, store: InMemorySessionStore())
        _ = try await manager.create(id: "b1")
        _ = try await manager.create(id: "b2")
        try await withThrowingTaskGroup(of: TurnResult.self) { group in
            group.addTask { try await manager.runTurn(id: "b1", message: "Tell me about pricing.") }
            await gate.nextArrival()
            await #expect(throws: SessionError.busy(id: "b1")) {
                _ = try await manager.runTurn(id: "b1", message: "Hello again?")
            }
            await #expect(throws: SessionError.busy(id: "b1")) { try await manager.delete(id: "b1") }
            // Other sessions are not held up.
            group.addTask { try await manager.runTurn(id: "b2", message: "Hi there.") }
            await gate.nextArrival()
            await gate.open()
            var turns: [Int] = []
            for try await result in group { turns.append(result.turn) }
            #expect(turns == [1, 1])
        }
        let state = try await manager.get(id: "b1")
        #expect(state.turns == 1)
        #expect(state.history.map(\.text) == ["Tell me about pricing.", "Held reply."])
        let next = try await manager.runTurn(id: "b1", message: "And the setup?")
        #expect(next.turn == 2)
    }

    @Test("an opt-out closes the session and later messages are refused without changing it")
    func optOutCloses() async throws {
        let pipeline = try TestPipelines.local(detect: FixedDetectStep(situation: .optOut))
        let manager = SessionManager(pipeline: pipeline, store: InMemorySessionStore())
        _ = try await manager.create(id: "o1")
        let result = try await manager.runTurn(id: "o1", message: "Please remove me from your list.")
        #expect(result.situation == .optOut)
        #expect(result.principle == Playbook.gracefulExit)
        #expect(result.sessionClosed)
        let closed = try await manager.get(id: "o1")
        #expect(closed.closed)
        await #expect(throws: SessionError.closed(id: "o1")) {
            _ = try await manager.runTurn(id: "o1", message: "Actually, one more question.")
        }
        #expect(try await manager.get(id: "o1") == closed)
    }

    @Test("refused messages leave the session as it was")
    func refusalsChangeNothing() async throws {
        let manager = SessionManager(pipeline: try TestPipelines.local(), store: InMemorySessionStore())
        _ = try await manager.create(id: "r1", context: SlotValues([.contactName: "Dana"]))
        _ = try await manager.runTurn(id: "r1", message: "We use spreadsheets today.")
        let before = try await manager.get(id: "r1")
        await #expect(throws: SessionError.emptyMessage) { _ = try await manager.runTurn(id: "r1", message: "  \n ") }
        await #expect(throws: SessionError.notFound(id: "nope")) { _ = try await manager.runTurn(id: "nope", message: "hi") }
        #expect(try await manager.get(id: "r1") == before)
    }

    @Test("create: generated ids, conflicts, invalid ids; delete removes from cache and store")
    func createAndDelete() async throws {
        let store: any SessionStore = InMemorySessionStore()
        let manager = SessionManager(pipeline: try TestPipelines.local(), store: store)
        let generated = try await manager.create()
        #expect(SessionID.isValid(generated.id))
        #expect(try await store.load(id: generated.id) == generated)
        _ = try await manager.create(id: "c1")
        await #expect(throws: SessionError.alreadyExists(id: "c1")) { _ = try await manager.create(id: "c1") }
        await #expect(throws: SessionError.invalidID("has space")) { _ = try await manager.create(id: "has space") }
        await #expect(throws: SessionError.invalidID("")) { _ = try await manager.create(id: "") }
        try await manager.delete(id: "c1")
        #expect(try await store.load(id: "c1") == nil)
        await #expect(throws: SessionError.notFound(id: "c1")) { _ = try await manager.get(id: "c1") }
        await #expect(throws: SessionError.notFound(id: "c1")) { try await manager.delete(id: "c1") }
    }

    @Test("a state evicted from the cache is read back from the store")
    func cacheEviction() async throws {
        let store = InMemorySessionStore()
        let manager = SessionManager(pipeline: try TestPipelines.local(), store: store, cacheCapacity: 1)
        _ = try await manager.create(id: "e1", context: SlotValues([.companyName: "Acme"]))
        _ = try await manager.create(id: "e2")
        _ = try await manager.runTurn(id: "e1", message: "Hello, who is this?")
        #expect(try await manager.get(id: "e1").turns == 1)
        #expect(try await manager.get(id: "e2").turns == 0)
        #expect(await store.count == 2)
    }
}
