import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SEED_DIR } from "./project.js";

/**
 * The rows of the seed chapter's tables, read from the seed text itself, so
 * end-to-end expectations come from the source document, not from our data.
 * A row is a label followed by its values; values with a thousands space
 * ("109 384") are re-joined using the known number of columns.
 */
export interface SeedRow {
  readonly line: number;
  readonly label: string;
  readonly values: readonly string[];
}

const ROW_LABEL =
  /^\s*(Bærum|Asker|ASSS med Oslo|\d+ - \d+ timer|271 eller mer|\d\. trinn|\d+\. - \d+\. trinn|40 år eller yngre|41 til 49 år|50 til 59 år|60 år og eldre)\s+([\d ,%]+?)\s*$/;
const WEIGHT = /^\s*(\S.*?)\s+(0,\d{4})\s*$/;

export function seedTableRows(file = "004_095679aa8231c651.txt"): SeedRow[] {
  const lines = readFileSync(join(SEED_DIR, file), "utf8").split(/\r?\n/);
  const rows: SeedRow[] = [];
  lines.forEach((text, i) => {
    const row = ROW_LABEL.exec(text);
    if (row) {
      const columns = /^\d\. trinn$/.test(row[1]!) ? 6 : 4;
      rows.push({ line: i + 1, label: row[1]!, values: splitValues(row[2]!, columns) });
      return;
    }
    const weight = WEIGHT.exec(text);
    if (weight) rows.push({ line: i + 1, label: weight[1]!, values: [weight[2]!] });
  });
  return rows;
}

function splitValues(tail: string, columns: number): string[] {
  const pieces: string[] = [];
  for (const piece of tail.trim().split(/\s+/)) {
    if (piece === "%") pieces[pieces.length - 1] += " %";
    else pieces.push(piece);
  }
  while (pieces.length > columns) {
    const i = pieces.findIndex((p, k) => /^\d{1,3}$/.test(p) && /^\d{3}$/.test(pieces[k + 1] ?? ""));
    if (i === -1) break;
    pieces.splice(i, 2, `${pieces[i]} ${pieces[i + 1]}`);
  }
  if (pieces.length !== columns) throw new Error(`seed row "${tail}" does not split into ${columns} values`);
  return pieces;
}
