import { createReadStream, existsSync, watch, type FSWatcher } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { isReportError } from "../errors.js";
import { buildModel, buildReport, type ProjectPaths } from "../pipeline.js";
import { loadHtmlTemplates } from "../render/html/renderHtml.js";
import { previewPage } from "./page.js";

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

const MIME: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".html": "text/html; charset=utf-8",
};

/**
 * `npm run preview`: the report as HTML on 127.0.0.1, rebuilt whenever a
 * file under data/ or templates/ changes. A mistake in a file is shown in the
 * page and the server keeps running; the next save that fixes it clears it.
 */
export async function startPreview(paths: ProjectPaths, options: PreviewOptions): Promise<PreviewServer> {
  const state: State = { version: 0, buildMs: 0 };
  const clients = new Set<ServerResponse>();
  let running: Promise<void> | undefined;
  let pending = false;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    try {
      const { model } = await buildModel(paths, options.year, { log: () => {}, now: () => performance.now() });
      state.html = loadHtmlTemplates(paths.templateDir, paths.root).render(model);
      state.error = undefined;
    } catch (error) {
      state.error = isReportError(error) ? error.format() : `intern feil: ${(error as Error).message}`;
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

  await schedule();

  let debounce: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [paths.dataDir, paths.templateDir].map((dir) =>
    watch(dir, { recursive: true }, () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void schedule(), 20);
    }),
  );

  const outputDir = join(paths.outputDir, String(options.year));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method === "GET" && url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(previewPage(state.html, state.error, state.version));
    } else if (request.method === "GET" && url.pathname === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(`event: version\ndata: ${state.version}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
    } else if (request.method === "POST" && url.pathname === "/build") {
      buildReport(paths, options.year, { log: () => {}, now: () => performance.now() }, new Set(["pdf", "docx"])).then(
        (outputs) => json(response, 200, { ok: true, files: Object.values(outputs.files).map((f) => basename(f)) }),
        (error: unknown) => json(response, 200, { ok: false, error: isReportError(error) ? error.format() : String(error) }),
      );
    } else if (request.method === "GET" && url.pathname.startsWith("/output/")) {
      const name = basename(decodeURIComponent(url.pathname));
      const file = join(outputDir, name);
      const type = MIME[name.slice(name.lastIndexOf("."))];
      if (!type || !existsSync(file)) return json(response, 404, { ok: false, error: "not found" });
      response.writeHead(200, { "content-type": type, "content-disposition": `attachment; filename="${name}"` });
      createReadStream(file).pipe(response);
    } else {
      json(response, 404, { ok: false, error: "not found" });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    settled: async () => {
      while (running) await running;
    },
    version: () => state.version,
    close: async () => {
      clearTimeout(debounce);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
    },
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
