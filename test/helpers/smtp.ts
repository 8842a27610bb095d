import type { Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  readonly to: readonly string[];
  readonly mail: ParsedMail;
}

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly received: Received[];
  readonly logins: string[];
  close(): Promise<void>;
}

export interface ServerBehaviour {
  /** Recipients refused with 550 at RCPT TO. */
  readonly reject?: readonly string[];
  /** After this many accepted messages, every later one has its connection cut mid-DATA. */
  readonly dropAfter?: number;
}

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what
 * it receives, parsed, and can refuse recipients or drop connections.
 */
export async function startSmtpServer(behaviour: ServerBehaviour = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const logins: string[] = [];
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`);
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (behaviour.reject?.includes(address.address)) {
        callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (behaviour.dropAfter !== undefined && received.length >= behaviour.dropAfter) {
          for (const socket of sockets) socket.destroy();
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const net = (server as unknown as { server: import("node:net").Server }).server;
  net.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (net.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    logins,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
