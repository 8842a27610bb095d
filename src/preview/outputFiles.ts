import { createReadStream } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { msg } from "../messages/catalogue.js";
import { REPORT_POLICY } from "../render/html/contentSecurityPolicy.js";
import { CONTENT_TYPES } from "./contentTypes.js";
import { json } from "./json.js";

/** The report files /output/ serves; anything else there is "not found". */
const REPORT_FILES = new Set([".pdf", ".docx", ".html"]);

/** A file name under /output/: no folders, nothing to escape. */
const OUTPUT_NAME = /^[\w-]+(\.[\w-]+)*$/;

/**
 * GET /output/<name>: a built report file from output/<year>/, as a download.
 * `name` is already percent-decoded; anything but a plain file name of a
 * known type is "not found", so no request reaches outside that folder.
 */
export function sendOutputFile(response: ServerResponse, dir: string, name: string): void {
  const extension = name.slice(name.lastIndexOf("."));
  const type = REPORT_FILES.has(extension) ? CONTENT_TYPES[extension] : undefined;
  if (!type || !OUTPUT_NAME.test(name)) return json(response, 404, { ok: false, error: msg.preview.notFound().text });
  const stream = createReadStream(join(dir, name));
  stream.once("open", () => {
    // A download, not a page; an HTML edition opened from here anyway runs nothing (the report's own policy).
    response.writeHead(200, { "content-type": type, "content-disposition": `attachment; filename="${name}"`, "content-security-policy": REPORT_POLICY });
    stream.pipe(response);
  });
  stream.once("error", () => {
    if (!response.headersSent) json(response, 404, { ok: false, error: msg.preview.notFound().text });
    else response.destroy();
  });
}
