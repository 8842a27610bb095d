import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { goldenUpdateRequested } from "./goldenMode.js";
import { REPO } from "./project.js";

/** Where golden files live unless a test says otherwise. */
export const GOLDEN_DIR = join(REPO, "test", "golden");

export interface GoldenOptions {
  /** The folder the names are relative to; test/golden by default. */
  readonly dir?: string;
  /**
   * Folders (relative to `dir`) that hold only this call's files: a golden
   * file there that the call did not produce belongs to something that is
   * gone, and fails the test (UPDATE_GOLDEN=1 deletes it).
   */
  readonly owned?: readonly string[];
}

/** Compares `actual` with the golden file `name` (see expectGoldenFiles). */
export function expectGolden(name: string, actual: string, options: GoldenOptions = {}): void {
  expectGoldenFiles(new Map([[name, actual]]), options);
}

/**
 * Compares each file's text with its golden file, all of them before failing.
 * A mismatch or a missing golden writes `<name>-changed.<ext>` beside the
 * golden and fails, naming both files; a match removes an old `-changed` file.
 * `UPDATE_GOLDEN=1 npx vitest run <test file>` writes the goldens instead
 * (review the diff before committing); it is refused when `CI` is set.
 */
export function expectGoldenFiles(files: ReadonlyMap<string, string>, options: GoldenOptions = {}): void {
  const dir = options.dir ?? GOLDEN_DIR;
  const update = goldenUpdateRequested();
  const problems: string[] = [];
  for (const [name, actual] of files) {
    const file = join(dir, name);
    const changed = changedFile(file);
    const expected = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (expected === actual) {
      rmSync(changed, { force: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    if (update) {
      writeFileSync(file, actual);
      rmSync(changed, { force: true });
      continue;
    }
    writeFileSync(changed, actual);
    problems.push(
      expected === undefined
        ? `${shown(file)} mangler; det testen fikk, står i ${shown(changed)}`
        : `${shown(file)} stemmer ikke; det testen fikk, står i ${shown(changed)} (${firstDifference(expected, actual)})`,
    );
  }
  for (const stale of staleGoldens(dir, options.owned ?? [], files)) {
    if (update) rmSync(stale);
    else problems.push(`${shown(stale)} hører ikke til noe testen lager lenger`);
  }
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} ${problems.length === 1 ? "fasitfil avviker" : "fasitfiler avviker"}:\n${problems.map((p) => `  ${p}`).join("\n")}\n` +
        "Se over forskjellen (diff <fasit> <-changed>). Er den riktig: kjør UPDATE_GOLDEN=1 npx vitest run <testfilen> og commit fasitfilene.",
    );
  }
}

/** `a/b.json` → `a/b-changed.json`; `a/b` → `a/b-changed`. */
export function changedFile(file: string): string {
  return file.replace(/(\.[^./]+)?$/, (ext) => `-changed${ext}`);
}

const isChanged = (name: string) => /-changed(\.[^.]+)?$/.test(name);

function staleGoldens(dir: string, owned: readonly string[], files: ReadonlyMap<string, string>): string[] {
  const produced = new Set([...files.keys()].map((name) => join(dir, name)));
  return owned.flatMap((folder) => filesUnder(join(dir, folder))).filter((file) => !produced.has(file) && !isChanged(file));
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

function shown(file: string): string {
  const fromRepo = relative(REPO, file);
  return fromRepo.startsWith("..") ? file : fromRepo;
}

/** Where the two texts first differ, with both versions around that place, cut short (an SVG is one long line). */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split("\n");
  const got = actual.split("\n");
  const found = want.findIndex((text, i) => text !== got[i]);
  const line = found === -1 ? want.length : found;
  const a = want[line] ?? "";
  const b = got[line] ?? "";
  let column = 0;
  while (column < a.length && a[column] === b[column]) column++;
  const from = Math.max(0, column - 30);
  const around = (text: string | undefined) =>
    text === undefined ? "(ingen linje)" : JSON.stringify(`${from > 0 ? "…" : ""}${text.slice(from, column + 60)}${text.length > column + 60 ? "…" : ""}`);
  return `første forskjell på linje ${line + 1}, tegn ${column + 1}: fasit ${around(want[line])}, fikk ${around(got[line])}`;
}
