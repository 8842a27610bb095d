#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, then type check,
# lint and the whole vitest suite, end-to-end tests with the real Chromium included.
# Nothing may be left in the temp dir afterwards: its entries are compared before
# and after, and any new one fails the run (vitest's own temp dir is checked too,
# in test/helpers/tempRoot.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
temp="${TMPDIR:-/tmp}"
temp="${temp%/}"
entries() { find "$temp" -mindepth 1 -maxdepth 1 -printf '%f\n' | LC_ALL=C sort; }
bash scripts/setup.sh
# Counted after the setup: apt and npm may leave their own files on a fresh machine; the tests may not.
before="$(entries)"
echo "== type check"
npx tsc --noEmit
echo "== lint"
npx eslint .
echo "== tests"
mkdir -p output
status=0
npx vitest run --reporter=default --reporter=json --outputFile=output/test-results.json || status=$?
# A plain closing line that any CI can read.
node -e 'const r = require("./output/test-results.json"); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' || true
after="$(entries)"
count() { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l; fi; }
echo "temp-mappen $temp: $(count "$before") oppføringer før, $(count "$after") etter"
left="$(LC_ALL=C comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed '/^$/d')"
if [ -n "$left" ]; then
  echo "feil: npm test etterlot $(count "$left") oppføring(er) i $temp:" >&2
  printf '%s\n' "$left" | sed "s|^|  $temp/|" >&2
  echo "Finn testen som lagde dem (navnet sier hvilken hjelper), og la den bruke tempFolder() fra test/helpers/temp.ts." >&2
  status=1
fi
exit $status
