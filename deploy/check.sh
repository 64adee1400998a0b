#!/usr/bin/env bash
# CI check of the Kubernetes manifests, offline (no cluster): lint, render, assert the essentials.
# Needs: kubectl (kustomize built in), yamllint, /usr/bin/python3 with PyYAML (Debian: yamllint python3-yaml).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=/usr/bin/python3   # Debian's python3: it has python3-yaml (a pyenv python may not)
for tool in kubectl yamllint "$PYTHON"; do
  command -v "$tool" >/dev/null || { echo "deploy/check.sh: $tool not found (apt-get install -y yamllint python3-yaml; kubectl)" >&2; exit 1; }
done
"$PYTHON" -c 'import yaml' 2>/dev/null || { echo "deploy/check.sh: PyYAML missing: apt-get install -y python3-yaml" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Debian's own kubernetes-client (1.20) bundles a kustomize too old for these files; use a current
# kubectl (the "kubectl" package of the Kubernetes or Google Cloud apt repositories).
echo "== $(kubectl version --client 2>/dev/null | tr '\n' ' ')"

echo "== yamllint deploy/"
yamllint -s -c .yamllint .

echo "== kubectl kustomize k8s/base"
kubectl kustomize k8s/base >"$work/base.yaml"

# The overlay's secrets.env is git-ignored: render a copy with the committed placeholders instead,
# so a real secrets.env on this machine is never read (nor its values printed).
echo "== kubectl kustomize k8s/overlays/example (with secrets.env.example)"
cp -r k8s "$work/k8s"
cp k8s/overlays/example/secrets.env.example "$work/k8s/overlays/example/secrets.env"
kubectl kustomize "$work/k8s/overlays/example" >"$work/example.yaml"

echo "== test_manifests.py: base and example overlay"
"$PYTHON" test_manifests.py "$work/base.yaml" "$work/example.yaml"

echo "== test_manifests.py --self-test: each assertion can fail (every breakage must be caught)"
"$PYTHON" test_manifests.py --self-test "$work/base.yaml" "$work/example.yaml" >"$work/self-test.log" || { cat "$work/self-test.log"; exit 1; }
tail -n 1 "$work/self-test.log"

# docker compose's engine balancer: the same file with the service name replaced, checked by a local nginx.
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  echo "== nginx -t nginx/engine-lb.conf"
  sed "s/compressor-engine:8000/127.0.0.1:8000/; s#/tmp/#$work/#" nginx/engine-lb.conf >"$work/engine-lb.conf"
  PATH="$PATH:/usr/sbin" nginx -t -q -p "$work" -c "$work/engine-lb.conf"
fi
