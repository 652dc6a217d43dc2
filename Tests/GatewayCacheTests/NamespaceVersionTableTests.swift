import GatewayCache
import Testing

@Suite("Namespace versions")
struct NamespaceVersionTableTests {
    let now = Fixtures.t0

    @Test func refreshesOneCallerAtATimeWhenStale() {
        var table = NamespaceVersionTable(refreshInterval: .seconds(1))
        #expect(table.current("default", now: now) == (0, true))
        #expect(table.current("default", now: now) == (0, false))
        table.observed("default", version: 4, now: now)
        #expect(table.current("default", now: now + .milliseconds(999)) == (4, false))
        #expect(table.current("default", now: now + .seconds(1)) == (4, true))
    }

    @Test func versionsNeverGoBack() {
        var table = NamespaceVersionTable(refreshInterval: .seconds(1))
        #expect(table.bumpedLocally("default", now: now) == 1)
        #expect(table.observed("default", version: 0, now: now) == 1)
        #expect(table.observed("default", version: 5, now: now) == 5)
    }

    @Test func aFailedRefreshKeepsTheKnownVersion() {
        var table = NamespaceVersionTable(refreshInterval: .seconds(1))
        table.observed("default", version: 2, now: now)
        _ = table.current("default", now: now + .seconds(2))
        table.refreshFailed("default", now: now + .seconds(2))
        #expect(table.current("default", now: now + .seconds(2)) == (2, false))
    }
}
