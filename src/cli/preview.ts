import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ReportError, isReportError } from "../errors.js";
import { projectPaths } from "../pipeline.js";
import { startPreview } from "../preview/server.js";

const USAGE = `Bruk: npm run preview -- <år> [--port 4321]

Viser rapporten i nettleseren på http://127.0.0.1:4321/ og oppdaterer siden av seg selv
når du lagrer en fil under data/ eller templates/. Feil vises i siden med fil og linje.
Knappen «Lag PDF og Word» lager filene i output/<år>/. Ctrl+C avslutter.`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function main(argv: readonly string[]): Promise<number> {
  let year: number | undefined;
  let port = 4321;
  let projectRoot = root;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg === "--port") {
      port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ReportError("--port needs a port number, e.g. --port 4321");
    } else if (arg === "--root") projectRoot = resolve(argv[++i] ?? ".");
    else if (/^\d{4}$/.test(arg)) year = Number(arg);
    else throw new ReportError(`unknown argument "${arg}"`, { hint: "see npm run preview -- --help" });
  }
  if (year === undefined) throw new ReportError("which year? e.g. npm run preview -- 2025");
  const preview = await startPreview(projectPaths(projectRoot), { year, port, log: (line) => console.log(`  ${line}`) });
  console.log(`Forhåndsvisning av ${year}: ${preview.url}  (Ctrl+C avslutter)`);
  await new Promise<void>((resolveStop) => process.once("SIGINT", resolveStop));
  await preview.close();
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!isReportError(error)) throw error;
  console.error(`feil: ${error.format()}`);
  process.exitCode = error.exitCode;
}
