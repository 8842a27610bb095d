import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { createChartCache } from "../charts/chartCache.js";
import { isReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { buildModel, buildReport, outputName, type ProjectPaths } from "../pipeline.js";
import { ATTACHABLE } from "../render/formats.js";
import { loadHtmlTemplates } from "../render/html/renderHtml.js";
import { CLIENT_SCRIPT } from "./clientScript.js";
import { joinRunning } from "./joinRunning.js";
import { json } from "./json.js";
import { HOST, listen } from "./listen.js";
import { sendOutputFile } from "./outputFiles.js";
import { PREVIEW_POLICY, previewPage } from "./page.js";
import { refusal } from "./requestGuard.js";
import { watchFolders, type FolderWatcher } from "./watchFolders.js";
import { sendWebFile, webEdition } from "./webFiles.js";
import type { DocumentModel } from "../types/model.js";

export interface PreviewOptions {
  readonly year: number;
  /** One of the year's documents; none: its default. */
  readonly document?: string;
  readonly port: number;
  readonly log: (line: string) => void;
}

export interface PreviewServer {
  readonly url: string;
  /** Resolves when the build that is running (or pending) has finished. */
  settled(): Promise<void>;
  /** The number of the newest build; the page knows the one it shows. */
  version(): number;
  close(): Promise<void>;
}

interface State {
  html?: string | undefined;
  /** The model of the latest good build, for the web edition (GET /web/…). */
  model?: DocumentModel | undefined;
  error?: string | undefined;
  version: number;
  buildMs: number;
}

/** What POST /build answers; everyone who asked while a build ran gets the same. */
type FilesResult = { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * `npm run preview`: the report as HTML on 127.0.0.1, rebuilt whenever a
 * file under data/ or templates/ changes. A mistake in a file is shown in the
 * page and the server keeps running; the next save that fixes it clears it.
 * No request can stop the server: a malformed one gets 400, one from another
 * site 403 (see requestGuard.ts).
 */
export async function startPreview(paths: ProjectPaths, options: PreviewOptions): Promise<PreviewServer> {
  const state: State = { version: 0, buildMs: 0 };
  // One chart cache for the whole session: a rebuild after an edit to the text redraws no unchanged chart.
  const effects = { log: () => {}, now: () => performance.now(), charts: createChartCache(join(paths.outputDir, ".cache", "charts")) };
  const clients = new Set<ServerResponse>();
  let running: Promise<void> | undefined;
  let pending = false;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const { model } = await buildModel(paths, options.year, effects, options.document);
      state.html = loadHtmlTemplates(paths.templateDir, paths.root, model.style).render(model);
      state.model = model;
      state.error = undefined;
    } catch (error) {
      state.error = describe(error);
    }
    state.version += 1;
    state.buildMs = performance.now() - started;
    const ms = Math.round(state.buildMs);
    options.log((state.error ? msg.preview.buildFailed(ms, state.error) : msg.preview.built(ms)).text);
    for (const client of clients) client.write(`event: version\ndata: ${state.version}\n\n`);
  };

  /** One build at a time; saves during a build trigger exactly one more. */
  const schedule = (): Promise<void> => {
    if (running) {
      pending = true;
      return running;
    }
    running = (async () => {
      do {
        pending = false;
        await rebuild();
      } while (pending);
      running = undefined;
    })();
    return running;
  };

  /**
   * PDF and Word, one build at a time: Chromium is heavy. A request while one
   * runs joins it and gets its answer; it never starts another.
   */
  const buildFiles = joinRunning(async (): Promise<FilesResult> => {
    const started = performance.now();
    options.log(msg.preview.filesStarted().text);
    try {
      const outputs = await buildReport(paths, options.year, effects, new Set(ATTACHABLE), options.document);
      const files = Object.values(outputs.files).map((file) => basename(file));
      options.log(msg.preview.filesBuilt(Math.round(performance.now() - started), files).text);
      return { ok: true, files };
    } catch (error) {
      options.log(msg.preview.filesFailed(describe(error)).text);
      return { ok: false, error: describe(error) };
    }
  });

  const outputDir = join(paths.outputDir, String(options.year));
  let port = options.port;
  const web = webEdition(paths.templateDir, paths.root, outputDir, () => outputName(paths, options.year, options.document));

  const route = (request: IncomingMessage, response: ServerResponse, path: string): void => {
    if (request.method === "GET" && path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": PREVIEW_POLICY });
      response.end(previewPage(state.html, state.error, state.version));
    } else if (request.method === "GET" && path === "/preview.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      response.end(CLIENT_SCRIPT);
    } else if (request.method === "GET" && path === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(`event: version\ndata: ${state.version}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
    } else if (request.method === "POST" && path === "/build") {
      void buildFiles().then((result) => json(response, 200, result));
    } else if (request.method === "GET" && (path === "/web" || path.startsWith("/web/"))) {
      // The site as a reader will see it, from the latest good build; its links are relative, so /web/ must end in a slash.
      if (path === "/web") {
        response.writeHead(301, { location: "/web/" }).end();
      } else if (!state.model) {
        json(response, 503, { ok: false, error: state.error ?? msg.preview.notFound().text });
      } else {
        const version = state.version;
        web.files(state.model, version).then(
          (files) => sendWebFile(response, files, path.slice("/web/".length)),
          (error: unknown) => json(response, 500, { ok: false, error: describe(error) }),
        );
      }
    } else if (request.method === "GET" && path.startsWith("/output/")) {
      sendOutputFile(response, outputDir, path.slice("/output/".length));
    } else {
      json(response, 404, { ok: false, error: msg.preview.notFound().text });
    }
  };

  const server = createServer((request, response) => {
    try {
      // No answer is read as another type than it says (an error text as HTML, say).
      response.setHeader("x-content-type-options", "nosniff");
      const refused = refusal(request.method, request.headers, port);
      if (refused) return json(response, 403, { ok: false, error: refused });
      const path = decodedPath(request.url);
      if (path === undefined) return json(response, 400, { ok: false, error: msg.preview.malformedUrl().text });
      route(request, response, path);
    } catch (error) {
      options.log(msg.preview.internalError(describe(error)).text);
      if (!response.headersSent) json(response, 500, { ok: false, error: msg.preview.internal().text });
      else response.destroy();
    }
  });

  port = await listen(server, options.port);
  server.on("error", (error) => options.log(msg.preview.internalError(describe(error)).text));

  let watcher: FolderWatcher;
  try {
    watcher = watchFolders([paths.dataDir, paths.templateDir], () => void schedule(), {
      onError: (error) => options.log(msg.preview.cannotWatch(error.message).text),
    });
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  await schedule();

  return {
    url: `http://${HOST}:${port}/`,
    settled: async () => {
      while (running) await running;
    },
    version: () => state.version,
    close: async () => {
      watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([running, buildFiles.running()]);
    },
  };
}

/** The request's path, percent-decoded; undefined when it is not a valid URL. */
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", `http://${HOST}`).pathname);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return isReportError(error) ? error.format() : msg.preview.internalError(error instanceof Error ? error.message : String(error)).text;
}
