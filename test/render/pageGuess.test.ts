import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPageGuess, writePageGuess } from "../../src/render/pdf/pageGuess.js";
import { tempFolder } from "../helpers/temp.js";

describe("page guess (output/.cache/pages-<year>.json)", () => {
  const dir = tempFolder("kostra-pages-");
  const file = join(dir, ".cache", "pages-2025.json");

  it("reads back the pages it wrote, for the headings asked for, and leaves no temporary file", () => {
    writePageGuess(file, new Map([["a", 3], ["b", 5]]));
    expect(readPageGuess(file, ["a", "b"])).toEqual(new Map([["a", 3], ["b", 5]]));
    expect(readPageGuess(file, ["b"])).toEqual(new Map([["b", 5]]));
    expect(readdirSync(join(dir, ".cache"))).toEqual(["pages-2025.json"]);
  });

  it("gives no guess for a heading it does not know, a missing file or a damaged one", () => {
    expect(readPageGuess(file, ["a", "new-heading"])).toBeUndefined();
    expect(readPageGuess(join(dir, "none.json"), ["a"])).toBeUndefined();
    writeFileSync(file, '{"a": 3, "b": "fem"');
    expect(readPageGuess(file, ["a"])).toBeUndefined();
    writeFileSync(file, '{"a": 0}');
    expect(readPageGuess(file, ["a"])).toBeUndefined();
  });
});
