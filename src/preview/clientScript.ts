/**
 * The preview page's own script, served as /preview.js so the page's
 * Content-Security-Policy can forbid every inline script (a title or
 * commentary that ever got markup through could then still run nothing).
 * It reads what it needs from the page: the build number from its own
 * `data-version`, its texts from the toolbar's `data-*` (the catalogue's,
 * written by page.ts). It reloads the page when the server has rebuilt it,
 * keeping the scroll position, and runs the «Lag PDF og Word» button.
 * It writes text only as text, never as HTML.
 */
export const CLIENT_SCRIPT = `"use strict";
(() => {
  const version = Number(document.currentScript.dataset.version);
  window.kostraPreviewVersion = version;
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
    if (Number(event.data) !== version) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
  const start = () => {
    const button = document.getElementById("preview-build");
    const status = document.getElementById("preview-status");
    button.addEventListener("click", async () => {
      button.disabled = true;
      status.textContent = status.dataset.building;
      let result;
      try {
        result = await (await fetch("/build", { method: "POST" })).json();
      } catch (error) {
        result = { ok: false, error: String(error) };
      }
      button.disabled = false;
      if (result.ok) {
        status.replaceChildren(...result.files.flatMap((file, i) => {
          const link = document.createElement("a");
          link.href = "/output/" + encodeURIComponent(file);
          link.download = file;
          link.textContent = file;
          return i === 0 ? [link] : [" ", link];
        }));
      } else {
        status.textContent = status.dataset.failed + " " + result.error;
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
