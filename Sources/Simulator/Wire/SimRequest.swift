import Foundation
import JSONCore

/// What the simulator needs from a generation request, whatever its wire format.
struct SimRequest: Sendable, Equatable {
    /// The format it arrived in.
    var format: WireFormat
    /// The requested model (from the body, or the path for Gemini).
    var model: String
    /// Whether the client asked for SSE.
    var stream: Bool
    /// OpenAI `stream_options.include_usage`.
    var includeUsage = false
    /// `max_tokens` / `max_completion_tokens` / `maxOutputTokens`.
    var maxTokens: Int?
    /// OpenAI `response_format.type == "json_object"` (or Gemini's JSON mime type).
    var jsonMode = false
    /// The JSON schema the answer must match (OpenAI `json_schema`, Gemini `responseSchema`).
    var responseSchema: JSONValue?
    /// The tools offered and how they may be used.
    var tools: [SimTool] = []
    var toolChoice = SimToolChoice.auto
    /// Stop sequences: the answer ends before the first one it would contain.
    var stop: [String] = []
    /// OpenAI `n`: the number of choices to answer with.
    var choices = 1
    /// The text of the last user message (text parts joined with newlines).
    var lastUserMessage = ""
    /// UTF-8 bytes of all text in the request (system and every message), for the input token count.
    var inputBytes = 0

    /// The most choices (`n`) the simulator answers with.
    static let maxChoices = 128

    /// Input tokens by the simulator's counting rule.
    var inputTokens: Int { SimTokenizer.inputTokens(utf8Count: inputBytes) }
}

/// Why a request body was refused; its message goes into a 400 in the request's format.
struct SimRequestError: Error, Equatable {
    /// Human-readable reason.
    var message: String
}

extension SimRequest {
    /// Parses a body of the given format; `pathModel`/`pathStream` come from a Gemini URL.
    static func parse(
        _ body: [UInt8], format: WireFormat, pathModel: String?, pathStream: Bool
    ) throws(SimRequestError) -> SimRequest {
        let object: Any
        do {
            try JSONParser.checkBounds(body, limits: .request)
            object = try JSONSerialization.jsonObject(with: Data(body))
        } catch let error as JSONParseError {
            throw SimRequestError(message: "the request body is refused: \(error)")
        } catch {
            throw SimRequestError(message: "the request body is not valid JSON")
        }
        guard let json = object as? [String: Any] else {
            throw SimRequestError(message: "the request body must be a JSON object")
        }
        switch format {
        case .openAI: return try parseOpenAI(json)
        case .anthropic: return try parseAnthropic(json)
        case .gemini: return try parseGemini(json, model: pathModel ?? "", stream: pathStream)
        }
    }

    private static func parseOpenAI(_ json: [String: Any]) throws(SimRequestError) -> SimRequest {
        guard let model = json["model"] as? String else { throw SimRequestError(message: "'model' is required") }
        guard let messages = json["messages"] as? [[String: Any]] else {
            throw SimRequestError(message: "'messages' must be an array of objects")
        }
        var request = SimRequest(format: .openAI, model: model, stream: json["stream"] as? Bool ?? false)
        request.includeUsage = (json["stream_options"] as? [String: Any])?["include_usage"] as? Bool ?? false
        request.maxTokens = (json["max_completion_tokens"] as? Int) ?? (json["max_tokens"] as? Int)
        let format = json["response_format"] as? [String: Any]
        request.jsonMode = format?["type"] as? String == "json_object"
        if format?["type"] as? String == "json_schema", let schema = (format?["json_schema"] as? [String: Any])?["schema"] {
            request.responseSchema = JSONValue(any: schema)
        }
        request.tools = ((json["tools"] as? [[String: Any]]) ?? []).compactMap { tool in
            guard let function = tool["function"] as? [String: Any], let name = function["name"] as? String else { return nil }
            return SimTool(name: name, parameters: JSONValue(any: function["parameters"] ?? [:]))
        }
        switch json["tool_choice"] {
        case let mode as String: request.toolChoice = mode == "none" ? .none : mode == "required" ? .required : .auto
        case let named as [String: Any]:
            if let name = (named["function"] as? [String: Any])?["name"] as? String { request.toolChoice = .named(name) }
        default: break
        }
        request.stop = stopSequences(json["stop"])
        if let n = json["n"] as? Int {
            guard (1...SimRequest.maxChoices).contains(n) else {
                throw SimRequestError(message: "'n' must be between 1 and \(SimRequest.maxChoices)")
            }
            request.choices = n
        }
        request.read(messages: messages, roleKey: "role", userRole: "user", contentKey: "content")
        return request
    }

