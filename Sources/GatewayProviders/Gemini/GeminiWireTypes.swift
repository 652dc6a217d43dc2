import GatewayCore

/// The body of `models/{model}:generateContent`, as Google documents it.
struct GeminiWireRequest: Encodable {
    var contents: [GeminiWireContent]
    var systemInstruction: GeminiWireContent?
    var generationConfig: GeminiWireGenerationConfig?
    var tools: [GeminiWireTool]?
    var toolConfig: GeminiWireToolConfig?
}

/// A turn (`user` or `model`) made of parts; in answers, a candidate's content.
struct GeminiWireContent: Codable {
    var role: String?
    var parts: [GeminiWirePart]?
}

/// One part; exactly one of its fields is set. `thought` marks reasoning to skip.
struct GeminiWirePart: Codable {
    var text: String?
    var thought: Bool?
    var inlineData: GeminiWireBlob?
    var fileData: GeminiWireFileData?
    var functionCall: GeminiWireFunctionCall?
    var functionResponse: GeminiWireFunctionResponse?
}

/// Inline bytes, base64.
struct GeminiWireBlob: Codable {
    var mimeType: String
    var data: String
}

/// Bytes by URI.
struct GeminiWireFileData: Codable {
    var mimeType: String?
    var fileUri: String
}

/// A call the model makes; `args` is an object.
struct GeminiWireFunctionCall: Codable {
    var id: String?
    var name: String
    var args: JSONValue?
}

/// A tool's result sent back; `response` is an object.
struct GeminiWireFunctionResponse: Codable {
    var name: String
    var response: JSONValue
}

/// Sampling and output settings.
struct GeminiWireGenerationConfig: Encodable {
    var temperature: Double?
    var topP: Double?
    var maxOutputTokens: Int?
    var stopSequences: [String]?
    var responseMimeType: String?
    var responseJsonSchema: JSONValue?
    var seed: Int?
    var presencePenalty: Double?
    var frequencyPenalty: Double?
    var responseLogprobs: Bool?
    var logprobs: Int?

    var isEmpty: Bool {
        temperature == nil && topP == nil && maxOutputTokens == nil && stopSequences == nil
            && responseMimeType == nil && responseJsonSchema == nil && seed == nil && presencePenalty == nil
            && frequencyPenalty == nil && responseLogprobs == nil && logprobs == nil
    }
}

/// `{"functionDeclarations": [...]}`.
struct GeminiWireTool: Encodable {
    var functionDeclarations: [GeminiWireFunctionDeclaration]
}

/// A function the model may call; its parameters as JSON Schema.
struct GeminiWireFunctionDeclaration: Encodable {
    var name: String
    var description: String?
    var parametersJsonSchema: JSONValue?
}

/// `{"functionCallingConfig": {"mode": "AUTO"|"ANY"|"NONE", "allowedFunctionNames": [...]}}`.
struct GeminiWireToolConfig: Encodable {
    struct FunctionCallingConfig: Encodable {
        var mode: String
        var allowedFunctionNames: [String]?
    }

    var functionCallingConfig: FunctionCallingConfig
}

/// A `GenerateContentResponse`: the whole answer, or one chunk of a stream.
struct GeminiWireResponse: Decodable {
    var candidates: [Candidate]?
    var usageMetadata: Usage?
    var modelVersion: String?
    var responseId: String?
    var promptFeedback: PromptFeedback?
    var error: GeminiWireError?

    struct Candidate: Decodable {
        var content: GeminiWireContent?
        var finishReason: String?
    }

    struct Usage: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var cachedContentTokenCount: Int?
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
    }
}

/// Google's error body: `{"error": {"code", "message", "status"}}`.
struct GeminiWireError: Decodable {
    var code: Int?
    var message: String?
    var status: String?
}
