"""`instructor` over the official openai client, unchanged, against a running llm-gateway.

Usage: python instructor_sdk.py BASE_URL   (e.g. http://127.0.0.1:8787/v1)
The gateway must serve the embedded default policy with the built-in simulator, which
answers tool calls and JSON schemas with their minimal instance. One line per check, a
closing "N passed, N failed"; non-zero exit on a failure.
"""

import sys

from checks import check, finish

import instructor
from openai import OpenAI
from pydantic import BaseModel

BASE_URL = sys.argv[1]


def client(mode):
    return instructor.from_openai(OpenAI(base_url=BASE_URL, api_key="not-needed-for-the-simulator", max_retries=0), mode=mode)


class Plan(BaseModel):
    name: str
    seats: int
    annual: bool


MESSAGES = [{"role": "user", "content": "which plan fits a team of five?"}]


@check("TOOLS mode: a response_model from a forced tool call")
def _():
    plan, raw = client(instructor.Mode.TOOLS).chat.completions.create_with_completion(
        model="fast", response_model=Plan, messages=MESSAGES, max_retries=0)
    assert isinstance(plan, Plan), plan
    assert raw.choices[0].message.tool_calls, raw
    assert raw.usage.prompt_tokens > 0


@check("JSON_SCHEMA mode: a response_model from response_format json_schema")
def _():
    plan = client(instructor.Mode.JSON_SCHEMA).chat.completions.create(
        model="fast", response_model=Plan, messages=MESSAGES, max_retries=0)
    assert isinstance(plan, Plan), plan


@check("JSON mode: a response_model from json_object")
def _():
    class Note(BaseModel):
        pass

    note = client(instructor.Mode.JSON).chat.completions.create(
        model="fast", response_model=Note, messages=MESSAGES, max_retries=0)
    assert isinstance(note, Note), note


@check("streamed partials end in the whole model")
def _():
    last = None
    for partial in client(instructor.Mode.TOOLS).chat.completions.create_partial(
            model="fast", response_model=Plan, messages=MESSAGES, max_retries=0):
        last = partial
    assert last is not None and Plan.model_validate(last.model_dump()), last


finish("instructor")
