import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Replaces one exact occurrence of `from` in a project file; fails loudly if it is not there once. */
export function replaceInFile(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected "${from}" once in ${path}, found it ${count} times`);
  // A function, so a `$&` or `$'` in `to` is written as it stands.
  writeFileSync(file, text.replace(from, () => to));
}
