import Foundation

/// Where and how to reach Redis, parsed from `redis://[[user]:password@]host[:port][/db]`
/// or `unix:PATH[?db=N&password=P]`. The password is kept out of ``description``.
public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    /// A TCP host and port, or a Unix socket path.
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    /// Where to connect.
    public var endpoint: Endpoint
    /// The ACL user (`AUTH user password`), if any.
    public var username: String?
    /// The password (`AUTH`), if any. Never logged.
    public var password: String?
    /// The database to `SELECT` (0 by default).
    public var database: Int

    /// A parsed URL, or an error naming what is wrong (never echoing the password).
    public init(parsing text: String) throws(RedisURLError) {
        if text.hasPrefix("unix:") {
            try self.init(unix: String(text.dropFirst("unix:".count)))
        } else if text.hasPrefix("redis://") {
            try self.init(tcp: String(text.dropFirst("redis://".count)))
        } else if text.hasPrefix("rediss://") {
            throw .unsupported("rediss:// (TLS) is not supported")
        } else {
            throw .unsupported("expected redis://host:port/db or unix:PATH")
        }
    }

    /// The URL without credentials, safe for logs.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "redis://\(shown):\(port)/\(database)"
        case .unix(let path):
            return database == 0 ? "unix:\(path)" : "unix:\(path)?db=\(database)"
        }
    }

    private init(unix rest: String) throws(RedisURLError) {
        var path = rest.hasPrefix("//") ? String(rest.dropFirst(2)) : rest
        var database = 0
        var password: String?
        if let mark = path.firstIndex(of: "?") {
            for pair in path[path.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw .invalid("query item without a value") }
                switch parts[0] {
                case "db": database = try Self.database(parts[1])
                case "password": password = parts[1].removingPercentEncoding ?? parts[1]
                default: throw .invalid("unknown query item \(parts[0])")
                }
            }
            path = String(path[..<mark])
        }
        guard path.hasPrefix("/") else { throw .invalid("a unix socket path must be absolute") }
        self.endpoint = .unix(path: path)
        self.username = nil
        self.password = password
        self.database = database
    }

    private init(tcp rest: String) throws(RedisURLError) {
        var authority = Substring(rest)
        var database = 0
        if let slash = authority.firstIndex(of: "/") {
            let tail = authority[authority.index(after: slash)...]
            if !tail.isEmpty { database = try Self.database(String(tail)) }
            authority = authority[..<slash]
        }
        var username: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let user = String(credentials[..<colon])
                username = user.isEmpty ? nil : user.removingPercentEncoding ?? user
                let secret = String(credentials[credentials.index(after: colon)...])
                password = secret.removingPercentEncoding ?? secret
            } else {
                password = String(credentials).removingPercentEncoding ?? String(credentials)
            }
        }
        let (host, port) = try Self.hostAndPort(authority)
        self.endpoint = .tcp(host: host, port: port)
        self.username = username
        self.password = password
        self.database = database
    }

    private static func hostAndPort(_ authority: Substring) throws(RedisURLError) -> (String, Int) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalid("unclosed [ in host") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw .invalid("unexpected text after ]")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { throw .invalid("missing host") }
        guard let portText else { return (String(host), 6379) }
        guard let port = Int(portText), (1...65535).contains(port) else { throw .invalid("bad port") }
        return (String(host), port)
    }

    private static func database(_ text: String) throws(RedisURLError) -> Int {
        guard let value = Int(text), value >= 0 else { throw .invalid("bad database number") }
        return value
    }
}

/// A Redis URL that cannot be used; the message never contains the password.
public enum RedisURLError: Error, Sendable, Hashable {
    case unsupported(String)
    case invalid(String)
}
