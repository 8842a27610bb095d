/**
 * Regenerates data/ssb/kommunenummer-endringer.csv from a saved KLASS response
 * (classification 131, changes):
 *
 *   curl -o klass131-changes.json -H 'Accept: application/json' \
 *     'https://data.ssb.no/api/klass/v1/classifications/131/changes?from=1970-01-01&to=2026-01-01'
 *   npx tsx scripts/klass-changes.ts klass131-changes.json [data/ssb/kommunenummer-endringer.csv]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isReportError } from "../src/errors.js";
import { changesToCsv, klassChangesFromJson } from "../src/import/klassChanges.js";

const [input, output = "data/ssb/kommunenummer-endringer.csv"] = process.argv.slice(2);
if (!input) {
  console.error("usage: npx tsx scripts/klass-changes.ts <klass131-changes.json> [output.csv]");
  process.exit(2);
}
try {
  const changes = klassChangesFromJson(readFileSync(input, "utf8"), input);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, changesToCsv(changes));
  console.log(`${output}: ${changes.length} changes`);
} catch (error) {
  if (!isReportError(error)) throw error;
  console.error(`feil: ${error.format()}`);
  process.exit(1);
}
