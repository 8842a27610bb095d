import { parentPort, workerData } from "node:worker_threads";
import type { FigureModel } from "../../types/model.js";
import { renderDocx, type DocxOptions } from "./renderDocx.js";
import type { WorkerReply } from "./renderInWorker.js";

/**
 * The worker thread's side of renderInWorker.ts: the document model arrives
 * as workerData (plain data, structured-cloned), the .docx goes back as bytes.
 */
const port = parentPort;
if (!port) throw new Error("docxWorker.ts runs only as a worker thread");
try {
  const { model, options } = workerData as { model: FigureModel; options: DocxOptions };
  const docx = await renderDocx(model, options);
  port.postMessage({ docx: new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength) } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
}
