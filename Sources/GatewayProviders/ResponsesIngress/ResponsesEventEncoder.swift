import GatewayCore
import NIOCore

/// Encodes canonical stream events as the Responses API's semantic SSE events:
/// `response.created`, `response.in_progress`, per output item `output_item.added`, its
/// deltas (`output_text.delta` or `function_call_arguments.delta`) and `…done` events,
/// then `response.completed` with the whole response. Every event has a
/// `sequence_number`; there is no `[DONE]`.
public struct ResponsesEventEncoder: IngressStreamEncoder {
    private var snapshot: ResponsesIngress.Snapshot
    private var sequence = 0
    /// The output item being written: a message (text) or a function call, by index.
    private enum OpenItem {
        case message(outputIndex: Int)
        case call(outputIndex: Int, callIndex: Int)
    }
    private var open: OpenItem?
    private var outputCount = 0
    private var reason = FinishReason.stop

    public init(id: String, model: String, created: Int) {
        snapshot = ResponsesIngress.Snapshot(
            id: id, model: model, createdAt: created, status: "in_progress", text: "", toolCalls: [], usage: nil, incomplete: false)
    }

    public mutating func opening() -> ByteBuffer {
        var out = ByteBuffer()
        let current = snapshot
        emit("response.created", into: &out) { $0.writeStaticString("\"response\":"); $0.writeResponseObject(current) }
        emit("response.in_progress", into: &out) { $0.writeStaticString("\"response\":"); $0.writeResponseObject(current) }
        return out
    }

    public mutating func encode(_ event: StreamEvent, includeUsage: Bool) -> ByteBuffer? {
        var out = ByteBuffer()
        switch event {
        case .textDelta(let text):
            guard !text.isEmpty else { return nil }
            if case .message = open {} else { startMessage(into: &out) }
            snapshot.text += text
            let itemID = snapshot.messageID
            let index = openIndex
            emit("response.output_text.delta", into: &out) { body in
                body.writeItemLocation(itemID: itemID, outputIndex: index, contentIndex: 0)
                body.writeStaticString(",\"delta\":")
                body.writeJSONString(text)
                body.writeStaticString(",\"logprobs\":[]")
            }
        case .toolCallDelta(let delta):
            if let id = delta.id {
                closeItem(into: &out)
                snapshot.toolCalls.append(ToolCall(id: id, name: delta.name ?? "", arguments: ""))
                let call = snapshot.toolCalls[snapshot.toolCalls.count - 1]
                let index = outputCount
                outputCount += 1
                open = .call(outputIndex: index, callIndex: snapshot.toolCalls.count - 1)
                emit("response.output_item.added", into: &out) { body in
                    body.writeStaticString("\"output_index\":")
                    body.writeJSONInteger(index)
                    body.writeStaticString(",\"item\":")
                    body.writeFunctionCallItem(call, status: "in_progress")
                }
            }
            guard !delta.argumentsFragment.isEmpty, case .call(let index, let callIndex) = open else { break }
            snapshot.toolCalls[callIndex].arguments += delta.argumentsFragment
            let itemID = "fc_" + snapshot.toolCalls[callIndex].id
            emit("response.function_call_arguments.delta", into: &out) { body in
                body.writeStaticString("\"item_id\":")
                body.writeJSONString(itemID)
                body.writeStaticString(",\"output_index\":")
                body.writeJSONInteger(index)
                body.writeStaticString(",\"delta\":")
                body.writeJSONString(delta.argumentsFragment)
            }
        case .finished(let finish):
            reason = finish
            return nil
        case .usage(let usage):
            snapshot.usage = usage
            return nil
        case .otherChoice:
            // This API has no `n`: its requests never ask for more than one choice.
            return nil
        }
        return out.readableBytes > 0 ? out : nil
    }

    public mutating func done() -> ByteBuffer {
        var out = ByteBuffer()
        if open == nil && snapshot.toolCalls.isEmpty && snapshot.text.isEmpty { startMessage(into: &out) }
        closeItem(into: &out)
        snapshot.incomplete = reason == .length
        snapshot.status = snapshot.incomplete ? "incomplete" : "completed"
        let final = snapshot
        emit(snapshot.incomplete ? "response.incomplete" : "response.completed", into: &out) {
            $0.writeStaticString("\"response\":")
            $0.writeResponseObject(final)
        }
        return out
    }

