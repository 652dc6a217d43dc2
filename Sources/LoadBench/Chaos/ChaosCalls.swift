import AsyncHTTPClient
import Foundation
import NIOCore

/// The requests normal clients and agent users send during the chaos run, each turned into
/// a `ChaosSample`. An answer counts only when complete: a JSON 2xx with `choices`, a 2xx
/// stream that reaches `[DONE]` with no error event, a created session, an answered turn.
public struct ChaosCalls: Sendable {
    public let client: HTTPClient
    public let gatewayURL: String
    public let agentURL: String
    public let timeout: TimeAmount
    /// The run's start: every sample's times are seconds from it.
    public let origin: ContinuousClock.Instant

    public init(client: HTTPClient, gatewayURL: String, agentURL: String, timeout: Duration, origin: ContinuousClock.Instant) {
        self.client = client
        self.gatewayURL = gatewayURL
        self.agentURL = agentURL
        self.timeout = .milliseconds(Int64(timeout.seconds * 1000))
        self.origin = origin
    }

    func offset(_ instant: ContinuousClock.Instant) -> Double { (instant - origin).seconds }

    /// Normal client request `index`, due at `due`: aliases alternate, every other pair streams.
    public func chat(index: Int, due: ContinuousClock.Instant) async -> ChaosSample {
        let alias = ChaosConfigs.chatAliases[index % ChaosConfigs.chatAliases.count]
        let stream = index % 4 >= 2
        var request = HTTPClientRequest(url: gatewayURL + "/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        if stream { request.headers.add(name: "accept", value: "text/event-stream") }
        let body = BenchRequest(mode: stream ? .stream : .json, message: "chaos request \(index): how are you today?").body(model: alias)
        request.body = .bytes(ByteBuffer(string: body))
        let kind: ChaosSample.Client = stream ? .chatStream : .chatJSON
        do {
            let response = try await client.execute(request, timeout: timeout)
            let provider = response.headers.first(name: "x-gateway-provider")
            let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
            let end = offset(.now)
            guard (200..<300).contains(response.status.code) else {
                return ChaosSample(client: kind, start: offset(due), end: end, failure: "http_\(response.status.code)", provider: provider)
            }
            let failure = stream ? Self.streamFailure(text) : (text.contains("\"choices\"") ? nil : "bad_body")
            return ChaosSample(client: kind, start: offset(due), end: end, failure: failure, provider: provider)
        } catch {
            return ChaosSample(client: kind, start: offset(due), end: offset(.now), failure: RequestExecutor.kind(of: error).key)
        }
    }

    /// Why a 2xx event stream is not a complete answer, or nil when it is: an error event
    /// is `stream_error:CODE` (its `code`, so a failure says what ended the stream).
    static func streamFailure(_ text: String) -> String? {
        if let error = text.range(of: "\"error\"") {
            let rest = text[error.upperBound...]
            guard let key = rest.range(of: "\"code\":\""),
                let end = rest[key.upperBound...].firstIndex(of: "\"")
            else { return "stream_error" }
            return "stream_error:" + rest[key.upperBound..<end].prefix(40)
        }
        return text.contains("data: [DONE]") ? nil : "stream_unfinished"
    }

    /// `POST /v1/sessions`: the new session's id, or nil with the failed sample.
    func createSession(due: ContinuousClock.Instant) async -> (id: String?, sample: ChaosSample) {
        var request = HTTPClientRequest(url: agentURL + "/v1/sessions")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "{}"))
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            let end = offset(.now)
            guard response.status.code == 201, let id = Self.sessionID(Data(body.readableBytesView)) else {
                return (nil, ChaosSample(client: .agentSession, start: offset(due), end: end, failure: "http_\(response.status.code)"))
            }
            return (id, ChaosSample(client: .agentSession, start: offset(due), end: end))
        } catch {
            return (nil, ChaosSample(client: .agentSession, start: offset(due), end: offset(.now), failure: RequestExecutor.kind(of: error).key))
        }
    }

    /// `POST /v1/sessions/{id}/messages`: answered (200) or not.
    func turn(session: String, message: String, due: ContinuousClock.Instant) async -> ChaosSample {
        var request = HTTPClientRequest(url: agentURL + "/v1/sessions/\(session)/messages")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"message":"# + BenchRequest.quoted(message) + "}"))
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try await response.body.collect(upTo: 4 << 20)
            let failure = response.status.code == 200 ? nil : "http_\(response.status.code)"
            return ChaosSample(client: .agentTurn, start: offset(due), end: offset(.now), failure: failure)
        } catch {
            return ChaosSample(client: .agentTurn, start: offset(due), end: offset(.now), failure: RequestExecutor.kind(of: error).key)
        }
    }

    /// The turn count the agent stores for `session`; nil when it answers 404 (or, after
    /// three tries, does not answer at all: counted as lost, to be looked into).
    func storedTurns(session: String) async -> Int? {
        for _ in 0..<3 {
            let request = HTTPClientRequest(url: agentURL + "/v1/sessions/\(session)")
            guard let response = try? await client.execute(request, timeout: timeout),
                let body = try? await response.body.collect(upTo: 4 << 20)
            else { continue }
            if response.status.code == 404 { return nil }
            if response.status.code == 200,
                let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
                let turns = object["turns"] as? Int
            {
                return turns
            }
        }
        return nil
    }

    static func sessionID(_ data: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
    }
}
