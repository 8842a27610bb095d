#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, then type check,
# lint and the whole vitest suite, end-to-end tests with the real Chromium included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
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
exit $status
