import { describe, expect, it } from "vitest";
import { decodeSsbText } from "../../src/import/decodeText.js";
import { parseSsbCsv, splitCode } from "../../src/import/ssbCsv.js";
import { errorOf, fixtureBytes } from "./helpers.js";

// The *-fixture.csv files are TEST FIXTURES in the shape of SSB's CSV download
// (title line, quoted header, decimal comma, symbols); the numbers are invented.
// 12134-long-windows1252-fixture.csv is Windows-1252 with CRLF; 12362-wide-utf8bom-fixture.csv is UTF-8 with a BOM.

const csv = (text: string, file = "data/ssb/x.csv") => parseSsbCsv(Buffer.from(text, "utf8"), file);
const message = (text: string) => errorOf(() => csv(text)).format();

describe("SSB CSV download", () => {
  it("reads the long layout from a Windows-1252 file", () => {
    const data = parseSsbCsv(fixtureBytes("12134-long-windows1252-fixture.csv"), "12134.csv");
    expect(data).toMatchObject({ format: "csv-long", table: "12134", file: "12134.csv" });
    expect(data.label).toBe("12134: Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region, statistikkvariabel og år");
    expect(data.cells).toHaveLength(12);
    expect(data.cells[0]).toEqual({
      contents: "Frie inntekter per innbygger (kr)",
      contentsLabel: "Frie inntekter per innbygger (kr)",
      region: "3201",
      regionLabel: "Bærum",
      year: 2023,
      dimensions: {},
      value: 75300,
    });
    const values = data.cells.map((c) => [c.region, c.year, c.value, c.status]);
    expect(values).toEqual([
      ["3201", 2023, 75300, undefined],
      ["3201", 2024, 76880, undefined],
      ["3201", 2023, 3.1, undefined],
      ["3201", 2024, -0.4, undefined],
      ["3203", 2023, 68120, undefined],
      ["3203", 2024, null, "."],
      ["3203", 2023, null, ".."],
      ["3203", 2024, 2.2, undefined],
      ["EAKUO", 2023, 62410, undefined],
      ["EAKUO", 2024, null, ":"],
      ["EAKUO", 2023, 0, "-"],
      ["EAKUO", 2024, 1.8, undefined],
    ]);
    expect(data.cells[8]!.regionLabel).toBe("Landet uten Oslo");
  });

  it("reads the wide layout from a UTF-8 file with BOM, with an extra dimension column", () => {
    const data = parseSsbCsv(fixtureBytes("12362-wide-utf8bom-fixture.csv"), "12362.csv");
    expect(data).toMatchObject({ format: "csv-wide", table: "12362" });
    expect(data.cells).toHaveLength(16);
    expect(data.cells[0]).toEqual({
      contents: "Netto driftsutgifter per innbygger (kr)",
      contentsLabel: "Netto driftsutgifter per innbygger (kr)",
      region: "3024",
      regionLabel: "Bærum (2020-2023)",
      year: 2023,
      dimensions: { funksjon: "202" },
      value: 18366,
    });
    const bærum213 = data.cells.filter((c) => c.region === "3201" && c.dimensions.funksjon === "213");
    expect(bærum213.map((c) => [c.contents.slice(0, 30), c.year, c.value, c.status])).toEqual([
      ["Netto driftsutgifter per innby", 2023, null, "."],
      ["Netto driftsutgifter per innby", 2024, 276, undefined],
      ["Netto driftsutgifter i prosent", 2023, null, "."],
      ["Netto driftsutgifter i prosent", 2024, null, ":"],
    ]);
  });

  it("reads the same cells whether the file is Windows-1252 or UTF-8", () => {
    const latin1 = fixtureBytes("12134-long-windows1252-fixture.csv");
    const utf8 = Buffer.from(new TextDecoder("windows-1252").decode(latin1), "utf8");
    expect(decodeSsbText(latin1).encoding).toBe("windows-1252");
    expect(decodeSsbText(utf8).encoding).toBe("utf-8");
    expect(parseSsbCsv(utf8, "a.csv").cells).toEqual(parseSsbCsv(latin1, "a.csv").cells);
  });

  it("a long file without a variable column takes the variable from the value header; a trailing ';' is ignored", () => {
    const data = csv('"region";"år";"12134: Frie inntekter per innbygger (kr)";\n"3201 Bærum";"2024";76880;\n');
    expect(data.table).toBe("12134");
    expect(data.cells).toEqual([
      { contents: "Frie inntekter per innbygger (kr)", contentsLabel: "Frie inntekter per innbygger (kr)", region: "3201", regionLabel: "Bærum", year: 2024, dimensions: {}, value: 76880 },
    ]);
  });

  it("reads a wide file with one column per year and the variable in its own column, and keeps footnotes", () => {
    const data = csv(
      '"12134: Utvalgte nøkkeltall"\n"region";"statistikkvariabel";"2023";"2024"\n"3201 Bærum";"Frie inntekter per innbygger (kr)";75300;76880\n"3203 Asker";"Frie inntekter per innbygger (kr)";68120;".."\n"Kilde: Statistisk sentralbyrå"\n',
    );
    expect(data.format).toBe("csv-wide");
    expect(data.notes).toEqual(["Kilde: Statistisk sentralbyrå"]);
    expect(data.cells.map((c) => [c.contents, c.region, c.year, c.value, c.status])).toEqual([
      ["Frie inntekter per innbygger (kr)", "3201", 2023, 75300, undefined],
      ["Frie inntekter per innbygger (kr)", "3201", 2024, 76880, undefined],
      ["Frie inntekter per innbygger (kr)", "3203", 2023, 68120, undefined],
      ["Frie inntekter per innbygger (kr)", "3203", 2024, null, ".."],
    ]);
  });

  it("region codes from labels", () => {
    expect(splitCode("3201 Bærum")).toEqual({ code: "3201", label: "Bærum" });
    expect(splitCode("0301 - Oslo - Oslove")).toEqual({ code: "0301", label: "Oslo - Oslove" });
    expect(splitCode("EKG13 Kostragruppe 13")).toEqual({ code: "EKG13", label: "Kostragruppe 13" });
    expect(splitCode("0 Hele landet")).toEqual({ code: "0", label: "Hele landet" });
    expect(splitCode("Hele landet")).toBeUndefined();
    expect(splitCode("I alt")).toBeUndefined();
  });
});

