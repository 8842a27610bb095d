import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Titles an attacker (or a careless paste) could put in report.yaml: markup
 * that would end the page's <style> and run a script, next to what an
 * ordinary title holds (quotes, <, \, letters beyond ASCII). No double
 * quote or backslash inside the script: the old escaping (JSON.stringify)
 * changed those, and these must run where the escaping is wrong.
 */
export const TITLE = `Tall «og» "sitat" <2025> \\ Bærum</style><script>window.pwned = 'tittel'</script>`;
export const CHAPTER = `Skole </style><img src=x onerror=window.pwned='kapittel'>`;

/** report.yaml with the title and the first chapter's title replaced by the two above (YAML single-quoted). */
export function hostileTitles(root: string): void {
  const file = join(root, "data", "2025", "report.yaml");
  const yaml = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const text = readFileSync(file, "utf8");
  const next = text.replace("title: KOSTRA analyse 2025\n", () => `title: ${yaml(TITLE)}\n`).replace("    title: Grunnskoleopplæring\n", () => `    title: ${yaml(CHAPTER)}\n`);
  if (!next.includes(yaml(TITLE)) || !next.includes(yaml(CHAPTER))) throw new Error("report.yaml is not as this test expects");
  writeFileSync(file, next);
}

