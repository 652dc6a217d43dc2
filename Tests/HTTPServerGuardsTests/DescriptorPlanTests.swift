import HTTPServerGuards
import Testing

/// How client and upstream connections share the open-file limit (issue 8, finding 3: at
/// the limit libdispatch traps, so load must never be able to take the last descriptor).
@Suite("Descriptor plan: client and upstream connections never exhaust the open-file limit")
struct DescriptorPlanTests {
    static let limits = ServerLimits()  // 10,000 connections, 128 descriptors reserved

    @Test func aGenerousLimitKeepsTheConfiguredLimits() {
        let upstream = DescriptorPlan.Upstream(hosts: 3, connectionsPerHost: 512, descriptorsPerConnection: 2)
        let plan = DescriptorPlan(limits: Self.limits, upstream: upstream, softLimit: 1_048_576)
        #expect(!plan.isLowered)
        #expect(plan.connectionCapacity == 10_000)
        #expect(plan.upstreamConnectionsPerHost == 512)
        #expect(plan.acceptLimit == 10_000 + plan.drainCapacity + 16)
    }

    @Test func anUnreadableLimitKeepsTheConfiguredLimits() {
        let plan = DescriptorPlan(limits: Self.limits, upstream: .init(hosts: 1, connectionsPerHost: 64), softLimit: nil)
        #expect(!plan.isLowered)
        #expect(plan.connectionCapacity == 10_000)
    }

    /// The embedded default under `ulimit -n 256`: three simulated providers served in the
    /// same process, so each upstream connection costs two descriptors.
    @Test func ulimit256WithTheEmbeddedSimulatorSplitsTheUsableDescriptors() {
        let upstream = DescriptorPlan.Upstream(hosts: 3, connectionsPerHost: 512, descriptorsPerConnection: 2)
        let plan = DescriptorPlan(limits: Self.limits, upstream: upstream, softLimit: 256)
        #expect(plan.isLowered)
        #expect(plan.acceptLimit == 64)
        #expect(plan.upstreamConnectionsPerHost == 10)  // (128 − 64) ÷ (3 hosts × 2)
        #expect(plan.connectionCapacity == 64 - plan.drainCapacity - 8)
        #expect(plan.peakDescriptors(upstream: upstream) <= 256 - Self.limits.descriptorReserve)
    }

    @Test func theAgentWithoutAnUpstreamGivesTheClientsEverythingUsable() {
        let plan = DescriptorPlan(limits: Self.limits, upstream: .init(hosts: 0, connectionsPerHost: 1), softLimit: 1024)
        #expect(plan.acceptLimit == 1024 - 128)
        #expect(plan.connectionCapacity == plan.acceptLimit - 32 - 16)
    }

    @Test(arguments: [200, 256, 512, 1024, 4096, 65_536])
    func loadNeverReachesTheLimitMinusTheReserve(softLimit: Int) {
        for hosts in [0, 1, 3, 8] {
            for perConnection in [1, 2] {
                for maxConnections in [1, 50, 10_000] {
                    var limits = Self.limits
                    limits.maxConnections = maxConnections
                    let upstream = DescriptorPlan.Upstream(hosts: hosts, connectionsPerHost: 512, descriptorsPerConnection: perConnection)
                    let plan = DescriptorPlan(limits: limits, upstream: upstream, softLimit: softLimit)
                    let context = "soft \(softLimit), hosts \(hosts) × \(perConnection), max \(maxConnections)"
                    #expect(plan.peakDescriptors(upstream: upstream) <= softLimit - limits.descriptorReserve, "\(context)")
                    #expect(plan.connectionCapacity >= 1 && plan.connectionCapacity <= maxConnections, "\(context)")
                    #expect(plan.connectionCapacity + plan.drainCapacity <= plan.acceptLimit, "\(context)")
                    #expect(plan.upstreamConnectionsPerHost >= 1, "\(context)")
                }
            }
        }
    }
}
