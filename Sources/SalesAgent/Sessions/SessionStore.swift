/// Where session states live between turns and across restarts.
///
/// A store keeps whole ``SessionState`` values keyed by their id; `save` replaces the
/// stored value atomically, so a reader sees either the old state or the new one.
public protocol SessionStore: Sendable {
    /// The stored state for `id`, or nil when there is none.
    func load(id: String) async throws -> SessionState?
    /// Stores `state` under `state.id`, replacing any earlier value.
    func save(_ state: SessionState) async throws
    /// Removes the state for `id`; returns false when there was none.
    func delete(id: String) async throws -> Bool
}
