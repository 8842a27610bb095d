/**
 * The Content-Security-Policy of every HTML page the tool writes: the report
 * loads nothing and runs nothing. Its fonts and images are data: URLs and
 * its style is inline; it has no script at all, so none may run, inline or
 * from anywhere, even if a title or a template ever let markup through.
 * `base-uri` and `form-action` are not covered by `default-src`, so they are
 * closed by name.
 */
export const REPORT_POLICY = [
  "default-src 'none'",
  "img-src data:",
  "font-src data:",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The tag templates/report.hbs writes first in `<head>`; a report.hbs of a template set must have it too. */
export const REPORT_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY}">`;
