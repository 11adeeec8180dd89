#!/usr/bin/env bash
# `npm test`: lint, types, the XSS scan of the views, unit and HTTP tests, then browser journeys
# in Debian's Chromium, and how long each part took. Every test file makes its own database on one
# PostgreSQL server: the one in DATABASE_URL when set, else an embedded server started here for the
# whole run (scripts/test-database.ts) and stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
part_started=0
part() { # part NAME: ends the previous part's clock and starts this one's
  local now
  now=$(date +%s%N)
  if [ -n "${part_name:-}" ]; then timings+=("$(printf '%-34s %6.1f s' "$part_name" "$(((now - part_started) / 1000000))e-3")"); fi
  part_name=$1
  part_started=$now
  [ -z "$1" ] || echo "== $1"
}
report() {
  part ''
  echo "== how long each part took"
  printf '  %s\n' "${timings[@]}"
}
trap report EXIT

part "lint (biome)"
npx --no-install biome check .
part "types (tsc --noEmit)"
npx --no-install tsc --noEmit
part "xss scan of the views"
scan=$(npx --no-install xss-scan 2>&1 || true)
if [ -n "$(grep -E 'K6[0-9][0-9]|rror' <<<"$scan" || true)" ]; then echo "$scan"; exit 1; fi

# Apache PDFBox's Preflight checks that the minutes' PDF/A is valid; without it that one test skips.
if [ ! -f /usr/share/java/preflight.jar ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    part "installing Apache PDFBox Preflight (PDF/A checks)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless libpdfbox2-java \
      libactivation-java libjaxb-api-java >/dev/null || echo "(could not install it: the PDF/A check skips)"
  else
    echo "PDF/A is checked by Apache PDFBox Preflight when installed:" >&2
    echo "  sudo apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java" >&2
  fi
fi

if [ -z "${DATABASE_URL:-}" ]; then
  part "embedded PostgreSQL for the tests"
  coproc DBSERVER { exec node --import tsx scripts/test-database.ts; }
  dbserver_pid=$DBSERVER_PID
  dbserver_in=${DBSERVER[1]}
  # Its input closing (this script ending, however it ends) stops it and removes its folder.
  trap 'exec {dbserver_in}>&-; wait "$dbserver_pid" 2>/dev/null || true; report' EXIT
  if ! read -r DATABASE_URL <&"${DBSERVER[0]}"; then echo "the test database server did not start" >&2; exit 1; fi
  export DATABASE_URL
  where="the embedded PostgreSQL"
else
  where="PostgreSQL (DATABASE_URL)"
fi

part "unit and HTTP tests"
echo "(on $where)"
# Node 20's test runner takes no globs: list the files.
mapfile -t all < <(find src -name '*.test.ts' -o -name '*.test.tsx' | sort)
# Files that time the event loop run after the rest, one at a time: beside another test file on two
# cores their main thread ran 4–5 times longer for the same work (a 20,000-row XLSX export: 17–26 ms
# alone, 102–113 ms beside a neighbour), which is the neighbour, not the code under test.
mapfile -t unit < <(grep -L 'probeEventLoop' "${all[@]}")
mapfile -t timed < <(grep -l 'probeEventLoop' "${all[@]}" || true)
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${unit[@]}"
part "event-loop probes, one file at a time"
node --import tsx --test --test-concurrency=1 --test-reporter=spec "${timed[@]}"

# SIATKA_JOURNEYS=0 stops here (a quick run without a browser).
if [ "${SIATKA_JOURNEYS:-1}" = 0 ]; then echo "== browser journeys skipped (SIATKA_JOURNEYS=0)"; exit 0; fi

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    part "installing Debian's chromium for the browser journeys"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser journeys need Debian's Chromium at $chromium. Install it with:" >&2
    echo "  sudo apt-get install chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
    exit 1
  fi
fi
part "browser journeys (Chromium + axe)"
mapfile -t journeys < <(find test/e2e -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=1 --test-reporter=spec "${journeys[@]}"
