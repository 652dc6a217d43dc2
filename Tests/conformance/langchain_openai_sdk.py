"""`langchain-openai`'s ChatOpenAI, unchanged, against a running llm-gateway.

Usage: python langchain_openai_sdk.py BASE_URL   (e.g. http://127.0.0.1:8787/v1)
The gateway must serve the embedded default policy with the built-in simulator's echo
responder. One line per check, a closing "N passed, N failed"; non-zero exit on a failure.
"""

import sys

from checks import check, finish

from langchain_core.messages import HumanMessage
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

BASE_URL = sys.argv[1]


def chat(**options):
    return ChatOpenAI(base_url=BASE_URL, api_key="not-needed-for-the-simulator", model="fast", max_retries=0, **options)


class Plan(BaseModel):
    name: str
    seats: int
    annual: bool


@check("invoke answers with usage")
def _():
    reply = chat().invoke("hello langchain")
    assert reply.content == "echo: hello langchain", reply.content
    assert reply.usage_metadata and reply.usage_metadata["output_tokens"] > 0, reply.usage_metadata


@check("stream joins to the answer")
def _():
    text = "".join(chunk.content for chunk in chat().stream("stream langchain"))
    assert text == "echo: stream langchain", text


@check("bind_tools with a forced tool returns a tool call")
def _():
    def lookup(q: str) -> str:
        """Look a thing up."""
        return q

    reply = chat().bind_tools([lookup], tool_choice="lookup").invoke("look it up")
    assert reply.tool_calls and reply.tool_calls[0]["name"] == "lookup", reply
    assert isinstance(reply.tool_calls[0]["args"].get("q"), str), reply.tool_calls


@check("with_structured_output: json_schema (strict) and function_calling")
def _():
    for method in ("json_schema", "function_calling"):
        parsed = chat().with_structured_output(Plan, method=method).invoke("which plan?")
        assert isinstance(parsed, Plan), (method, parsed)


@check("n=2 returns two generations")
def _():
    result = chat(n=2).generate([[HumanMessage("two answers")]])
    generations = result.generations[0]
    assert len(generations) == 2, generations
    assert all(g.text == "echo: two answers" for g in generations), [g.text for g in generations]


finish("langchain-openai")