    /// `event: error` with `{"type":"error","code","message","param":null}`.
    public func errorEvent(message: String, type: String, code: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("event: error\ndata: {\"type\":\"error\",\"code\":")
        out.writeJSONString(code)
        out.writeStaticString(",\"message\":")
        out.writeJSONString(message)
        out.writeStaticString(",\"param\":null,\"sequence_number\":")
        out.writeJSONInteger(sequence)
        out.writeStaticString("}\n\n")
        return out
    }

    private var openIndex: Int {
        switch open {
        case .message(let index)?: index
        case .call(let index, _)?: index
        case nil: 0
        }
    }

    private mutating func startMessage(into out: inout ByteBuffer) {
        closeItem(into: &out)
        let index = outputCount
        outputCount += 1
        open = .message(outputIndex: index)
        let itemID = snapshot.messageID
        emit("response.output_item.added", into: &out) { body in
            body.writeStaticString("\"output_index\":")
            body.writeJSONInteger(index)
            body.writeStaticString(",\"item\":")
            body.writeMessageItem(id: itemID, text: nil, status: "in_progress")
        }
        emit("response.content_part.added", into: &out) { body in
            body.writeItemLocation(itemID: itemID, outputIndex: index, contentIndex: 0)
            body.writeStaticString(",\"part\":")
            body.writeOutputTextPart("")
        }
    }

    private mutating func closeItem(into out: inout ByteBuffer) {
        switch open {
        case nil:
            return
        case .message(let index):
            let itemID = snapshot.messageID
            let text = snapshot.text
            emit("response.output_text.done", into: &out) { body in
                body.writeItemLocation(itemID: itemID, outputIndex: index, contentIndex: 0)
                body.writeStaticString(",\"text\":")
                body.writeJSONString(text)
                body.writeStaticString(",\"logprobs\":[]")
            }
            emit("response.content_part.done", into: &out) { body in
                body.writeItemLocation(itemID: itemID, outputIndex: index, contentIndex: 0)
                body.writeStaticString(",\"part\":")
                body.writeOutputTextPart(text)
            }
            emit("response.output_item.done", into: &out) { body in
                body.writeStaticString("\"output_index\":")
                body.writeJSONInteger(index)
                body.writeStaticString(",\"item\":")
                body.writeMessageItem(id: itemID, text: text, status: "completed")
            }
        case .call(let index, let callIndex):
            let call = snapshot.toolCalls[callIndex]
            emit("response.function_call_arguments.done", into: &out) { body in
                body.writeStaticString("\"item_id\":")
                body.writeJSONString("fc_" + call.id)
                body.writeStaticString(",\"output_index\":")
                body.writeJSONInteger(index)
                body.writeStaticString(",\"arguments\":")
                body.writeJSONString(call.arguments)
            }
            emit("response.output_item.done", into: &out) { body in
                body.writeStaticString("\"output_index\":")
                body.writeJSONInteger(index)
                body.writeStaticString(",\"item\":")
                body.writeFunctionCallItem(call, status: "completed")
            }
        }
        open = nil
    }

    /// `event: NAME\ndata: {"type":NAME,<fields>,"sequence_number":N}\n\n`.
    private mutating func emit(_ name: StaticString, into out: inout ByteBuffer, _ fields: (inout ByteBuffer) -> Void) {
        out.writeStaticString("event: ")
        out.writeStaticString(name)
        out.writeStaticString("\ndata: {\"type\":\"")
        out.writeStaticString(name)
        out.writeStaticString("\",")
        fields(&out)
        out.writeStaticString(",\"sequence_number\":")
        out.writeJSONInteger(sequence)
        out.writeStaticString("}\n\n")
        sequence += 1
    }
}

extension ByteBuffer {
    mutating func writeItemLocation(itemID: String, outputIndex: Int, contentIndex: Int) {
        writeStaticString("\"item_id\":")
        writeJSONString(itemID)
        writeStaticString(",\"output_index\":")
        writeJSONInteger(outputIndex)
        writeStaticString(",\"content_index\":")
        writeJSONInteger(contentIndex)
    }
}
