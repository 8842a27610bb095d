import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exitCleanlyOnSignals, main } from "./main.js";

/** The one bin: `npm run report -- 2025` runs `kostra report 2025`. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
exitCleanlyOnSignals(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2), root, process.env);
