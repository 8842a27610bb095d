import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../../errors.js";
import { DEFAULT_BASE } from "../../import/pxwebUrls.js";
import { msg } from "../../messages/catalogue.js";
import { EXIT, type Command, type ParsedArgs } from "../command.js";
import { yearArgument } from "../year.js";

export const fetchCommand: Command = {
  name: "fetch",
  synopsis: "<år> [--dry-run] [--timeout <sek>] [--connect-timeout <sek>]",
  description: `Henter årets tall fra SSBs PxWebApi v2 (JSON-stat 2.0) for hver tabell indikatorkatalogen
nevner, innenfor SSBs grenser (800 000 celler per spørring, 30 spørringer i minuttet, korte
URL-er), lagrer svarene urørt i data/<år>/ssb/ (med <tabell>-<n>.kilde: hvor og når hvert svar
ble hentet) og importerer dem som npm run import. Feiler noe, er ingen filer endret.
Krever nett; SSB_API_URL velger en annen adresse (standard ${DEFAULT_BASE}); omdirigeringer
følges bare innenfor den adressens vert. Frister: SSB_CONNECT_TIMEOUT og SSB_TIMEOUT (sekunder).`,
  options: {
    "dry-run": { type: "boolean", describe: "vis spørringene og skriv ingenting" },
    timeout: { type: "string", value: "<sek>", describe: "lengste tid for hele svaret på én spørring (standard 60, eller SSB_TIMEOUT)" },
    "connect-timeout": { type: "string", value: "<sek>", describe: "lengste tid for å få kontakt med SSB (standard 15, eller SSB_CONNECT_TIMEOUT)" },
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, env, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { loadDefinition } = await import("../../config/loadDefinition.js");
    const { loadDataset } = await import("../../data/dataset.js");
    const { printChanges } = await import("../printChanges.js");
    const { ssbMappings } = await import("../../import/catalogue.js");
    const { fetchQueries } = await import("../../import/fetchPlan.js");
    const { DEFAULT_DEADLINES, downloadTable, fetchTableShape, REQUESTS_PER_MINUTE } = await import("../../import/fetchSsb.js");
    const { stageAndImport } = await import("../../import/stageFetched.js");
    const { KOMMUNE_CHANGES_FILE, loadKommuneHistory } = await import("../../import/kommuneNumbers.js");
    const { lockYear } = await import("../../import/yearLock.js");
    const { Throttle } = await import("../../import/throttle.js");
    const { projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "fetch");
    const paths = projectPaths(root);
    const definitionPath = join(paths.dataDir, String(year), "report.yaml");
    if (!existsSync(definitionPath)) throw new ReportError(msg.importing.noReport(year), { location: { file: relative(root, definitionPath) } });
    const deadlines = {
      connectMs: seconds(args, env, "connect-timeout", "SSB_CONNECT_TIMEOUT") ?? DEFAULT_DEADLINES.connectMs,
      deadlineMs: seconds(args, env, "timeout", "SSB_TIMEOUT") ?? DEFAULT_DEADLINES.deadlineMs,
    };
    const dryRun = args.values["dry-run"] === true;
    // The year's data is ours from the first read to the last write: an import beside us waits its turn.
    const lock = dryRun ? undefined : lockYear(root, year, "npm run fetch");
    try {
      const definition = loadDefinition(definitionPath, relative(root, definitionPath));
      const data = loadDataset({ root, dataDir: paths.dataDir, year });
      const history = loadKommuneHistory(join(root, KOMMUNE_CHANGES_FILE), KOMMUNE_CHANGES_FILE);
      const regions = [...new Set([definition.municipality, ...definition.regions])].filter((id) => data.regions.has(id) && /^(\d{4}|E[A-Z0-9]+)$/.test(id));
      const mappings = ssbMappings(data.indicators.values());
      if (mappings.size === 0) throw new ReportError(msg.importing.noSsbTable(), { location: { file: "data/indicators.csv" } });
      const base = env.SSB_API_URL ?? DEFAULT_BASE;
      const throttle = new Throttle(REQUESTS_PER_MINUTE, 60_000);
      const options = { base, throttle, deadlines, log: (line: string) => out(`  ${line}`) };
      const shapes = new Map<string, Awaited<ReturnType<typeof fetchTableShape>>>();
      for (const table of mappings.keys()) shapes.set(table, await fetchTableShape(table, options));
      const queries = fetchQueries(mappings, regions, definition.years, history, shapes);
      if (dryRun) {
        for (const query of queries) out(`${query.table}: ${query.selections.map((s) => `${s.dimension}=${s.codes.join(",")}`).join(" ")}`);
        return EXIT.done;
      }
      // Every table first: a failure in the last one leaves the folder as it was.
      const fetched = [];
      for (const query of queries) fetched.push({ table: query.table, bodies: await downloadTable(query, options) });
      const before = data.observations.map((row) => row.value);
      stageAndImport({ root, year, fetched, log: out, today: new Date().toISOString().slice(0, 10) });
      await printChanges(paths, year, before, out);
      return EXIT.done;
    } finally {
      lock?.release();
    }
  },
};

/** `--timeout 1.5`, else the environment variable, in milliseconds. */
function seconds(args: ParsedArgs, env: NodeJS.ProcessEnv, option: string, variable: string): number | undefined {
  const given = args.values[option];
  const [text, source] = typeof given === "string" ? [given, `--${option}`] : env[variable] !== undefined && env[variable] !== "" ? [env[variable]!, variable] : [undefined, ""];
  if (text === undefined) return undefined;
  const value = Number(text.replace(",", "."));
  if (!/^\d+([.,]\d+)?$/.test(text.trim()) || !(value > 0)) throw new ReportError(msg.importing.badSeconds(source, text));
  return Math.round(value * 1000);
}
