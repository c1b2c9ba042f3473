#!/usr/bin/env bash
# The TypeScript contract check: generate types from the committed OpenAPI document, compile the
# seed story against them in strict mode, then tell the story to a running Attune service through a
# Prism proxy that validates every request and answer against the same document. Fails if the
# compile fails, the story fails, or the proxy logged any violation.
#
#   ATTUNE_TOKEN     bearer token (required); from /work/main (the repository root):
#                      java src/test/java/app/attune/support/DevToken.java --sub alice --org demo-clinic \
#                        --groups therapist --name "Alice Smith"
#   ATTUNE_UPSTREAM  the running service (default http://localhost:8080)
#   ATTUNE_PROXY_PORT  the proxy's port (default 4010)
#   ATTUNE_OPENAPI   the document (default ../openapi.yaml, the committed one)
#   PRISM_ERRORS     true (default): a violating answer becomes Prism's 500 problem answer and the
#                    story stops there; false: answers pass through, every violation is logged,
#                    and the story runs to its end (to list them all). Either way a violation fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

document=${ATTUNE_OPENAPI:-../openapi.yaml}
upstream=${ATTUNE_UPSTREAM:-http://localhost:8080}
port=${ATTUNE_PROXY_PORT:-4010}
errors=${PRISM_ERRORS:-true}
log=dist/prism.log

if [[ -z "${ATTUNE_TOKEN:-}" ]]; then
  echo "ATTUNE_TOKEN is not set. From the repository root:" >&2
  echo '  export ATTUNE_TOKEN=$(java src/test/java/app/attune/support/DevToken.java --sub alice --org demo-clinic --groups therapist --name "Alice Smith")' >&2
  exit 2
fi

echo "== npm ci"
npm ci --ignore-scripts --no-audit --no-fund

echo "== openapi-typescript $document -> src/generated/attune.ts"
rm -rf dist src/generated
npx openapi-typescript "$document" -o src/generated/attune.ts

echo "== tsc (strict)"
npx tsc -p .

if ! curl -sf -o /dev/null --max-time 5 "$upstream/q/health/ready"; then
  echo "warning: $upstream/q/health/ready does not answer UP; is the service running?" >&2
fi

echo "== prism proxy $document $upstream (errors: $errors) on port $port"
# Run Prism's own bin (not npx) so that $! is the proxy itself; no colours, so the log greps plainly.
FORCE_COLOR=0 NO_COLOR=1 ./node_modules/.bin/prism proxy "$document" "$upstream" \
  --errors="$errors" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
prism=$!
stop_proxy() {
  if kill -0 "$prism" 2>/dev/null; then
    kill "$prism" 2>/dev/null || true
    wait "$prism" 2>/dev/null || true
  fi
}
trap stop_proxy EXIT

for _ in $(seq 1 120); do
  if grep -q "Prism is listening" "$log"; then
    break
  fi
  if ! kill -0 "$prism" 2>/dev/null; then
    echo "the proxy stopped before it listened:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
if ! grep -q "Prism is listening" "$log"; then
  echo "the proxy did not listen within 60 s:" >&2
  cat "$log" >&2
  exit 1
fi

echo "== story"
story=0
ATTUNE_URL="http://127.0.0.1:$port" timeout 300 node dist/story.js || story=$?

stop_proxy
trap - EXIT

# What Prism prints for a violation: "Violation: <location> <message>" under [VALIDATOR] (error,
# warning or info), or, with --errors, "Request terminated with error: ...#VIOLATIONS" for an answer
# it replaced (its details are in that answer, which the story prints).
violations=$(grep -E "Violation:|#VIOLATIONS|\[VALIDATOR\].*(✖|⚠|error|warn)" "$log" || true)
count=0
if [[ -n "$violations" ]]; then
  count=$(printf '%s\n' "$violations" | wc -l)
fi

echo "== proxy log: $log"
if [[ "$count" -gt 0 ]]; then
  echo "the proxy logged $count violation line(s):"
  printf '%s\n' "$violations"
else
  echo "the proxy logged no violation"
fi

if [[ "$story" -ne 0 || "$count" -gt 0 ]]; then
  echo "typescript-check: FAILED (story exit $story, $count violation line(s))"
  exit 1
fi
echo "typescript-check: passed (strict compile, story, no violation)"
