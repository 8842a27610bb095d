import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import JSZip from "jszip";
import { REPO } from "./project.js";
import { tempFolder } from "./temp.js";

/** The OOXML schemas (ISO/IEC 29500-4 transitional + Microsoft extensions), kept in the repository. */
export const SCHEMAS = resolve(REPO, "test", "fixtures", "ooxml-schemas");

export interface DocxParts {
  readonly names: readonly string[];
  read(name: string): Promise<string>;
}

export async function openDocx(data: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(data);
  return {
    names: Object.keys(zip.files),
    read: async (name) => {
      const file = zip.file(name);
      if (!file) throw new Error(`${name} is not in the .docx`);
      return file.async("string");
    },
  };
}

/** The text of each paragraph (w:p) of a WordprocessingML part, in order. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(""),
  );
}

/** The cells of each table row (w:tr), as text. */
export function tableRowCells(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0]).join(" ")),
  );
}

/** The text of each table row (w:tr), its cells joined by a space. */
export function tableRowTexts(xml: string): string[] {
  return tableRowCells(xml).map((cells) => cells.join(" "));
}

function decode(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/**
 * xmllint against the OOXML schemas; returns its complaints, empty when the part validates.
 * `mc:Ignorable` is removed first, as Word's markup-compatibility step does before it reads a part.
 */
export function schemaErrors(xml: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ooxml-"));
  try {
    const file = join(dir, "part.xml");
    writeFileSync(file, xml.replace(/ mc:Ignorable="[^"]*"/, ""));
    const result = spawnSync("xmllint", ["--noout", "--schema", join(SCHEMAS, schema), file], { encoding: "utf8" });
    if (result.error) throw result.error;
    return result.status === 0 ? "" : result.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens the .docx in LibreOffice, as a reader would, and saves it as PDF; returns the PDF's path.
 * LibreOffice's profile is removed when it exits; the PDF's folder when the test ends (tempFolder).
 */
export function libreOfficeToPdf(docx: string): string {
  const out = tempFolder("lo-out-");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  let result;
  try {
    result = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx],
      { encoding: "utf8", timeout: 180_000 },
    );
  } finally {
    // The profile is LibreOffice's alone; the PDF's folder is the caller's to remove.
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  if (result.error) throw result.error;
  const pdf = readdirSync(out).find((f) => f === basename(docx).replace(/\.docx$/, ".pdf"));
  if (result.status !== 0 || !pdf) throw new Error(`LibreOffice could not convert ${docx}: ${result.stderr}`);
  return join(out, pdf);
}
