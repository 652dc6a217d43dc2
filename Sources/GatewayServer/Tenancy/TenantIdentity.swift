import GatewayCore
import HTTPTypes

/// Who is calling: the tenant its key belongs to. In open mode (no `tenants:`) there is none.
struct TenantIdentity: Sendable, Hashable {
    let config: TenantConfig

    var name: String { config.name }

    /// `Authorization: Bearer KEY` or `x-api-key: KEY`.
    static func presentedKey(_ headers: HTTPFields) -> String? {
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let key = parts[1].trimmingCharacters(in: .whitespaces)
                if !key.isEmpty { return key }
            }
        }
        if let key = headers[HTTPField.Name("x-api-key")!], !key.isEmpty { return key }
        return nil
    }
}

import Foundation
