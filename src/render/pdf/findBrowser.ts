import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";

/** Debian's and other common locations of a system Chromium or Chrome. */
const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export interface BrowserChoice {
  readonly executablePath: string;
  readonly how: string;
}

/**
 * Which Chromium prints the PDF, in this order:
 * 1. `PUPPETEER_EXECUTABLE_PATH` or `CHROME_PATH`, when set;
 * 2. a system browser (`apt-get install chromium` on Debian);
 * 3. a browser Puppeteer downloaded into its cache (`npx puppeteer browsers install chrome`),
 *    on machines that can reach its download host.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  for (const name of ["PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"] as const) {
    const path = env[name];
    if (!path) continue;
    if (!existsSync(path)) {
      throw new ReportError(msg.render.browserPathMissing(name, path));
    }
    return { executablePath: path, how: msg.render.browserFromVariable(name).text };
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, how: msg.render.browserSystem().text };
  const cached = puppeteerCacheBrowser(env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer"));
  if (cached) return { executablePath: cached, how: msg.render.browserPuppeteerCache().text };
  throw new ReportError(msg.render.noBrowser());
}

function puppeteerCacheBrowser(cacheDir: string): string | undefined {
  const chromeDir = join(cacheDir, "chrome");
  if (!existsSync(chromeDir)) return undefined;
  for (const version of readdirSync(chromeDir).sort().reverse()) {
    const candidate = join(chromeDir, version, "chrome-linux64", "chrome");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
