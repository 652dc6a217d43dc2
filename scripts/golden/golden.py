#!/usr/bin/env python3
"""Golden-set authoring tool.

Conversations are written in `golden/src/*.jsonl`, one conversation per line:

    {"conversation": "c1001", "split": "dev", "author": "b", "notes": "...",
     "turns": [{"customer": "hi, I'm Dana from Orbit Freight", "situation": "greeting",
                "slots": {"contact_name": "Dana", "company_name": "Orbit Freight"},
                "agent": "Hi Dana! What brings you here?"}, ...]}

`split` is optional (dev or test; absent -> chosen from a hash of the conversation id,
about one in four to test). The style-shift set is authored apart, under other constraints,
in `golden/shift-src/*.jsonl` (same format, no `split`) and built into `golden/shift.jsonl`;
nothing in it is ever used for training or tuning.

    python3 scripts/golden/golden.py check [FILES...]   # validate, print counts
    python3 scripts/golden/golden.py build              # write golden/{dev,test,shift}.jsonl
    python3 scripts/golden/golden.py stats FILE.jsonl   # counts of a built file

`build` expands each conversation into SPEC §5 lines: history (customer and agent turns
before this one), context (the gold slots of the earlier turns merged in order), message,
situation, slots, `reply` (the agent's answer to this turn, an extra key) and, in dev lines,
`author` (the source's author key, for author-grouped cross-validation).
"""
import hashlib
import json
import pathlib
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "golden" / "src"
SHIFT_SRC = ROOT / "golden" / "shift-src"

SITUATIONS = """greeting small_talk discovery_share product_question pricing_question
objection_price objection_timing objection_competitor objection_authority objection_need
objection_trust stall buying_signal confusion complaint opt_out goodbye""".split()

SLOTS = """contact_name contact_role company_name company_size industry current_solution
team_size use_case pain_point pain_impact desired_outcome budget_signal budget_amount
decision_maker decision_process decision_criteria stakeholders timeline urgency_driver
competitors objection buying_signal next_step""".split()


def load_sources(files):
    conversations = []
    for path in files:
        for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                conversation = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON: {error}")
            conversations.append((f"{path}:{number}", conversation))
    return conversations


def problems_of(where, conversation, seen):
    problems = []
    cid = conversation.get("conversation")
    if not isinstance(cid, str) or not cid:
        return [f"{where}: 'conversation' must be a non-empty string"]
    if cid in seen:
        problems.append(f"{where}: conversation {cid} also at {seen[cid]}")
    seen[cid] = where
    if conversation.get("split") not in (None, "dev", "test"):
        problems.append(f"{where}: {cid}: split must be dev or test")
    turns = conversation.get("turns")
    if not isinstance(turns, list) or not turns:
        return problems + [f"{where}: {cid}: 'turns' must be a non-empty list"]
    for index, turn in enumerate(turns, 1):
        at = f"{where}: {cid} turn {index}"
        message = turn.get("customer")
        if not isinstance(message, str) or not message.strip():
            problems.append(f"{at}: 'customer' must be a non-empty string")
            continue
        if turn.get("situation") not in SITUATIONS:
            problems.append(f"{at}: unknown situation {turn.get('situation')!r}")
        slots = turn.get("slots", {})
        if not isinstance(slots, dict):
            problems.append(f"{at}: 'slots' must be an object")
            continue
        for name, value in slots.items():
            if name not in SLOTS:
                problems.append(f"{at}: unknown slot {name!r}")
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{at}: slot {name} must be a non-empty string")
            elif value not in message:
                problems.append(f"{at}: slot {name} value {value!r} is not a substring of the message")
        agent = turn.get("agent")
        if index < len(turns) and (not isinstance(agent, str) or not agent.strip()):
            problems.append(f"{at}: 'agent' reply is required on every turn but the last")
    return problems


def split_of(conversation):
    if conversation.get("split"):
        return conversation["split"]
    digest = hashlib.sha256(conversation["conversation"].encode()).digest()
    return "test" if digest[0] % 4 == 0 else "dev"


def expand(conversation):
    lines, history, context = [], [], {}
    for index, turn in enumerate(conversation["turns"], 1):
        cid = conversation["conversation"]
        line = {
            "id": f"{cid}-t{index}", "conversation": cid, "turn": index,
            "history": list(history), "context": dict(context),
            "message": turn["customer"], "situation": turn["situation"],
            "slots": dict(turn.get("slots", {})),
        }
        if turn.get("agent"):
            line["reply"] = turn["agent"]
        lines.append(line)
        history.append({"role": "customer", "text": turn["customer"]})
        if turn.get("agent"):
            history.append({"role": "agent", "text": turn["agent"]})
        context.update(turn.get("slots", {}))
    return lines


def counts(lines):
    situations = Counter(line["situation"] for line in lines)
    slots = Counter(name for line in lines for name in line["slots"])
    return situations, slots


def print_counts(title, lines):
    situations, slots = counts(lines)
    conversations = len({line["conversation"] for line in lines})
    print(f"{title}: {len(lines)} turns in {conversations} conversations")
    print("  situations: " + ", ".join(f"{name} {situations[name]}" for name in SITUATIONS))
    print("  slots:      " + ", ".join(f"{name} {slots[name]}" for name in SLOTS))


def source_files(arguments):
    return arguments or sorted(str(path) for path in SRC.glob("*.jsonl"))


def check(arguments):
    seen, problems, lines = {}, [], []
    for where, conversation in load_sources(source_files(arguments)):
        found = problems_of(where, conversation, seen)
        problems += found
        if not found:
            lines += expand(conversation)
    for problem in problems:
        print(problem)
    print_counts("sources", lines)
    return 1 if problems else 0


def build(arguments):
    shift_files = sorted(str(path) for path in SHIFT_SRC.glob("*.jsonl"))
    if check(arguments) or (shift_files and check(shift_files)):
        raise SystemExit("not built: fix the problems above")
    splits = {"dev": [], "test": []}
    for _, conversation in load_sources(source_files(arguments)):
        lines = expand(conversation)
        if split_of(conversation) == "dev" and conversation.get("author"):
            # Dev lines name their author, so `eval --cross-validate-by author` can hold
            # out one author's voice at a time (test and shift files stay as they were).
            for line in lines:
                line["author"] = conversation["author"]
        splits[split_of(conversation)] += lines
    if shift_files:
        splits["shift"] = [line for _, conversation in load_sources(shift_files) for line in expand(conversation)]
    for name, lines in splits.items():
        path = ROOT / "golden" / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for line in lines:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        print_counts(str(path.relative_to(ROOT)), lines)
    return 0


def stats(arguments):
    for path in arguments:
        lines = [json.loads(line) for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        print_counts(path, lines)
    return 0


if __name__ == "__main__":
    commands = {"check": check, "build": build, "stats": stats}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
