/**
 * The Content-Security-Policy of every page of the web edition. Unlike the
 * print HTML, the site is a set of files: its style sheet, script and fonts
 * are files of its own (`'self'`), shared by every page and cached by the
 * reader's browser. Nothing else loads or runs: no inline script or style
 * (the charts' SVG has neither), no other site, no forms, no `<base>`.
 */
export const WEB_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The tag templates/web/partials/layout.hbs writes first in `<head>`. */
export const WEB_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${WEB_POLICY}">`;
