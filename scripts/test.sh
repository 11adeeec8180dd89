#!/usr/bin/env bash
# `npm test`: lint, types, the XSS scan of the views, unit and HTTP tests, then browser journeys
# in Debian's Chromium. With DATABASE_URL set, every test database is made on that PostgreSQL
# server; without it, tests use in-memory PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint (biome)"
npx --no-install biome check .
echo "== types (tsc --noEmit)"
npx --no-install tsc --noEmit
echo "== xss scan of the views"
scan=$(npx --no-install xss-scan 2>&1 || true)
if [ -n "$(grep -E 'K6[0-9][0-9]|rror' <<<"$scan" || true)" ]; then echo "$scan"; exit 1; fi

# Apache PDFBox's Preflight checks that the minutes' PDF/A is valid; without it that one test skips.
if [ ! -f /usr/share/java/preflight.jar ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Apache PDFBox Preflight (PDF/A checks)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless libpdfbox2-java \
      libactivation-java libjaxb-api-java >/dev/null || echo "(could not install it: the PDF/A check skips)"
  else
    echo "PDF/A is checked by Apache PDFBox Preflight when installed:" >&2
    echo "  sudo apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java" >&2
  fi
fi

if [ -n "${DATABASE_URL:-}" ]; then where="PostgreSQL"; else where="PGlite"; fi
echo "== unit and HTTP tests on $where"
# Node 20's test runner takes no globs: list the files.
mapfile -t unit < <(find src -name '*.test.ts' -o -name '*.test.tsx' | sort)
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${unit[@]}"

# SIATKA_JOURNEYS=0 stops here: CI runs the browser journeys once, on PostgreSQL, to stay well
# under its time budget (they pass on PGlite too; run `npm test` without it to see).
if [ "${SIATKA_JOURNEYS:-1}" = 0 ]; then echo "== browser journeys skipped (SIATKA_JOURNEYS=0)"; exit 0; fi


chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the browser journeys"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser journeys need Debian's Chromium at $chromium. Install it with:" >&2
    echo "  sudo apt-get install chromium" >&2
    echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
    exit 1
  fi
fi
echo "== browser journeys (Chromium + axe)"
mapfile -t journeys < <(find test/e2e -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=1 --test-reporter=spec "${journeys[@]}"
