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
    ["smtp://u:%zz@h.no:587", "passordet i SMTP_URL har en «%» som ikke starter en koding som %40"],
    ["smtp://u:50%@h.no:587", "passordet i SMTP_URL har en «%» som ikke starter en koding som %40"],
    ["smtp://u:%C3@h.no:587", "brukernavnet eller passordet i SMTP_URL har en koding som ikke er gyldig UTF-8"],
    ["smtp://u:p@ss@h.no:587", "passordet i SMTP_URL inneholder en ukodet @"],
    ["smtp://rapport@kommune.no:pw@h.no:587", "brukernavnet i SMTP_URL inneholder en ukodet @"],
    ["smtp://u:12#x@h.no:587", "passordet i SMTP_URL inneholder en ukodet «#»"],
    ["smtp://u:pa/ss@h.no:587", "passordet i SMTP_URL inneholder en ukodet «/»"],
    ["smtp://u:pa ss@h.no:587", "passordet i SMTP_URL inneholder et mellomrom"],
  ])("%s: %s, with how to encode it", (url, expected) => {
    const message = refusal(url);
    expect(message.startsWith(`${expected} (URL-kod brukernavn og passord: @ → %40`)).toBe(true);
    expect(message).not.toMatch(/zz|50%@|p@ss|12#x|pa\/ss|pa ss|URI malformed/);
  });

  it.each([
    ["http://h.no", "SMTP_URL må begynne med smtp:// eller smtps://"],
    ["mail.kommune.no:587", "SMTP_URL må begynne med smtp:// eller smtps://"],
    ["smtp://", "SMTP_URL har ikke noe gyldig servernavn"],
    ["smtp://-h.no", "SMTP_URL har ikke noe gyldig servernavn"],
    ["smtp://h_x.no", "SMTP_URL har ikke noe gyldig servernavn"],
    ["smtp://h.no:99999", "SMTP_URL har en ugyldig port «99999»"],
    ["smtp://h.no:5x", "SMTP_URL har en ugyldig port «5x»"],
    ["smtp://h.no/?tls=no", "valget tls i SMTP_URL kan være off, ikke «no»"],
    ["smtp://h.no/?secure=true", "SMTP_URL har et ukjent valg «secure»"],
    ["smtp://:hemmelig@h.no", "SMTP_URL har et passord, men ikke noe brukernavn"],
    ["smtps://h.no/?tls=off", "SMTP_URL sier både smtps:// (TLS fra start) og ?tls=off"],
  ])("%s is refused: %s", (url, expected) => {
    expect(refusal(url).startsWith(expected)).toBe(true);
  });

  it("the description for the log never holds the credentials", () => {
    expect(describeSmtp(parseSmtpUrl("smtp://rapport:hemmelig@mail.kommune.no:587"))).toBe("smtp://mail.kommune.no:587 (med innlogging)");
    expect(describeSmtp(parseSmtpUrl("smtp://rapport:hemmelig@127.0.0.1:25/?tls=off"))).toBe("smtp://127.0.0.1:25 (med innlogging) (tls=off)");
  });
});
