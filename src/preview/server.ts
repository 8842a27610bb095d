import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { ReportError, isReportError } from "../errors.js";
import { buildModel, buildReport, type ProjectPaths } from "../pipeline.js";
import { loadHtmlTemplates } from "../render/html/renderHtml.js";
import { previewPage } from "./page.js";
import { refusal } from "./requestGuard.js";
import { watchFolders, type FolderWatcher } from "./watchFolders.js";

export interface PreviewOptions {
  readonly year: number;
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
  error?: string | undefined;
  version: number;
  buildMs: number;
}

/** What POST /build answers; everyone who asked while a build ran gets the same. */
type FilesResult = { readonly ok: true; readonly files: readonly string[] } | { readonly ok: false; readonly error: string };

const MIME: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".html": "text/html; charset=utf-8",
};

/** A file name under /output/: no folders, nothing to escape. */
const OUTPUT_NAME = /^[\w-]+(\.[\w-]+)*$/;

const HOST = "127.0.0.1";

/**
 * `npm run preview`: the report as HTML on 127.0.0.1, rebuilt whenever a
 * file under data/ or templates/ changes. A mistake in a file is shown in the
 * page and the server keeps running; the next save that fixes it clears it.
 * No request can stop the server: a malformed one gets 400, one from another
 * site 403 (see requestGuard.ts).
 */
export async function startPreview(paths: ProjectPaths, options: PreviewOptions): Promise<PreviewServer> {
  const state: State = { version: 0, buildMs: 0 };
  const clients = new Set<ServerResponse>();
  let running: Promise<void> | undefined;
  let pending = false;
  let building: Promise<FilesResult> | undefined;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const { model } = await buildModel(paths, options.year, { log: () => {}, now: () => performance.now() });
      state.html = loadHtmlTemplates(paths.templateDir, paths.root).render(model);
      state.error = undefined;
    } catch (error) {
      state.error = describe(error);
    }
    state.version += 1;
    state.buildMs = performance.now() - started;
    options.log(`${state.error ? "feil" : "bygget"} på ${Math.round(state.buildMs)} ms${state.error ? `: ${state.error}` : ""}`);
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
  const buildFiles = (): Promise<FilesResult> => {
    building ??= (async (): Promise<FilesResult> => {
      const started = performance.now();
      options.log("lager PDF og Word …");
      try {
        const outputs = await buildReport(paths, options.year, { log: () => {}, now: () => performance.now() }, new Set(["pdf", "docx"]));
        const files = Object.values(outputs.files).map((file) => basename(file));
        options.log(`PDF og Word laget på ${Math.round(performance.now() - started)} ms: ${files.join(", ")}`);
        return { ok: true, files };
      } catch (error) {
        options.log(`PDF og Word feilet: ${describe(error)}`);
        return { ok: false, error: describe(error) };
      } finally {
        building = undefined;
      }
    })();
    return building;
  };

  const outputDir = join(paths.outputDir, String(options.year));
  let port = options.port;

  const route = (request: IncomingMessage, response: ServerResponse, path: string): void => {
    if (request.method === "GET" && path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(previewPage(state.html, state.error, state.version));
    } else if (request.method === "GET" && path === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(`event: version\ndata: ${state.version}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
    } else if (request.method === "POST" && path === "/build") {
      void buildFiles().then((result) => json(response, 200, result));
    } else if (request.method === "GET" && path.startsWith("/output/")) {
      sendOutput(response, outputDir, path.slice("/output/".length));
    } else {
      json(response, 404, { ok: false, error: "not found" });
    }
  };

  const server = createServer((request, response) => {
    try {
      const refused = refusal(request.method, request.headers, port);
      if (refused) return json(response, 403, { ok: false, error: refused });
      const path = decodedPath(request.url);
      if (path === undefined) return json(response, 400, { ok: false, error: "malformed URL" });
      route(request, response, path);
    } catch (error) {
      options.log(`intern feil: ${describe(error)}`);
      if (!response.headersSent) json(response, 500, { ok: false, error: "internal error" });
      else response.destroy();
    }
  });

  await listen(server, options.port);
  server.on("error", (error) => options.log(`intern feil: ${describe(error)}`));
  const address = server.address();
  port = typeof address === "object" && address !== null ? address.port : options.port;

  let watcher: FolderWatcher;
  try {
    watcher = watchFolders([paths.dataDir, paths.templateDir], () => void schedule(), {
      onError: (error) => options.log(`kan ikke overvåke: ${error.message}`),
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
      await Promise.all([running, building]);
    },
  };
}

/** Starts listening, or says in one line why it cannot and what to do. */
async function listen(server: Server, port: number): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, HOST, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    const other = port < 65535 ? port + 1 : port - 1;
    if (errorCode(error) === "EADDRINUSE") {
      throw new ReportError(`port ${port} is already in use`, { hint: `choose another with --port ${other} (or stop the other preview)`, cause: error });
    }
    if (errorCode(error) === "EACCES") {
      throw new ReportError(`port ${port} may not be used by a normal user`, { hint: "choose one above 1023, e.g. --port 4321", cause: error });
    }
    throw error;
  }
}

/** The request's path, percent-decoded; undefined when it is not a valid URL. */
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", `http://${HOST}`).pathname);
  } catch {
    return undefined;
  }
}

function sendOutput(response: ServerResponse, dir: string, name: string): void {
  const type = MIME[name.slice(name.lastIndexOf("."))];
  if (!type || !OUTPUT_NAME.test(name)) return json(response, 404, { ok: false, error: "not found" });
  const stream = createReadStream(join(dir, name));
  stream.once("open", () => {
    response.writeHead(200, { "content-type": type, "content-disposition": `attachment; filename="${name}"` });
    stream.pipe(response);
  });
  stream.once("error", () => {
    if (!response.headersSent) json(response, 404, { ok: false, error: "not found" });
    else response.destroy();
  });
}

function describe(error: unknown): string {
  return isReportError(error) ? error.format() : `intern feil: ${error instanceof Error ? error.message : String(error)}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
