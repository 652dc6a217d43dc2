"""The official `anthropic` Python SDK, unchanged, against a running llm-gateway's
`/v1/messages` (SPEC §3.3).

Usage: python anthropic_sdk.py BASE_URL   (e.g. http://127.0.0.1:8787, without /v1)
The gateway must serve the embedded default policy (aliases `fast`, `smart`) with the
built-in simulator's echo responder. Prints one line per check and a closing
"N passed, N failed" line; exits non-zero when a check fails.
"""

import sys

from checks import check, finish

import anthropic

client = anthropic.Anthropic(base_url=sys.argv[1], api_key="not-needed-for-the-simulator", max_retries=0)


@check("messages.create answers in Anthropic's shape")
def _():
    message = client.messages.create(
        model="fast", max_tokens=256, system="Be brief.", messages=[{"role": "user", "content": "hello anthropic sdk"}])
    assert message.type == "message" and message.role == "assistant"
    assert message.content[0].type == "text"
    assert message.content[0].text == "echo: hello anthropic sdk", message.content[0].text
    assert message.stop_reason == "end_turn", message.stop_reason
    assert message.usage.input_tokens > 0 and message.usage.output_tokens > 0


@check("messages.stream: text deltas and the final message")
def _():
    with client.messages.stream(
            model="smart", max_tokens=256, messages=[{"role": "user", "content": "stream this please"}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text == "echo: stream this please", text
    assert final.stop_reason == "end_turn", final.stop_reason
    assert final.usage.output_tokens > 0


@check("a forced tool comes back as tool_use")
def _():
    message = client.messages.create(
        model="fast", max_tokens=256, messages=[{"role": "user", "content": "what does pro cost?"}],
        tools=[{"name": "lookup_price", "description": "Price of a plan",
                "input_schema": {"type": "object", "properties": {"plan": {"type": "string"}}, "required": ["plan"]}}],
        tool_choice={"type": "tool", "name": "lookup_price"})
    assert message.stop_reason == "tool_use", message.stop_reason
    use = next(block for block in message.content if block.type == "tool_use")
    assert use.name == "lookup_price" and isinstance(use.input["plan"], str), use


@check("unknown model is NotFoundError")
def _():
    try:
        client.messages.create(model="no-such-alias", max_tokens=16, messages=[{"role": "user", "content": "x"}])
    except anthropic.NotFoundError as error:
        assert error.body["error"]["type"] == "not_found_error", error.body
        return
    raise AssertionError("expected NotFoundError")


@check("an unsupported field is BadRequestError naming it")
def _():
    try:
        client.messages.create(model="fast", max_tokens=16, messages=[{"role": "user", "content": "x"}], extra_body={"top_k": 5})
    except anthropic.BadRequestError as error:
        assert "top_k" in error.body["error"]["message"], error.body
        return
    raise AssertionError("expected BadRequestError")


@check("messages.count_tokens on an Anthropic-first alias; a 400 on an OpenAI-only one")
def _():
    messages = [{"role": "user", "content": "How much is the Pro plan?"}]
    counted = client.messages.count_tokens(model="fast", system="Be brief.", messages=messages)
    assert counted.input_tokens == 9, counted  # the simulator's ceil(34 bytes / 4)
    try:
        client.messages.count_tokens(model="gpt-4o-mini", messages=messages)
    except anthropic.BadRequestError as error:
        assert "cannot count tokens" in str(error), error
        return
    raise AssertionError("expected BadRequestError")


finish("anthropic-sdk")
