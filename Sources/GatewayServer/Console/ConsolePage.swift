/// `GET /console`: one self-contained page (no CDN, no fonts, no build step) that polls
/// `/console/data` every two seconds and shows, per provider and model, the breaker state,
/// load, latency and TTFT percentiles with sparklines, error rate, race and hedge outcomes,
/// the cache's hit rate and each tenant's usage. Under tenants the data needs the operator
/// key: the page asks for it, or reads it from the URL fragment (`#key=…`, never sent to
/// the server in a URL), and sends it as a bearer token.
enum ConsolePage {
    static let html = #"""
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>llm-gateway console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#1d232b;background:#f6f7f9}
h1{font-size:18px;margin:0 0 4px} h2{font-size:14px;margin:18px 0 6px}
.meta{color:#5b6572} table{font-size:12px;border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px #0001}
th,td{padding:4px 8px;border-bottom:1px solid #e6e8eb;text-align:right;white-space:nowrap}
th{background:#eef0f3;font-weight:600} td.l,th.l{text-align:left}
.ok{color:#13795b}.degraded{color:#b26b00}.down,.open{color:#c62828;font-weight:600}.half_open{color:#b26b00}.closed{color:#13795b}
.disabled,.simulated{color:#5b6572}.err{color:#c62828}
svg.spark{vertical-align:middle} #error{color:#c62828;margin:8px 0}
#keybox{display:none;margin:8px 0} input{font:inherit;padding:2px 6px}
</style></head>
<body>
<h1>llm-gateway console</h1>
<div class="meta" id="meta">loading…</div>
<div id="keybox">Operator key: <input id="key" type="password" size="40"> <button id="save">Use</button></div>
<div id="error"></div>
<h2>Providers</h2>
<table id="summary"><thead><tr><th class="l">provider</th><th class="l">kind</th><th class="l">status</th><th class="l">mode</th><th class="l">last success</th><th class="l">last error</th></tr></thead><tbody></tbody></table>
<h2>Models</h2>
<table id="models"><thead><tr><th class="l">provider / model</th><th class="l">breaker</th><th>in flight</th><th>queued</th><th>requests</th><th>error rate</th><th>latency p50</th><th>p95</th><th>p99</th><th>p95 trend</th><th>TTFT p50</th><th>p95</th><th>p99</th><th>race win rate</th><th>hedges fired / won</th></tr></thead><tbody></tbody></table>
<h2>Cache</h2>
<table id="cache"><thead><tr><th class="l">store</th><th>entries</th><th>bytes</th><th>hits</th><th>misses</th><th>hit rate</th><th>trend</th><th class="l">redis</th></tr></thead><tbody></tbody></table>
<h2>Tenants</h2>
<table id="tenants"><thead><tr><th class="l">tenant</th><th>requests</th><th>tokens</th><th>in flight</th><th>requests / min</th><th>tokens / min</th><th>trend</th><th class="l">rejections</th></tr></thead><tbody></tbody></table>
<script>
"use strict";
const seriesByName = {};   // series name -> recent values (the last 60 polls: two minutes)
let key = (location.hash.match(/key=([^&]+)/) || [])[1] || sessionStorage.getItem("operatorKey") || "";
if (location.hash) window.history.replaceState(null, "", location.pathname);
document.getElementById("save").onclick = () => { key = document.getElementById("key").value; sessionStorage.setItem("operatorKey", key); poll(); };
function remember(name, value) {
  const series = seriesByName[name] || (seriesByName[name] = []);
  series.push(typeof value === "number" && isFinite(value) ? value : 0);
  if (series.length > 60) series.shift();
  return series;
}
function spark(series, color) {
  const width = 90, height = 18, max = Math.max(...series, 1e-9);
  const step = series.length > 1 ? width / (series.length - 1) : 0;
  const points = series.map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`).join(" ");
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points}"/></svg>`;
}
const ms = v => v === undefined || v === null ? "–" : `${Number(v).toFixed(1)} ms`;
const pct = v => v === undefined || v === null ? "–" : `${(100 * v).toFixed(1)} %`;
const esc = s => String(s ?? "").replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
function cell(text, attrs, cls) { return `<td class="${cls || ""}" ${attrs || ""}>${text}</td>`; }
function render(data) {
  document.getElementById("error").textContent = "";
  const summary = data.summary.map(p => `<tr data-provider="${esc(p.provider)}">` +
    cell(esc(p.provider), "", "l") + cell(esc(p.kind), "", "l") +
    cell(esc(p.status), `data-field="status"`, "l " + esc(p.status)) +
    cell(esc(p.mode) + (p.reason ? ` <span class="meta">(${esc(p.reason)})</span>` : ""), `data-field="mode"`, "l " + esc(p.mode)) +
    cell(esc(p.last_success || "–"), "", "l") +
    cell(p.last_error ? `${esc(p.last_error)} <span class="err">${esc(p.last_error_message)}</span>` : "–", "", "l") + "</tr>").join("");
  document.querySelector("#summary tbody").innerHTML = summary;
  const models = data.providers.map(m => {
    const id = `${m.provider}/${m.model}`;
    const trend = remember("p95 " + id, m.latency_ms.p95);
    const s = m.strategies;
    return `<tr data-provider="${esc(m.provider)}" data-model="${esc(m.model)}">` +
      cell(esc(id), "", "l") + cell(esc(m.breaker), `data-field="breaker"`, "l " + esc(m.breaker)) +
      cell(m.in_flight, `data-field="in_flight"`) + cell(m.queued, `data-field="queued"`) + cell(m.requests, `data-field="requests"`) +
      cell(pct(m.error_rate), `data-field="error_rate" data-value="${m.error_rate}"`) +
      cell(ms(m.latency_ms.p50)) + cell(ms(m.latency_ms.p95), `data-field="latency_p95" data-value="${m.latency_ms.p95 ?? ""}"`) + cell(ms(m.latency_ms.p99)) +
      cell(spark(trend, "#3366cc")) + cell(ms(m.ttft_ms.p50)) + cell(ms(m.ttft_ms.p95)) + cell(ms(m.ttft_ms.p99)) +
      cell(pct(s.race_win_rate)) + cell(`${s.hedges_fired} / ${s.hedges_won}`, `data-field="hedges"`) + "</tr>";
  }).join("");
  document.querySelector("#models tbody").innerHTML = models;
  const c = data.cache;
  document.querySelector("#cache tbody").innerHTML = `<tr data-store="memory">` + cell("memory", "", "l") +
    cell(c.entries, `data-field="entries"`) + cell(c.bytes) + cell(c.hits, `data-field="hits"`) + cell(c.misses, `data-field="misses"`) +
    cell(pct(c.hit_rate), `data-field="hit_rate"`) + cell(spark(remember("cache hit rate", c.hit_rate || 0), "#13795b")) +
    cell(esc(c.redis || "not configured"), "", "l " + esc(c.redis || "")) + "</tr>";
  document.querySelector("#tenants tbody").innerHTML = data.tenants.map(t => `<tr data-tenant="${esc(t.tenant)}">` +
    cell(esc(t.tenant), "", "l") + cell(t.requests, `data-field="requests"`) + cell(t.tokens) + cell(t.in_flight) +
    cell(t.requests_last_minute) + cell(t.tokens_last_minute) + cell(spark(remember("tenant " + t.tenant, t.requests_last_minute), "#8a4fff")) +
    cell(esc(Object.entries(t.rejections).map(([k, v]) => `${k} ${v}`).join(", ") || "none"), `data-field="rejections"`, "l") + "</tr>").join("")
    || `<tr><td class="l" colspan="8">open mode: no tenants</td></tr>`;
  document.getElementById("meta").textContent = `updated ${new Date().toLocaleTimeString()} · polling every 2 s`;
  document.body.dataset.polls = String(Number(document.body.dataset.polls || 0) + 1);
}
async function poll() {
  try {
    const response = await fetch("/console/data", { headers: key ? { "Authorization": "Bearer " + key } : {} });
    if (response.status === 401) {
      document.getElementById("keybox").style.display = "block";
      document.getElementById("error").textContent = "this gateway has tenants: enter the operator key";
      return;
    }
    render(await response.json());
  } catch (error) {
    document.getElementById("error").textContent = "cannot reach the gateway: " + error;
  }
}
poll();
setInterval(poll, 2000);
</script>
</body></html>
"""#
}
