import type { IncomingHttpHeaders } from "node:http";
import { msg } from "../messages/catalogue.js";

/**
 * Who may talk to the preview. It listens on 127.0.0.1 only, but any web page
 * open in the editor's browser can still send it requests:
 *
 *  - `Host` must name the preview itself (127.0.0.1:<port> or localhost:<port>).
 *    A DNS-rebinding page reaches us under its own host name, so this stops it
 *    from reading the report, for GET as for everything else.
 *  - A request that changes something (POST /build) must come from the
 *    preview's own page: an `Origin` that is not ours, or a browser saying
 *    `Sec-Fetch-Site: cross-site`/`same-site`, is refused. A client without
 *    these headers (curl) is not a browser page and is let through.
 *
 * Returns why a request is refused, or undefined when it may go ahead.
 */
export function refusal(method: string | undefined, headers: IncomingHttpHeaders, port: number): string | undefined {
  const host = headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return msg.preview.wrongHost(headers.host ?? "", port).text;
  }
  if (method === "GET" || method === "HEAD") return undefined;
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return msg.preview.crossOrigin(origin).text;
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return msg.preview.crossSite(site).text;
  return undefined;
}
