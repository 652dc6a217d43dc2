/// A store that keeps states in memory only: for tests and throwaway agents.
public actor InMemorySessionStore: SessionStore {
    private var states: [String: SessionState] = [:]

    /// An empty store.
    public init() {}

    /// The stored state for `id`, or nil.
    public func load(id: String) -> SessionState? {
        states[id]
    }

    /// Stores `state`, replacing any earlier value.
    public func save(_ state: SessionState) {
        states[state.id] = state
    }

    /// Removes the state for `id`; returns false when there was none.
    public func delete(id: String) -> Bool {
        states.removeValue(forKey: id) != nil
    }

    /// How many sessions are stored.
    public var count: Int { states.count }
}
