import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../../errors.js";
import { DEFAULT_BASE } from "../../import/pxwebUrls.js";
import { EXIT, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const fetchCommand: Command = {
  name: "fetch",
  synopsis: "<år> [--dry-run]",
  description: `Henter årets tall fra SSBs PxWebApi v2 (JSON-stat 2.0) for hver tabell indikatorkatalogen
nevner, innenfor SSBs grenser (800 000 celler per spørring, 30 spørringer i minuttet, korte
URL-er), lagrer svarene urørt i data/<år>/ssb/ og importerer dem som npm run import.
Krever nett; SSB_API_URL velger en annen adresse (standard ${DEFAULT_BASE}).`,
  options: {
    "dry-run": { type: "boolean", describe: "vis spørringene og skriv ingenting" },
  },
  positionals: { min: 1, max: 1, name: "the report year, e.g. 2025" },
  async run(args, { root, env, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { loadDefinition } = await import("../../config/loadDefinition.js");
    const { loadDataset } = await import("../../data/dataset.js");
    const { printChanges } = await import("../printChanges.js");
    const { ssbMappings } = await import("../../import/catalogue.js");
    const { fetchQueries } = await import("../../import/fetchPlan.js");
    const { fetchSsbTable, REQUESTS_PER_MINUTE } = await import("../../import/fetchSsb.js");
    const { KOMMUNE_CHANGES_FILE, loadKommuneHistory } = await import("../../import/kommuneNumbers.js");
    const { runImport } = await import("../../import/runImport.js");
    const { Throttle } = await import("../../import/throttle.js");
    const { projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "fetch");
    const paths = projectPaths(root);
    const definitionPath = join(paths.dataDir, String(year), "report.yaml");
    if (!existsSync(definitionPath)) throw new ReportError(`there is no report for ${year}`, { location: { file: relative(root, definitionPath) }, hint: `create it with npm run new-year -- ${year}` });
    const definition = loadDefinition(definitionPath, relative(root, definitionPath));
    const data = loadDataset({ root, dataDir: paths.dataDir, year });
    const history = loadKommuneHistory(join(root, KOMMUNE_CHANGES_FILE), KOMMUNE_CHANGES_FILE);
    const regions = [...new Set([definition.municipality, ...definition.regions])].filter((id) => data.regions.has(id) && /^(\d{4}|E[A-Z0-9]+)$/.test(id));
    const queries = fetchQueries(ssbMappings(data.indicators.values()), regions, definition.years, history);
    if (queries.length === 0) throw new ReportError("no indicator names an SSB table", { location: { file: "data/indicators.csv" }, hint: "give indicators ssb_table and ssb_contents (see README «Tall fra SSB»)" });
    const base = env.SSB_API_URL ?? DEFAULT_BASE;
    const outDir = join(paths.dataDir, String(year), "ssb");
    if (args.values["dry-run"] === true) {
      for (const query of queries) out(`${query.table}: ${query.selections.map((s) => `${s.dimension}=${s.codes.join(",")}`).join(" ")}`);
      return EXIT.done;
    }
    const throttle = new Throttle(REQUESTS_PER_MINUTE, 60_000);
    const saved = [];
    for (const query of queries) saved.push(...(await fetchSsbTable(query, { outDir, base, throttle, log: (line) => out(`  ${line}`) })));
    for (const file of saved) out(`Lagret ${relative(root, file.file)}`);
    const before = data.observations.map((row) => row.value);
    runImport({
      root,
      year,
      files: saved.map((file) => ({ path: file.file, display: relative(root, file.file) })),
      dryRun: false,
      release: undefined,
      allow: [],
      today: new Date().toISOString().slice(0, 10),
      log: out,
    });
    await printChanges(paths, year, before, out);
    return EXIT.done;
  },
};
