import NIOCore

/// How a server renders its JSON error body, so responses written below the router (408,
/// 503, parser 400s) have the same shape as the router's own errors.
public typealias ErrorBodyRenderer = @Sendable (_ status: Int, _ code: String, _ message: String) -> String

/// A complete HTTP/1.1 response written as raw bytes, for the moments no HTTP encoder is
/// in play (a connection refused at the door, a head that never finished).
enum CannedResponse {
    static func bytes(status: Int, reason: String, body: String, retryAfter: Int? = nil) -> ByteBuffer {
        var head = "HTTP/1.1 \(status) \(reason)\r\ncontent-type: application/json\r\n"
        head += "content-length: \(body.utf8.count)\r\nconnection: close\r\n"
        if let retryAfter { head += "retry-after: \(retryAfter)\r\n" }
        return ByteBuffer(string: head + "\r\n" + body)
    }
}
