import GatewayCacheStores
import Testing

@Suite("Redis URL parsing")
struct RedisURLTests {
    @Test func hostPortAndDatabase() throws {
        let url = try RedisURL(parsing: "redis://cache.internal:6380/2")
        #expect(url.endpoint == .tcp(host: "cache.internal", port: 6380))
        #expect(url.database == 2)
        #expect(url.password == nil)
    }

    @Test func defaults() throws {
        let url = try RedisURL(parsing: "redis://localhost")
        #expect(url.endpoint == .tcp(host: "localhost", port: 6379))
        #expect(url.database == 0)
    }

    @Test func passwordAndUserAreParsedAndNeverShown() throws {
        let plain = try RedisURL(parsing: "redis://:s3cr%40t@127.0.0.1:6379/1")
        #expect(plain.password == "s3cr@t")
        #expect(plain.username == nil)
        #expect(!plain.description.contains("s3cr"))
        #expect(plain.description == "redis://127.0.0.1:6379/1")
        let acl = try RedisURL(parsing: "redis://gateway:pw@[::1]:7000")
        #expect(acl.username == "gateway")
        #expect(acl.password == "pw")
        #expect(acl.endpoint == .tcp(host: "::1", port: 7000))
        #expect(!acl.description.contains("pw"))
    }

    @Test func unixSockets() throws {
        let url = try RedisURL(parsing: "unix:/run/redis/redis.sock?db=3&password=x")
        #expect(url.endpoint == .unix(path: "/run/redis/redis.sock"))
        #expect(url.database == 3)
        #expect(url.password == "x")
        #expect(url.description == "unix:/run/redis/redis.sock?db=3")
        #expect(try RedisURL(parsing: "unix:///tmp/r.sock").endpoint == .unix(path: "/tmp/r.sock"))
    }

    @Test(arguments: ["http://x", "rediss://x:1", "redis://:pw@", "redis://h:0", "redis://h:70000", "redis://h/-1", "unix:relative.sock"])
    func badURLsAreRejectedWithoutEchoingSecrets(text: String) {
        do {
            _ = try RedisURL(parsing: text)
            Issue.record("\(text) should be rejected")
        } catch {
            #expect(!"\(error)".contains("pw"))
        }
    }
}
