import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import Simulator

@Suite("Keep-alive and concurrency over loopback")
struct KeepAliveLoopbackTests {
    @Test func manyConcurrentRequestsOverPooledConnectionsAllComplete() async throws {
        try await withSim(try zeroProfile()) { server in
            let client = HTTPClient(
                eventLoopGroupProvider: .singleton,
                configuration: .init(connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 4)))
            // The client is shut down whatever the requests did: one left running traps at its deinit.
            let statuses: [Int]
            do {
                statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for worker in 0..<8 {
                        group.addTask {
                            var statuses: [Int] = []
                            for index in 0..<25 {
                                let stream = index % 2 == 0
                                let body = openAIBody("worker \(worker) request \(index)", stream: stream)
                                let response = try await send(server, "/v1/chat/completions", json: body, client: client)
                                statuses.append(response.status)
                            }
                            return statuses
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
            #expect(statuses.count == 200 && statuses.allSatisfy { $0 == 200 })
            let stats = server.stats()
            #expect(stats.requests == 200 && stats.completed == 200 && stats.inFlight == 0)
        }
    }
}
