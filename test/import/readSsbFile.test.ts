import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportError } from "../../src/errors.js";
import { readSsbFile } from "../../src/import/readSsbFile.js";
import { cellValue, parseCsvCell } from "../../src/import/symbols.js";
import { fixtures } from "./helpers.js";
import { tempFolder } from "../helpers/temp.js";

describe("reading a saved SSB file", () => {
  it("tells JSON-stat from CSV by content", () => {
    const json = readSsbFile(join(fixtures, "12134-v2-json-stat2.json"), "a.json");
    const latin1 = readSsbFile(join(fixtures, "12134-long-windows1252-fixture.csv"), "b.csv");
    const bom = readSsbFile(join(fixtures, "12362-wide-utf8bom-fixture.csv"), "c.csv");
    expect([json.format, latin1.format, bom.format]).toEqual(["json-stat2", "csv-long", "csv-wide"]);
    expect([json.file, latin1.file, bom.file]).toEqual(["a.json", "b.csv", "c.csv"]);
    expect(latin1.cells[0]!.regionLabel).toBe("Bærum");
    expect(bom.cells[0]!.region).toBe("3024");
  });
});

describe("SSB symbols", () => {
  it("missing symbols are null and never 0; '-' is zero; '0' is a number", () => {
    for (const symbol of [".", "..", "...", ":"]) {
      expect(cellValue(0, symbol)).toEqual({ value: null, status: symbol });
      expect(parseCsvCell(symbol)).toEqual({ value: null, status: symbol });
    }
    expect(cellValue(null, "-")).toEqual({ value: 0, status: "-" });
    expect(parseCsvCell("-")).toEqual({ value: 0, status: "-" });
    expect(parseCsvCell("0")).toEqual({ value: 0 });
    expect(parseCsvCell("-0,4")).toEqual({ value: -0.4 });
    expect(parseCsvCell("13.9")).toEqual({ value: 13.9 });
    expect(parseCsvCell("")).toEqual({ value: null });
    expect(parseCsvCell("1 234")).toBeUndefined();
    expect(cellValue(12.5, "*")).toEqual({ value: 12.5, status: "*" });
  });
});

describe("files that are not SSB's data say what they are", () => {
  const write = (name: string, content: string | Buffer) => {
    const dir = tempFolder("ssb-");
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const message = (path: string) => {
    try {
      readSsbFile(path, "x");
    } catch (error) {
      if (error instanceof ReportError) return error.format();
      throw error;
    }
    throw new Error("expected a ReportError");
  };

  it("an HTML page, an empty file, UTF-16, and SSB's own error bodies", () => {
    expect(message(write("page.json", "<!DOCTYPE html><html><body>Statistikkbanken</body></html>"))).toMatch(/^x: dette er en nettside \(HTML\), ikke tall fra SSB/);
    expect(message(write("empty.csv", "\uFEFF\n"))).toMatch(/^x: filen er tom/);
    expect(message(write("u16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('"region";"år"', "utf16le")])))).toMatch(/^x: filen er UTF-16/);
    expect(message(write("v1.json", JSON.stringify({ error: [{ code: 400, message: "Too many values selected" }] })))).toBe(
      "x: SSB svarte med en feilmelding, ikke tall: Too many values selected (rett spørringen (tabell, koder, år) og last ned på nytt)",
    );
    expect(message(write("v2.json", JSON.stringify({ type: "Parameter error", title: "Non-existent value", status: 400 })))).toMatch(/^x: SSB svarte med en feilmelding, ikke tall: Non-existent value/);
  });
});
