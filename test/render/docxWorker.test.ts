import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/renderDocx.js";
import { renderDocxInWorker } from "../../src/render/docx/renderInWorker.js";
import type { DocumentModel } from "../../src/types/model.js";
import { openDocx } from "../helpers/docx.js";
import { REPO } from "../helpers/project.js";

/** Word made in a worker thread (while Chromium prints) is the Word made in the main thread. */
const model: DocumentModel = {
  lang: "nb",
  title: "Testrapport 2025",
  organisation: "Testkommune",
  year: 2025,
  toc: [{ id: "kapittel-a", level: 1, text: "Kapittel A" }],
  chapters: [
    {
      id: "a",
      title: "Kapittel A",
      blocks: [
        { type: "heading", level: 1, id: "kapittel-a", text: "Kapittel A", toc: true },
        { type: "paragraph", children: [{ type: "text", text: "Bærum har 1\u00a0234 elever." }] },
        {
          type: "chart",
          id: "figur-x",
          label: "Figur 1",
          number: 1,
          caption: "Elever per skole",
          source: "Kilde: SSB/KOSTRA",
          notes: [],
          altText: "Stolpediagram: elever per skole. 2024: Bærum 379.",
          data: { layout: "grouped", categories: ["2023", "2024"], series: [{ key: "3201", name: "Bærum", color: "#0072B2", values: [382, 379] }], axisTitle: "Elever", percent: false, decimals: 0 },
          svg: "<svg/>",
          width: 600,
          height: 300,
        },
      ],
    },
  ],
};

/** docx gives relationships random ids and stamps the creation time; everything else must be equal. */
const stable = (xml: string) => xml.replace(/rId[\w-]{12,}/g, "rId*").replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, "").replace(/fontKey="\{[^}]*\}"/g, "");

describe("renderDocxInWorker", () => {
  it("writes the same parts with the same XML as renderDocx in the main thread", async () => {
    const [inWorker, inMain] = await Promise.all([renderDocxInWorker(model).then(openDocx), renderDocx(model).then(openDocx)]);
    expect([...inWorker.names].sort()).toEqual([...inMain.names].sort());
    for (const name of inMain.names.filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      expect(stable(await inWorker.read(name)), name).toBe(stable(await inMain.read(name)));
    }
    expect(await inWorker.read("word/document.xml")).toContain("Bærum har 1\u00a0234 elever.");
  });

  it("rejects with the worker's error when rendering fails there", async () => {
    const broken = { ...model, chapters: [{ id: "a", title: "A", blocks: [{ type: "paragraph" }] }] } as unknown as DocumentModel;
    await expect(renderDocxInWorker(broken)).rejects.toThrow(/^Word rendering failed: TypeError/);
  });

  it("stops the worker and rejects with the reason when the print failed", async () => {
    const stop = new AbortController();
    const rendering = renderDocxInWorker(model, stop.signal);
    stop.abort(new Error("the PDF failed"));
    await expect(rendering).rejects.toThrow("the PDF failed");
  });

  // Issue 21: a document too big for the memory Node has was «intern feil: Worker terminated due to reaching memory limit».
  it("says in Norwegian what to do when the worker runs out of memory", () => {
    const script = `
      const { renderDocxInWorker } = await import(${JSON.stringify(join(REPO, "src", "render", "docx", "renderInWorker.ts"))});
      const blocks = Array.from({ length: 40000 }, (_, i) => ({ type: "paragraph", children: [{ type: "text", text: "Avsnitt " + i + " om elever i grunnskolen." }] }));
      const model = { lang: "nb", title: "T", organisation: "K", year: 2025, toc: [], chapters: [{ id: "a", title: "A", blocks }] };
      try { await renderDocxInWorker(model); console.log("laget"); } catch (error) { console.log(error.id, error.message, "(" + error.hint + ")"); }`;
    const child = spawnSync(process.execPath, ["--max-old-space-size=48", "--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toMatch(/^render\.wordOutOfMemory Word-filen fikk ikke plass i minnet .*\(gi Node mer minne .*--format pdf/);
  });
});
