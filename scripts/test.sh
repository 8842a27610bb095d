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
npx vitest run
