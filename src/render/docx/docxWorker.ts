import { parentPort, workerData } from "node:worker_threads";
import type { FigureModel } from "../../types/model.js";
import { renderDocx, type DocxOptions } from "./renderDocx.js";
import type { WorkerReply } from "./renderInWorker.js";

/**
 * The worker thread's side of renderInWorker.ts: the document model arrives
 * as workerData (plain data, structured-cloned), the .docx goes back as bytes.
 */
const port = parentPort;
// A developer's mistake, not a user's: main.ts shows it as «intern feil».
if (!port) throw new Error("docxWorker.ts runs only as a worker thread");
try {
  const { model, options } = workerData as { model: FigureModel; options: DocxOptions };
  const docx = await renderDocx(model, options);
  port.postMessage({ docx: new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength) } satisfies WorkerReply);
} catch (error) {
  const failure = error instanceof Error ? { message: `${error.name}: ${error.message}`, stack: error.stack ?? error.message } : { message: String(error), stack: String(error) };
  port.postMessage({ error: failure } satisfies WorkerReply);
}
