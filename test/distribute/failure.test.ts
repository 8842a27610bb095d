import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/distribute/failure.js";

/** An error with the fields nodemailer sets (see its smtp-connection _formatError). */
const smtpError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe("what a failed delivery means for the run (issue 10.20)", () => {
  it.each([
    ["login refused", smtpError("Invalid login: 535 Authentication credentials invalid", { code: "EAUTH", responseCode: 535, command: "AUTH PLAIN", response: "535 Authentication credentials invalid" }), "login", false],
    ["no STARTTLS", smtpError("Error upgrading connection with STARTTLS: 500 Error: command not recognized", { code: "ETLS", responseCode: 500, command: "STARTTLS", response: "500 Error: command not recognized" }), "tls", false],
    ["untrusted certificate", smtpError("self-signed certificate", { code: "ESOCKET", originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT", command: "CONN" }), "tls", false],
    ["sender refused", smtpError("Mail command failed: 553 sender not allowed", { code: "EENVELOPE", responseCode: 553, command: "MAIL FROM", response: "553 sender not allowed" }), "sender", false],
    ["server busy at MAIL FROM", smtpError("Mail command failed: 451 try later", { code: "EENVELOPE", responseCode: 451, command: "MAIL FROM", response: "451 try later" }), "recipient", true],
    ["connection refused", smtpError("connect ECONNREFUSED 127.0.0.1:1", { code: "ESOCKET", originalCode: "ECONNREFUSED", command: "CONN" }), "server", true],
    ["connection lost", smtpError("Connection closed unexpectedly", { code: "ECONNECTION" }), "server", true],
    ["service closing", smtpError("421 shutting down", { code: "EENVELOPE", responseCode: 421, command: "RCPT TO", response: "421 shutting down" }), "server", true],
    ["mailbox unknown", smtpError("Recipient command failed: 550 no such user", { code: "EENVELOPE", responseCode: 550, command: "RCPT TO", response: "550 no such user" }), "recipient", false],
    ["mailbox busy", smtpError("Recipient command failed: 450 mailbox busy", { code: "EENVELOPE", responseCode: 450, command: "RCPT TO", response: "450 mailbox busy" }), "recipient", true],
  ])("%s → %s", (_name, error, scope, transient) => {
    expect(classifyFailure(error)).toMatchObject({ scope, transient });
  });

  it("the text is the server's reply, or the code and message with Node's own code", () => {
    expect(classifyFailure(smtpError("Recipient command failed: 550 no such user", { responseCode: 550, response: "550 no such user" })).text).toBe("550 no such user");
    expect(classifyFailure(smtpError("self-signed certificate", { code: "ESOCKET", originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT" })).text).toBe(
      "ESOCKET: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
    expect(classifyFailure("not an error").text).toBe("not an error");
  });
});
