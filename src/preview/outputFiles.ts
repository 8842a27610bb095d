import { createReadStream } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { msg } from "../messages/catalogue.js";
import { REPORT_POLICY } from "../render/html/contentSecurityPolicy.js";
import { json } from "./json.js";

const MIME: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".html": "text/html; charset=utf-8",
};

/** A file name under /output/: no folders, nothing to escape. */
const OUTPUT_NAME = /^[\w-]+(\.[\w-]+)*$/;

/**
 * GET /output/<name>: a built report file from output/<year>/, as a download.
 * `name` is already percent-decoded; anything but a plain file name of a
 * known type is "not found", so no request reaches outside that folder.
 */
export function sendOutputFile(response: ServerResponse, dir: string, name: string): void {
  const type = MIME[name.slice(name.lastIndexOf("."))];
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
