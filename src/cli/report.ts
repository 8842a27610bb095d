import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runReportCli } from "./main.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
process.exitCode = await runReportCli(process.argv.slice(2), root);
