#!/usr/bin/env python3
"""Writes the hand-made seeds of Fuzz/Corpus/<target>/ (the extracted test literals and
project files sit beside them). Re-run after changing a seed; output is deterministic."""
import json, os, glob

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(root)

def write(target, name, data):
    d = os.path.join(root, "Corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def j(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

def sse(events, named=False):
    out = []
    for e in events:
        if named:
            out.append(f"event: {e['type']}\ndata: {j(e)}\n\n")
        else:
            out.append(f"data: {e if isinstance(e, str) else j(e)}\n\n")
    return "".join(out)

# Hostile JSON shapes shared by every JSON target.
hostile = {
    "deep-array-63": "[" * 63 + "]" * 63,
    "deep-array-65": "[" * 65 + "]" * 65,
    "deep-array-513": "[" * 513,
    "deep-object-70": '{"a":' * 70 + "1" + "}" * 70,
    "huge-number": "1" * 400,
    "huge-exponent": "[1e999999999,-1e-999999999,1E+308,4.9e-324]",
    "numbers": "[0,-0,0.0,-0.0,1e2,1E-2,123456789012345678901234567890,9007199254740993,-9223372036854775809]",
    "strings": '["\\u0000","\\ud800","\\udc00\\ud800","\\ud83d\\ude00","\\"\\\\\\/\\b\\f\\n\\r\\t","\u00e9\u4e2d"]',
    "dup-keys": '{"a":1,"a":2,"b":{"b":{"b":[]}}}',
    "whitespace": " \t\r\n{ \"k\" : [ true , false , null ] } \n",
    "bom": "\ufeff{}",
    "trailing": '{"a":1} x',
    "truncated": '{"a":[1,2,{"b":"c',
    "bad-escape": '"\\x41"',
    "control-char": '"a\u0001b"',
}

for name, text in hostile.items():
    write("json", name, text)
write("json", "empty-object", "{}")
write("json", "tool-schema", j({"type": "object", "properties": {"city": {"type": "string", "enum": ["Paris", "Oslo"]}, "n": {"type": "integer", "minimum": 0}}, "required": ["city"]}))

# Ingress: real request bodies and hostile ones.
msgs = [{"role": "system", "content": "You are a sales assistant."}, {"role": "user", "content": "Hi, what does the pro plan cost?"}]
write("ingress", "simple", j({"model": "fast", "messages": msgs}))
write("ingress", "stream", j({"model": "fast", "messages": msgs, "stream": True, "stream_options": {"include_usage": True}, "max_tokens": 128}))
write("ingress", "cache-no-store", j({"model": "smart", "messages": msgs, "temperature": 0, "cache": {"no_store": True}}))
write("ingress", "tools", j({"model": "m", "messages": msgs, "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {"q": {"type": "string"}}}}}], "tool_choice": "auto"}))
write("ingress", "multi-turn", j({"model": "m", "messages": msgs + [{"role": "assistant", "content": "It is $20."}, {"role": "user", "content": "And yearly?"}], "stop": ["\n\n"], "seed": 3}))
write("ingress", "deep-messages", '{"messages":' + "[" * 512)
write("ingress", "deep-513", "[" * 513)
write("ingress", "deep-schema", j({"model": "m", "messages": msgs})[:-1] + ',"tools":[{"type":"function","function":{"name":"f","parameters":' + '{"a":' * 58 + "1" + "}" * 58 + "}}]}")
write("ingress", "huge-numbers", j({"model": "m", "messages": msgs})[:-1] + ',"max_tokens":1e999,"temperature":-1e-400,"n":1.0000000000000001,"seed":99999999999999999999999}')
write("ingress", "crlf-model", j({"model": "fast\r\nINFO forged line", "messages": msgs}))
write("ingress", "not-object", '["model"]')
write("ingress", "empty-messages", j({"model": "m", "messages": []}))
write("ingress", "wrong-types", j({"model": 1, "messages": "hi", "stream": "yes", "tools": {}, "max_tokens": -1}))

# Provider responses (simulator and vendor shapes).
oa = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
      "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello \u00e9 \"quoted\" \\ \n line"}, "finish_reason": "stop"}],
      "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21}}
write("openai-response", "simple", j(oa))
write("openai-response", "tool-call", j({**oa, "choices": [{"index": 0, "message": {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{\"a\":1}"}}]}, "finish_reason": "tool_calls"}]}))
write("openai-response", "no-choices", j({**oa, "choices": []}))
write("openai-response", "error", j({"error": {"message": "Rate limit sk-abc123", "type": "rate_limit_exceeded", "code": "rate_limit"}}))
write("openai-response", "control-chars", j({**oa, "choices": [{"index": 0, "message": {"content": "\u0000\u001f\u2028\u2029\U0001F600"}, "finish_reason": "length"}]}))
an = {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
      "content": [{"type": "text", "text": "Hi there"}], "stop_reason": "end_turn", "usage": {"input_tokens": 5, "output_tokens": 3}}
