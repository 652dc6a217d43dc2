import AsyncHTTPClient
import Logging
import NIOCore
import ServiceLifecycle

/// Opens a pooled connection to every provider endpoint at start, so the first real
/// request does not pay for TCP and TLS set-up; marks the gateway ready when done.
/// A warm-up request carries no key and its status is ignored: only the connection counts.
struct PoolWarmer: Service {
    let gateway: Gateway

    func run() async throws {
        let endpoints = Set(
            gateway.snapshot().providers.values.map { $0.baseURL + "/" })
        let failures = await withTaskGroup(of: String?.self) { group in
            for url in endpoints {
                group.addTask {
                    var request = HTTPClientRequest(url: url)
                    request.method = .GET
                    do {
                        let response = try await gateway.client.execute(request, timeout: .seconds(5))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        return nil
                    } catch {
                        gateway.logger.warning("pool warm-up failed", metadata: ["url": "\(url)", "error": "\(error)"])
                        return url
                    }
                }
            }
            return await group.reduce(into: [String]()) { if let url = $1 { $0.append(url) } }
        }
        gateway.readiness.warmUpFinished(failures: failures)
        gateway.logger.debug("pools warm", metadata: ["endpoints": "\(endpoints.count)"])
        try? await gracefulShutdown()
    }
}
