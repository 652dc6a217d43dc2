import Foundation
import GRDB
import GatewayCache
import GatewayCacheStores
import Testing

@Suite("SQLite snapshot of the memory tier")
final class CacheSnapshotTests: Sendable {
    let clock = ManualWallClock()
    /// This test's own folder, removed when the test ends.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-snapshot-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    func temporaryPath() throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("cache-\(UUID().uuidString.prefix(8)).sqlite").path
    }

    func key(_ text: String) -> CacheKey {
        CacheKey(namespace: "default", version: 0, digest: RequestDigest(hashing: Array(text.utf8)))
    }

    @Test func roundTripsLiveEntriesWithTheirRecency() throws {
        let path = try temporaryPath()
        let logs = LogCapture()
        let snapshot = CacheSnapshot(path: path, logger: logs.logger())
        let memory = MemoryCacheStore(clock: clock)
        for name in ["a", "b", "c"] { memory.put(key(name), Fixtures.answer(now: clock.now())) }
        _ = memory.get(key("a"))
        #expect(try snapshot.write(from: memory, now: clock.now()) == 3)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))

        let restarted = MemoryCacheStore(clock: clock)
        let load = snapshot.load(into: restarted, now: clock.now())
        #expect(load == SnapshotLoad(loaded: 3, expired: 0, undecodable: 0, problem: nil))
        #expect(restarted.liveEntries().map(\.storageKey) == memory.liveEntries().map(\.storageKey))
        #expect(restarted.get(key("b")) == Fixtures.answer(now: clock.now()))
        #expect(logs.messages.isEmpty)
    }

    @Test func expiredEntriesAreSkipped() throws {
        let path = try temporaryPath()
        let snapshot = CacheSnapshot(path: path, logger: LogCapture().logger())
        let memory = MemoryCacheStore(clock: clock)
        memory.put(key("short"), Fixtures.answer(now: clock.now(), ttl: .seconds(10)))
        memory.put(key("long"), Fixtures.answer(now: clock.now(), ttl: .seconds(1000)))
        try snapshot.write(from: memory, now: clock.now())
        clock.advance(by: .seconds(60))
        let restarted = MemoryCacheStore(clock: clock)
        let load = snapshot.load(into: restarted, now: clock.now())
        #expect(load.loaded == 1)
        #expect(load.expired == 1)
        #expect(restarted.get(key("long")) != nil)
    }

    @Test func aMissingFileIsASilentEmptyStart() throws {
        let logs = LogCapture()
        let load = CacheSnapshot(path: try temporaryPath(), logger: logs.logger()).load(into: MemoryCacheStore(clock: clock), now: clock.now())
        #expect(load == SnapshotLoad())
        #expect(logs.messages.isEmpty)
    }

    @Test func aCorruptFileStartsEmptyWithOneWarningAndIsKept() throws {
        let path = try temporaryPath()
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let logs = LogCapture()
        let memory = MemoryCacheStore(clock: clock)
        let load = CacheSnapshot(path: path, logger: logs.logger()).load(into: memory, now: clock.now())
        #expect(load.loaded == 0)
        #expect(load.problem != nil)
        #expect(memory.stats.entries == 0)
        #expect(logs.messages.count == 1)
        #expect(logs.count(containing: path) == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func aForeignSQLiteFileStartsEmptyWithOneWarningAndIsNeverOverwritten() throws {
        let path = try temporaryPath()
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(sql: "CREATE TABLE sessions (id TEXT PRIMARY KEY, body BLOB)")
                try db.execute(sql: "INSERT INTO sessions VALUES ('s1', x'00')")
            }
            try other.close()
        }
        let logs = LogCapture()
        let snapshot = CacheSnapshot(path: path, logger: logs.logger())
        let memory = MemoryCacheStore(clock: clock)
        let load = snapshot.load(into: memory, now: clock.now())
        #expect(load.loaded == 0)
        #expect(load.problem != nil)
        #expect(logs.messages.count == 1)
        #expect(logs.count(containing: path) == 1)
        #expect(FileManager.default.fileExists(atPath: path))

        // The next snapshot moves the foreign file aside (and says so) instead of replacing it.
        memory.put(key("a"), Fixtures.answer(now: clock.now()))
        try snapshot.write(from: memory, now: clock.now())
        let aside = path + ".unreadable-\(clock.now().millisecondsSince1970)"
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(logs.count(containing: "moved aside") == 1)
        let kept = try DatabaseQueue(path: aside)
        #expect(try kept.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") } == 1)
        #expect(snapshot.load(into: MemoryCacheStore(clock: clock), now: clock.now()).loaded == 1)
    }

    @Test func aPeriodicWriterWritesOnceMoreWhenCancelled() async throws {
        let path = try temporaryPath()
        let snapshot = CacheSnapshot(path: path, logger: LogCapture().logger())
        let memory = MemoryCacheStore(clock: clock)
        memory.put(key("a"), Fixtures.answer(now: clock.now()))
        let writer = Task { await snapshot.runPeriodically(from: memory, every: .seconds(3600), clock: clock) }
        writer.cancel()
        await writer.value
        #expect(snapshot.load(into: MemoryCacheStore(clock: clock), now: clock.now()).loaded == 1)
    }
}
