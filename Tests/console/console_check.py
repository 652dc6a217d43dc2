"""The gateway's live console, checked in a real browser (headless Chromium).

Starts `llm-gateway serve` with tenants and an operator key, its built-in simulator with
one provider failing, sends load through both, then loads `/console` in headless
Chromium (the operator key in the URL fragment) and checks that what the page shows —
each model's breaker state and request count, the failing provider's status, the cache
hits, each tenant's requests — matches `/console/data` (the `/health/providers` body).
Saves a screenshot to docs/console.png.

Usage: python3 console_check.py LLM_GATEWAY_BINARY CHROMIUM_BINARY SCREENSHOT_PATH
"""

import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

GATEWAY, CHROMIUM, SCREENSHOT = sys.argv[1], sys.argv[2], sys.argv[3]
OPERATOR_KEY = "operator-console-key-42"
TENANT_KEY = "tenant-console-key-7"
work = tempfile.mkdtemp()
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else f": {detail}"))


policy = f"""
providers:
  steady:
    kind: openai
    base_url: sim
    retry: {{max_attempts: 1}}
  flaky:
    kind: anthropic
    base_url: sim
    retry: {{max_attempts: 1}}
    breaker: {{window_ms: 60000, min_requests: 4, failure_rate: 0.5, open_ms: 600000, half_open_probes: 1, successes_to_close: 1}}
models:
  steady-alias:
    strategy: single
    routes: [{{provider: steady, model: steady-model}}]
    cache: {{exact: true}}
  flaky-alias:
    strategy: single
    routes: [{{provider: flaky, model: broken-model}}]
tenants:
  console-team: {{key_env: CONSOLE_TENANT_KEY}}
operator: {{key_env: CONSOLE_OPERATOR_KEY}}
"""
profile = """
seed: 5
defaults:
  ttft_ms: {median: 2, p95: 4}
  prefill_ms_per_input_token: 0
  decode_ms_per_output_token: 0
models:
  broken-model: {faults: {server_error: 1.0}}
"""
open(os.path.join(work, "policy.yaml"), "w").write(policy)
open(os.path.join(work, "sim.yaml"), "w").write(profile)
environment = {k: v for k, v in os.environ.items() if k not in ("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY")}
environment.update(CONSOLE_TENANT_KEY=TENANT_KEY, CONSOLE_OPERATOR_KEY=OPERATOR_KEY)
log = open(os.path.join(work, "gateway.log"), "w")
gateway = subprocess.Popen(
    [GATEWAY, "serve", "--policy", os.path.join(work, "policy.yaml"), "--sim-profile", os.path.join(work, "sim.yaml"),
     "--port", "0", "--log-level", "notice"], stdout=log, stderr=subprocess.STDOUT, env=environment)
try:
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        match = re.search(r"url=(http://127\.0\.0\.1:\d+)", open(os.path.join(work, "gateway.log")).read())
        url = match.group(1) if match else None
        time.sleep(0.1)
    assert url, "the gateway did not start: " + open(os.path.join(work, "gateway.log")).read()

    def request(path, body=None, key=TENANT_KEY):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"content-type": "application/json", "authorization": f"Bearer {key}"}
        try:
            with urllib.request.urlopen(urllib.request.Request(url + path, data=data, headers=headers), timeout=20) as reply:
                return reply.status, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    # Load: the steady alias answers (and repeats hit the cache), the flaky one fails until its breaker opens.
    for index in range(30):
        request("/v1/chat/completions", {"model": "steady-alias", "messages": [{"role": "user", "content": f"q {index % 10}"}]})
        request("/v1/chat/completions", {"model": "flaky-alias", "messages": [{"role": "user", "content": f"f {index}"}]})

    status, _ = request("/console/data", key="not-the-operator")
    check("console data needs the operator key under tenants", status == 401, status)
    status, body = request("/console/data", key=OPERATOR_KEY)
    data = json.loads(body)

    page = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=6000",
         "--dump-dom", f"{url}/console#key={OPERATOR_KEY}"], capture_output=True, text=True, timeout=120).stdout

    class Cells(html.parser.HTMLParser):
        """Collects data-field cells per row (data-provider/data-model/data-tenant/data-store)."""
        def __init__(self):
            super().__init__()
            self.rows, self.row, self.field, self.text = {}, None, None, ""
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "tr" and any(k in attrs for k in ("data-provider", "data-tenant", "data-store")):
                self.row = (attrs.get("data-provider") or attrs.get("data-tenant") or attrs.get("data-store"), attrs.get("data-model"),
                            "tenant" if "data-tenant" in attrs else "store" if "data-store" in attrs else "model" if "data-model" in attrs else "provider")
                self.rows.setdefault(self.row, {})
            if tag == "td" and self.row and "data-field" in attrs:
                self.field, self.text = attrs["data-field"], ""
        def handle_data(self, text):
            if self.field: self.text += text
        def handle_endtag(self, tag):
            if tag == "td" and self.field:
                self.rows[self.row][self.field] = self.text.strip()
                self.field = None

    cells = Cells()
    cells.feed(page)
    check("the page rendered with the operator key from the fragment", 'data-polls="' in page and cells.rows, page[:300])
    for model in data["providers"]:
        shown = cells.rows.get((model["provider"], model["model"], "model"), {})
        check(f"{model['provider']}/{model['model']}: breaker {model['breaker']}", shown.get("breaker") == model["breaker"], shown)
        check(f"{model['provider']}/{model['model']}: {model['requests']} requests", shown.get("requests") == str(model["requests"]), shown)
    flaky = next(m for m in data["providers"] if m["provider"] == "flaky")
    check("the failing provider's breaker is open", flaky["breaker"] == "open", flaky["breaker"])
    for summary in data["summary"]:
        shown = cells.rows.get((summary["provider"], None, "provider"), {})
        check(f"{summary['provider']}: status {summary['status']}", shown.get("status") == summary["status"], shown)
    memory = cells.rows.get(("memory", None, "store"), {})
    check(f"cache hits {data['cache']['hits']}", memory.get("hits") == str(data["cache"]["hits"]) and data["cache"]["hits"] > 0, memory)
    for tenant in data["tenants"]:
        shown = cells.rows.get((tenant["tenant"], None, "tenant"), {})
        check(f"tenant {tenant['tenant']}: {tenant['requests']} requests", shown.get("requests") == str(tenant["requests"]), shown)

    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=6000", "--hide-scrollbars",
         "--window-size=1500,900", f"--screenshot={SCREENSHOT}", f"{url}/console#key={OPERATOR_KEY}"],
        capture_output=True, timeout=120)
    check("screenshot saved", os.path.exists(SCREENSHOT) and os.path.getsize(SCREENSHOT) > 10_000, SCREENSHOT)
finally:
    gateway.terminate()
    gateway.wait(timeout=30)

passed = sum(results)
print(f"console: {passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
