import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

/// `sales-agent serve` as a real process: a SIGKILL after answered turns loses none of them.
@Suite(
    "sales-agent serve process",
    .enabled(if: AgentProcess.binary() != nil, "the sales-agent binary is not built next to the tests (swift build builds it)"))
struct KillRecoveryTests {
    @Test("answered turns survive kill -9; a restarted agent carries on from them")
    func survivesKill9() async throws {
        let binary = try #require(AgentProcess.binary())
        try await TempDirectory.with { directory in
            let db = directory.file("sessions.sqlite")
            let arguments = ["--db", db, "--backend", "local"]
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            var processes: [AgentProcess] = []
            defer { for process in processes { process.process.terminateIfRunning() } }
            do {
                let first = try await AgentProcess.start(binary: binary, arguments: arguments)
                processes.append(first)
                let created = try await send(client, first.baseURL, .POST, "/v1/sessions",
                    #"{"id":"k9","context":{"company_name":"Acme","contact_name":"Dana"}}"#)
                #expect(created.status == 201, "\(created.body)")
                var captured: [String: String] = ["company_name": "Acme", "contact_name": "Dana"]
                for (number, text) in [
                    (1, "We're a 40-person logistics team and month-end reporting takes us two full days."),
                    (2, "Our budget is around $20k a year and I decide with our CFO."),
                ] {
                    let reply = try await send(client, first.baseURL, .POST, "/v1/sessions/k9/messages", try jsonText(["message": text]))
                    #expect(reply.status == 200, "\(reply.body)")
                    let turn = try reply.json()
                    #expect(turn["turn"] as? Int == number)
                    captured.merge(turn["captured_slots"] as? [String: String] ?? [:]) { $1 }
                }
                try await first.kill9()

                let second = try await AgentProcess.start(binary: binary, arguments: arguments)
                processes.append(second)
                let read = try await send(client, second.baseURL, .GET, "/v1/sessions/k9")
                #expect(read.status == 200, "\(read.body)")
                let state = try read.json()
                #expect(state["turns"] as? Int == 2)
                #expect((state["history"] as? [[String: String]])?.count == 4)
                #expect(state["context"] as? [String: String] == captured)

                let third = try await send(client, second.baseURL, .POST, "/v1/sessions/k9/messages",
                    #"{"message":"Can we start a pilot next month?"}"#)
                #expect(third.status == 200, "\(third.body)")
                #expect(try third.json()["turn"] as? Int == 3)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    @Test("an unusable database is reported on stderr with exit code 2")
    func badDatabaseExits2() async throws {
        let binary = try #require(AgentProcess.binary())
        try await TempDirectory.with { directory in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--port", "0", "--db", directory.file("missing/dir/sessions.sqlite")]
            process.standardOutput = FileHandle.nullDevice
            let pipe = Pipe()
            process.standardError = pipe
            let collector = StderrCollector(pipe.fileHandleForReading)
            try process.run()
            defer { process.terminateIfRunning() }
            try await eventually(timeout: .seconds(120), "sales-agent exits on an unusable database") { !process.isRunning }
            #expect(process.terminationStatus == 2)
            try await eventually("the error reaches stderr") { collector.text.contains("sessions.sqlite") }
        }
    }

    private func send(
        _ client: HTTPClient, _ baseURL: String, _ method: HTTPMethod, _ path: String, _ body: String? = nil
    ) async throws -> AgentHarness.Reply {
        try await AgentHarness.send(
            client: client, baseURL: baseURL, method, path, body: body, contentType: body == nil ? nil : "application/json")
    }
}
