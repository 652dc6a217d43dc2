/// Who wrote a message in a conversation.
public enum ChatRole: String, Sendable, Hashable, Codable {
    case system, user, assistant, tool
}

/// One part of a message's content.
public enum ContentPart: Sendable, Hashable {
    case text(String)
    /// An image by URL (or data URL); passed to providers that accept images.
    case imageURL(String)
}

/// A tool call the model asked for; `arguments` is the JSON text the model produced.
public struct ToolCall: Sendable, Hashable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// One message of the canonical conversation, independent of any vendor's wire format.
public struct ChatMessage: Sendable, Hashable {
    public var role: ChatRole
    public var parts: [ContentPart]
    /// Tool calls made by an assistant message.
    public var toolCalls: [ToolCall]
    /// For `tool` messages: the call this message answers.
    public var toolCallID: String?
    public var name: String?

    public init(
        role: ChatRole,
        parts: [ContentPart],
        toolCalls: [ToolCall] = [],
        toolCallID: String? = nil,
        name: String? = nil
    ) {
        self.role = role
        self.parts = parts
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.name = name
    }

    /// A plain text message.
    public init(role: ChatRole, text: String) {
        self.init(role: role, parts: [.text(text)])
    }

    /// The text parts joined, images ignored.
    public var text: String {
        var result = ""
        for part in parts {
            if case .text(let value) = part {
                if !result.isEmpty { result += "\n" }
                result += value
            }
        }
        return result
    }
}

// Synthesized encodings (they must sit in this file): the exact cache derives its key from a
// sorted-key encoding of the whole request, so every stored property takes part by default.
extension ContentPart: Encodable {}
extension ToolCall: Encodable {}
extension ChatMessage: Encodable {}
