import { describe, expect, it } from "vitest";
import { editInput, mailProject, outputs, recipientsOf, recordingServer, reportError, run } from "./mailProject.js";

const PLACEHOLDER = "kostra-rapport@example.org";
const HOSTILE = 'Bærum" <evil@attacker.example>, "x';

/** The header lines of a raw message, continuation lines unfolded. */
function headerLines(raw: Buffer): string[] {
  const head = raw.toString("latin1").split("\r\n\r\n")[0]!;
  return head.replace(/\r\n[ \t]+/g, " ").split("\r\n");
}

describe("the sender is built from address objects, never by joining text (issue 21.7)", () => {
  it("a quote in organisation stays in the display name: envelope, From and Message-ID keep the placeholder address", async () => {
    const root = mailProject();
    editInput(root, "data/2025/report.yaml", "organisation: Bærum kommune", `organisation: '${HOSTILE}'`);
    const smtp = await recordingServer();
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.messages).toHaveLength(recipientsOf(root).length);
    for (const { mailFrom, mail, raw } of smtp.messages) {
      expect(mailFrom).toBe(PLACEHOLDER);
      expect(mail.from?.value).toEqual([{ name: HOSTILE, address: PLACEHOLDER }]);
      expect(mail.messageId).toMatch(/^<[^@<>]+@example\.org>$/);
      expect(mail.headers.get("sender")).toBeUndefined();
      const from = headerLines(raw).filter((l) => /^from:/i.test(l));
      expect(from).toHaveLength(1);
      expect(from[0]).not.toContain("attacker.example");
    }
  });

  it("MAIL_FROM with a line break is refused before anything connects; outputs and sent-log untouched", async () => {
    const root = mailProject();
    const smtp = await recordingServer();
    await run(root, { SMTP_URL: smtp.url, MAIL_FROM: "analyse@example.org" });
    const before = outputs(root);
    for (const from of ["analyse@example.org\r\nMAIL FROM:<evil@attacker.example>", "Analyse <analyse@example.org>\nBcc: evil@attacker.example"]) {
      const error = await reportError(run(root, { SMTP_URL: smtp.url, MAIL_FROM: from }, { resend: true }));
      expect(error.id).toBe("distribute.mailFromControl");
      expect(error.message).not.toContain("attacker");
    }
    expect(smtp.messages.map((m) => m.mailFrom)).toEqual(recipientsOf(root).map(() => "analyse@example.org"));
    expect(outputs(root)).toEqual(before);
  });

  it.each([
    ["analyse@example.org, evil@attacker.example", "distribute.mailFromCount"],
    ["Analyse <analyse@example.org>, <evil@attacker.example>", "distribute.mailFromCount"],
    ["Gruppe: analyse@example.org, evil@attacker.example;", "distribute.mailFromCount"],
    ["", "distribute.mailFromCount"],
    ["analyse(at)example.org", "distribute.mailFromAddress"],
    ["Analyse <analyse@example..org>", "distribute.mailFromAddress"],
  ])("MAIL_FROM=%j is refused (%s), nothing sent", async (from, id) => {
    const root = mailProject();
    const smtp = await recordingServer();
    const before = outputs(root);
    expect((await reportError(run(root, { SMTP_URL: smtp.url, MAIL_FROM: from }))).id).toBe(id);
    expect(smtp.messages).toHaveLength(0);
    expect(outputs(root)).toEqual(before);
  });

  it.each([
    ['"Analyseenheten" <analyse@example.org>', "Analyseenheten"],
    ["Analyse, Bærum <analyse@example.org>", "Analyse, Bærum"],
    ["analyse@example.org", ""],
  ])("MAIL_FROM=%j is one sender: envelope, From and Message-ID agree", async (from, name) => {
    const root = mailProject();
    const smtp = await recordingServer();
    await run(root, { SMTP_URL: smtp.url, MAIL_FROM: from });
    expect(smtp.messages).toHaveLength(recipientsOf(root).length);
    for (const { mailFrom, mail } of smtp.messages) {
      expect(mailFrom).toBe("analyse@example.org");
      expect(mail.from?.value).toEqual([{ name, address: "analyse@example.org" }]);
      expect(mail.messageId).toMatch(/@example\.org>$/);
    }
  });
});
