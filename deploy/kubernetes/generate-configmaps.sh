#!/usr/bin/env bash
# Writes the policy ConfigMaps from deploy/policies/ (their single source of truth):
#   sidecar/policy-configmap.yaml         llm-gateway-sidecar-policy <- deploy/policies/sidecar.yaml
#   shared-gateway/policy-configmap.yaml  llm-gateway-shared-policy  <- deploy/policies/shared.yaml
# Run it after editing a policy; Tests/deploy/check.sh fails while they differ.
# `generate-configmaps.sh OUT_DIR` writes into OUT_DIR instead (what the check does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
policies="$here/../policies"

write() { # NAME POLICY_FILE TARGET
    local name="$1" policy="$2" target="$3"
    mkdir -p "$(dirname "$target")"
    {
        echo "# ConfigMap \`$name\`: the gateway's policy, generated from"
        echo "# deploy/policies/$(basename "$policy") by deploy/kubernetes/generate-configmaps.sh. Do not"
        echo "# edit it here: edit the policy, then rerun the script. It holds no secret (keys reach"
        echo "# the gateway only as environment variables from a Secret)."
        echo "#"
        echo "# Mounted read-only at /etc/llm-gateway/ (a directory mount, not subPath, so that an"
        echo "# update reaches the running pod within about a minute). Then reload the gateway:"
        echo "#   kubectl exec POD -c llm-gateway -- sh -c 'kill -HUP 1'   (an invalid policy is refused,"
        echo "# the old one kept) or restart the pods: kubectl rollout restart deploy/NAME"
        echo "apiVersion: v1"
        echo "kind: ConfigMap"
        echo "metadata:"
        echo "  name: $name"
        echo "  labels:"
        echo "    app.kubernetes.io/part-of: sales-agent-engine"
        echo "data:"
        echo "  gateway.yaml: |"
        sed -e 's/^/    /' -e 's/^ *$//' "$policy"
    } > "$target"
}

write llm-gateway-sidecar-policy "$policies/sidecar.yaml" "$out/sidecar/policy-configmap.yaml"
write llm-gateway-shared-policy "$policies/shared.yaml" "$out/shared-gateway/policy-configmap.yaml"
