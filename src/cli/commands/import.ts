import { join, resolve } from "node:path";
import type { KommuneHistory } from "../../import/kommuneNumbers.js";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { EXIT, type Command } from "../command.js";
import { latestYear } from "../year.js";

export const importCommand: Command = {
  name: "import",
  synopsis: "<fil>… [--year 2025] [--dry-run] [--preliminary|--final] [--allow 0220=3025]",
  description: `Leser tall fra SSB (JSON-stat 2.0 fra PxWebApi, eller SSBs CSV-nedlasting) inn i
data/<år>/observations.csv, gjennom indikatorkatalogen (ssb_table, ssb_contents,
ssb_dimensions i data/indicators.csv). Gamle kommunenummer følges til dagens når endringen
er én-til-én; sammenslåtte kommuner listes og tas bare med --allow. Hver verdi får kilde,
SSBs oppdateringstid, importdato og om den er foreløpig eller endelig (fra datoen: før
15. juni året etter er tallene foreløpige). Alt som endres, listes gammelt → nytt.`,
  options: {
    year: { type: "string", value: "<år>", describe: "rapportåret tallene skal inn i (standard: det nyeste under data/)" },
    "dry-run": { type: "boolean", describe: "vis hele endringslisten og skriv ingenting" },
    preliminary: { type: "boolean", describe: "merk tallene som foreløpige" },
    final: { type: "boolean", describe: "merk tallene som endelige" },
    allow: { type: "string", multiple: true, value: "<gammel>=<ny>", describe: "ta med en sammenslått kommune, f.eks. --allow 0220=3025" },
  },
  positionals: { min: 1, max: 100, name: "én eller flere filer lagret fra SSB, f.eks. 12134.json" },
  async run(args, { root, env, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { printChanges } = await import("../printChanges.js");
    const { loadDataset } = await import("../../data/dataset.js");
    const { runImport } = await import("../../import/runImport.js");
    const { KOMMUNE_CHANGES_FILE, loadKommuneHistory } = await import("../../import/kommuneNumbers.js");
    const { projectPaths } = await import("../../pipeline.js");
    const { lockYear } = await import("../../import/yearLock.js");
    if (args.values.preliminary === true && args.values.final === true) throw new ReportError(msg.importing.preliminaryAndFinal());
    const year = args.values.year === undefined ? latestYear(root) : yearOption(String(args.values.year));
    const allow = ((args.values.allow ?? []) as string[]).map((pair) => {
      const match = /^(\d{4})=(\d{4})$/.exec(pair);
      if (!match) throw new ReportError(msg.importing.badAllow(pair));
      return { from: match[1]!, to: match[2]! };
    });
    const paths = projectPaths(root);
    if (allow.length) checkAllowed(allow, loadKommuneHistory(join(root, KOMMUNE_CHANGES_FILE), KOMMUNE_CHANGES_FILE));
    const dryRun = args.values["dry-run"] === true;
    // From the first read to the last write the year's data is this run's: a second import or a fetch waits its turn.
    const lock = dryRun ? undefined : lockYear(root, year, "npm run import");
    try {
      const before = loadDataset({ root, dataDir: paths.dataDir, year }).observations.map((row) => row.value);
      runImport({
        root,
        year,
        // npm runs scripts in the project folder; a relative path is meant from where the analyst typed it.
        files: args.positionals.map((file) => ({ path: resolve(env.INIT_CWD ?? process.cwd(), file), display: file })),
        dryRun,
        release: args.values.preliminary === true ? "foreløpig" : args.values.final === true ? "endelig" : undefined,
        allow,
        today: new Date().toISOString().slice(0, 10),
        log: out,
      });
      if (!dryRun) await printChanges(paths, year, before, out);
      return EXIT.done;
    } finally {
      lock?.release();
    }
  },
};

/** An --allow step must be one of SSB's recorded changes (0220 → 3025), not a guess (0220 → 3203). */
function checkAllowed(allow: readonly { from: string; to: string }[], history: KommuneHistory): void {
  for (const step of allow) {
    if (history.changes.some((change) => change.oldCode === step.from && change.newCode === step.to)) continue;
    const targets = history.changes.filter((change) => change.oldCode === step.from).map((change) => change.newCode);
    throw new ReportError(msg.importing.allowNotAChange(step.from, step.to, [...new Set(targets)].join(", ")));
  }
}

function yearOption(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new ReportError(msg.importing.badYear(text));
  return Number(text);
}