    private static func stopSequences(_ value: Any?) -> [String] {
        switch value {
        case let one as String: return [one]
        case let many as [Any]: return many.compactMap { $0 as? String }
        default: return []
        }
    }

    private static func parseAnthropic(_ json: [String: Any]) throws(SimRequestError) -> SimRequest {
        guard let model = json["model"] as? String else { throw SimRequestError(message: "model: Field required") }
        guard let messages = json["messages"] as? [[String: Any]] else {
            throw SimRequestError(message: "messages: Input should be a valid list")
        }
        var request = SimRequest(format: .anthropic, model: model, stream: json["stream"] as? Bool ?? false)
        request.maxTokens = json["max_tokens"] as? Int
        request.inputBytes += text(of: json["system"]).utf8.count
        request.tools = ((json["tools"] as? [[String: Any]]) ?? []).compactMap { tool in
            guard let name = tool["name"] as? String else { return nil }
            return SimTool(name: name, parameters: JSONValue(any: tool["input_schema"] ?? [:]))
        }
        if let choice = json["tool_choice"] as? [String: Any] {
            switch choice["type"] as? String {
            case "any": request.toolChoice = .required
            case "none": request.toolChoice = .none
            case "tool": request.toolChoice = (choice["name"] as? String).map(SimToolChoice.named) ?? .auto
            default: request.toolChoice = .auto
            }
        }
        request.stop = stopSequences(json["stop_sequences"])
        request.read(messages: messages, roleKey: "role", userRole: "user", contentKey: "content")
        return request
    }

    private static func parseGemini(_ json: [String: Any], model: String, stream: Bool) throws(SimRequestError) -> SimRequest {
        guard let contents = json["contents"] as? [[String: Any]] else {
            throw SimRequestError(message: "contents must be a list of Content objects")
        }
        var request = SimRequest(format: .gemini, model: model, stream: stream)
        let generation = json["generationConfig"] as? [String: Any]
        request.maxTokens = generation?["maxOutputTokens"] as? Int
        request.stop = stopSequences(generation?["stopSequences"])
        request.jsonMode = generation?["responseMimeType"] as? String == "application/json"
        if let schema = generation?["responseJsonSchema"] ?? generation?["responseSchema"] {
            request.responseSchema = JSONValue(any: schema)
        }
        request.tools = ((json["tools"] as? [[String: Any]]) ?? []).flatMap { tool in
            ((tool["functionDeclarations"] as? [[String: Any]]) ?? []).compactMap { declaration -> SimTool? in
                guard let name = declaration["name"] as? String else { return nil }
                return SimTool(name: name, parameters: JSONValue(any: declaration["parametersJsonSchema"] ?? declaration["parameters"] ?? [:]))
            }
        }
        if let config = (json["toolConfig"] as? [String: Any])?["functionCallingConfig"] as? [String: Any] {
            switch config["mode"] as? String {
            case "ANY":
                let allowed = config["allowedFunctionNames"] as? [String] ?? []
                request.toolChoice = allowed.count == 1 ? .named(allowed[0]) : .required
            case "NONE": request.toolChoice = .none
            default: request.toolChoice = .auto
            }
        }
        request.inputBytes += text(of: (json["systemInstruction"] as? [String: Any])?["parts"]).utf8.count
        request.read(messages: contents, roleKey: "role", userRole: "user", contentKey: "parts", missingRole: "user")
        return request
    }

    /// Adds every message's text to `inputBytes` and keeps the last user message.
    private mutating func read(
        messages: [[String: Any]], roleKey: String, userRole: String, contentKey: String, missingRole: String = ""
    ) {
        for message in messages {
            let content = Self.text(of: message[contentKey])
            inputBytes += content.utf8.count
            if (message[roleKey] as? String ?? missingRole) == userRole {
                lastUserMessage = content
            }
        }
    }

    /// The text of a content value: a string, or an array of parts/blocks whose `text` fields are joined by newlines.
    static func text(of content: Any?) -> String {
        switch content {
        case let string as String:
            return string
        case let parts as [[String: Any]]:
            return parts.compactMap { $0["text"] as? String }.joined(separator: "\n")
        default:
            return ""
        }
    }
}

extension JSONValue {
    /// A value from what `JSONSerialization` produced (numbers stay numbers, NSNull is null).
    init(any value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let flag as Bool where !(value is Int) && !(value is Double):
            self = .bool(flag)
        case let number as NSNumber:
            // JSONSerialization boxes booleans as NSNumber with the C type `c`.
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(JSONValue.init(any:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(any:)))
        default: self = .null
        }
    }
}
