import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mailProject, outputs, recipientsOf, recordingServer, reportError, run } from "./mailProject.js";

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const out = (root: string, name: string) => join(root, "output", "2025", name);
const PDF = "kostra-analyse-2025.pdf";
const DOCX = "kostra-analyse-2025.docx";

interface Logged {
  readonly recipient: string;
  readonly files: Record<string, string>;
}
const sentLog = (root: string): Logged[] =>
  readFileSync(out(root, "sent-log.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Logged);

describe("the files attached are the files recorded (issue 21, minor)", () => {
  it("a missing PDF that recipients asked for is refused before anything is sent; outputs and sent-log untouched", async () => {
    const root = mailProject();
    const smtp = await recordingServer();
    await run(root, { SMTP_URL: smtp.url });
    const sent = smtp.messages.length;
    rmSync(out(root, PDF));
    const before = outputs(root);
    const error = await reportError(run(root, { SMTP_URL: smtp.url }, { resend: true }));
    expect(error.id).toBe("distribute.reportFileMissing");
    expect(error.message).toMatch(/^output\/2025\/kostra-analyse-2025\.pdf finnes ikke, men 5 mottakere på listen skal ha pdf-filen \(f\.eks\. ordforer@example\.org\)$/);
    expect(error.hint).toContain("npm run report -- 2025");
    expect(smtp.messages).toHaveLength(sent);
    expect(outputs(root)).toEqual(before);
  });

  it("a missing PDF that nobody on the list asked for does not stop the Word recipients", async () => {
    const root = mailProject();
    const list = join(root, "data", "distribution-list.csv");
    writeFileSync(list, readFileSync(list, "utf8").replace(/,(?:pdf;docx|pdf)$/gm, ",docx"));
    rmSync(out(root, PDF));
    const smtp = await recordingServer();
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.messages.every((m) => m.mail.attachments.map((a) => a.filename).join() === DOCX)).toBe(true);
  });

  it("a PDF replaced during the run: every recipient gets the bytes whose hash the sent-log records", async () => {
    const root = mailProject();
    const original = readFileSync(out(root, PDF));
    const smtp = await recordingServer({
      onMessage: (_message, count) => {
        if (count === 1) writeFileSync(out(root, PDF), "%PDF-1.7 a newer stand-in, written half-way through the run\n");
      },
    });
    await run(root, { SMTP_URL: smtp.url });
    expect(smtp.messages).toHaveLength(recipientsOf(root).length);
    const log = sentLog(root);
    for (const { rcptTo, mail } of smtp.messages) {
      const entry = log.find((e) => e.recipient === rcptTo[0])!;
      const attached = Object.fromEntries(mail.attachments.map((a) => [a.filename!, sha(a.content)]));
      expect(attached).toEqual(entry.files);
      if (attached[PDF]) expect(attached[PDF]).toBe(sha(original));
    }
  });
});
