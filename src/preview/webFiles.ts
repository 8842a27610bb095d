import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { msg } from "../messages/catalogue.js";
import type { DocumentModel } from "../types/model.js";
import type { SiteDocument, SiteFile } from "../render/web/site.js";
import { WEB_POLICY } from "../render/web/policy.js";
import { json } from "./json.js";
import { loadWebTemplates } from "../render/web/templates.js";
import { prepareSite } from "../render/web/site.js";
import { CONTENT_TYPES } from "./contentTypes.js";


/**
 * The web edition in the preview (GET /web/…): the pages a reader will see,
 * made from the preview's latest model when first asked for after a build.
 * The PDF and Word it links to are the ones in output/<year>/, when the
 * preview's button (or a report) has made them.
 */
export function webEdition(templateDir: string, root: string, outputDir: string, name: () => string): { files(model: DocumentModel, version: number): Promise<ReadonlyMap<string, SiteFile>> } {
  let made: { version: number; files: Promise<ReadonlyMap<string, SiteFile>> } | undefined;
  return {
    files(model, version) {
      if (made?.version !== version) {
        made = {
          version,
          files: (async () => {
            const documents: SiteDocument[] = [
              { label: "PDF", name: `${name()}.pdf` },
              { label: "Word", name: `${name()}.docx` },
            ].flatMap((document) => (existsSync(join(outputDir, document.name)) ? [{ ...document, content: new Uint8Array(readFileSync(join(outputDir, document.name))) }] : []));
            const site = await prepareSite(model, name(), loadWebTemplates(templateDir, root));
            return new Map(site.pages(documents).map((file) => [file.name, file]));
          })(),
        };
      }
      return made.files;
    },
  };
}

/** One file of the site, with the site's own Content-Security-Policy as a header too. */
export function sendWebFile(response: ServerResponse, files: ReadonlyMap<string, SiteFile>, path: string): void {
  const name = path === "" ? "index.html" : path;
  const file = files.get(name);
  const type = CONTENT_TYPES[name.slice(name.lastIndexOf("."))];
  if (!file || !type) return json(response, 404, { ok: false, error: msg.preview.notFound().text });
  response.writeHead(200, { "content-type": type, "cache-control": "no-store", "content-security-policy": WEB_POLICY });
  response.end(file.content);
}
