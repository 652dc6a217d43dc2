import AsyncHTTPClient
import LoadBench

/// Prints what the gateway's latency strategies did during a bench, per alias with
/// traffic, from its `/health/providers` (LoadBench's ``StrategyOutcome`` table).
enum GatewayStrategyTable {
    static func print(gatewayURL: String, client: HTTPClient) async {
        guard let outcomes = try? await StrategyOutcome.read(gatewayURL: gatewayURL, client: client) else { return }
        Swift.print("\ngateway strategies")
        Swift.print(StrategyOutcome.table(outcomes), terminator: "")
    }
}
