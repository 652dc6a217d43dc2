import AsyncHTTPClient
import Foundation
import GatewayTesting
import NIOCore
import Testing

/// Issue 14: one gateway, many agents — keys, 401/403/429, quotas, cache isolation.
@Suite("Tenants: keys, quotas, cache namespaces", .timeLimit(.minutes(3)))
struct TenantTests {
    static let environment = [
        "TENANT_EU_KEY": "eu-key-0123456789", "TENANT_US_KEY": "us-key-9876543210", "OPERATOR_KEY": "operator-key-555",
    ]

    static func policy(_ simURL: String, stores: String = "", eu: String = "requests_per_minute: 5") -> String {
        CachePolicies.policy(simURL, stores: stores) + """

            tenants:
              eu: {key_env: TENANT_EU_KEY, aliases: [cached, openai-model], \(eu), cache_namespace: eu}
              us: {key_env: TENANT_US_KEY, cache_namespace: us}
            operator: {key_env: OPERATOR_KEY}
            """
    }

    static func run(eu: String = "requests_per_minute: 5", _ body: @Sendable (GatewayHarness) async throws -> Void) async throws {
        try await GatewayHarness.run(simProfile: SimProfiles.zero, policy: { Self.policy($0, eu: eu) }, environment: Self.environment, body)
    }

    static func bearer(_ key: String) -> [(String, String)] { [("authorization", "Bearer \(key)")] }

