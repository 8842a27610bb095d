import type { AddressInfo, Socket } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message exactly as the server got it: the SMTP envelope and the bytes after DATA. */
export interface Recorded {
  /** The address of MAIL FROM. */
  readonly mailFrom: string;
  /** The addresses of RCPT TO. */
  readonly rcptTo: readonly string[];
  readonly raw: Buffer;
  readonly mail: ParsedMail;
}

export interface RecordingServer {
  readonly port: number;
  readonly url: string;
  readonly messages: Recorded[];
  close(): Promise<void>;
}

export interface RecordingOptions {
  /** Wait this long before accepting each message (a slow server keeps a run going). */
  readonly delayMs?: number;
  /** Called after a message is recorded, before the server accepts it. */
  readonly onMessage?: (message: Recorded, count: number) => void;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps the envelope as
 * well as the message: test/helpers/smtp.ts keeps the recipients only, and
 * what a spoofed sender does shows in MAIL FROM.
 */
export async function startRecordingServer(options: RecordingOptions = {}): Promise<RecordingServer> {
  const messages: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            const { mailFrom, rcptTo } = session.envelope;
            const message: Recorded = { mailFrom: mailFrom === false ? "" : mailFrom.address, rcptTo: rcptTo.map((r) => r.address), raw, mail };
            messages.push(message);
            options.onMessage?.(message, messages.length);
            setTimeout(() => callback(), options.delayMs ?? 0);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.server.prependListener("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
