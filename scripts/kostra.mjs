/**
 * The command line as npm runs it (`npm run report -- 2025`): src/ compiled
 * once to JavaScript by esbuild, then run by plain Node. Starting under tsx
 * costs a second process and a TypeScript transform of every module on every
 * run; a compiled copy starts in a fraction of that (docs/benchmark.md).
 *
 * The copy lives in node_modules/.cache/kostra-cli/<hash>/, where <hash> is
 * the SHA-256 of every file under src/, package-lock.json and this file: an
 * edit anywhere gives a new folder, built before the command runs (about
 * 0.1 s), so the copy is never stale. It is built into a temporary folder and
 * renamed, so two commands started at once never see half a build. Tests and
 * `tsx src/cli/kostra.ts` still run the sources themselves.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(root, "node_modules", ".cache", "kostra-cli");
/** Loaded from node_modules as they are, not bundled: large, loaded late, or reading files beside themselves. */
const LOADED_AS_PACKAGES = ["puppeteer-core", "pdfjs-dist", "pdf-lib", "docx", "vega", "vega-lite", "opentype.js", "nodemailer", "handlebars", "esbuild", "tsx", "@fontsource/*"];
/** Builds older than this, of sources since changed, are removed. */
const KEEP_OLD_BUILDS_MS = 7 * 24 * 3600 * 1000;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}

function sourceHash() {
  const hash = createHash("sha256");
  const files = [...sourceFiles(join(root, "src")), join(root, "package-lock.json"), fileURLToPath(import.meta.url)];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function build(outDir) {
  const { build: esbuild } = await import("esbuild");
  const temporary = `${outDir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await esbuild({
    // main.js exports main(); the worker is named as renderInWorker.ts expects it, beside the chunk that starts it.
    entryPoints: [
      { in: join(root, "src", "cli", "main.ts"), out: "main" },
      { in: join(root, "src", "render", "docx", "docxWorker.ts"), out: "docxWorker" },
    ],
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // The small parsers every command needs (zod, yaml, csv-parse, mdast/micromark: hundreds of files) are bundled
    // in; the big libraries that only rendering, mail or the preview load stay packages of their own.
    external: LOADED_AS_PACKAGES,
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    sourcemap: "linked",
    logLevel: "error",
  });
  try {
    renameSync(temporary, outDir);
  } catch (error) {
    // Another command built the same sources first: use that one.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(outDir)) throw error;
  }
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path !== outDir && Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
  }
}

const outDir = join(cacheDir, sourceHash());
if (!existsSync(join(outDir, "main.js"))) {
  mkdirSync(cacheDir, { recursive: true });
  try {
    await build(outDir);
  } catch (error) {
    process.stderr.write(`intern feil: kan ikke kompilere src/ med esbuild: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
// Stack traces (--debug) name the TypeScript sources.
process.setSourceMapsEnabled(true);
const { exitCleanlyOnSignals, main } = await import(pathToFileURL(join(outDir, "main.js")).href);
exitCleanlyOnSignals(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2), root, process.env);