    @Test func missingAndWrongKeysAreTheSame401() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached")
            let missing = try await harness.chat(body)
            let wrong = try await harness.chat(body, headers: Self.bearer("not-a-key"))
            let wrongHeader = try await harness.chat(body, headers: [("x-api-key", "eu-key-012345678")])
            for reply in [missing, wrong, wrongHeader] {
                #expect(reply.status == 401)
                #expect(reply.body == missing.body, "unknown and wrong keys look the same")
                let error = try jsonObject(reply.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "invalid_api_key")
            }
            #expect(!harness.logs.all.contains { $0.contains("eu-key") || $0.contains("not-a-key") }, "keys are never logged")
            #expect(try await harness.chat(body, headers: Self.bearer("eu-key-0123456789")).status == 200)
            #expect(try await harness.chat(body, headers: [("x-api-key", "us-key-9876543210")]).status == 200)
            #expect(harness.sim.stats().requests == 2, "refused requests never reach a provider")
        }
    }

    @Test func anAliasTheTenantMayNotUseIs403() async throws {
        try await Self.run { harness in
            let reply = try await harness.chat(GatewayHarness.body(model: "gemini-model"), headers: Self.bearer("eu-key-0123456789"))
            #expect(reply.status == 403, "\(reply.body)")
            let error = try jsonObject(reply.body)["error"] as? [String: Any]
            #expect(error?["code"] as? String == "model_not_allowed")
            #expect(try await harness.chat(GatewayHarness.body(model: "gemini-model"), headers: Self.bearer("us-key-9876543210")).status == 200)
        }
    }

    @Test func overTheRequestQuotaIs429WithRetryAfter() async throws {
        try await Self.run { harness in
            for index in 0..<5 {
                let reply = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "q \(index)"), headers: Self.bearer("eu-key-0123456789"))
                #expect(reply.status == 200)
            }
            let over = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "q over"), headers: Self.bearer("eu-key-0123456789"))
            #expect(over.status == 429, "\(over.body)")
            #expect(Int(over.headers.first(name: "retry-after") ?? "") ?? 0 >= 1)
            #expect((try jsonObject(over.body)["error"] as? [String: Any])?["code"] as? String == "quota_exceeded")
            // Another tenant's quota is its own.
            #expect(try await harness.chat(GatewayHarness.body(model: "openai-model"), headers: Self.bearer("us-key-9876543210")).status == 200)
            let metrics = try await harness.get("/metrics").body
            #expect(metrics.contains(#"llm_gateway_tenant_rejections_total{tenant="eu",reason="requests_per_minute"}"#))
        }
    }

    @Test func overTheTokenQuotaIs429() async throws {
        try await Self.run(eu: "tokens_per_minute: 100") { harness in
            let long = String(repeating: "words ", count: 40)
            let first = try await harness.chat(GatewayHarness.body(model: "openai-model", message: long), headers: Self.bearer("eu-key-0123456789"))
            #expect(first.status == 200)
            let second = try await harness.chat(GatewayHarness.body(model: "openai-model", message: long), headers: Self.bearer("eu-key-0123456789"))
            #expect(second.status == 429, "\(second.body)")
            #expect(second.body.contains("tokens per minute"))
        }
    }

    @Test func maxInFlightIsEnforced() async throws {
        try await Self.run(eu: "max_in_flight: 1") { harness in
            let stalled = Task {
                try await harness.chat(
                    GatewayHarness.body(model: "openai-model", message: "hold"),
                    headers: Self.bearer("eu-key-0123456789") + [("x-sim-fault", "stall"), ("x-gateway-timeout-ms", "60000")])
            }
            try await eventually("the first request holds its slot") { harness.sim.stats().inFlight == 1 }
            let second = try await harness.chat(GatewayHarness.body(model: "openai-model", message: "second"), headers: Self.bearer("eu-key-0123456789"))
            #expect(second.status == 429)
            #expect(second.body.contains("in flight"))
            stalled.cancel()
            _ = await stalled.result
            try await eventually("the slot is given back") {
                try await harness.chat(GatewayHarness.body(model: "openai-model", message: "after"), headers: Self.bearer("eu-key-0123456789")).status == 200
            }
        }
    }

    @Test func tenantsNeverShareCacheEntries() async throws {
        try await Self.run { harness in
            let body = GatewayHarness.body(model: "cached", message: "the same question")
            let first = try await harness.chat(body, headers: Self.bearer("eu-key-0123456789"))
            let again = try await harness.chat(body, headers: Self.bearer("eu-key-0123456789"))
            let other = try await harness.chat(body, headers: Self.bearer("us-key-9876543210"))
            #expect(first.headers.first(name: "x-gateway-cache") == "miss")
            #expect(again.headers.first(name: "x-gateway-cache") == "hit-exact")
            #expect(other.headers.first(name: "x-gateway-cache") == "miss", "another tenant's namespace")
        }
    }

    @Test func invalidatingTheCacheNeedsTheOperatorKey() async throws {
        try await Self.run { harness in
            func delete(_ key: String?) async throws -> Int {
                var request = HTTPClientRequest(url: harness.gatewayURL + "/v1/cache?namespace=eu")
                request.method = .DELETE
                if let key { request.headers.add(name: "authorization", value: "Bearer \(key)") }
                return Int(try await harness.client.execute(request, timeout: .seconds(10)).status.code)
            }
            let anonymous = try await delete(nil)
            let tenant = try await delete("eu-key-0123456789")
            let operatorStatus = try await delete("operator-key-555")
            #expect(anonymous == 401)
            #expect(tenant == 401, "a tenant is not the operator")
            #expect(operatorStatus == 200)
        }
    }
}

extension TenantTests {
    /// `/health/providers` stays open to probes, but one tenant's usage is not every
    /// caller's business: under tenants it shows only with the operator's key.
    @Test func tenantUsageInProviderHealthNeedsTheOperatorKey() async throws {
        try await Self.run { harness in
            let first = try await harness.chat(GatewayHarness.body(model: "cached"), headers: Self.bearer("eu-key-0123456789"))
            #expect(first.status == 200)
            func tenants(_ key: String?) async throws -> [[String: Any]] {
                var request = HTTPClientRequest(url: harness.gatewayURL + "/health/providers")
                if let key { request.headers.add(name: "authorization", value: "Bearer \(key)") }
                let response = try await harness.client.execute(request, timeout: .seconds(10))
                #expect(response.status == .ok)
                let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
                return try jsonObject(body)["tenants"] as? [[String: Any]] ?? []
            }
            let open = try await tenants(nil)
            let tenant = try await tenants("eu-key-0123456789")
            let operatorView = try await tenants("operator-key-555")
            #expect(open.isEmpty)
            #expect(tenant.isEmpty, "a tenant does not see the others")
            #expect(!operatorView.isEmpty)
        }
    }
}
