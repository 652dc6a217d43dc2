import Foundation
import GatewayCore
import JSONCore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// What every provider's I/O shares: request headers, JSON bodies, sending with error
/// classification, reading bodies, and keeping secrets out of messages. Vendors differ
/// only in their URL, auth header and wire types.
enum ProviderHTTP {
    /// How much of an error body is read to find the vendor's message.
    static let errorBodyLimit = 64 * 1024
    /// The largest non-streamed answer accepted.
    static let responseBodyLimit = 32 * 1024 * 1024

    /// The outgoing headers: the forwarded ones first, then ours, which replace any
    /// forwarded header of the same name.
    static func headers(forwarded: HTTPHeaders, auth: [(String, String)], streaming: Bool) -> HTTPHeaders {
        var headers = forwarded
        headers.replaceOrAdd(name: "content-type", value: "application/json")
        headers.replaceOrAdd(name: "accept", value: streaming ? "text/event-stream" : "application/json")
        for (name, value) in auth {
            headers.replaceOrAdd(name: name, value: value)
        }
        return headers
    }

    /// `baseURL` without trailing slashes, so `{base}/v1/...` never has `//`.
    static func trimmedBase(_ baseURL: String) -> String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return String(base)
    }

    /// Encodes a wire request. Fails only for values JSON cannot hold (NaN, infinity),
    /// which the provider would refuse anyway.
    static func encodeJSON(_ value: some Encodable) throws(UpstreamError) -> ByteBuffer {
        if let direct = value as? any DirectJSONBody, let body = direct.jsonBody() { return body }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        do {
            return try encoder.encodeAsByteBuffer(value, allocator: ByteBufferAllocator())
        } catch {
            throw .rejected(status: 400, message: "the request cannot be encoded as JSON: \(error)")
        }
    }

    /// Decodes a vendor's JSON body; anything else is a malformed response.
    static func decodeJSON<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws(UpstreamError) -> T {
        do {
            return try WireJSON.decode(type, from: body)
        } catch {
            throw .malformedResponse("undecodable \(T.self): \(describe(error))")
        }
    }

    /// A short description of a decoding error, without the whole coding path dump.
    static func describe(_ error: any Error) -> String {
        if let parse = error as? JSONParseError { return parse.description }
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .dataCorrupted(let context):
            return context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return String(describing: decoding)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "top level" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// Seconds from `Retry-After` (delta-seconds or an HTTP date), else `retry-after-ms`.
    static func retryAfter(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
        if let value = headers.first(name: "retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
                return .milliseconds(Int64(seconds * 1000))
            }
            if let date = httpDate(value) {
                return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
            }
        }
        if let value = headers.first(name: "retry-after-ms"), let ms = Double(value), ms.isFinite, ms >= 0 {
            return .milliseconds(Int64(ms))
        }
        return nil
    }

    private static func httpDate(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value)
    }

    /// Classifies a non-2xx answer from its status, `Retry-After` and the vendor's message.
    static func upstreamError(status: Int, headers: HTTPHeaders, body: ByteBuffer, key: APIKey?) -> UpstreamError {
        let message = sanitize(errorMessage(from: body) ?? "HTTP \(status)", key: key)
        return .fromStatus(status, retryAfter: retryAfter(headers), message: message)
    }

    /// The longest upstream text kept in an error message.
    static let messageLimit = 512

    /// Upstream text made safe to show and log: the key redacted first, then shortened, so
    /// a cut can never leave a prefix of the key behind.
    static func sanitize(_ text: String, key: APIKey?) -> String {
        let redacted = redact(text, key: key)
        return redacted.count > messageLimit ? String(redacted.prefix(messageLimit)) + "…" : redacted
    }

    /// Any error a provider call raised, with every upstream text in it sanitized.
    static func sanitize(_ error: any Error, key: APIKey?) -> any Error {
        guard let upstream = error as? UpstreamError else { return error }
        return upstream.mappingText { sanitize($0, key: key) }
    }

    /// The message of `{"error": {"message": ...}}`, the envelope OpenAI, Anthropic and
    /// Gemini all use; else the body's text, shortened.
    static func errorMessage(from body: ByteBuffer) -> String? {
        if let envelope = try? WireJSON.decode(WireErrorEnvelope.self, from: body),
            let message = envelope.error.message, !message.isEmpty
        {
            return message
        }
        let text = String(buffer: body).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Replaces every occurrence of the key (vendors sometimes echo it) with `<redacted>`.
    static func redact(_ text: String, key: APIKey?) -> String {
        guard let secret = key?.value, !secret.isEmpty, text.contains(secret) else { return text }
        return text.replacingOccurrences(of: secret, with: "<redacted>")
    }

    /// Sends the request; returns the response when its status is 2xx, else throws the
    /// classified ``UpstreamError``. Transport failures become `.connectionFailed`;
    /// cancellation propagates as `CancellationError`.
    static func send(
        _ request: TransportRequest, via transport: any HTTPTransport, deadline: NIODeadline, key: APIKey?
    ) async throws -> TransportResponse {
        let response: TransportResponse
        do {
            response = try await transport.execute(request, deadline: deadline)
        } catch {
            throw failure(error, key: key)
        }
        guard (200..<300).contains(response.status) else {
            let body = try await readPrefix(of: response.body, limit: errorBodyLimit)
            throw upstreamError(status: response.status, headers: response.headers, body: body, key: key)
        }
        return response
    }

    /// Reads a 2xx answer's whole body.
    static func readBody(_ response: TransportResponse, key: APIKey?) async throws -> ByteBuffer {
        do {
            return try await response.body.collect(upTo: responseBodyLimit)
        } catch let error as BodyTooLargeError {
            throw UpstreamError.malformedResponse("response body exceeds \(error.limit) bytes")
        } catch {
            throw failure(error, key: key)
        }
    }

    /// `CancellationError` (or any error once the task is cancelled) stays a cancellation;
    /// anything else is a connection failure with a key-free description.
    static func failure(_ error: any Error, key: APIKey?) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let upstream = error as? UpstreamError { return upstream }
        return UpstreamError.connectionFailed(sanitize(String(describing: error), key: key))
    }

    /// The first `limit` bytes of a body (an error body: a broken read keeps what came).
    private static func readPrefix(of body: TransportBody, limit: Int) async throws -> ByteBuffer {
        var result = ByteBuffer()
        do {
            for try await var chunk in body {
                let room = limit - result.readableBytes
                if chunk.readableBytes >= room {
                    if let slice = chunk.readSlice(length: room) { result.writeImmutableBuffer(slice) }
                    break
                }
                result.writeBuffer(&chunk)
            }
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
        }
        return result
    }

    /// The upstream's own service time, from the simulator's `x-sim-service-ms` header.
    static func serviceTime(_ headers: HTTPHeaders) -> Duration? {
        HTTPHeadersServiceTime.serviceTime(headers.first(name: "x-sim-service-ms"))
    }
}

/// `{"error": {"message": ...}}`: the error envelope of all three vendors.
struct WireErrorEnvelope: Decodable {
    struct Body: Decodable {
        var message: String?
        var type: String?
    }

    var error: Body
}
