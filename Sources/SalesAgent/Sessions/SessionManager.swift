import SalesCore

/// The agent's sessions: a cache in front of a persistent ``SessionStore``, and the one
/// place turns run.
///
/// * Write-through: a turn's new state is saved before its result is returned, so an
///   answered turn survives a crash.
/// * One turn at a time per session: a second turn that arrives while one runs fails
///   with ``SessionError/busy(id:)`` instead of interleaving.
/// * A refused request changes nothing.
public actor SessionManager {
    /// The pipeline every turn runs through.
    public nonisolated let pipeline: TurnPipeline
    /// Where states persist.
    public nonisolated let store: any SessionStore
    private let cacheCapacity: Int
    private var cache: [String: SessionState] = [:]
    /// Sessions with a turn, a creation or a deletion under way.
    private var busy: Set<String> = []

    /// - Parameter cacheCapacity: states kept in memory; older ones are read back from the store.
    public init(pipeline: TurnPipeline, store: any SessionStore, cacheCapacity: Int = 10_000) {
        self.pipeline = pipeline
        self.store = store
        self.cacheCapacity = max(1, cacheCapacity)
    }

    /// Starts a session; a random id is generated when `id` is nil.
    /// Throws ``SessionError/alreadyExists(id:)`` or ``SessionError/invalidID(_:)``.
    public func create(id: String? = nil, context: SlotValues = SlotValues()) async throws -> SessionState {
        let id = id ?? SessionID.generate()
        guard SessionID.isValid(id) else { throw SessionError.invalidID(id) }
        guard !busy.contains(id) else { throw SessionError.alreadyExists(id: id) }
        busy.insert(id)
        defer { busy.remove(id) }
        if try await lookup(id) != nil { throw SessionError.alreadyExists(id: id) }
        let state = SessionState(id: id, context: context)
        try await store.save(state)
        remember(state)
        return state
    }

    /// The session's current state. Throws ``SessionError/notFound(id:)``.
    public func get(id: String) async throws -> SessionState {
        guard let state = try await lookup(id) else { throw SessionError.notFound(id: id) }
        return state
    }

    /// Removes the session. Throws ``SessionError/notFound(id:)``, or
    /// ``SessionError/busy(id:)`` while one of its turns runs.
    public func delete(id: String) async throws {
        guard !busy.contains(id) else { throw SessionError.busy(id: id) }
        busy.insert(id)
        defer { busy.remove(id) }
        let cached = cache.removeValue(forKey: id) != nil
        let stored = try await store.delete(id: id)
        guard cached || stored else { throw SessionError.notFound(id: id) }
    }

    /// Runs one customer turn and returns its result once the new state is saved.
    /// `onDelta` receives the reply as it is generated.
    public func runTurn(
        id: String, message: String, onDelta: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> TurnResult {
        try await runTurnReturningSession(id: id, message: message, onDelta: onDelta).result
    }

    /// ``runTurn(id:message:onDelta:)`` that also returns the saved state.
    public func runTurnReturningSession(
        id: String, message: String, onDelta: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> (result: TurnResult, session: SessionState) {
        guard message.contains(where: { !$0.isWhitespace }) else { throw SessionError.emptyMessage }
        let state = try await beginTurn(id)
        defer { busy.remove(id) }
        let (result, next) = await pipeline.run(state, message: message, onDelta: onDelta)
        // The reply exists now: save it even if our caller is cancelled meanwhile.
        let store = self.store
        try await Task { try await store.save(next) }.value
        remember(next)
        return (result, next)
    }

    /// Throws what ``runTurn(id:message:onDelta:)`` would throw before running, without
    /// running anything: lets a streaming response refuse before its head is sent.
    public func checkAcceptsTurn(id: String) async throws {
        guard !busy.contains(id) else { throw SessionError.busy(id: id) }
        let state = try await get(id: id)
        guard !state.closed else { throw SessionError.closed(id: id) }
    }

    /// Marks the session busy and returns its state, or throws without marking it.
    private func beginTurn(_ id: String) async throws -> SessionState {
        guard !busy.contains(id) else { throw SessionError.busy(id: id) }
        busy.insert(id)
        do {
            guard let state = try await lookup(id) else { throw SessionError.notFound(id: id) }
            guard !state.closed else { throw SessionError.closed(id: id) }
            return state
        } catch {
            busy.remove(id)
            throw error
        }
    }

    private func lookup(_ id: String) async throws -> SessionState? {
        if let state = cache[id] { return state }
        guard let state = try await store.load(id: id) else { return nil }
        remember(state)
        return state
    }

    /// Caches `state`, making room by dropping an idle entry: the store holds them all.
    private func remember(_ state: SessionState) {
        if cache[state.id] == nil, cache.count >= cacheCapacity,
            let idle = cache.keys.first(where: { !busy.contains($0) })
        {
            cache.removeValue(forKey: idle)
        }
        cache[state.id] = state
    }
}
