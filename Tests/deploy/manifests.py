"""Static checks of deploy/ (no Docker, no cluster): the files parse, reference only files
that exist, use only real CLI flags, and agree with each other (ports, socket paths,
Secrets, ConfigMaps, tenant keys, label selectors).

Usage: python3 manifests.py REPO_ROOT BIN_DIR
Prints one `ok`/`FAIL` line per check and, last, `manifests: N passed, M failed`.
Needs PyYAML (Debian: python3-yaml).
"""

import glob
import os
import re
import shlex
import subprocess
import sys

import yaml

ROOT, BIN = sys.argv[1], sys.argv[2]
DEPLOY = os.path.join(ROOT, "deploy")
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else f": {detail}"))


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# --- 1. every YAML file parses ---------------------------------------------------------
yaml_files = sorted(glob.glob(os.path.join(DEPLOY, "**", "*.yaml"), recursive=True))
documents = {}  # path -> [docs]
for path in yaml_files:
    try:
        documents[path] = [doc for doc in yaml.safe_load_all(read(path)) if doc is not None]
        check(f"{rel(path)} parses ({len(documents[path])} documents)", documents[path])
    except yaml.YAMLError as error:
        check(f"{rel(path)} parses", False, str(error).replace("\n", " "))
        documents[path] = []

kube = {path: docs for path, docs in documents.items() if "/kubernetes/" in path}
for path, docs in kube.items():
    bad = [doc for doc in docs if not (isinstance(doc, dict) and doc.get("apiVersion") and doc.get("kind")
                                       and (doc.get("metadata") or {}).get("name"))]
    check(f"{rel(path)}: every document has apiVersion, kind and metadata.name", not bad, bad)


# --- 2. CLI flags are real --------------------------------------------------------------
help_cache = {}


def flags_of(binary, subcommand):
    """The flags `BINARY SUBCOMMAND --help` defines (--help among them)."""
    key = (binary, subcommand)
    if key not in help_cache:
        run = subprocess.run([os.path.join(BIN, binary), subcommand, "--help"], capture_output=True, text=True, timeout=60)
        text = run.stdout + run.stderr
        # The flags the OPTIONS section defines (not ones its prose mentions).
        help_cache[key] = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)", text, re.M)) if run.returncode == 0 else None
    return help_cache[key]


used = []  # (where, binary, subcommand, [flags])


def record_argv(where, argv):
    """argv: [binary?, subcommand, args...] where binary is llm-gateway or sales-agent."""
    if not argv:
        return
    binary = os.path.basename(argv[0])
    if binary not in ("llm-gateway", "sales-agent"):
        return
    if len(argv) < 2 or argv[1].startswith("-"):
        return
    used.append((where, binary, argv[1], [a.split("=")[0] for a in argv[2:] if a.startswith("--")]))


COMMAND = re.compile(r"(?:^|[\s\"'(=`])(?:/usr/local/bin/|\.build/\S*/|\$\([^)]*\)/)?(llm-gateway|sales-agent)\s+([a-z][a-z-]*)\b([^\n#|;&)`]*)")
IMAGE_RUN = re.compile(r"sales-agent-engine:\S+\s+([a-z][a-z-]*)\b([^\n#|;&`]*)")


subcommand_cache = {}


def subcommands_of(binary):
    """The subcommands `BINARY --help` lists."""
    if binary not in subcommand_cache:
        run = subprocess.run([os.path.join(BIN, binary), "--help"], capture_output=True, text=True, timeout=60)
        section = (run.stdout + run.stderr).split("SUBCOMMANDS:")[-1]
        subcommand_cache[binary] = set(re.findall(r"^  ([a-z][a-z-]*)(?= )", section, re.M)) - {"see"}
    return subcommand_cache[binary]


