/**
 * One HTTP GET with two deadlines and no automatic redirects: `connectMs` for
 * reaching the server (DNS and TCP), `deadlineMs` for the whole answer, body
 * included, so a server that trickles a byte a second or stalls half-way
 * cannot hold a run. Redirects come back as they are (status and Location),
 * for the caller to decide whether to follow. Node's http/https, one socket
 * per request (no keep-alive), so nothing keeps the process alive afterwards.
 */
import http from "node:http";
import https from "node:https";

export interface HttpDeadlines {
  readonly connectMs: number;
  readonly deadlineMs: number;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Uint8Array;
}

/** The request ran out of time: reaching the server (`connect`) or getting the whole answer (`deadline`). */
export class HttpTimeout extends Error {
  constructor(
    readonly kind: "connect" | "deadline",
    readonly ms: number,
  ) {
    super(`${kind} timeout after ${ms} ms`);
    this.name = "HttpTimeout";
  }
}

export function httpGet(url: string, deadlines: HttpDeadlines, headers: Readonly<Record<string, string>> = {}): Promise<HttpAnswer> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      finish();
    };
    const request = client.get(target, { agent: false, headers: { accept: "application/json", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => settle(() => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: new Uint8Array(Buffer.concat(chunks)) })));
      response.on("error", (error) => settle(() => reject(error)));
      response.on("aborted", () => settle(() => reject(Object.assign(new Error("the connection closed before the answer was complete"), { code: "ECONNRESET" }))));
    });
    const giveUp = (kind: HttpTimeout["kind"], ms: number) => () => {
      settle(() => reject(new HttpTimeout(kind, ms)));
      request.destroy();
    };
    timers.push(setTimeout(giveUp("deadline", deadlines.deadlineMs), deadlines.deadlineMs));
    const connect = setTimeout(giveUp("connect", deadlines.connectMs), deadlines.connectMs);
    timers.push(connect);
    request.on("socket", (socket) => {
      if (socket.connecting) socket.once("connect", () => clearTimeout(connect));
      else clearTimeout(connect);
    });
    request.on("error", (error) => settle(() => reject(error)));
  });
}
