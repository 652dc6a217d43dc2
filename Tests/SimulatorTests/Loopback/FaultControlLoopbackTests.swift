import Foundation
import Testing

@testable import Simulator

/// `PUT /sim/faults`: run-time fault rates over the profile's, cleared by `{}`.
@Suite("Run-time fault control over loopback")
struct FaultControlLoopbackTests {
    private let path = "/v1/chat/completions"

    @Test func setThenClear() async throws {
        try await withSim(try zeroProfile()) { server in
            #expect(try await send(server, path, json: openAIBody("before")).status == 200)
            let set = try await send(server, "/sim/faults", method: .PUT, rawBody: #"{"rate_limit":1,"retry_after_s":2}"#)
            #expect(set.status == 200)
            #expect(set.body.contains("rate_limit"))
            let limited = try await send(server, path, json: openAIBody("during"))
            #expect(limited.status == 429)
            #expect(limited.headers.first(name: "retry-after") == "2")
            let cleared = try await send(server, "/sim/faults", method: .PUT, rawBody: "{}")
            #expect(cleared.status == 200)
            #expect(cleared.body == #"{"faults":null}"#)
            #expect(try await send(server, path, json: openAIBody("after")).status == 200)
        }
    }

    @Test func badBodiesAre400AndChangeNothing() async throws {
        try await withSim(try zeroProfile()) { server in
            for body in [#"{"teapot":1}"#, #"{"stall":2}"#, #"{"stall":0.6,"reset":0.6}"#, "[1]", String(repeating: "[", count: 100)] {
                let answer = try await send(server, "/sim/faults", method: .PUT, rawBody: body)
                #expect(answer.status == 400, "\(body)")
            }
            #expect(try await send(server, path, json: openAIBody("still fine")).status == 200)
        }
    }

    @Test func parseIsPure() throws {
        #expect(try SimFaultControl.parse(Array("{}".utf8)) == nil)
        let rates = try #require(try SimFaultControl.parse(Array(#"{"cut":0.5,"stall":0.5,"retry_after_s":3}"#.utf8)))
        #expect(rates.rates == [.cut: 0.5, .stall: 0.5])
        #expect(rates.retryAfterSeconds == 3)
        #expect(throws: SimRequestError.self) { try SimFaultControl.parse(Array(#"{"cut":"yes"}"#.utf8)) }
    }
}
