import Foundation
import NIOHTTP1

extension SimCore {
    /// Plans a generation request: parse, count, draw, pick a fault, shape the answer and its timeline.
    func generate(
        head: HTTPRequestHead, body: [UInt8], format: WireFormat, pathModel: String?, pathStream: Bool
    ) -> SimExchange {
        let simHeaders = SimRequestHeaders(headers: head.headers, uri: head.uri)
        let path = String(head.uri.prefix { $0 != "?" })
        let request: SimRequest
        do {
            request = try SimRequest.parse(body, format: format, pathModel: pathModel, pathStream: pathStream)
        } catch {
            return rejected(error, format: format, path: path, headers: simHeaders, pathModel: pathModel)
        }
        var settings = profile.settings(model: request.model, tag: simHeaders.tag)
        if let faults = faultControl.current { settings.faults = faults }
        let key = SimDraws.requestKey(
            seed: profile.seed, model: request.model, tag: simHeaders.tag, lastUserMessage: request.lastUserMessage)
        let start = ledger.requestStarted(
            key: key, faultKey: simHeaders.faultKey, model: request.model, tag: simHeaders.tag)
        let draws = SimDraws(key: key, occurrence: start.occurrence)
        let fault =
            simHeaders.forcedFault != nil
            ? simHeaders.headerFault(faultKeyUse: start.faultKeyUse)
            : settings.faults.decide(roll: draws.faultRoll)
        if let fault { ledger.faultInjected(fault) }

        let tokensPerChunk = LatencyPlan.tokensPerChunk(decodeMsPerToken: settings.decodeMsPerOutputToken)
        let answer: SimAnswer
        if var call = SimStructured.toolCall(
            tools: request.tools, choice: request.toolChoice, lastUserMessage: request.lastUserMessage, number: start.number)
        {
            let schema = request.tools.first { $0.name == call.name }?.parameters ?? .object([:])
            call.arguments = responder.toolArguments(
                tag: simHeaders.tag, lastUserMessage: request.lastUserMessage, schema: schema, minimal: call.arguments)
            answer = SimAnswer(toolCall: call)
        } else {
            let raw = responder.answer(
                tag: simHeaders.tag, lastUserMessage: request.lastUserMessage, jsonMode: request.jsonMode, schema: request.responseSchema)
            answer = SimAnswer(
                raw: raw, forcedTokens: simHeaders.outputTokens, maxTokens: request.maxTokens, tokensPerChunk: tokensPerChunk,
                stop: request.stop)
        }
        let plan = LatencyPlan(
            settings: settings, draws: draws, inputTokens: request.inputTokens, outputTokens: answer.outputTokens,
            ttftOverrideMs: simHeaders.ttftOverrideMs)
        var ticket = SimTicket(
            number: start.number, path: path, model: request.model, tag: simHeaders.tag, stream: request.stream,
            hadCredentials: simHeaders.hadCredentials, fault: fault)
        ticket.httpVersion = head.version.major >= 2 ? "2" : "\(head.version.major).\(head.version.minor)"
        let reply = WireReply(
            number: start.number, model: request.model, created: Int(Date().timeIntervalSince1970), answer: answer,
            inputTokens: request.inputTokens, includeUsage: request.includeUsage, choices: request.choices)
        let delivery = deliver(reply, request: request, plan: plan, fault: fault, settings: settings, ticket: &ticket)
        return SimExchange(delivery: delivery, ticket: ticket)
    }

    private func deliver(
        _ reply: WireReply, request: SimRequest, plan: LatencyPlan, fault: SimFault?, settings: SimSettings,
        ticket: inout SimTicket
    ) -> SimDelivery {
        let idHeader = ("x-sim-request-id", "sim-\(reply.number)")
        if let fault, let kind = WireErrorKind(fault: fault) {
            var headers = [idHeader, ("x-sim-service-ms", "0.000"), ("x-sim-ttft-ms", "0.000")]
            if kind == .rateLimit { headers.append(("retry-after", String(settings.faults.retryAfterSeconds))) }
            let error = request.format.error(kind, message: "simulated \(fault.rawValue) fault")
            return .reply(Self.json(error, extraHeaders: headers), atMs: 0)
        }
        switch fault {
        case .reset: return .reset
        case .stall: return .stall
        default: break
        }
        ticket.serviceMs = plan.serviceMs
        let timing = [
            idHeader, ("x-sim-service-ms", JSONText.millis(plan.serviceMs)),
            ("x-sim-ttft-ms", JSONText.millis(plan.firstByteMs)),
        ]
        guard request.stream else {
            let response = Self.json(.ok, request.format.body(reply), extraHeaders: timing)
            guard fault == .cut else { return .reply(response, atMs: plan.serviceMs) }
            return .truncatedReply(response, atMs: plan.serviceMs, keepBytes: response.body.utf8.count / 2)
        }
        var headers = HTTPHeaders(timing)
        headers.add(name: "content-type", value: "text/event-stream")
        headers.add(name: "cache-control", value: "no-cache")
        let events = request.format.streamEvents(reply, plan: plan)
        let cutAfter = fault == .cut ? max(1, events.count / 2) : nil
        return .stream(status: .ok, headers: headers, events: events, cutAfter: cutAfter)
    }

    private func rejected(
        _ error: SimRequestError, format: WireFormat, path: String, headers: SimRequestHeaders, pathModel: String?
    ) -> SimExchange {
        let start = ledger.requestStarted(key: nil, faultKey: nil, model: pathModel ?? "", tag: headers.tag)
        var ticket = SimTicket(
            number: start.number, path: path, model: pathModel ?? "", tag: headers.tag, stream: false,
            hadCredentials: headers.hadCredentials, fault: nil)
        ticket.rejected = true
        let wireError = format.error(.badRequest, message: error.message)
        let headers = [("x-sim-request-id", "sim-\(start.number)"), ("x-sim-service-ms", "0.000"), ("x-sim-ttft-ms", "0.000")]
        let response = Self.json(wireError, extraHeaders: headers)
        return SimExchange(delivery: .reply(response, atMs: 0), ticket: ticket)
    }
}