def record_text(where, text):
    """Commands written out in text: shell lines, unit ExecStart=, comments, README. A word
    after a binary's name that is not one of its subcommands is prose (`llm-gateway sidecar`)."""
    text = re.sub(r"\\\n\s*#?", " ", text)  # join continued lines (also inside comments)
    for match in COMMAND.finditer(text):
        binary, sub, rest = match.groups()
        if sub not in subcommands_of(binary):
            continue
        used.append((where, binary, sub, re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", rest)))
    for line in text.splitlines():
        image = IMAGE_RUN.search(line)
        if image and "docker" in line:
            binary = "sales-agent" if "--entrypoint sales-agent" in line else "llm-gateway"
            used.append((where, binary, image.group(1), re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", image.group(2))))


# Structured: compose services, Kubernetes containers, the Dockerfile's ENTRYPOINT/CMD.
compose_path = os.path.join(DEPLOY, "compose.yaml")
compose = (documents.get(compose_path) or [{}])[0]
for name, service in (compose.get("services") or {}).items():
    if str(service.get("image", "")).startswith("sales-agent-engine"):
        entrypoint = service.get("entrypoint") or ["llm-gateway"]
        record_argv(f"compose {name}", list(entrypoint) + list(service.get("command") or []))


def pod_specs():
    for path, docs in kube.items():
        for doc in docs:
            spec = ((doc.get("spec") or {}).get("template") or {}).get("spec")
            if spec:
                yield path, doc, spec


def containers(spec):
    return list(spec.get("initContainers") or []) + list(spec.get("containers") or [])


for path, doc, spec in pod_specs():
    for container in containers(spec):
        if "sales-agent-engine" in container.get("image", ""):
            command = container.get("command") or ["llm-gateway"]
            record_argv(f"{rel(path)} {container['name']}", list(command) + list(container.get("args") or []))

dockerfile_path = os.path.join(DEPLOY, "Dockerfile")
dockerfile = read(dockerfile_path)
entry = re.search(r"^ENTRYPOINT\s+(\[.*\])", dockerfile, re.M)
cmd = re.search(r"^CMD\s+(\[.*\])", dockerfile, re.M)
check("Dockerfile: ENTRYPOINT and CMD in exec form", entry and cmd)
if entry and cmd:
    record_argv("Dockerfile CMD", yaml.safe_load(entry.group(1)) + yaml.safe_load(cmd.group(1)))

text_sources = [dockerfile_path] + sorted(glob.glob(os.path.join(DEPLOY, "systemd", "*")))
text_sources += [p for p in yaml_files] + [os.path.join(DEPLOY, "README.md")]
text_sources += [os.path.join(DEPLOY, "kubernetes", "generate-configmaps.sh"), os.path.join(DEPLOY, ".env.example")]
for path in text_sources:
    record_text(rel(path), read(path))
# The top-level README's deploy sections (the rest is other checks' business).
readme = read(os.path.join(ROOT, "README.md"))
deploy_sections = re.search(r"^## One gateway, many agents\n.*?(?=^## Where things are)", readme, re.S | re.M)
check("README.md has the sections \"One gateway, many agents\" and \"Sidecar in Kubernetes\"",
      deploy_sections and "\n## Sidecar in Kubernetes\n" in deploy_sections.group(0))
readme_deploy = deploy_sections.group(0) if deploy_sections else ""
record_text("README.md (deploy sections)", readme_deploy)

bad_flags = []
for where, binary, sub, flags in used:
    known = flags_of(binary, sub)
    if known is None:
        bad_flags.append(f"{where}: `{binary} {sub}` is not a subcommand")
        continue
    bad_flags += [f"{where}: `{binary} {sub} {flag}`" for flag in flags if flag not in known]
check(f"every CLI flag in deploy/ and README.md is real ({len(used)} commands, "
      f"{sum(len(f) for *_, f in used)} flags, checked against --help)", not bad_flags, "; ".join(sorted(set(bad_flags))))


def option(argv, name):
    """The value after `name` in argv, or None."""
    return argv[argv.index(name) + 1] if name in argv and argv.index(name) + 1 < len(argv) else None


# --- 3. files referenced exist ------------------------------------------------------------
missing = []
# Dockerfile COPY sources (not --from): globs must match, except a bracket glob (optional file).
for line in re.sub(r"\\\n", " ", dockerfile).splitlines():
    parts = line.split()
    if parts[:1] == ["COPY"] and not any(p.startswith("--from") for p in parts):
        for source in [p for p in parts[1:-1] if not p.startswith("--")]:
            if source != "." and not glob.glob(os.path.join(ROOT, source)) and "[" not in source:
                missing.append(f"Dockerfile COPY {source}")
# Repository paths named anywhere in deploy/ or README.md (`deploy/...`, `policies/...`,
# `Tests/...`), from the repository root or the naming file's folder. Not paths:
# placeholders (NAME), `kubectl ... deploy/NAME` (a Deployment), deploy/.env (the
# operator makes it from deploy/.env.example).
PATH_TOKEN = re.compile(r"(?<![\w/.$-])((?:deploy|policies|Tests)/[A-Za-z0-9_./*-]*[A-Za-z0-9_*])")
for path, text in [(p, read(p)) for p in text_sources] + [(os.path.join(ROOT, "README.md"), readme_deploy)]:
    for line in text.splitlines():
        for token in PATH_TOKEN.findall(line):
            if token == "deploy/.env" or re.search(r"[A-Z]{3,}", token.split("/", 1)[1]) \
                    or ("kubectl" in line and re.fullmatch(r"deploy/[\w-]+", token)):
                continue
            if not (glob.glob(os.path.join(ROOT, token)) or glob.glob(os.path.join(os.path.dirname(path), token))):
                missing.append(f"{rel(path)} names {token}")
# Compose: build context and Dockerfile, bind-mount sources (relative to deploy/).
for name, service in (compose.get("services") or {}).items():
    build = service.get("build")
    if build:
        context = os.path.normpath(os.path.join(DEPLOY, build.get("context", ".")))
        if not os.path.isfile(os.path.join(context, build.get("dockerfile", "Dockerfile"))):
            missing.append(f"compose {name}: build {build}")
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict) and volume.get("type") == "bind":
            if not os.path.exists(os.path.join(DEPLOY, volume["source"])):
                missing.append(f"compose {name}: bind source {volume['source']}")
check("every file the deploy files and README.md name exists (COPY sources, bind mounts, paths)",
      not missing, "; ".join(sorted(missing)))

# Image paths -> repository files, from the Dockerfile's own copy steps.
image_map = {}
if "COPY --from=build --chown=root:root /staging/app/ /app/" in dockerfile:
    for source, target in re.findall(r"cp -R (\S+) /staging/app/(\S+);", dockerfile):
        image_map["/app/" + target.rstrip("/") + "/"] = source.rstrip("/") + "/"
check("Dockerfile: /app/policies and /app/deploy/policies come from the repository",
      image_map.get("/app/policies/") == "policies/" and image_map.get("/app/deploy/policies/") == "deploy/policies/", image_map)


def repo_file_for_image_path(path):
    for prefix, source in image_map.items():
        if path.startswith(prefix):
            return os.path.join(ROOT, source, path[len(prefix):])
    return None


# --- 4. Dockerfile and its ignore file ----------------------------------------------------
stages = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", dockerfile, re.M)
check("Dockerfile: multi-stage (build, then runtime)", len(stages) >= 2 and stages[0][1] == "build", stages)
check("Dockerfile: both products built with --static-swift-stdlib",
      all(re.search(rf"swift build [^;\n]*--static-swift-stdlib[^;\n]*--product {p}", dockerfile) for p in ("llm-gateway", "sales-agent")))
user = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
check("Dockerfile: runs as a non-root numeric user", user and user[-1].split(":")[0] not in ("0", "root") and user[-1].split(":")[0].isdigit(), user)
check("Dockerfile: HEALTHCHECK on the gateway's /health",
      re.search(r"^HEALTHCHECK .*127\.0\.0\.1:8787/health\"", re.sub(r"\\\n", " ", dockerfile), re.M))
cmd_argv = yaml.safe_load(cmd.group(1)) if cmd else []
image_policy = option(cmd_argv, "--policy")
policy_file = image_policy and repo_file_for_image_path(image_policy)
check(f"Dockerfile: the default command's policy {image_policy} is a repository file",
      policy_file and os.path.isfile(policy_file), policy_file)


def dockerignore_regex(pattern):
    """A .dockerignore pattern as a regex: `**` any depth, `*` and `?` within one name."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def ignored(path, patterns):
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for raw in patterns:
        negate = raw.startswith("!")
        regex = dockerignore_regex((raw[1:] if negate else raw).strip("/"))
        if any(regex.match(candidate) for candidate in candidates):
            excluded = not negate
    return excluded


ignore_path = os.path.join(DEPLOY, "Dockerfile.dockerignore")
patterns = [l.strip() for l in read(ignore_path).splitlines() if l.strip() and not l.startswith("#")]
needed = ["Package.swift", "Sources/GatewayCore/Policy/Policy.swift", "Tests/GatewayCoreTests", "policies/gateway.yaml",
          "policies/playbook.yaml", "deploy/policies/shared.yaml", "deploy/policies/sidecar.yaml"]
secret = ["deploy/.env", ".env", "deploy/keys.env", "x/.build/debug", ".git/config", "deploy/.env.example"]
check("Dockerfile.dockerignore: keeps what the build needs", not [p for p in needed if ignored(p, patterns)],
      [p for p in needed if ignored(p, patterns)])
check("Dockerfile.dockerignore: leaves out env files, .build and .git", all(ignored(p, patterns) for p in secret),
      [p for p in secret if not ignored(p, patterns)])


# --- 5. policies: tenants required, every key variable supplied ---------------------------
def policy_key_vars(path):
    policy = yaml.safe_load(read(path))
    tenants = policy.get("tenants") or {}
    required = [t["key_env"] for t in tenants.values() if "key_env" in t]
    if "key_env" in (policy.get("operator") or {}):
        required.append(policy["operator"]["key_env"])
    optional = [p["key_env"] for p in (policy.get("providers") or {}).values() if "key_env" in p]
    redis = ((policy.get("cache") or {}).get("redis") or {})
    if redis:
        optional.append(redis.get("url_env", "REDIS_URL"))
    return tenants, required, optional


policies = {os.path.basename(p): p for p in glob.glob(os.path.join(DEPLOY, "policies", "*.yaml"))}
for name, path in sorted(policies.items()):
    tenants, required, _ = policy_key_vars(path)
    check(f"deploy/policies/{name}: tenants required (no open mode)", tenants)

env_example = read(os.path.join(DEPLOY, ".env.example"))
assignments = re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", env_example, re.M)
check("deploy/.env.example: names only, no values", assignments and all(value == "" for _, value in assignments),
      [n for n, v in assignments if v])
_, shared_required, shared_optional = policy_key_vars(policies["shared.yaml"])
example_names = {n for n, _ in assignments}
check("deploy/.env.example: names every key of deploy/policies/shared.yaml",
      set(shared_required) | (set(shared_optional) - {"REDIS_URL"}) <= example_names,
      set(shared_required) | set(shared_optional) - example_names)

# --- 6. compose: tenants, keys per service, scaling without host-port clashes -------------
services = compose.get("services") or {}
gateway = services.get("gateway") or {}
gateway_argv = list(gateway.get("command") or [])
compose_policy = option(gateway_argv, "--policy") or ""
mounts = {v["target"]: v["source"] for v in gateway.get("volumes") or [] if isinstance(v, dict) and v.get("type") == "bind"}
compose_policy_file = next((os.path.join(DEPLOY, src, compose_policy[len(t):].lstrip("/"))
                            for t, src in mounts.items() if compose_policy.startswith(t)), None) \
    or repo_file_for_image_path(compose_policy)
check(f"compose gateway: policy {compose_policy} is deploy/policies/shared.yaml",
      compose_policy_file and os.path.exists(compose_policy_file) and os.path.samefile(compose_policy_file, policies["shared.yaml"]),
      compose_policy_file)
gateway_env = gateway.get("environment") or {}
check("compose gateway: every tenant and operator key is required (${VAR:?...})",
      all(re.fullmatch(r"\$\{" + v + r":\?.+\}", str(gateway_env.get(v, ""))) for v in shared_required),
      {v: gateway_env.get(v) for v in shared_required})
check("compose gateway: provider keys and REDIS_URL passed", set(shared_optional) <= set(gateway_env), shared_optional)
agents = {n: s for n, s in services.items() if "sales-agent" in (s.get("entrypoint") or [])}
check("compose: 2 agent services + gateway + redis", len(agents) == 2 and "redis" in services and "agent" in agents, list(services))
for name, service in agents.items():
    argv = list(service.get("command") or [])
    key_env = option(argv, "--gateway-key-env")
    env = service.get("environment") or {}
    check(f"compose {name}: its own tenant key via --gateway-key-env {key_env}, and only that key",
          key_env in shared_required and list(env) == [key_env] and option(argv, "--gateway-url") == "http://gateway:8787",
          (key_env, list(env)))
    ports = [str(p) for p in service.get("ports") or []]
    check(f"compose {name}: no fixed host port (scales without clashes)",
          all(re.fullmatch(r"(127\.0\.0\.1::)?8788|127\.0\.0\.1::8788", p) for p in ports), ports)
    check(f"compose {name}: health check on its own port 8788", "8788/health" in " ".join(service["healthcheck"]["test"]))
keys = [option(list(s["command"]), "--gateway-key-env") for s in agents.values()]
check("compose: each agent service a different tenant", len(set(keys)) == len(keys), keys)

# --- 7. Kubernetes ------------------------------------------------------------------------
kinds = {}
for path, docs in kube.items():
    for doc in docs:
        kinds.setdefault((os.path.dirname(path), doc["kind"]), []).append(doc)


def secrets_documented(folder):
    """Secret names created by `kubectl create secret generic NAME` in the folder's comments."""
    text = "".join(read(p) for p in glob.glob(os.path.join(folder, "*.yaml")))
    return set(re.findall(r"kubectl create secret generic (\S+)", text)), text


def env_map(container):
    return {e["name"]: e for e in container.get("env") or []}


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


for folder in sorted({os.path.dirname(p) for p in kube}):
    where = rel(folder)
    created, text = secrets_documented(folder)
    configmaps = {d["metadata"]["name"]: d for d in kinds.get((folder, "ConfigMap"), [])}
    workloads = [(p, d, s) for p, d, s in pod_specs() if os.path.dirname(p) == folder]
    for path, doc, spec in workloads:
        name = f"{rel(path)} {doc['metadata']['name']}"
        volumes = {v["name"]: v for v in spec.get("volumes") or []}
        for container in containers(spec):
            cname = f"{name}/{container['name']}"
            resources = container.get("resources") or {}
            check(f"{cname}: resource requests and limits",
                  (resources.get("requests") or {}).keys() >= {"cpu", "memory"} and (resources.get("limits") or {}).keys() >= {"cpu", "memory"})
            unknown = [m["name"] for m in container.get("volumeMounts") or [] if m["name"] not in volumes]
            check(f"{cname}: every volumeMount names a volume", not unknown, unknown)
            refs = [e["valueFrom"]["secretKeyRef"] for e in container.get("env") or [] if "secretKeyRef" in (e.get("valueFrom") or {})]
            check(f"{cname}: every Secret it reads is created in the instructions ({', '.join(sorted(created))})",
                  all(r["name"] in created for r in refs), [r["name"] for r in refs])
            if "sales-agent-engine" not in container.get("image", ""):
                continue
            argv = list(container.get("command") or ["llm-gateway"]) + list(container.get("args") or [])
            binary = os.path.basename(argv[0])
            env = env_map(container)
            if binary == "llm-gateway":
                mount = next((m for m in container.get("volumeMounts") or [] if (option(argv, "--policy") or "").startswith(m["mountPath"] + "/")), None)
                cm = mount and ((volumes.get(mount["name"]) or {}).get("configMap") or {}).get("name")
                key = mount and option(argv, "--policy")[len(mount["mountPath"]) + 1:]
                check(f"{cname}: --policy is a key of a ConfigMap in {where}", cm in configmaps and key in (configmaps[cm].get("data") or {}), (cm, key))
                if cm in configmaps and key in (configmaps[cm].get("data") or {}):
                    policy = yaml.safe_load(configmaps[cm]["data"][key])
                    required = [t["key_env"] for t in (policy.get("tenants") or {}).values()] + \
                        ([policy["operator"]["key_env"]] if "operator" in policy else [])
                    check(f"{cname}: tenants required, every tenant/operator key from a required Secret key",
                          required and all(v in env and not env[v]["valueFrom"]["secretKeyRef"].get("optional") for v in required),
                          required)
                    if (policy.get("cache") or {}).get("redis"):
                        url_env = policy["cache"]["redis"].get("url_env", "REDIS_URL")
                        url = (env.get(url_env) or {}).get("value", "")
                        services_here = [d["metadata"]["name"] for d in kinds.get((folder, "Service"), [])]
                        check(f"{cname}: {url_env} points at a Service here", re.match(r"redis://([\w-]+):6379$", url)
                              and url.split("//")[1].split(":")[0] in services_here, url)
                check(f"{cname}: binds 0.0.0.0 so that /metrics and httpGet probes reach it", option(argv, "--host") == "0.0.0.0")
                port = option(argv, "--port")
                ports = {p.get("name"): p["containerPort"] for p in container.get("ports") or []}
                check(f"{cname}: containerPort {port} declared", port and int(port) in ports.values(), ports)
                probes = {k: ((container.get(k) or {}).get("httpGet") or {}).get("path") for k in ("livenessProbe", "readinessProbe")}
                check(f"{cname}: liveness /health, readiness /health/ready", probes == {"livenessProbe": "/health", "readinessProbe": "/health/ready"}, probes)
                annotations = ((doc["spec"]["template"].get("metadata") or {}).get("annotations") or {})
                check(f"{cname}: Prometheus scrape annotations on its port",
                      annotations.get("prometheus.io/scrape") == "true" and annotations.get("prometheus.io/port") == port, annotations)
                socket = option(argv, "--unix-socket")
                if socket:
                    shared = next((m for m in container.get("volumeMounts") or [] if socket.startswith(m["mountPath"] + "/")), None)
                    check(f"{cname}: --unix-socket {socket} is on an emptyDir", shared and "emptyDir" in volumes.get(shared["name"], {}), shared)
                    peers = [c for c in containers(spec) if c is not container and option(list(c.get("args") or []), "--gateway-url") == "unix:" + socket]
                    check(f"{name}: the agent calls --gateway-url unix:{socket} and mounts the same volume there",
                          peers and all(any(m["name"] == shared["name"] and m["mountPath"] == shared["mountPath"] for m in c.get("volumeMounts") or []) for c in peers),
                          [c["name"] for c in peers])
                    sidecar = container in (spec.get("initContainers") or []) and container.get("restartPolicy") == "Always"
                    check(f"{cname}: a native sidecar (init container, restartPolicy: Always)", sidecar)
            if binary == "sales-agent":
                key_env = option(argv, "--gateway-key-env")
                check(f"{cname}: --gateway-key-env {key_env} is set from a required Secret key",
                      key_env in env and not env[key_env]["valueFrom"]["secretKeyRef"].get("optional"), list(env))
                url = option(argv, "--gateway-url") or ""
                if url.startswith("http://"):
                    host, port = url[len("http://"):].split(":")
                    service = next((d for d in kinds.get((folder, "Service"), []) if d["metadata"]["name"] == host), None)
                    check(f"{cname}: --gateway-url {url} is a Service here on that port",
                          service and any(str(p["port"]) == port for p in service["spec"]["ports"]), host)
                probes = {k: ((container.get(k) or {}).get("httpGet") or {}).get("path") for k in ("livenessProbe", "readinessProbe")}
                check(f"{cname}: probes on /health", set(probes.values()) == {"/health"}, probes)
    # Services, monitors and network policies select pods / services that exist here.
    pod_labels = [(d["metadata"]["name"], d["spec"]["template"]["metadata"]["labels"]) for _, d, _ in workloads]
    for service in kinds.get((folder, "Service"), []):
        check(f"{where} Service {service['metadata']['name']}: selects pods",
              any(matches(service["spec"]["selector"], labels) for _, labels in pod_labels))
    for monitor in kinds.get((folder, "ServiceMonitor"), []):
        selected = [s for s in kinds.get((folder, "Service"), []) if matches(monitor["spec"]["selector"]["matchLabels"], s["metadata"].get("labels") or {})]
        check(f"{where} ServiceMonitor {monitor['metadata']['name']}: selects a Service by a port it has",
              selected and all(any(p.get("name") == e["port"] for s in selected for p in s["spec"]["ports"]) for e in monitor["spec"]["endpoints"]))
    for monitor in kinds.get((folder, "PodMonitor"), []):
        ports = [p.get("name") for _, d, s in workloads if matches(monitor["spec"]["selector"]["matchLabels"], d["spec"]["template"]["metadata"]["labels"])
                 for c in containers(s) for p in c.get("ports") or []]
        check(f"{where} PodMonitor {monitor['metadata']['name']}: selects pods by a port they have",
              all(e["port"] in ports for e in monitor["spec"]["podMetricsEndpoints"]), ports)
    for policy in kinds.get((folder, "NetworkPolicy"), []):
        target = policy["spec"]["podSelector"]["matchLabels"]
        check(f"{where} NetworkPolicy {policy['metadata']['name']}: selects pods", any(matches(target, l) for _, l in pod_labels))
        for rule in policy["spec"].get("ingress") or []:
            for peer in rule.get("from") or []:
                if "podSelector" in peer and "namespaceSelector" not in peer:
                    check(f"{where} NetworkPolicy {policy['metadata']['name']}: admits pods that exist ({peer['podSelector']['matchLabels']})",
                          any(matches(peer["podSelector"]["matchLabels"], l) for _, l in pod_labels))

shared = os.path.join(DEPLOY, "kubernetes", "shared-gateway")
check("kubernetes/shared-gateway: gateway Deployment + Service, ServiceMonitor, NetworkPolicy, agents",
      all(kinds.get((shared, k)) for k in ("Deployment", "Service", "ServiceMonitor", "NetworkPolicy"))
      and len([d for _, d, _ in pod_specs() if d["metadata"]["name"].startswith("sales-agent")]) >= 2)

print(f"manifests: {sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
