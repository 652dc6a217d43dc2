import AsyncHTTPClient
import Foundation
import NIOHTTP1
import SalesAgent
import SalesCore
import Testing

/// Every client mistake gets a 4xx JSON error naming the problem, and changes nothing.
@Suite("Session API bad input (loopback)")
struct BadInputTests {
    /// A bad message request: body, content type, expected status and code.
    struct MessageCase: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var contentType: String? = "application/json"
        var status: Int
        var code: String
        var testDescription: String { name }
    }

    static let messageCases: [MessageCase] = [
        .init(name: "malformed JSON", body: #"{"message": "hi""#, status: 400, code: "malformed_json"),
        // Issue 8, finding 1: 513 brackets trapped Foundation's decoder and killed the agent.
        .init(name: "513 open brackets", body: String(repeating: "[", count: 513), status: 400, code: "malformed_json"),
        .init(name: "nested 65 deep", body: #"{"message":"hi","x":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}", status: 400, code: "malformed_json"),
        .init(name: "not JSON at all", body: "message=hi", status: 400, code: "malformed_json"),
        .init(name: "empty body", body: "", status: 400, code: "malformed_json"),
        .init(name: "array body", body: #"["hi"]"#, status: 400, code: "invalid_body"),
        .init(name: "missing message", body: #"{"text":"hi"}"#, status: 400, code: "invalid_message"),
        .init(name: "empty message", body: #"{"message":""}"#, status: 400, code: "invalid_message"),
        .init(name: "blank message", body: #"{"message":"  \n\t "}"#, status: 400, code: "invalid_message"),
        .init(name: "number message", body: #"{"message":42}"#, status: 400, code: "invalid_message"),
        .init(name: "null message", body: #"{"message":null}"#, status: 400, code: "invalid_message"),
        .init(name: "non-boolean stream", body: #"{"message":"hi","stream":"yes"}"#, status: 400, code: "invalid_field"),
        .init(name: "text/plain", body: #"{"message":"hi"}"#, contentType: "text/plain", status: 415, code: "unsupported_media_type"),
        .init(name: "no content type", body: #"{"message":"hi"}"#, contentType: nil, status: 415, code: "unsupported_media_type"),
        .init(
            name: "body over 64 KiB", body: #"{"message":""# + String(repeating: "a", count: 70_000) + #""}"#, status: 413,
            code: "payload_too_large"),
    ]

    @Test("bad message requests are refused and leave the session unchanged", arguments: messageCases)
    func badMessage(_ bad: MessageCase) async throws {
        try await AgentHarness.run { agent in
            let id = try await agent.createSession(id: "bad-1", context: ["company_name": "Acme"])
            _ = try await agent.message(id, "We have about 30 people in support.")
            let before = try await agent.get("/v1/sessions/\(id)").body
            let reply = try await agent.post("/v1/sessions/\(id)/messages", body: bad.body, contentType: bad.contentType)
            #expect(reply.status == bad.status, "\(reply.body)")
            #expect(try reply.errorCode() == bad.code)
            #expect(try reply.errorMessage()?.isEmpty == false)
            #expect(reply.header("content-type")?.hasPrefix("application/json") == true)
            #expect(try await agent.get("/v1/sessions/\(id)").body == before)
        }
    }

    @Test("bad create requests: unknown slot named, wrong types, bad or taken ids")
    func badCreate() async throws {
        try await AgentHarness.run { agent in
            let deep = try await agent.post("/v1/sessions", body: String(repeating: "[", count: 513))
            #expect(deep.status == 400)
            #expect(try deep.errorMessage()?.contains("deeper than 64 levels") == true)
            let unknown = try await agent.post("/v1/sessions", body: #"{"context":{"company_name":"Acme","favourite_colour":"blue"}}"#)
            #expect(unknown.status == 400)
            #expect(try unknown.errorCode() == "unknown_slot")
            #expect(try unknown.errorMessage()?.contains("favourite_colour") == true)

            let cases: [(String, Int, String)] = [
                (#"{"context":{"company_name":7}}"#, 400, "invalid_field"),
                (#"{"context":["company_name"]}"#, 400, "invalid_field"),
                (#"{"id":12}"#, 400, "invalid_field"),
                (#"{"id":"has space"}"#, 400, "invalid_session_id"),
                (#"{"id":""}"#, 400, "invalid_session_id"),
                (#"{"id": "#, 400, "malformed_json"),
                (#""just a string""#, 400, "invalid_body"),
            ]
            for (body, status, code) in cases {
                let reply = try await agent.post("/v1/sessions", body: body)
                #expect(reply.status == status, "\(body) → \(reply.body)")
                #expect(try reply.errorCode() == code, "\(body) → \(reply.body)")
            }
            let plain = try await agent.post("/v1/sessions", body: "{}", contentType: "text/plain")
            #expect(plain.status == 415)
            #expect(try plain.errorCode() == "unsupported_media_type")

            _ = try await agent.createSession(id: "taken")
            let taken = try await agent.post("/v1/sessions", body: #"{"id":"taken"}"#)
            #expect(taken.status == 409)
            #expect(try taken.errorCode() == "session_exists")
            #expect(try await agent.get("/v1/sessions/taken").json()["turns"] as? Int == 0)
        }
    }

    @Test("unknown sessions and routes are 404 with a JSON error")
    func notFound() async throws {
        try await AgentHarness.run { agent in
            let checks: [(AgentHarness.Reply, String)] = [
                (try await agent.get("/v1/sessions/nope"), "session_not_found"),
                (try await agent.delete("/v1/sessions/nope"), "session_not_found"),
                (try await agent.message("nope", "hello"), "session_not_found"),
                (try await agent.post("/v1/sessions/nope/messages", body: #"{"message":"hi","stream":true}"#), "session_not_found"),
                (try await agent.get("/v1/nothing-here"), "not_found"),
                (try await agent.send(.PUT, "/v1/sessions/nope", body: "{}", contentType: "application/json"), "not_found"),
            ]
            for (reply, code) in checks {
                #expect(reply.status == 404, "\(reply.body)")
                #expect(try reply.errorCode() == code)
            }
        }
    }

    @Test("a closed session refuses messages with 409 and stays as it was")
    func closedSession() async throws {
        let store: any SessionStore = InMemorySessionStore()
        var closed = SessionState(id: "closed-1", context: SlotValues([.contactName: "Dana"]))
        closed.closed = true
        closed.turns = 1
        closed.history = [.init(role: "customer", text: "Stop emailing me."), .init(role: "agent", text: "Understood.")]
        try await store.save(closed)
        try await AgentHarness.run(store: store) { agent in
            let before = try await agent.get("/v1/sessions/closed-1").body
            for headers in [[], [("accept", "text/event-stream")]] {
                let reply = try await agent.message("closed-1", "Wait, one question.", headers: headers)
                #expect(reply.status == 409)
                #expect(try reply.errorCode() == "session_closed")
                #expect(try reply.errorMessage() == "session closed for outreach")
            }
            #expect(try await agent.get("/v1/sessions/closed-1").body == before)
        }
        #expect(try await store.load(id: "closed-1") == closed)
    }

    @Test("an opt-out over HTTP closes the session; the next message is 409")
    func optOutOverHTTP() async throws {
        let pipeline = try TestPipelines.local(detect: FixedDetectStep(situation: .optOut))
        try await AgentHarness.run(pipeline: pipeline) { agent in
            let id = try await agent.createSession()
            let turn = try await agent.message(id, "Please take me off your list.").json()
            #expect(turn["session_closed"] as? Bool == true)
            #expect((turn["session"] as? [String: Any])?["closed"] as? Bool == true)
            let again = try await agent.message(id, "Hello?")
            #expect(again.status == 409)
            #expect(try again.errorCode() == "session_closed")
            #expect(try await agent.get("/v1/sessions/\(id)").json()["turns"] as? Int == 1)
        }
    }

    @Test("a message while the session's turn runs is 409 busy and does not interleave")
    func busySession() async throws {
        let gate = Gate()
        let pipeline = try TestPipelines.local(generate: GatedGenerateStep(gate: gate))
        try await AgentHarness.run(pipeline: pipeline) { agent in
            let id = try await agent.createSession(id: "busy-1")
            try await withThrowingTaskGroup(of: AgentHarness.Reply.self) { group in
                group.addTask { try await agent.message(id, "First question.") }
                await gate.nextArrival()
                for headers in [[], [("accept", "text/event-stream")]] {
                    let second = try await agent.message(id, "Second question.", headers: headers)
                    #expect(second.status == 409)
                    #expect(try second.errorCode() == "session_busy")
                }
                let deleting = try await agent.delete("/v1/sessions/\(id)")
                #expect(deleting.status == 409)
                await gate.open()
                let first = try #require(try await group.next())
                #expect(first.status == 200)
                #expect(try first.json()["turn"] as? Int == 1)
            }
            let state = try await agent.get("/v1/sessions/\(id)").json()
            #expect(state["turns"] as? Int == 1)
            #expect((state["history"] as? [[String: String]])?.map { $0["text"] ?? "" } == ["First question.", "Held reply."])
        }
    }
}
