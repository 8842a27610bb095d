import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runDistributeCli } from "./distributeMain.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
process.exitCode = await runDistributeCli(process.argv.slice(2), root, process.env);
