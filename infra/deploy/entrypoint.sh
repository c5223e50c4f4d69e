#!/bin/sh
# Container entry point: runs one Seleksi JPT process, chosen by the first argument or $APP.
set -eu
cd /app
app="${1:-${APP:-}}"
case "$app" in
  gateway) entry=gateway/src/main.ts ;;
  worker) entry=workflows/src/worker/main.ts ;;
  candidate | assessment | document) entry="services/$app/src/main.ts" ;;
  setup) entry=infra/dev/src/temporal-setup.ts ;;
  proxy) entry=infra/dev/src/cluster/proxy-main.ts ;;
  *)
    echo "usage: <gateway|worker|candidate|assessment|document|setup|proxy> (or set APP); got '$app'" >&2
    exit 2
    ;;
esac
exec node_modules/.bin/tsx "$entry"