write("anthropic-response", "simple", j(an))
write("anthropic-response", "tool-use", j({**an, "content": [{"type": "text", "text": "Checking"}, {"type": "tool_use", "id": "tu_1", "name": "f", "input": {"a": [1, {"b": None}]}}], "stop_reason": "tool_use"}))
write("anthropic-response", "error", j({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}))
write("anthropic-response", "max-tokens", j({**an, "content": [], "stop_reason": "max_tokens"}))
ge = {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hello"}]}, "finishReason": "STOP", "index": 0}],
      "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 2, "totalTokenCount": 6}, "modelVersion": "gemini-2.5-flash"}
write("gemini-response", "simple", j(ge))
write("gemini-response", "function-call", j({**ge, "candidates": [{"content": {"role": "model", "parts": [{"functionCall": {"name": "f", "args": {"q": "x"}}}]}, "finishReason": "STOP"}]}))
write("gemini-response", "safety", j({"candidates": [{"finishReason": "SAFETY"}], "promptFeedback": {"blockReason": "SAFETY"}}))
write("gemini-response", "error", j({"error": {"code": 429, "message": "Resource exhausted", "status": "RESOURCE_EXHAUSTED"}}))
for target in ("openai-response", "anthropic-response", "gemini-response"):
    for name in ("deep-array-513", "deep-object-70", "huge-exponent", "strings"):
        write(target, name, hostile[name])

# SSE streams.
def chunk(delta, finish=None, usage=None):
    c = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage:
        c["usage"] = usage
    return c
write("openai-sse", "text", sse([chunk({"role": "assistant", "content": ""}), chunk({"content": "Hel"}), chunk({"content": "lo \u00e9"}), chunk({}, "stop"), "[DONE]"]))
write("openai-sse", "usage", sse([chunk({"content": "x"}), {"id": "c", "choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1}}, "[DONE]"]))
write("openai-sse", "tool-call", sse([chunk({"tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "f", "arguments": ""}}]}), chunk({"tool_calls": [{"index": 0, "function": {"arguments": "{\"a\":"}}]}), chunk({"tool_calls": [{"index": 0, "function": {"arguments": "1}"}}]}), chunk({}, "tool_calls"), "[DONE]"]))
write("openai-sse", "error-event", sse([chunk({"content": "a"}), {"error": {"message": "key sk-live-123 leaked", "type": "server_error"}}]))
write("openai-sse", "crlf-comments", ": keep-alive\r\n\r\ndata: " + j(chunk({"content": "a"})) + "\r\n\r\nretry: 10\rdata: [DONE]\r\r")
write("openai-sse", "multiline-data", "data: {\"choices\":\ndata: [{\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]\n\n")
write("openai-sse", "deep", "data: " + "[" * 513 + "\n\n")
a_events = [
    {"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "content": [], "model": "claude", "usage": {"input_tokens": 5, "output_tokens": 1}}},
    {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}},
    {"type": "content_block_stop", "index": 0},
    {"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "tu_1", "name": "f", "input": {}}},
    {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": "{\"a\": 1}"}},
    {"type": "content_block_stop", "index": 1},
    {"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 7}},
    {"type": "message_stop"},
]
write("anthropic-sse", "text-and-tool", sse(a_events, named=True))
write("anthropic-sse", "ping-unknown", sse([a_events[0], {"type": "ping"}, {"type": "future_event", "x": 1}, a_events[-1]], named=True))
write("anthropic-sse", "error-event", "event: error\ndata: not json\n\n")
write("anthropic-sse", "deep", "event: content_block_delta\ndata: " + '{"a":' * 80 + "\n\n")
g = lambda parts, finish=None, usage=None: {k: v for k, v in {"candidates": [{"content": {"role": "model", "parts": parts}, **({"finishReason": finish} if finish else {})}], "usageMetadata": usage}.items() if v is not None}
write("gemini-sse", "text", sse([g([{"text": "Hel"}]), g([{"text": "lo"}], "STOP", {"promptTokenCount": 3, "candidatesTokenCount": 2})]))
write("gemini-sse", "function-call", sse([g([{"functionCall": {"name": "f", "args": {"a": 1}}}], "STOP")]))
write("gemini-sse", "error", sse([{"error": {"code": 500, "message": "internal", "status": "INTERNAL"}}]))
write("gemini-sse", "deep", "data: " + "[" * 100 + "]" * 100 + "\n\n")

# The agent's LLM output repair: answer NUL message.
repair = [
    ('{"slots": {"company": "Acme", "budget": "5k"}}', "We are Acme and have a 5k budget"),
    ('Sure! ```json\n{"company": "Acme",}\n```', "acme corp here"),
    ('\u201cslots\u201d: {\u201ccompany\u201d: \u201cAcme\u201d}', "Acme"),
    ('{"situation": "stall", "confidence": 0.8}', ""),
    ('{"situation": "unknown_thing", "confidence": 7}', ""),
    ('{"slots": {"team_size": 12, "timeline": ["Q3", 1]}}', "we are 12 people, Q3"),
    ('{{{{{{{{{{{{{{{{{{{{"a":1}}}}}}}}}}}}}}}}}}}', "x"),
    ('{"a": "}{", "b": "\\"{"}', "}{"),
    ('no json here', "hello"),
    ('{"slots": {"company": "ACME  Inc"}}', "acme inc. is us"),
]
for i, (answer, message) in enumerate(repair):
    write("repair", f"seed-{i:02}", answer + "\0" + message)

# Golden files: real lines from golden/*.jsonl, and broken ones.
golden_lines = []
for path in sorted(glob.glob(os.path.join(repo, "golden", "*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        golden_lines += [l for l in f.read().split("\n") if l.strip()][:6]
for i, line in enumerate(golden_lines[:20]):
    write("golden", f"line-{i:02}", line + "\n")
if golden_lines:
    write("golden", "three-lines", "\n".join(golden_lines[:3]) + "\n")
    write("golden", "truncated", golden_lines[0][: len(golden_lines[0]) // 2])
    write("golden", "blank-and-crlf", "\r\n\r\n" + golden_lines[0] + "\r\n")
write("golden", "deep", "[" * 513 + "\n")
write("golden", "wrong-shape", '{"messages": 1}\n[]\nnull\n')

# YAML configuration: the project's files and hostile YAML.
for path in sorted(glob.glob(os.path.join(repo, "policies", "*.yaml"))):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        data = f.read()
    write("playbook" if name == "playbook.yaml" else "policy", name.replace(".yaml", ""), data)
yaml_hostile = {
    "deep-flow": "a: " + "[" * 2000 + "]" * 2000 + "\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(120)),
    "anchors": "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n",
    "dup-key": "providers:\n  a: {kind: openai}\n  a: {kind: openai}\n",
    "tabs": "providers:\n\tbad: 1\n",
    "big-int": "server:\n  port: 999999999999999999999999\n",
    "empty": "",
    "tags": "providers: !!map {a: !!str 1}\n",
}
for name, text in yaml_hostile.items():
    write("policy", name, text)
    write("playbook", name, text)
