/**
 * What the preview adds to the report's HTML: a toolbar with the build
 * button, an error banner, and a script that reloads the page when the
 * server has rebuilt it, keeping the scroll position. Only the preview
 * serves these; the report's own HTML (and so the PDF) never has them.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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

const SCRIPT = (version: number) => `
(() => {
  window.kostraPreviewVersion = ${version};
  const key = "kostra-preview-scroll";
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const restore = () => window.scrollTo(0, Number(saved));
    restore();
    document.fonts.ready.then(restore);
  }
  const events = new EventSource("/events");
  events.addEventListener("version", (event) => {
    if (Number(event.data) !== ${version}) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
  const button = document.getElementById("preview-build");
  const status = document.getElementById("preview-status");
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = "Lager PDF og Word …";
    const response = await fetch("/build", { method: "POST" });
    const result = await response.json();
    button.disabled = false;
    status.innerHTML = result.ok
      ? result.files.map((f) => '<a href="/output/' + f + '" download>' + f + "</a>").join(" ")
      : "Feil: " + result.error.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  });
})();
`;

/** The report page with the preview's toolbar, error banner and reload script. */
export function previewPage(reportHtml: string | undefined, error: string | undefined, version: number): string {
  const banner = error
    ? `<pre id="preview-error" role="alert"><strong>Rapporten kunne ikke bygges – rett feilen, så oppdateres siden av seg selv:</strong>${escapeHtml(error)}</pre>`
    : "";
  const bar = `<div id="preview-bar"><button id="preview-build" type="button">Lag PDF og Word</button><span id="preview-status"></span></div>`;
  const head = `<style>${STYLE}</style>`;
  const tail = `${bar}<script>${SCRIPT(version)}</script>`;
  const html = reportHtml ?? `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Forhåndsvisning</title></head><body></body></html>`;
  return html.replace("</head>", `${head}</head>`).replace(/<body([^>]*)>/, `<body$1>${banner}`).replace("</body>", `${tail}</body>`);
}
