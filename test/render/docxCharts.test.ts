import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { chartsInNorwegian } from "../../src/render/docx/renderDocx.js";

describe("chartsInNorwegian (the chart parts' language, rewritten with fflate)", () => {
  it("rewrites the chart parts and keeps the others, as another zip reader sees them", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>", { compression: "DEFLATE" });
    zip.file("word/charts/chart1.xml", '<c:chartSpace><c:lang val="en-US"/><a:rPr lang="en-US"/>Økt</c:chartSpace>', { compression: "DEFLATE" });
    zip.file("word/document.xml", "<w:document>en-US</w:document>", { compression: "DEFLATE" });
    zip.file("stored.bin", new Uint8Array([0, 1, 2, 255]), { compression: "STORE" });
    const input = await zip.generateAsync({ type: "nodebuffer" });

    const output = chartsInNorwegian(input);

    const read = await JSZip.loadAsync(output, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(Object.keys(zip.files));
    expect(await read.file("word/charts/chart1.xml")!.async("string")).toBe('<c:chartSpace><c:lang val="nb-NO"/><a:rPr lang="nb-NO"/>Økt</c:chartSpace>');
    expect(await read.file("word/document.xml")!.async("string")).toBe("<w:document>en-US</w:document>");
    expect([...(await read.file("stored.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 255]);
  });

  it("refuses a chart part without the language it replaces (docx changed how it writes charts)", async () => {
    const zip = new JSZip();
    zip.file("word/charts/chart2.xml", "<c:chartSpace/>");
    const input = await zip.generateAsync({ type: "uint8array" });
    expect(() => chartsInNorwegian(input)).toThrow(/chart2\.xml has no/);
  });
});
