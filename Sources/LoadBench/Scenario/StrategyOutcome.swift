import AsyncHTTPClient
import NIOCore
import Foundation

/// What the gateway's strategies did for one alias over a scenario, read from
/// `GET /health/providers`: calls made upstream, hedges, cancelled losers, wasted tokens.
public struct StrategyOutcome: Sendable, Hashable, Codable {
    public var alias: String
    public var strategy: String
    public var requests: Int
    public var hedges: Int
    /// Races entered by all routes (each race counts once per contender).
    public var raced: Int
    public var cancelled: Int
    public var wastedPromptTokens: Int
    public var wastedCompletionTokens: Int
    /// Race wins of each route that raced, as `model wins/raced`.
    public var raceWins: [String]

    enum CodingKeys: String, CodingKey {
        case alias, strategy, requests, hedges, raced, cancelled
        case raceWins = "race_wins"
        case wastedPromptTokens = "wasted_prompt_tokens"
        case wastedCompletionTokens = "wasted_completion_tokens"
    }

    /// Reads every alias of the gateway at `gatewayURL`.
    public static func read(gatewayURL: String, client: HTTPClient) async throws -> [StrategyOutcome] {
        let response = try await client.execute(HTTPClientRequest(url: gatewayURL + "/health/providers"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 8 << 20)
        return try parse(Data(body.readableBytesView))
    }

    /// Parses a `/health/providers` body. Pure.
    public static func parse(_ data: Data) throws -> [StrategyOutcome] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let aliases = object["aliases"] as? [[String: Any]]
        else { return [] }
        return aliases.map { alias in
            let routes = alias["routes"] as? [[String: Any]] ?? []
            let counters = routes.map { $0["strategies"] as? [String: Any] ?? [:] }
            func sum(_ key: String) -> Int { counters.reduce(0) { $0 + ($1[key] as? Int ?? 0) } }
            let wins = zip(routes, counters).compactMap { route, counter -> String? in
                guard let raced = counter["raced"] as? Int, raced > 0 else { return nil }
                return "\(route["model"] as? String ?? "?") \(counter["race_wins"] as? Int ?? 0)/\(raced)"
            }
            return StrategyOutcome(
                alias: alias["alias"] as? String ?? "?", strategy: alias["strategy"] as? String ?? "?",
                requests: alias["requests"] as? Int ?? 0, hedges: alias["hedges"] as? Int ?? 0, raced: sum("raced"),
                cancelled: sum("cancelled"), wastedPromptTokens: sum("wasted_prompt_tokens"),
                wastedCompletionTokens: sum("wasted_completion_tokens"), raceWins: wins)
        }
    }

    /// `alias  requests  hedges  cancelled  wasted tokens/request` lines.
    public static func table(_ outcomes: [StrategyOutcome]) -> String {
        var lines = ["alias            requests  hedges  extra  cancelled  wasted tokens  per request  race wins"]
        for outcome in outcomes where outcome.requests > 0 {
            let wasted = outcome.wastedPromptTokens + outcome.wastedCompletionTokens
            let extra = outcome.requests == 0 ? 0 : 100 * Double(outcome.hedges) / Double(outcome.requests)
            lines.append(
                outcome.alias.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + [
                        pad(String(outcome.requests), 9), pad(String(outcome.hedges), 7),
                        pad(BenchReport.fixed(extra, 1) + "%", 6), pad(String(outcome.cancelled), 10),
                        pad(String(wasted), 14), pad(BenchReport.fixed(Double(wasted) / Double(outcome.requests), 1), 12),
                        outcome.raceWins.joined(separator: ", "),
                    ].joined(separator: " ").replacing(/\ +$/, with: ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
