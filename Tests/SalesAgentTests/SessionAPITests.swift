import Foundation
import SalesAgent
import SalesCore
import Testing

/// The HTTP API over real loopback with the local backend.
@Suite("Session API (loopback)")
struct SessionAPITests {
    @Test("create, message, read back, delete")
    func lifecycle() async throws {
        try await AgentHarness.run { agent in
            let created = try await agent.post("/v1/sessions", body: #"{"id":"api-1","context":{"company_name":"Acme"}}"#)
            #expect(created.status == 201)
            let state = try created.json()
            #expect(state["id"] as? String == "api-1")
            #expect((state["context"] as? [String: String]) == ["company_name": "Acme"])
            #expect(state["turns"] as? Int == 0)

            let reply = try await agent.message("api-1", "Hi, I'm Dana, ops lead. Our reporting takes two days every month.")
            #expect(reply.status == 200)
            #expect(reply.header("content-type")?.hasPrefix("application/json") == true)
            let turn = try reply.json()
            #expect((turn["reply"] as? String)?.isEmpty == false)
            #expect(Situation(rawValue: turn["situation"] as? String ?? "") != nil)
            #expect((turn["principle"] as? String)?.isEmpty == false)
            #expect(turn["captured_slots"] is [String: String])
            #expect(turn["turn"] as? Int == 1)
            let timings = try #require(turn["timings"] as? [String: Any])
            for key in ["capture", "detect", "reconcile", "select", "generate", "total"] { #expect(timings[key] is Double) }
            let steps = try #require(turn["steps"] as? [String: Any])
            for key in ["capture", "detect", "generate"] {
                #expect((steps[key] as? [String: Any])?["backend"] as? String == "local")
            }
            let session = try #require(turn["session"] as? [String: Any])
            #expect(session["id"] as? String == "api-1")
            #expect(session["turns"] as? Int == 1)
            #expect(session["closed"] as? Bool == false)
            #expect(session["resistance"] is Int)

            let read = try await agent.get("/v1/sessions/api-1")
            #expect(read.status == 200)
            let after = try read.json()
            #expect(after["turns"] as? Int == 1)
            #expect((after["history"] as? [[String: String]])?.count == 2)
            let context = try #require(after["context"] as? [String: String])
            #expect(context["company_name"] == "Acme")
            for (slot, value) in turn["captured_slots"] as? [String: String] ?? [:] { #expect(context[slot] == value) }

            #expect(try await agent.delete("/v1/sessions/api-1").status == 204)
            #expect(try await agent.get("/v1/sessions/api-1").status == 404)
            #expect(try await agent.get("/health").status == 200)
        }
    }

    @Test("a session created without a body gets a generated id")
    func createWithoutBody() async throws {
        try await AgentHarness.run { agent in
            let created = try await agent.post("/v1/sessions", body: nil, contentType: nil)
            #expect(created.status == 201)
            let id = try #require(try created.json()["id"] as? String)
            #expect(SessionID.isValid(id))
            #expect(try await agent.get("/v1/sessions/\(id)").status == 200)
        }
    }

    @Test("stream: true answers delta events, then the turn, then done")
    func streamsByBody() async throws {
        try await AgentHarness.run { agent in
            let id = try await agent.createSession(id: "sse-1")
            let reply = try await agent.post(
                "/v1/sessions/\(id)/messages", body: #"{"message":"How much does it cost for a team of 12?","stream":true}"#)
            try Self.checkStream(reply, turn: 1)
        }
    }

    @Test("Accept: text/event-stream also streams")
    func streamsByAcceptHeader() async throws {
        try await AgentHarness.run { agent in
            let id = try await agent.createSession()
            let reply = try await agent.message(id, "Hello there.", headers: [("accept", "text/event-stream")])
            try Self.checkStream(reply, turn: 1)
            #expect(try await agent.get("/v1/sessions/\(id)").json()["turns"] as? Int == 1)
        }
    }

    private static func checkStream(_ reply: AgentHarness.Reply, turn: Int) throws {
        #expect(reply.status == 200)
        #expect(reply.header("content-type")?.hasPrefix("text/event-stream") == true)
        let events = SSEEvents.parse(reply.body)
        let names = events.map(\.name)
        let deltas = names.prefix { $0 == "delta" }.count
        #expect(deltas >= 1, "no delta events: \(names)")
        #expect(Array(names.dropFirst(deltas)) == ["turn", "done"])
        let result = try jsonObject(try #require(events.first { $0.name == "turn" }).data)
        let text = try events.filter { $0.name == "delta" }.map { try jsonObject($0.data)["text"] as? String ?? "" }.joined()
        #expect(!text.isEmpty)
        #expect(text == result["reply"] as? String)
        #expect(result["turn"] as? Int == turn)
        #expect((result["session"] as? [String: Any])?["turns"] as? Int == turn)
        #expect(events.last?.data == "{}")
    }
}

/// Server-sent events split into (event, data) pairs.
enum SSEEvents {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    static func parse(_ body: String) -> [Event] {
        body.components(separatedBy: "\n\n").compactMap { block in
            var name = "message"
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            return data.isEmpty ? nil : Event(name: name, data: data.joined(separator: "\n"))
        }
    }
}
