import AsyncHTTPClient
import Foundation

/// Prints what the gateway's latency strategies did during a bench: per alias with
/// traffic, its requests, hedges and extra traffic, cancelled calls and wasted tokens,
/// read from `/health/providers`.
enum GatewayStrategyTable {
    static func print(gatewayURL: String, client: HTTPClient) async {
        let request = HTTPClientRequest(url: gatewayURL + "/health/providers")
        guard let response = try? await client.execute(request, timeout: .seconds(5)),
            let body = try? await response.body.collect(upTo: 4 << 20),
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
            let aliases = object["aliases"] as? [[String: Any]]
        else { return }
        Swift.print("\ngateway strategies    requests  upstream/req  hedges  extra   cancelled  wasted tokens  race wins by route")
        for alias in aliases {
            let requests = alias["requests"] as? Int ?? 0
            guard requests > 0 else { continue }
            let routes = alias["routes"] as? [[String: Any]] ?? []
            let counters = routes.map { $0["strategies"] as? [String: Any] ?? [:] }
            let sum = { (key: String) in counters.reduce(0) { $0 + ($1[key] as? Int ?? 0) } }
            let cancelled = sum("cancelled")
            let wasted = sum("wasted_prompt_tokens") + sum("wasted_completion_tokens")
            let hedges = alias["hedges"] as? Int ?? 0
            let upstream = Double(requests + hedges + (alias["strategy"] as? String == "race" ? sum("raced") - requests : 0))
            let wins = zip(routes, counters).compactMap { route, counter -> String? in
                guard let raced = counter["raced"] as? Int, raced > 0 else { return nil }
                return "\(route["model"] as? String ?? "?") \(counter["race_wins"] as? Int ?? 0)/\(raced)"
            }
            let name = (alias["alias"] as? String ?? "?").padding(toLength: 20, withPad: " ", startingAt: 0)
            Swift.print(
                name
                    + String(
                        format: " %9d %13.2f %7d %5.1f%% %11d %14d  %@", requests, upstream / Double(requests), hedges,
                        100 * Double(hedges) / Double(requests), cancelled, wasted, wins.joined(separator: ", ")))
        }
    }
}
