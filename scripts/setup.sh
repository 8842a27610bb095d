#!/usr/bin/env bash
# Installs everything the project needs on a Debian machine, and nothing
# twice: Debian's Chromium (prints the PDF), poppler-utils (pdftotext/pdfinfo
# for tests), libxml2-utils (xmllint), LibreOffice Writer (opens the .docx in
# tests), strace (proves in a test that a build connects nowhere), a fallback
# font set, and the npm packages exactly as package-lock.json locks them
# (npm ci). The report's own font comes from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# LibreOffice opens the .docx in tests as a real reader would.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# ... and the web edition's .xlsx downloads, with Calc.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
command -v strace >/dev/null 2>&1 || need+=(strace)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  # package.json pins rollup (overrides) to a version whose platform packages
  # all exist on the registry, so the lockfile is complete and npm ci accepts it.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
echo "setup: ready"
