import HummingbirdCore
import Logging

/// What every guarded connection shares: the limits, the descriptor plan, the gate and the
/// error renderer.
public struct ServerGuards: Sendable {
    public let limits: ServerLimits
    public let plan: DescriptorPlan
    public let gate: ConnectionGate
    public let render: ErrorBodyRenderer
    public let bodyDeadline: BodyDeadline?

    /// The listen backlog: while accepting pauses, waiting connections queue here (the
    /// kernel caps it at `net.core.somaxconn`); a full backlog drops SYNs, and clients then
    /// wait seconds for their retransmits.
    public static let listenBacklog = 4096

    /// - Parameter descriptors: from ``DescriptorBudget/plan(limits:upstream:)``, made before
    ///   the process's upstream client so both sides share one plan.
    public init(
        limits: ServerLimits, descriptors: DescriptorBudget.Planned, logger: Logger, render: @escaping ErrorBodyRenderer,
        bodyDeadline: BodyDeadline? = nil
    ) {
        let plan = descriptors.plan
        let softLimit = descriptors.softLimit
        if plan.isLowered {
            logger.notice(
                "connection limits lowered to fit the open-file limit",
                metadata: [
                    "max_connections": "\(limits.maxConnections)", "cap": "\(plan.connectionCapacity)",
                    "accept_limit": "\(plan.acceptLimit)", "upstream_per_host": "\(plan.upstreamConnectionsPerHost)",
                    "nofile": "\(softLimit.map(String.init) ?? "-")",
                ])
        }
        self.limits = limits
        self.plan = plan
        self.gate = ConnectionGate(capacity: plan.connectionCapacity, drainCapacity: plan.drainCapacity, logger: logger)
        self.render = render
        self.bodyDeadline = bodyDeadline
    }

    /// The accept budget, for the application's configuration (`availableConnectionsDelegate`):
    /// Hummingbird's `MaximumAvailableConnections` on the listening channel, from the moment
    /// it is bound, stops accepting while `plan.acceptLimit` accepted sockets are open
    /// (admitted, refused and draining, being set up); waiting connections stay in the backlog.
    public func acceptBudget(logger: Logger) -> MaximumAvailableConnections {
        .maximum(plan.acceptLimit, logger: logger)
    }
}
