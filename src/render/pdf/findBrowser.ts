import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readdirSync } from "node:fs";
import { ReportError } from "../../errors.js";

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
      throw new ReportError(`${name} points to ${path}, which does not exist`, {
        hint: "unset it to use the system Chromium, or point it to a Chromium or Chrome executable",
      });
    }
    return { executablePath: path, how: `from ${name}` };
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, how: "system browser" };
  const cached = puppeteerCacheBrowser(env.PUPPETEER_CACHE_DIR ?? join(homedir(), ".cache", "puppeteer"));
  if (cached) return { executablePath: cached, how: "Puppeteer's browser cache" };
  throw new ReportError("no Chromium found to print the PDF", {
    hint: "run `npm run setup` (installs Debian's chromium), or set PUPPETEER_EXECUTABLE_PATH",
  });
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
