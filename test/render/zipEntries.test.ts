import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { rewriteZipEntries } from "../../src/render/docx/zipEntries.js";

describe("rewriteZipEntries", () => {
  it("rewrites the chosen entries and keeps the others, as another zip reader sees them", async () => {
    const zip = new JSZip();
    zip.file("word/charts/chart1.xml", '<c:chartSpace><c:lang val="en-US"/>Økt</c:chartSpace>', { compression: "DEFLATE" });
    zip.file("word/document.xml", "<w:document>en-US</w:document>", { compression: "DEFLATE" });
    zip.file("stored.bin", new Uint8Array([0, 1, 2, 255]), { compression: "STORE" });
    const input = await zip.generateAsync({ type: "nodebuffer" });

    const output = rewriteZipEntries(input, (name) => name.startsWith("word/charts/"), (xml) => xml.replace("en-US", "nb-NO"));

    const read = await JSZip.loadAsync(output, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(Object.keys(zip.files));
    expect(await read.file("word/charts/chart1.xml")!.async("string")).toBe('<c:chartSpace><c:lang val="nb-NO"/>Økt</c:chartSpace>');
    expect(await read.file("word/document.xml")!.async("string")).toBe("<w:document>en-US</w:document>");
    expect([...(await read.file("stored.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 255]);
  });
});
