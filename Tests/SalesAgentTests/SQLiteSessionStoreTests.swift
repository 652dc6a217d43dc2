import Foundation
import SalesAgent
import SalesCore
import Testing

/// The SQLite store on a real file: what goes in comes back, across store instances.
@Suite("SQLite session store")
struct SQLiteSessionStoreTests {
    private static func sampleState(id: String = "s1") -> SessionState {
        var state = SessionState(id: id, context: SlotValues([.companyName: "Acme", .teamSize: "12 people"]))
        state.history = [
            .init(role: "customer", text: "We lose a day a week to manual reports."),
            .init(role: "agent", text: "What does that day cost you?"),
        ]
        state.principles = ["spin_implication"]
        state.turns = 1
        state.resistance = 1
        return state
    }

    @Test("save then load returns the same state")
    func roundTrip() async throws {
        try await TempDirectory.with { directory in
            let store = try SQLiteSessionStore(path: directory.file("sessions.sqlite"))
            let state = Self.sampleState()
            try await store.save(state)
            #expect(try await store.load(id: "s1") == state)
            #expect(try await store.load(id: "missing") == nil)
        }
    }

    @Test("a second save replaces the first")
    func overwrite() async throws {
        try await TempDirectory.with { directory in
            let store = try SQLiteSessionStore(path: directory.file("sessions.sqlite"))
            var state = Self.sampleState()
            try await store.save(state)
            state.turns = 2
            state.closed = true
            state.history.append(.init(role: "customer", text: "Please stop contacting me."))
            try await store.save(state)
            #expect(try await store.load(id: "s1") == state)
        }
    }

    @Test("delete removes the state and reports whether there was one")
    func delete() async throws {
        try await TempDirectory.with { directory in
            let store = try SQLiteSessionStore(path: directory.file("sessions.sqlite"))
            try await store.save(Self.sampleState(id: "a"))
            try await store.save(Self.sampleState(id: "b"))
            #expect(try await store.delete(id: "a"))
            #expect(try await !store.delete(id: "a"))
            #expect(try await store.load(id: "a") == nil)
            #expect(try await store.load(id: "b") != nil)
        }
    }

    @Test("a new store on the same file reads what the first wrote")
    func reopen() async throws {
        try await TempDirectory.with { directory in
            let path = directory.file("sessions.sqlite")
            let state = Self.sampleState()
            do {
                let first = try SQLiteSessionStore(path: path)
                try await first.save(state)
                try first.close()
            }
            let second = try SQLiteSessionStore(path: path)
            #expect(try await second.load(id: "s1") == state)
        }
    }

    @Test("a file that cannot be a database is refused with its path")
    func unusableFile() async throws {
        try await TempDirectory.with { directory in
            let path = directory.file("not-a-db.sqlite")
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try SQLiteSessionStore(path: path)
            } throws: { error in
                guard case .cannotOpen(let failedPath, _) = error as? SessionStoreError else { return false }
                return failedPath == path
            }
            let missingDirectory = directory.file("no/such/dir/sessions.sqlite")
            #expect(throws: SessionStoreError.self) { _ = try SQLiteSessionStore(path: missingDirectory) }
        }
    }
}

/// The in-memory store keeps the same contract.
@Suite("In-memory session store")
struct InMemorySessionStoreTests {
    @Test("save, overwrite, load and delete")
    func contract() async throws {
        let store: any SessionStore = InMemorySessionStore()
        var state = SessionState(id: "m1")
        try await store.save(state)
        state.turns = 3
        try await store.save(state)
        #expect(try await store.load(id: "m1") == state)
        #expect(try await store.delete(id: "m1"))
        #expect(try await !store.delete(id: "m1"))
        #expect(try await store.load(id: "m1") == nil)
    }
}
