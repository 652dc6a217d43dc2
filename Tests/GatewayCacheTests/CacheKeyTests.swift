import GatewayCache
import GatewayCore
import Testing

@Suite("Cache key derivation")
struct CacheKeyTests {
    func digest(_ request: ChatRequest, alias: String = "fast") -> RequestDigest {
        CanonicalRequest.exactDigest(of: request, alias: alias)
    }

    @Test func jsonKeyOrderAndWhitespaceDoNotChangeTheKey() {
        let first = Fixtures.request(schema: Fixtures.weatherSchemaJSON)
        let second = Fixtures.request(schema: Fixtures.weatherSchemaJSONReordered)
        #expect(first.tools[0].parameters == second.tools[0].parameters)
        #expect(digest(first) == digest(second))
        #expect(CanonicalRequest.encoding(of: first, alias: "fast") == CanonicalRequest.encoding(of: second, alias: "fast"))
    }

    @Test func streamUsageOptionAndUserDoNotChangeTheKey() {
        let base = Fixtures.request()
        var other = base
        other.stream = true
        other.includeUsage = true
        other.user = "customer-42"
        other.service = ServiceOptions(metadata: ["team": "sales"], store: true, serviceTier: "flex")
        #expect(digest(base) == digest(other), "metadata, store and service tier never change the answer")
    }

    @Test func theAliasIsTheModel() {
        var other = Fixtures.request()
        other.model = "something-else"
        #expect(digest(Fixtures.request()) == digest(other))
        #expect(digest(Fixtures.request(), alias: "fast") != digest(Fixtures.request(), alias: "smart"))
    }

