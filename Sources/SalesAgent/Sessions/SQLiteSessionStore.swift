import Foundation
import GRDB

/// Sessions in a SQLite file (WAL mode), one row per session holding its state as JSON.
///
/// Each save is a single write transaction, so a process killed mid-turn leaves the
/// previous state or the new one, never half of a turn.
public final class SQLiteSessionStore: SessionStore {
    private let database: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    /// Throws ``SessionStoreError/cannotOpen(path:reason:)`` when the file cannot be used.
    public init(path: String) throws {
        self.path = path
        do {
            database = try DatabasePool(path: path)
            try Self.migrator.migrate(database)
        } catch {
            throw SessionStoreError.cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    public func load(id: String) async throws -> SessionState? {
        let json = try await database.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM sessions WHERE id = ?", arguments: [id])
        }
        guard let json else { return nil }
        do {
            return try SessionStateCoding.decode(json)
        } catch {
            throw SessionStoreError.corruptState(id: id, reason: Self.describe(error))
        }
    }

    public func save(_ state: SessionState) async throws {
        let json = try SessionStateCoding.encode(state)
        let updated = state.updatedAt.timeIntervalSince1970
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                    """,
                arguments: [state.id, json, updated])
        }
    }

    public func delete(id: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Closes the database; later calls fail.
    public func close() throws {
        try database.close()
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions") { db in
            try db.create(table: "sessions") { table in
                table.column("id", .text).primaryKey()
                table.column("state", .text).notNull()
                table.column("updated_at", .double)
            }
        }
        return migrator
    }

    private static func describe(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: error)
    }
}

/// A session store that cannot do its job.
public enum SessionStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file cannot be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A stored state no longer decodes.
    case corruptState(id: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the session database: \(reason)"
        case .corruptState(let id, let reason): "session '\(id)': stored state does not decode: \(reason)"
        }
    }
}
