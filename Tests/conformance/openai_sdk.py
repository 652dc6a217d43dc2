"""The official `openai` Python SDK, unchanged, against a running llm-gateway.

Usage: python openai_sdk.py BASE_URL [SIM_URL]   (e.g. http://127.0.0.1:8787/v1)
SIM_URL, the built-in simulator's address (the gateway logs it), enables the check that
closing a stream early cancels the upstream call (read from the simulator's counters).
The gateway must serve the embedded default policy (aliases `fast`, `smart`) with the
built-in simulator's echo responder. Prints one line per check and a closing
"N passed, N failed" line; exits non-zero when a check fails.
"""

import json
import sys
import time
import urllib.request

from checks import check, finish

import openai
from openai import OpenAI

BASE_URL = sys.argv[1]
SIM_URL = sys.argv[2] if len(sys.argv) > 2 else None
client = OpenAI(base_url=BASE_URL, api_key="not-needed-for-the-simulator", max_retries=0)


@check("JSON completion")
def _():
    reply = client.chat.completions.create(
        model="fast", messages=[{"role": "user", "content": "hello sdk"}])
    assert reply.object == "chat.completion", reply.object
    assert reply.choices[0].message.role == "assistant"
    assert reply.choices[0].message.content == "echo: hello sdk", reply.choices[0].message.content
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage.prompt_tokens > 0 and reply.usage.completion_tokens > 0
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + reply.usage.completion_tokens


@check("everyday request fields pass through")
def _():
    reply = client.chat.completions.create(
        model="smart",
        messages=[
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "content parts"}]},
        ],
        temperature=0.2, top_p=0.9, max_tokens=64, stop=["\n\n"], user="user-42")
    assert reply.choices[0].message.content == "echo: content parts"


@check("max_completion_tokens and tools are accepted")
def _():
    reply = client.chat.completions.create(
        model="fast",
        messages=[{"role": "user", "content": "tools"}],
        max_completion_tokens=32,
        tools=[{"type": "function", "function": {
            "name": "lookup", "description": "Look a thing up",
            "parameters": {"type": "object", "properties": {"q": {"type": "string"}}}}}],
        tool_choice="auto")
    assert reply.choices[0].message.content


@check("JSON mode answers a JSON object")
def _():
    reply = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "json please"}],
        response_format={"type": "json_object"})
    assert isinstance(json.loads(reply.choices[0].message.content), dict)


@check("streaming with usage")
def _():
    stream = client.chat.completions.create(
        model="fast", messages=[{"role": "user", "content": "stream this please"}],
        stream=True, stream_options={"include_usage": True})
    text, finish, usage, roles = "", None, None, 0
    for chunk in stream:
        assert chunk.object == "chat.completion.chunk"
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            if choice.delta.role == "assistant":
                roles += 1
            text += choice.delta.content or ""
            finish = choice.finish_reason or finish
    assert text == "echo: stream this please", text
    assert finish == "stop", finish
    assert roles == 1, roles
    assert usage is not None and usage.completion_tokens > 0


@check("gateway headers on the raw response")
def _():
    raw = client.chat.completions.with_raw_response.create(
        model="fast", messages=[{"role": "user", "content": "headers"}])
    for name in ("x-gateway-provider", "x-gateway-model", "x-gateway-attempts", "x-gateway-overhead-ms"):
        assert raw.headers.get(name), name
    assert float(raw.headers["x-gateway-overhead-ms"]) >= 0


@check("a repeated request is an exact cache hit, JSON and replayed SSE")
def _():
    messages = [{"role": "user", "content": "cache me, sdk"}]
    first = client.chat.completions.with_raw_response.create(model="fast", messages=messages)
    assert first.headers.get("x-gateway-cache") in ("miss", "hit-exact"), first.headers.get("x-gateway-cache")
    second = client.chat.completions.with_raw_response.create(model="fast", messages=messages)
    assert second.headers.get("x-gateway-cache") == "hit-exact", second.headers.get("x-gateway-cache")
    assert second.headers.get("x-gateway-provider") == "cache"
    assert second.parse().choices[0].message.content == first.parse().choices[0].message.content
    raw = client.chat.completions.with_raw_response.create(
        model="fast", messages=messages, stream=True, stream_options={"include_usage": True})
    assert raw.headers.get("x-gateway-cache") == "hit-exact", raw.headers.get("x-gateway-cache")
    text, finish, usage, roles = "", None, None, 0
    for chunk in raw.parse():
        assert chunk.object == "chat.completion.chunk"
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            roles += choice.delta.role == "assistant"
            text += choice.delta.content or ""
            finish = choice.finish_reason or finish
    assert text == "echo: cache me, sdk", text
    assert finish == "stop" and roles == 1 and usage is not None


@check("Cache-Control: no-store is honoured")
def _():
    messages = [{"role": "user", "content": "never store this, sdk"}]
    for _ in range(2):
        raw = client.chat.completions.with_raw_response.create(
            model="fast", messages=messages, extra_headers={"Cache-Control": "no-store"})
        assert raw.headers.get("x-gateway-cache") == "bypass", raw.headers.get("x-gateway-cache")


@check("models list has the aliases")
def _():
    ids = {model.id for model in client.models.list()}
    assert {"fast", "smart", "gpt-4o-mini"} <= ids, ids


@check("unknown model is NotFoundError naming it")
def _():
    try:
        client.chat.completions.create(model="no-such-alias", messages=[{"role": "user", "content": "x"}])
    except openai.NotFoundError as error:
        assert error.status_code == 404
        assert "no-such-alias" in error.message
        assert error.body.get("code") == "model_not_found", error.body
        return
    raise AssertionError("expected NotFoundError")