    /// Each change alters something the model sees, so each must give another key.
    static let answerChangingEdits: [(String, @Sendable (inout ChatRequest) -> Void)] = [
        ("user text", { $0.messages[1] = ChatMessage(role: .user, text: "Weather in Lyon?") }),
        ("system text", { $0.messages[0] = ChatMessage(role: .system, text: "You are verbose.") }),
        ("role", { $0.messages[0].role = .user }),
        ("extra message", { $0.messages.append(ChatMessage(role: .assistant, text: "Sunny.")) }),
        ("message order", { $0.messages.swapAt(0, 1) }),
        ("part order", { $0.messages[1].parts = [.text("b"), .text("a")] }),
        ("image part", { $0.messages[1].parts.append(.imageURL("https://example.invalid/a.png")) }),
        ("message name", { $0.messages[1].name = "alice" }),
        ("tool call id", { $0.messages.append(ChatMessage(role: .tool, parts: [.text("{}")], toolCallID: "c1")) }),
        ("assistant tool calls", {
            $0.messages.append(ChatMessage(role: .assistant, parts: [], toolCalls: [ToolCall(id: "c1", name: "weather", arguments: "{}")]))
        }),
        ("temperature", { $0.temperature = 0.5 }),
        ("temperature absent", { $0.temperature = nil }),
        ("top_p", { $0.topP = 0.9 }),
        ("max_tokens", { $0.maxTokens = 65 }),
        ("stop", { $0.stop = ["END"] }),
        ("no stop", { $0.stop = [] }),
        ("response_format text", { $0.responseFormat = .text }),
        ("response_format schema", { $0.responseFormat = .jsonSchema(name: "w", schema: Fixtures.json(Fixtures.weatherSchemaJSON)) }),
        ("tool description", { $0.tools[0].description = "Weather forecast" }),
        ("tool schema", { $0.tools[0].parameters = Fixtures.json(#"{"type":"object"}"#) }),
        ("no tools", { $0.tools = [] }),
        ("tool_choice none", { $0.toolChoice = ToolChoice.none }),
        ("tool_choice required", { $0.toolChoice = .required }),
        ("tool_choice function", { $0.toolChoice = .function("weather") }),
        ("tool_choice absent", { $0.toolChoice = nil }),
        ("seed", { $0.options.seed = 7 }),
        ("presence_penalty", { $0.options.presencePenalty = 0.5 }),
        ("frequency_penalty", { $0.options.frequencyPenalty = 0.5 }),
        ("logit_bias", { $0.options.logitBias = ["42": -5] }),
        ("logprobs", { $0.options.logprobs = true }),
        ("parallel_tool_calls", { $0.options.parallelToolCalls = false }),
        ("reasoning_effort", { $0.options.reasoningEffort = "high" }),
        ("strict schema", { $0.responseFormat = .jsonSchema(name: "w", schema: Fixtures.json(Fixtures.weatherSchemaJSON), strict: true) }),
        ("strict tool", { $0.tools[0].strict = true }),
        ("unknown field", { $0.extra["vendor_knob"] = .bool(true) }),
    ]

    @Test(arguments: answerChangingEdits.indices)
    func everyAnswerChangingFieldChangesTheKey(index: Int) {
        let (name, edit) = Self.answerChangingEdits[index]
        var edited = Fixtures.request()
        edit(&edited)
        #expect(digest(edited) != digest(Fixtures.request()), "\(name) did not change the key")
    }

    @Test func editsGiveDistinctKeys() {
        var digests: Set<RequestDigest> = [digest(Fixtures.request())]
        for (_, edit) in Self.answerChangingEdits {
            var edited = Fixtures.request()
            edit(&edited)
            digests.insert(digest(edited))
        }
        #expect(digests.count == Self.answerChangingEdits.count + 1)
    }

    @Test func namespaceAndVersionPrefixTheStorageKey() {
        let request = Fixtures.request()
        let key = CacheKey(request: request, alias: "fast", namespace: "default", version: 0)
        #expect(key.storageKey == "llmgw:e2:default:0:\(key.digest.hex)")
        #expect(key.digest.hex.count == 64)
        let bumped = CacheKey(request: request, alias: "fast", namespace: "default", version: 1)
        let tenant = CacheKey(request: request, alias: "fast", namespace: "sales-eu", version: 0)
        #expect(Set([key.storageKey, bumped.storageKey, tenant.storageKey]).count == 3)
    }

    @Test func theCanonicalFormIsPinned() {
        // If this fails, the canonical form changed: bump CanonicalRequest.formatVersion so
        // old keys in Redis and snapshots are never misread, then update the pinned value.
        let request = ChatRequest(model: "x", messages: [ChatMessage(role: .user, text: "hi")], temperature: 0)
        let text = String(decoding: CanonicalRequest.encoding(of: request, alias: "fast"), as: UTF8.self)
        #expect(text == #"{"extra":{},"includeUsage":false,"messages":[{"parts":[{"text":{"_0":"hi"}}],"role":"user","toolCalls":[]}],"model":"fast","options":{},"service":{},"stop":[],"stream":false,"temperature":0,"tools":[]}"#)
    }

    @Test func escapingKeepsDistinctTextsDistinct() {
        let texts = ["a\"b", "a\\\"b", "line\nbreak", "line\\nbreak", "tab\there", "\u{0}", "", "ünï 🚀"]
        let digests = Set(texts.map { text in
            digest(ChatRequest(model: "m", messages: [ChatMessage(role: .user, text: text)]))
        })
        #expect(digests.count == texts.count)
    }

    @Test func digestBytesRoundTrip() {
        let value = digest(Fixtures.request())
        #expect(RequestDigest(bytes: value.bytes) == value)
        #expect(RequestDigest(bytes: [1, 2, 3]) == nil)
    }
}

@Suite("Semantic bucket")
struct BucketTests {
    func bucket(_ request: ChatRequest) -> RequestDigest {
        CanonicalRequest.bucketDigest(of: request, alias: "fast")
    }

    @Test func theLastUserMessageIsLeftOut() {
        var other = Fixtures.request()
        other.messages[1] = ChatMessage(role: .user, text: "How is the weather in Paris?")
        #expect(bucket(other) == bucket(Fixtures.request()))
        #expect(CanonicalRequest.exactDigest(of: other, alias: "fast") != CanonicalRequest.exactDigest(of: Fixtures.request(), alias: "fast"))
    }

    @Test func everythingElseSplitsBuckets() {
        var other = Fixtures.request()
        other.messages[0] = ChatMessage(role: .system, text: "You are verbose.")
        #expect(bucket(other) != bucket(Fixtures.request()))
        var warmer = Fixtures.request()
        warmer.temperature = 0.3
        #expect(bucket(warmer) != bucket(Fixtures.request()))
    }

    @Test func bucketAndExactDigestsDiffer() {
        #expect(bucket(Fixtures.request()) != CanonicalRequest.exactDigest(of: Fixtures.request(), alias: "fast"))
    }
}
