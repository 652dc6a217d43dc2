import Foundation
import GRDB
import GatewayCache
import Logging

/// What ``CacheSnapshot/load(into:now:)`` found.
public struct SnapshotLoad: Sendable, Hashable {
    /// Entries put into the memory tier.
    public var loaded: Int
    /// Entries skipped because they had expired.
    public var expired: Int
    /// Entries skipped because their bytes did not decode.
    public var undecodable: Int
    /// Why nothing was loaded, when the file was unreadable or not a snapshot.
    public var problem: String?

    /// An outcome (for tests).
    public init(loaded: Int = 0, expired: Int = 0, undecodable: Int = 0, problem: String? = nil) {
        self.loaded = loaded
        self.expired = expired
        self.undecodable = undecodable
        self.problem = problem
    }
}

/// The warm-restart file of the memory tier: SQLite through GRDB.
///
/// Format 1: a table `cache_snapshot_meta(format, version, written_at)` holding one row
/// (`llm-gateway-cache-snapshot`, 1, ms since 1970) and `cache_entries(key TEXT PRIMARY KEY,
/// value BLOB, expires_at INTEGER, position INTEGER)` with ``CachedAnswerCodec`` bytes,
/// position 0 being the most recently used. A write goes to `PATH.tmp` in one transaction,
/// then is renamed over `PATH`, so a crash leaves the old snapshot or the new one.
///
/// Reading never throws: a missing file is an empty start; an unreadable or foreign file is
/// an empty start with one warning naming the file, which is left where it is. A later write
/// never overwrites such a file: it is first moved aside to `PATH.unreadable-<ms>` and a
/// warning says so.
public struct CacheSnapshot: Sendable {
    /// The snapshot file.
    public let path: String
    let logger: Logger

    static let format = "llm-gateway-cache-snapshot"
    static let version = 1

    /// A snapshot kept at `path`.
    public init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    /// Writes every live entry of `memory`; returns how many.
    @discardableResult
    public func write(from memory: MemoryCacheStore, now: CacheInstant) throws -> Int {
        try write(memory.liveEntries(), now: now)
    }

    /// Writes `entries` (most recently used first) atomically; returns how many.
    @discardableResult
    public func write(_ entries: [(storageKey: String, answer: CachedAnswer)], now: CacheInstant) throws -> Int {
        let temporary = path + ".tmp"
        let files = FileManager.default
        if files.fileExists(atPath: temporary) { try files.removeItem(atPath: temporary) }
        let queue = try DatabaseQueue(path: temporary)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE cache_snapshot_meta (format TEXT NOT NULL, version INTEGER NOT NULL,
                    written_at INTEGER NOT NULL);
                CREATE TABLE cache_entries (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL,
                    expires_at INTEGER NOT NULL, position INTEGER NOT NULL);
                """)
            try db.execute(
                sql: "INSERT INTO cache_snapshot_meta VALUES (?, ?, ?)",
                arguments: [Self.format, Self.version, now.millisecondsSince1970])
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO cache_entries VALUES (?, ?, ?, ?)")
            for (position, entry) in entries.enumerated() {
                let bytes = Data(CachedAnswerCodec.encode(entry.answer))
                try insert.execute(arguments: [entry.storageKey, bytes, entry.answer.expiresAt.millisecondsSince1970, position])
            }
        }
        try queue.close()
        try moveAsideIfForeign(now: now)
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return entries.count
    }

    /// Reads the file into `memory`, oldest first so recency survives, skipping entries
    /// expired at `now`. Never throws; problems are logged once and returned.
    @discardableResult
    public func load(into memory: MemoryCacheStore, now: CacheInstant) -> SnapshotLoad {
        var result = SnapshotLoad()
        guard FileManager.default.fileExists(atPath: path) else { return result }
        let rows: [(key: String, value: [UInt8])]
        do {
            rows = try readRows(now: now, expired: &result.expired)
        } catch let problem as SnapshotProblem {
            result.problem = problem.message
            logger.warning(
                "cache snapshot is not a cache snapshot; starting empty, file left in place",
                metadata: ["snapshot.path": "\(path)", "snapshot.problem": "\(problem.message)"])
            return result
        } catch {
            result.problem = "\(error)"
            logger.warning(
                "cache snapshot unreadable; starting empty, file left in place",
                metadata: ["snapshot.path": "\(path)", "snapshot.error": "\(error)"])
            return result
        }
        for row in rows.reversed() {
            guard let answer = try? CachedAnswerCodec.decode(row.value) else {
                result.undecodable += 1
                continue
            }
            if memory.put(storageKey: row.key, answer, valueBytes: row.value.count) { result.loaded += 1 }
        }
        if result.undecodable > 0 {
            logger.warning(
                "cache snapshot entries skipped: undecodable",
                metadata: ["snapshot.path": "\(path)", "snapshot.skipped": "\(result.undecodable)"])
        }
        return result
    }

    /// Writes a snapshot every `interval`, and once more when the task is cancelled
    /// (graceful shutdown). Write failures are logged and retried at the next interval.
    public func runPeriodically(from memory: MemoryCacheStore, every interval: Duration, clock: any WallClock) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            writeLogging(memory, now: clock.now())
        }
        writeLogging(memory, now: clock.now())
    }

    private func writeLogging(_ memory: MemoryCacheStore, now: CacheInstant) {
        do {
            try write(from: memory, now: now)
        } catch {
            logger.warning("cache snapshot write failed", metadata: ["snapshot.path": "\(path)", "snapshot.error": "\(error)"])
        }
    }
}

/// The file opened as SQLite but is not one of our snapshots.
struct SnapshotProblem: Error {
    var message: String
}
