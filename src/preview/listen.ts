import type { Server } from "node:http";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { errorCode } from "./errorCode.js";

/** The preview listens on this address only. */
export const HOST = "127.0.0.1";

/**
 * Starts listening on 127.0.0.1:<port> and resolves with the port it got
 * (port 0 picks a free one). A port that cannot be had is a ReportError that
 * says what to do, printed in one line by the CLI, not a stack trace.
 */
export async function listen(server: Server, port: number): Promise<number> {
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
      throw new ReportError(msg.preview.portInUse(port, other), { cause: error });
    }
    if (errorCode(error) === "EACCES") {
      throw new ReportError(msg.preview.portForbidden(port), { cause: error });
    }
    throw error;
  }
  const address = server.address();
  return typeof address === "object" && address !== null ? address.port : port;
}
