import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport, scratchProject } from "../helpers/project.js";
import { strictUtf8, xmpBytes, xpath } from "../helpers/strictPdf.js";

/**
 * Issue 19: conformance as checkers we did not write read it. Both documents
 * the repository builds, the KOSTRA analyse (2025) and the årsrapport (2020),
 * are printed once by the real command, in every format, and then read as a
 * validator reads them: strict UTF-8, XML parsed by xmllint, the .docx's XML.
 */
interface Built {
  readonly year: string;
  readonly title: string;
  readonly pdf: Uint8Array;
  readonly docx: Uint8Array;
  readonly html: string;
}

const REPORTS = [
  { year: "2025", base: "kostra-analyse-2025", title: "KOSTRA analyse 2025" },
  { year: "2020", base: "arsrapport-2020", title: "Årsrapport 2020" },
] as const;

const built = new Map<string, Built>();

beforeAll(() => {
  const root = scratchProject();
  for (const report of REPORTS) {
    const result = runReport([report.year, "--root", root]);
    if (result.status !== 0) throw new Error(`report ${report.year} failed: ${result.stderr}`);
    const dir = join(root, "output", report.year);
    built.set(report.year, {
      year: report.year,
      title: report.title,
      pdf: new Uint8Array(readFileSync(join(dir, `${report.base}.pdf`))),
      docx: new Uint8Array(readFileSync(join(dir, `${report.base}.docx`))),
      html: readFileSync(join(dir, `${report.base}.html`), "utf8"),
    });
  }
}, 240_000);

const get = (year: string): Built => built.get(year)!;

describe.each(REPORTS.map((r) => r.year))("report %s", (year) => {
  it("1: the XMP packet is UTF-8 XML with pdfuaid:part 1 and dc:title (Matterhorn 06-001..003)", async () => {
    const { pdf, title } = get(year);
    const bytes = await xmpBytes(pdf);
    const text = strictUtf8(bytes);
    expect(text.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    const ns = (local: string) => `*[local-name()='${local}']`;
    expect(xpath(bytes, `string(//${ns("part")}[namespace-uri()='http://www.aiim.org/pdfua/ns/id/'])`)).toBe("1");
    expect(xpath(bytes, `string(//${ns("title")}[namespace-uri()='http://purl.org/dc/elements/1.1/']//${ns("li")})`)).toBe(title);
    expect(xpath(bytes, `string(//${ns("creator")}//${ns("li")})`)).toBe("Bærum kommune");
  });
});
