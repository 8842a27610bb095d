import { describe, expect, it } from "vitest";
import { ReportError } from "../../src/errors.js";
import { describeSmtp, parseSmtpUrl } from "../../src/distribute/smtpUrl.js";

/** The formatted error for a URL; fails when the URL is accepted. */
function refusal(url: string): string {
  try {
    parseSmtpUrl(url);
  } catch (error) {
    if (error instanceof ReportError) return error.format();
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe("SMTP_URL (issue 10.21)", () => {
  it("reads scheme, server, port, login and options; the default ports follow the scheme", () => {
    expect(parseSmtpUrl("smtp://rapport:hemmelig@mail.kommune.no:2525")).toEqual({
      secure: false,
      host: "mail.kommune.no",
      port: 2525,
      auth: { user: "rapport", pass: "hemmelig" },
      allowPlainLogin: false,
    });
    expect(parseSmtpUrl("smtp://mail.kommune.no").port).toBe(587);
    expect(parseSmtpUrl("smtps://mail.kommune.no/").port).toBe(465);
    expect(parseSmtpUrl("smtp://127.0.0.1:25/?tls=off")).toMatchObject({ host: "127.0.0.1", port: 25, auth: undefined, allowPlainLogin: true });
    expect(parseSmtpUrl("smtp://[::1]:25").host).toBe("::1");
  });

  it("decodes what is encoded: @, %, :, / and non-ASCII in user name and password", () => {
    const password = "p@ss:w/rd%æ#?";
    const settings = parseSmtpUrl(`smtp://${encodeURIComponent("rapport@kommune.no")}:${encodeURIComponent(password)}@mail.kommune.no:587`);
    expect(settings.auth).toEqual({ user: "rapport@kommune.no", pass: password });
  });

  it("a password may contain ':' after the first one, which separates it from the user name", () => {
    expect(parseSmtpUrl("smtp://u:a:b@h.no").auth).toEqual({ user: "u", pass: "a:b" });
  });

  it.each([
    ["smtp://u:%zz@h.no:587", 'the password in SMTP_URL has a "%" that does not start an escape such as %40'],
    ["smtp://u:50%@h.no:587", 'the password in SMTP_URL has a "%" that does not start an escape such as %40'],
    ["smtp://u:%C3@h.no:587", "the user name or password in SMTP_URL has an escape that is not valid UTF-8"],
    ["smtp://u:p@ss@h.no:587", "the password in SMTP_URL contains an unencoded @"],
    ["smtp://rapport@kommune.no:pw@h.no:587", "the user name in SMTP_URL contains an unencoded @"],
    ["smtp://u:12#x@h.no:587", 'the password in SMTP_URL contains an unencoded "#"'],
    ["smtp://u:pa/ss@h.no:587", 'the password in SMTP_URL contains an unencoded "/"'],
    ["smtp://u:pa ss@h.no:587", "the password in SMTP_URL contains a space"],
  ])("%s: %s, with how to encode it", (url, expected) => {
    const message = refusal(url);
    expect(message.startsWith(`${expected} (URL-encode the user name and password: @ → %40`)).toBe(true);
    expect(message).not.toMatch(/zz|50%@|p@ss|12#x|pa\/ss|pa ss|URI malformed/);
  });

  it.each([
    ["http://h.no", "SMTP_URL must start with smtp:// or smtps://"],
    ["mail.kommune.no:587", "SMTP_URL must start with smtp:// or smtps://"],
    ["smtp://", "SMTP_URL has no valid server name"],
    ["smtp://-h.no", "SMTP_URL has no valid server name"],
    ["smtp://h_x.no", "SMTP_URL has no valid server name"],
    ["smtp://h.no:99999", 'SMTP_URL has an invalid port "99999"'],
    ["smtp://h.no:5x", 'SMTP_URL has an invalid port "5x"'],
    ["smtp://h.no/?tls=no", 'SMTP_URL option tls takes off, not "no"'],
    ["smtp://h.no/?secure=true", 'SMTP_URL has an unknown option "secure"'],
    ["smtp://:hemmelig@h.no", "SMTP_URL has a password but no user name"],
    ["smtps://h.no/?tls=off", "SMTP_URL says smtps:// (TLS from the start) and ?tls=off at once"],
  ])("%s is refused: %s", (url, expected) => {
    expect(refusal(url).startsWith(expected)).toBe(true);
  });

  it("the description for the log never holds the credentials", () => {
    expect(describeSmtp(parseSmtpUrl("smtp://rapport:hemmelig@mail.kommune.no:587"))).toBe("smtp://mail.kommune.no:587 (with login)");
    expect(describeSmtp(parseSmtpUrl("smtp://rapport:hemmelig@127.0.0.1:25/?tls=off"))).toBe("smtp://127.0.0.1:25 (with login) (tls=off)");
  });
});
