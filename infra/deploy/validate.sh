#!/usr/bin/env bash
# Offline validation of the deployment files (no container engine here): YAML + Compose schema,
# cross-references, app environments against their config schemas, Kubernetes selectors, Dockerfile sanity,
# and that the files generated from the rehearsal's topology (`npm run deploy:generate`) match it.
# Uses `docker compose config` as well when a Compose CLI is installed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

sh -n infra/deploy/entrypoint.sh
"$ROOT/node_modules/.bin/tsx" infra/dev/src/deploy-check.ts

if docker compose version >/dev/null 2>&1; then
  AUTH_SECRET=validate-only-0123456789abcdef0123456789 DOCUMENT_SIGNING_PASSPHRASE=validate-only \
    TEMPORAL_PAYLOAD_KEYS=k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= TEMPORAL_PAYLOAD_KEY_ID=k1 \
    DOCUMENT_SIGNING_P12_FILE=/dev/null DOCUMENT_TRUST_ANCHORS_FILE=/dev/null SERVICE_KEYS_DIR=/tmp \
    TEMPORAL_DB_PASSWORD=validate SMTP_URL=smtp://localhost:25 \
    sh -c 'for f in compose.yaml compose.ferretdb.yaml; do docker compose -f "infra/deploy/$f" config --quiet; done'
  echo "[deploy] docker compose config: ok"
fi