@check("empty messages is BadRequestError naming the field")
def _():
    try:
        client.chat.completions.create(model="fast", messages=[])
    except openai.BadRequestError as error:
        assert error.status_code == 400
        assert error.body.get("param") == "messages", error.body
        return
    raise AssertionError("expected BadRequestError")


@check("out-of-range temperature is BadRequestError")
def _():
    try:
        client.chat.completions.create(model="fast", messages=[{"role": "user", "content": "x"}], temperature=7)
    except openai.BadRequestError as error:
        assert error.body.get("param") == "temperature", error.body
        return
    raise AssertionError("expected BadRequestError")


@check("structured output: .parse() with a pydantic model and strict schema")
def _():
    from pydantic import BaseModel

    class Plan(BaseModel):
        name: str
        seats: int
        annual: bool

    completions = getattr(client.chat.completions, "parse", None) or client.beta.chat.completions.parse
    reply = completions(model="fast", messages=[{"role": "user", "content": "which plan?"}], response_format=Plan)
    parsed = reply.choices[0].message.parsed
    assert isinstance(parsed, Plan), reply.choices[0].message.content


@check("a forced tool call comes back as a tool call")
def _():
    reply = client.chat.completions.create(
        model="fast", messages=[{"role": "user", "content": "look it up"}],
        tools=[{"type": "function", "function": {
            "name": "lookup", "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]}}}],
        tool_choice={"type": "function", "function": {"name": "lookup"}})
    call = reply.choices[0].message.tool_calls[0]
    assert call.function.name == "lookup", call
    assert isinstance(json.loads(call.function.arguments)["q"], str)
    assert reply.choices[0].finish_reason == "tool_calls"


@check("x-request-id is returned, the client's kept")
def _():
    raw = client.chat.completions.with_raw_response.create(
        model="fast", messages=[{"role": "user", "content": "ids"}], extra_headers={"x-request-id": "conformance-1"})
    assert raw.headers.get("x-request-id") == "conformance-1", raw.headers.get("x-request-id")


@check("responses.create and a streamed response")
def _():
    response = client.responses.create(model="fast", instructions="Be brief.", input="hello responses")
    assert response.output_text == "echo: hello responses", response.output_text
    assert response.status == "completed"
    stream = client.responses.create(model="fast", input="stream responses", stream=True)
    text, completed = "", None
    for event in stream:
        if event.type == "response.output_text.delta":
            text += event.delta
        if event.type == "response.completed":
            completed = event.response
    assert text == "echo: stream responses", text
    assert completed is not None and completed.output_text == text


@check("embeddings from the local embedder (alias embed)")
def _():
    reply = client.embeddings.create(model="embed", input=["What does Pro cost?", "How much is Pro?"])
    assert len(reply.data) == 2 and len(reply.data[0].embedding) > 0
    assert abs(sum(x * x for x in reply.data[0].embedding) - 1) < 1e-3


@check("n=3: three choices, JSON and streamed")
def _():
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "three"}], n=3)
    assert [choice.index for choice in reply.choices] == [0, 1, 2], reply.choices
    assert all(choice.message.content == "echo: three" for choice in reply.choices)
    texts = {}
    for chunk in client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "three streamed"}], n=3, stream=True):
        for choice in chunk.choices:
            texts[choice.index] = texts.get(choice.index, "") + (choice.delta.content or "")
    assert texts == {0: "echo: three streamed", 1: "echo: three streamed", 2: "echo: three streamed"}, texts


@check("n=2 streamed on a fanned-out alias (fast: Anthropic first): every choice, one usage chunk")
def _():
    texts, finishes, usages, ids = {}, {}, [], set()
    for chunk in client.chat.completions.create(
            model="fast", messages=[{"role": "user", "content": "two streamed"}], n=2, stream=True,
            stream_options={"include_usage": True}):
        ids.add(chunk.id)
        if chunk.usage is not None:
            usages.append(chunk.usage)
        for choice in chunk.choices:
            texts[choice.index] = texts.get(choice.index, "") + (choice.delta.content or "")
            if choice.finish_reason:
                finishes[choice.index] = choice.finish_reason
    assert texts == {0: "echo: two streamed", 1: "echo: two streamed"}, texts
    assert finishes == {0: "stop", 1: "stop"}, finishes
    assert len(ids) == 1, ids
    assert len(usages) == 1 and usages[0].completion_tokens > 0, usages


@check("n past the cap is BadRequestError naming n")
def _():
    try:
        client.chat.completions.create(model="fast", messages=[{"role": "user", "content": "x"}], n=9)
    except openai.BadRequestError as error:
        assert error.body.get("param") == "n", error.body
        return
    raise AssertionError("expected BadRequestError")


def sim_stats():
    with urllib.request.urlopen(SIM_URL + "/sim/stats", timeout=5) as reply:
        return json.load(reply)


if SIM_URL:
    @check("closing a stream after its first chunk cancels the upstream call")
    def _():
        before = sim_stats()["cancelledByClient"]
        # The echo responder repeats the message: about 3,000 tokens at 2 ms each.
        long_message = "cancel " + "word " * 3000
        stream = client.chat.completions.create(
            model="fast", messages=[{"role": "user", "content": long_message}], stream=True)
        for chunk in stream:
            if any(choice.delta.content for choice in chunk.choices):
                break
        stream.close()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if sim_stats()["cancelledByClient"] > before:
                return
            time.sleep(0.05)
        raise AssertionError(f"the simulator saw no cancelled request: {sim_stats()}")


finish("openai-sdk")
