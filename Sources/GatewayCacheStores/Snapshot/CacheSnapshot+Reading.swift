import Foundation
import GRDB
import GatewayCache

extension CacheSnapshot {
    /// The rows live at `now`, most recently used first; throws ``SnapshotProblem`` for a
    /// SQLite file of another schema, any GRDB error for a file that is not SQLite.
    func readRows(now: CacheInstant, expired: inout Int) throws -> [(key: String, value: [UInt8])] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        let (rows, skipped) = try queue.read { db -> ([(key: String, value: [UInt8])], Int) in
            try Self.checkFormat(db)
            var rows: [(key: String, value: [UInt8])] = []
            var skipped = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT key, value, expires_at FROM cache_entries ORDER BY position")
            while let row = try cursor.next() {
                let expiresAt: Int64 = row["expires_at"]
                guard now.millisecondsSince1970 < expiresAt else {
                    skipped += 1
                    continue
                }
                guard let key = row["key"] as String?, let value = row["value"] as Data? else {
                    throw SnapshotProblem(message: "entry without key or value")
                }
                rows.append((key, Array(value)))
            }
            return (rows, skipped)
        }
        expired = skipped
        return rows
    }

    /// Moves a file at `path` that is not one of our snapshots aside before it is replaced.
    func moveAsideIfForeign(now: CacheInstant) throws {
        guard FileManager.default.fileExists(atPath: path), !isSnapshot() else { return }
        let aside = "\(path).unreadable-\(now.millisecondsSince1970)"
        try FileManager.default.moveItem(atPath: path, toPath: aside)
        logger.warning(
            "cache snapshot path held another file; moved aside before writing",
            metadata: ["snapshot.path": "\(path)", "snapshot.moved_to": "\(aside)"])
    }

    private func isSnapshot() -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        return (try? queue.read { db in try Self.checkFormat(db) }) != nil
    }

    private static func checkFormat(_ db: Database) throws {
        guard try db.tableExists("cache_snapshot_meta"), try db.tableExists("cache_entries") else {
            throw SnapshotProblem(message: "tables missing (another schema)")
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT format, version FROM cache_snapshot_meta") else {
            throw SnapshotProblem(message: "no format row")
        }
        let format: String? = row["format"]
        let version: Int? = row["version"]
        guard format == Self.format else { throw SnapshotProblem(message: "format is not \(Self.format)") }
        guard version == Self.version else { throw SnapshotProblem(message: "unsupported version \(version ?? -1)") }
    }
}
