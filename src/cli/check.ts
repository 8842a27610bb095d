import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCheckCli } from "./checkMain.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
process.exitCode = await runCheckCli(process.argv.slice(2), root);