describe("bad CSV input is one line naming the file", () => {
  it("an unknown layout says which layouts are understood", () => {
    expect(message('"12134: Tittel"\n"kommune navn";"verdi"\n"Bærum";"1"\n')).toBe(
      'data/ssb/x.csv:2: ukjent CSV-oppsett: "kommune navn";"verdi" (SSBs CSV-nedlasting leses i to oppsett: langt ("region";"statistikkvariabel";"år";<tall>) eller bredt ("region";"<variabel> <år>";… eller "region";"statistikkvariabel";"<år>";…), med koder i kommunekolonnen ("3201 Bærum"))',
    );
  });

  it("a value that is neither a number nor a symbol, with line and column", () => {
    expect(message('"12134: T"\n"region";"år";"12134: T"\n"3201 Bærum";"2024";"12,3x"\n')).toBe(
      "data/ssb/x.csv:3:3: ventet et tall eller et av SSBs symboler (. .. ... : -), fant «12,3x» (tall skrives med desimalkomma (13,9); et tall som mangler er et symbol, for eksempel ..)",
    );
  });

  it("a region without a code", () => {
    expect(message('"12134: T"\n"region";"år";"12134: T"\n"Bærum";"2024";1\n')).toBe(
      "data/ssb/x.csv:3:1: «Bærum» har ingen kommunekode (last ned CSV-en med koder og navn («3201 Bærum»), for eksempel outputFormatParams=UseCodesAndTexts)",
    );
  });

  it("a row with a different number of fields", () => {
    expect(message('"12134: T"\n"region";"år";"12134: T"\n"3201 Bærum";"2024"\n')).toBe("data/ssb/x.csv:3: raden har 2 felt, overskriften har 3 (hent tabellen på nytt fra SSB)");
  });

  it("no table number anywhere", () => {
    expect(message('"region";"år";"Frie inntekter"\n"3201 Bærum";"2024";1\n')).toBe(
      "data/ssb/x.csv:1: kan ikke se hvilken SSB-tabell dette er (last ned CSV-en med tittelen («12134: …» på første rad))",
    );
  });
});
