/**
 * Which municipality number a code has today, from SSB's record of code
 * changes (KLASS classification 131, shipped as data/ssb/kommunenummer-endringer.csv).
 *
 * A code is followed through its changes, oldest first, as long as every step
 * is one-to-one: Bærum 0219 → 3024 (2020) → 3201 (2024). A step where the
 * municipality was merged with others (Asker 0220 + Røyken 0627 + Hurum 0628 →
 * 3025 Asker, 2020) or split (Snillfjord 5012 → 5055, 5056, 5059) is
 * "ambiguous": the old number covers a different area than the new one, so
 * figures must not be carried over or summed silently. The caller lists the
 * codes involved, or allows a step explicitly (`allow`: "treat 0220 as 3025").
 * A rename that keeps the code (5001 Trondheim → 5001 Trondheim - Tråante) is
 * no step. A code with no recorded change resolves to itself.
 */
import { readFileSync } from "node:fs";
import { msg } from "../messages/catalogue.js";
import { changesFromCsv, type KommuneChange } from "./klassChanges.js";

export type { KommuneChange } from "./klassChanges.js";

export interface AllowedStep {
  readonly from: string;
  readonly to: string;
}

export interface ResolveOptions {
  /** The year (or ISO date) the code was in use, e.g. the year of the figures: changes on or before it are not followed. */
  readonly validIn?: number | string;
  /** Resolve to the code valid in this year (or at this ISO date); default: the latest. */
  readonly at?: number | string;
  /** Merge or split steps the caller accepts, e.g. `{ from: "0220", to: "3025" }`. */
  readonly allow?: readonly AllowedStep[];
}

export type KommuneResolution =
  | { readonly kind: "unchanged"; readonly code: string }
  | { readonly kind: "renumbered"; readonly code: string; readonly steps: readonly KommuneChange[] }
  | {
      readonly kind: "ambiguous";
      readonly reason: "merge" | "split";
      /** ISO date of the step that is not one-to-one. */
      readonly date: string;
      /** Old codes of that step (for a merge, all the merged municipalities, the followed one first). */
      readonly from: readonly string[];
      /** New codes of that step (for a split, every successor). */
      readonly to: readonly string[];
      /** The one-to-one steps followed before it. */
      readonly steps: readonly KommuneChange[];
    };

export class KommuneHistory {
  private readonly byOldCode = new Map<string, KommuneChange[]>();
  private readonly byNewCodeAndDate = new Map<string, KommuneChange[]>();

  constructor(readonly changes: readonly KommuneChange[]) {
    for (const change of changes) {
      push(this.byOldCode, change.oldCode, change);
      push(this.byNewCodeAndDate, `${change.newCode} ${change.changeOccurred}`, change);
    }
  }

  resolve(code: string, options: ResolveOptions = {}): KommuneResolution {
    const after = options.validIn === undefined ? "" : endOf(options.validIn);
    const until = options.at === undefined ? "9999-12-31" : endOf(options.at);
    const allowed = (from: string, to: string) => options.allow?.some((a) => a.from === from && a.to === to) ?? false;
    const steps: KommuneChange[] = [];
    let current = code;
    let since = after;
    for (;;) {
      const pending = (this.byOldCode.get(current) ?? []).filter((c) => c.changeOccurred > since && c.changeOccurred <= until);
      if (pending.length === 0) break;
      const date = pending.map((c) => c.changeOccurred).sort()[0]!;
      const step = pending.filter((c) => c.changeOccurred === date);
      const targets = unique(step.map((c) => c.newCode));
      const chosen = targets.length === 1 ? targets[0]! : targets.find((t) => allowed(current, t));
      if (chosen === undefined) return { kind: "ambiguous", reason: "split", date, from: [current], to: targets, steps };
      const partners = unique((this.byNewCodeAndDate.get(`${chosen} ${date}`) ?? []).map((c) => c.oldCode).filter((old) => old !== current));
      if (partners.length > 0 && !allowed(current, chosen)) {
        return { kind: "ambiguous", reason: "merge", date, from: [current, ...partners.sort()], to: [chosen], steps };
      }
      if (chosen !== current) steps.push(step.find((c) => c.newCode === chosen)!);
      current = chosen;
      since = date;
    }
    return steps.length === 0 ? { kind: "unchanged", code: current } : { kind: "renumbered", code: current, steps };
  }

  /** The municipality's name in a change record, for messages ("0220 Asker"). */
  nameOf(code: string): string | undefined {
    const asOld = this.byOldCode.get(code)?.[0]?.oldName;
    return asOld ?? this.changes.find((c) => c.newCode === code)?.newName;
  }

  /** One line for a message: "0220 Asker ble slått sammen med 0627 Røyken, 0628 Hurum til 3025 Asker 2020-01-01". */
  describe(resolution: KommuneResolution & { kind: "ambiguous" }): string {
    const named = (code: string) => [code, this.nameOf(code)].filter(Boolean).join(" ");
    const [first, ...others] = resolution.from.map(named);
    return resolution.reason === "merge"
      ? msg.importing.mergedInto(first ?? "", others.join(", "), resolution.to.map(named).join(""), resolution.date).text
      : msg.importing.splitInto(first ?? "", resolution.to.map(named).join(", "), resolution.date).text;
  }
}

/** Where the shipped change list lives, relative to the project root. */
export const KOMMUNE_CHANGES_FILE = "data/ssb/kommunenummer-endringer.csv";

export function loadKommuneHistory(path: string, displayPath = path): KommuneHistory {
  return new KommuneHistory(changesFromCsv(readFileSync(path, "utf8"), displayPath));
}

/** A year means its last day: figures for 2019 use the codes valid through 2019-12-31. */
function endOf(when: number | string): string {
  return typeof when === "number" ? `${String(when).padStart(4, "0")}-12-31` : when;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
