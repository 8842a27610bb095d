import type { AddressInfo, Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  readonly to: readonly string[];
  readonly mail: ParsedMail;
  /** Whether the message came over TLS (STARTTLS). */
  readonly secure: boolean;
}

export interface Login {
  readonly user: string;
  readonly password: string;
  /** Whether the credentials came over TLS. */
  readonly secure: boolean;
}

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly received: Received[];
  /** Every login attempt, accepted or not. */
  readonly logins: Login[];
  /** TCP connections the server accepted. */
  readonly connections: () => number;
  close(): Promise<void>;
}

export interface ServerBehaviour {
  /** Recipients refused with 550 at RCPT TO. */
  readonly reject?: readonly string[];
  /** After this many accepted messages, every later one has its connection cut mid-DATA. */
  readonly dropAfter?: number;
  /** Offer STARTTLS with this key and certificate (PEM); without it STARTTLS is off. Logins then need TLS. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Accept only this password (535 for any other); without it every login is accepted. */
  readonly password?: string;
}

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what
 * it receives, parsed, and can refuse recipients or passwords, drop
 * connections, and offer STARTTLS with a given certificate.
 */
export async function startSmtpServer(behaviour: ServerBehaviour = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const logins: Login[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = new SMTPServer({
    ...(behaviour.tls ? { key: behaviour.tls.key, cert: behaviour.tls.cert } : { disabledCommands: ["STARTTLS"] }),
    authOptional: true,
    allowInsecureAuth: !behaviour.tls,
    logger: false,
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? "", password: auth.password ?? "", secure: session.secure });
      if (behaviour.password !== undefined && auth.password !== behaviour.password) {
        callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
      } else callback(null, { user: auth.username });
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
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, secure: session.secure });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.server.prependListener("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    logins,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
