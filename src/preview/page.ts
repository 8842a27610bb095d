import { msg } from "../messages/catalogue.js";
import { REPORT_POLICY_META } from "../render/html/contentSecurityPolicy.js";

/**
 * What the preview adds to the report's HTML: a toolbar with the build
 * button, an error banner, and its script (/preview.js, clientScript.ts),
 * which reloads the page when the server has rebuilt it. Only the preview
 * serves these; the report's own HTML (and so the PDF) never has them.
 */

/** The policy the server sends with the page: the report's, plus the preview's own script and its requests to the server. */
export const PREVIEW_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src data:",
  "font-src data:",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
#preview-bar { position: fixed; top: 8px; right: 8px; z-index: 1000; display: flex; gap: 8px; align-items: center;
  font: 14px/1.3 "Source Sans 3", sans-serif; background: #fff; border: 1px solid #c8ced6; border-radius: 6px; padding: 6px 10px;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); }
#preview-bar button { font: inherit; background: #0a4d8c; color: #fff; border: 0; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
#preview-bar a { color: #0a4d8c; }
#preview-error { position: sticky; top: 0; z-index: 999; margin: 0; padding: 12px 16px; background: #fdecea; color: #7a1010;
  border-bottom: 3px solid #b3261e; font: 15px/1.4 "Source Sans 3", sans-serif; white-space: pre-wrap; }
#preview-error strong { display: block; margin-bottom: 4px; }
`;

/** The report page with the preview's toolbar, error banner and script. */
export function previewPage(reportHtml: string | undefined, error: string | undefined, version: number): string {
  const banner = error ? `<pre id="preview-error" role="alert"><strong>${escapeHtml(msg.preview.banner().text)}</strong>${escapeHtml(error)}</pre>` : "";
  const status = `<span id="preview-status" data-building="${escapeHtml(msg.preview.building().text)}" data-failed="${escapeHtml(msg.preview.buildError().text)}"></span>`;
  const bar = `<div id="preview-bar"><button id="preview-build" type="button">${escapeHtml(msg.preview.buildButton().text)}</button> <a id="preview-web" href="/web/">${escapeHtml(msg.preview.webLink().text)}</a>${status}</div>`;
  const script = `<script src="/preview.js" data-version="${version}"></script>`;
  const empty = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(msg.preview.pageTitle().text)}</title></head><body></body></html>`;
  // The report's own policy allows no script at all; the server's header (PREVIEW_POLICY) takes its place.
  let html = (reportHtml ?? empty).replace(REPORT_POLICY_META, () => "");
  html = insert(html, /<\/head>/i, "before", `<style>${STYLE}</style>`);
  html = insert(html, /<body[^>]*>/i, "after", banner);
  return insert(html, /<\/body>/i, "before", `${bar}${script}`);
}

/**
 * `text` put before or after the first match of `at`, or at the end when there
 * is none. Never `String.replace` with a replacement string: `$'`, `$&` and
 * `$1` in an error message or a title would be read as patterns.
 */
function insert(html: string, at: RegExp, where: "before" | "after", text: string): string {
  const found = at.exec(html);
  if (!found) return html + text;
  const index = where === "before" ? found.index : found.index + found[0].length;
  return html.slice(0, index) + text + html.slice(index);
}
