import { describe, expect, it } from "vitest";
import { markUntaggedAsArtifacts } from "../../src/render/pdf/artifacts.js";
import { contentOperations } from "../../src/render/pdf/contentOperations.js";

/** The content-stream pass that marks untagged page content as /Artifact (PDF/UA-1, Matterhorn 01-005). */
describe("contentOperations", () => {
  it("splits a content stream into operators, skipping strings, arrays, dictionaries and comments as operands", () => {
    const ops = contentOperations("q 1 0 0 1 0 0 cm % a comment BT\n/P <</MCID 0 /ActualText (a ) BT ET)>> BDC BT /F1 9 Tf [(x) -20 (y\\) ET)] TJ <0041> Tj ET EMC Q");
    expect(ops.map((o) => o.operator)).toEqual(["q", "cm", "BDC", "BT", "Tf", "TJ", "Tj", "ET", "EMC", "Q"]);
  });

  it("gives each operation the bytes from its first operand to its operator", () => {
    const text = "0 0 10 10 re f";
    const [re, f] = contentOperations(text);
    expect(text.slice(re!.start, re!.end)).toBe("0 0 10 10 re");
    expect(text.slice(f!.start, f!.end)).toBe("f");
  });
});

describe("markUntaggedAsArtifacts", () => {
  it("wraps a running header's text object and a background fill that stand outside any tag", () => {
    const page = "q BT /F1 8 Tf 1 0 0 1 20 800 Tm (Side 1 av 2) Tj ET Q\n0.9 g 0 0 100 20 re f\n/P <</MCID 0>> BDC BT (Tekst) Tj ET EMC";
    const { content, wrapped } = markUntaggedAsArtifacts(page);
    expect(wrapped).toBe(2);
    expect(content).toBe(
      "q /Artifact BMC\nBT /F1 8 Tf 1 0 0 1 20 800 Tm (Side 1 av 2) Tj ET\nEMC Q\n0.9 g /Artifact BMC\n0 0 100 20 re f\nEMC\n/P <</MCID 0>> BDC BT (Tekst) Tj ET EMC",
    );
  });

  it("leaves tagged content, existing artifacts, clipping paths and graphics state as they are", () => {
    const page = "q 0 0 595 842 re W n /Span <</MCID 1>> BDC 0 0 5 5 re f BT (a) Tj ET EMC /Artifact BMC BT (b) Tj ET EMC Q";
    expect(markUntaggedAsArtifacts(page)).toEqual({ content: page, wrapped: 0 });
  });

  it("wraps an XObject drawn outside any tag, but not one drawn inside", () => {
    const { content } = markUntaggedAsArtifacts("/Im1 Do /Figure <</MCID 2>> BDC /Im2 Do EMC");
    expect(content).toBe("/Artifact BMC\n/Im1 Do\nEMC /Figure <</MCID 2>> BDC /Im2 Do EMC");
  });

  it("does not split a text object that holds tagged content", () => {
    const page = "BT /P <</MCID 3>> BDC (a) Tj EMC ET";
    expect(markUntaggedAsArtifacts(page).wrapped).toBe(0);
  });
});
