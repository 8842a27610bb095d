import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/** What SMTP_URL says, checked and decoded. The password never appears in a message. */
export interface SmtpSettings {
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly auth: { readonly user: string; readonly pass: string } | undefined;
  /** `?tls=off`: a login may go without TLS (a trusted relay that offers no STARTTLS). */
  readonly allowPlainLogin: boolean;
}

/** RFC 3986 userinfo: unreserved, sub-delims and %XX escapes (":" separates user and password). */
const USERINFO_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=]$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;
const HOST_PART = /^(?<host>\[[^\]]*\]|[^:/?#]*)(?::(?<port>[^/?#]*))?\/?(?:\?(?<query>[^#]*))?$/;
const QUERY_OPTIONS: Readonly<Record<string, readonly string[]>> = { tls: ["off"] };
const m = msg.distribute;

/**
 * Checks SMTP_URL before anything connects: scheme, host, port, options and,
 * above all, the encoding of the user name and password, so that a `%zz` or
 * an unencoded `@`, `/` or `#` in a password is reported as such instead of
 * becoming "URI malformed" or a DNS lookup of part of the password.
 */
export function parseSmtpUrl(text: string): SmtpSettings {
  const scheme = /^(smtps?):\/\//i.exec(text);
  if (!scheme) {
    throw new ReportError(m.urlScheme());
  }
  const rest = text.slice(scheme[0].length);
  const at = rest.lastIndexOf("@");
  const userinfo = at === -1 ? undefined : rest.slice(0, at);
  const hostPart = HOST_PART.exec(at === -1 ? rest : rest.slice(at + 1));
  if (userinfo !== undefined) checkUserinfo(userinfo);
  if (!hostPart?.groups) throw new ReportError(m.urlNoServerAfterLogin());
  const { host = "", port: portText, query } = hostPart.groups;
  if (!HOST.test(host)) throw new ReportError(m.urlNoServer(userinfo !== undefined));
  const secure = scheme[1]!.toLowerCase() === "smtps";
  const port = portText === undefined || portText === "" ? (secure ? 465 : 587) : Number(portText);
  if (!/^\d{1,5}$/.test(portText ?? "0") || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ReportError(m.urlPort(portText ?? ""));
  }
  const options = parseQuery(query ?? "");
  if (secure && options.tls === "off") throw new ReportError(m.urlSmtpsAndTlsOff());
  const [user = "", pass = ""] = userinfo === undefined ? [] : splitOnce(userinfo, ":");
  if (!user && pass) throw new ReportError(m.urlPasswordWithoutUser());
  return {
    secure,
    host: host.startsWith("[") ? host.slice(1, -1) : host,
    port,
    auth: user ? { user: decodeURIComponent(user), pass: decodeURIComponent(pass) } : undefined,
    allowPlainLogin: options.tls === "off",
  };
}

/** Where mail goes, for the log: never the credentials. */
export function describeSmtp(settings: SmtpSettings): string {
  const login = settings.auth ? ` (${m.withLogin().text})` : "";
  return `${settings.secure ? "smtps" : "smtp"}://${settings.host}:${settings.port}${login}${settings.allowPlainLogin ? " (tls=off)" : ""}`;
}

function checkUserinfo(userinfo: string): void {
  const [user = "", pass = ""] = splitOnce(userinfo, ":");
  for (const [part, name] of [
    [user, "user"],
    [pass, "password"],
  ] as const) {
    for (let i = 0; i < part.length; i++) {
      const char = part[i]!;
      if (char === "%") {
        if (!/^[0-9A-Fa-f]{2}$/.test(part.slice(i + 1, i + 3))) {
          throw new ReportError(m.urlBadEscape(name));
        }
        i += 2;
      } else if (!USERINFO_CHAR.test(char) && !(name === "password" && char === ":")) {
        throw new ReportError(m.urlUnencoded(name, char));
      }
    }
  }
  try {
    decodeURIComponent(user);
    decodeURIComponent(pass);
  } catch {
    throw new ReportError(m.urlBadUtf8());
  }
}

function parseQuery(query: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of query.split("&").filter(Boolean)) {
    const [key = "", value = ""] = splitOnce(pair, "=");
    const allowed = QUERY_OPTIONS[key];
    if (!allowed) throw new ReportError(m.urlUnknownOption(key));
    if (!allowed.includes(value)) throw new ReportError(m.urlOptionValue(key, allowed, value));
    options[key] = value;
  }
  return options;
}

function splitOnce(text: string, separator: string): [string, string] | [string] {
  const i = text.indexOf(separator);
  return i === -1 ? [text] : [text.slice(0, i), text.slice(i + 1)];
}
