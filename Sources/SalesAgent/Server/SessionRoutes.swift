import Hummingbird
import SalesCore

/// `/v1/sessions` and its children: create, read, delete, and post a customer message.
struct SessionRoutes: Sendable {
    let manager: SessionManager

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/sessions") { request, _ in
            try await create(request)
        }
        router.get("/v1/sessions/{id}") { _, context in
            try APIJSON.response(try await run { try await manager.get(id: try context.parameters.require("id")) })
        }
        router.delete("/v1/sessions/{id}") { _, context in
            try await run { try await manager.delete(id: try context.parameters.require("id")) }
            return Response(status: .noContent)
        }
        router.post("/v1/sessions/{id}/messages") { request, context in
            try await message(request, id: try context.parameters.require("id"))
        }
    }

    private func create(_ request: Request) async throws -> Response {
        var request = request
        let body = try await JSONBodyReader.object(&request, optional: true).map { try CreateSessionBody($0) } ?? CreateSessionBody()
        let state = try await run { try await manager.create(id: body.id, context: body.context) }
        return try APIJSON.response(state, status: .created)
    }

    private func message(_ request: Request, id: String) async throws -> Response {
        var request = request
        guard let fields = try await JSONBodyReader.object(&request, optional: false) else { throw APIError.bodyNotObject }
        let body = try MessageBody(fields)
        let accept = request.headers[.accept]?.lowercased() ?? ""
        if body.stream || accept.contains("text/event-stream") {
            try await run { try await manager.checkAcceptsTurn(id: id) }
            return TurnStream(manager: manager).response(id: id, message: body.message)
        }
        let (result, session) = try await run { try await manager.runTurnReturningSession(id: id, message: body.message) }
        return try APIJSON.response(TurnResponse(result: result, session: session))
    }

    /// Runs a manager call, turning its refusals and store failures into ``APIError``s.
    private func run<T: Sendable>(_ operation: () async throws -> T) async throws(APIError) -> T {
        do {
            return try await operation()
        } catch {
            throw APIError(error)
        }
    }
}

extension APIError {
    /// Maps a session manager or store error; anything else is ours.
    init(_ error: any Error) {
        switch error {
        case let error as APIError: self = error
        case let error as SessionError: self = .session(error)
        case let error as SessionStoreError: self = .internalError(error.description)
        default: self = .internalError("the session store failed: \(error)")
        }
    }
}
