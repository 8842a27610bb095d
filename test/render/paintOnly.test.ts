import { describe, expect, it } from "vitest";
import { untagDecoration } from "../../src/render/pdf/paintOnly.js";

/** Which tagged sequences become artifacts: shapes-only in tables, headings and sections; empty ones; never a chart's. */
describe("untagDecoration", () => {
  it("makes a table cell's background and a heading's rule artifacts, and an empty sequence too", () => {
    const content = "/TH <</MCID 0 >>BDC\n0 976 490 29 re\nf\nEMC\n/H2 <</MCID 1 >>BDC\n0 272 635 1 re\nf\nEMC\n/P <</MCID 2 >>BDC\nEMC";
    const result = untagDecoration(content);
    expect(result.mcids).toEqual([0, 1, 2]);
    expect(result.content).toBe("/Artifact BMC\n0 976 490 29 re\nf\nEMC\n/Artifact BMC\n0 272 635 1 re\nf\nEMC\n/Artifact BMC\nEMC");
  });

  it("keeps text, a chart's shapes and nested sequences tagged", () => {
    const content = "/TD <</MCID 0 >>BDC\nBT <0001> Tj ET\nEMC\n/Figure <</MCID 1 >>BDC\n0 0 10 10 re\nf\nEMC\n/P <</MCID 2 >>BDC\n0 0 1 1 re f\nBT <0002> Tj ET\nEMC";
    const result = untagDecoration(content);
    expect(result.mcids).toEqual([]);
    expect(result.content).toBe(content);
  });
});
