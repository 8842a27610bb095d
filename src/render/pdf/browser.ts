import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { onInterrupt } from "../../output/interrupt.js";
import { findBrowser, type BrowserChoice } from "./findBrowser.js";

/**
 * Switches that keep Chromium itself off the network. A public body's build
 * sends nothing anywhere: no component or safe-browsing updates, no sync,
 * metrics, crash reports, DNS prefetch or "variations" downloads, and every
 * host name resolves to nothing, so even a request we failed to foresee
 * cannot leave the machine. (Page requests are blocked separately, in
 * `offlinePage`; WebSockets, which request interception does not see, go to
 * a proxy on a closed local port.)
 */
export const OFFLINE_SWITCHES = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-domain-reliability",
  "--disable-client-side-phishing-detection",
  "--disable-breakpad",
  "--disable-crash-reporter",
  "--metrics-recording-only",
  "--no-pings",
  "--no-first-run",
  "--no-default-browser-check",
  "--no-service-autorun",
  "--password-store=basic",
  "--use-mock-keychain",
  "--dns-prefetch-disable",
  "--disable-quic",
  "--disable-features=OptimizationHints,OptimizationGuideModelDownloading,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,SafeBrowsingBetterTelemetryAcrossReports,PrivacySandboxSettings4,HttpsUpgrades",
  "--proxy-server=http://127.0.0.1:9",
] as const;

/** A Unix socket's path holds at most 107 bytes (sun_path is 108 with its NUL). */
const SOCKET_PATH_MAX = 107;
/** What Chromium adds to its temp folder for its singleton socket: `/.org.chromium.Chromium.XXXXXX/SingletonSocket`. */
const CHROMIUM_SOCKET_TAIL = "/.org.chromium.Chromium.XXXXXX/SingletonSocket".length;

/**
 * Chromium's temp folder: inside the profile, so it goes with it; but when a
 * long TMPDIR would make its socket's path too long to bind (Chromium then
 * fails to start and leaves its folders), a short folder under /tmp instead,
 * removed with the profile.
 */
function chromiumTemp(profile: string): string {
  const inside = join(profile, "tmp");
  if (Buffer.byteLength(inside) + CHROMIUM_SOCKET_TAIL <= SOCKET_PATH_MAX) {
    mkdirSync(inside);
    return inside;
  }
  return mkdtempSync("/tmp/kostra-chromium-tmp-");
}

/**
 * One browser per run, with its own profile folder that is removed when the
 * browser closes, and also when the user interrupts the build. Chromium's
 * own temporary files (shared memory, with --disable-dev-shm-usage) go into
 * that folder too, so nothing of it is left in the temp folder.
 */
export async function launchBrowser(onChoice?: (choice: BrowserChoice) => void, options: { readonly allowLoopback?: boolean } = {}): Promise<Browser> {
  const choice = findBrowser();
  const profile = mkdtempSync(join(tmpdir(), "kostra-chromium-"));
  const temporary = chromiumTemp(profile);
  onChoice?.(choice);
  let pid: number | undefined;
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      rmSync(temporary, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch {
      // Chromium's last child may still be writing; a leftover profile is harmless but should not crash the build.
    }
  };
  const forget = onInterrupt(() => {
    // Every process of it, at once: a child left running would write into the profile after it is removed.
    // While Puppeteer still starts it, its pid is not known yet: it is found by its profile.
    for (const target of pid !== undefined ? [pid] : processesUsing(profile)) killGroup(target);
    removeProfile();
  });
  try {
    const browser = await puppeteer.launch({
      executablePath: choice.executablePath,
      headless: true,
      userDataDir: profile,
      env: { ...process.env, TMPDIR: temporary },
      // The command line decides what a signal does (clean up, then exit), not Puppeteer.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--font-render-hinting=none",
        ...OFFLINE_SWITCHES,
        // Printing reaches not even this machine; only the preview's test browser visits 127.0.0.1.
        ...(options.allowLoopback
          ? ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
          : ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-bypass-list=<-loopback>"]),
      ],
    });
    const child = browser.process();
    pid = child?.pid;
    // Removed once the process is gone: before that, Chromium may still write into it.
    child?.once("exit", () => {
      removeProfile();
      forget();
    });
    return browser;
  } catch (error) {
    removeProfile();
    forget();
    throw error;
  }
}

/** Chromium runs as the leader of its own process group (Puppeteer starts it detached): the group goes, or else the one process. */
function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
      return;
    } catch {
      // Not a group leader, or already gone.
    }
  }
}

/** The processes with `profile` on their command line (Chromium's, while Puppeteer starts it). */
function processesUsing(profile: string): number[] {
  const found = spawnSync("pgrep", ["-f", "--", `--user-data-dir=${profile}`], { encoding: "utf8" });
  return (found.stdout ?? "").split("\n").filter(Boolean).map(Number).filter((pid) => pid !== process.pid);
}

/**
 * When a print fails because Chromium itself stopped (killed, crashed, out
 * of memory), Puppeteer says only "Connection closed" or "connect
 * ECONNREFUSED". Then this is the error the user reads instead; undefined
 * when Chromium still runs (the failure was something else).
 */
export async function chromiumStopped(browser: Browser | undefined, cause: unknown): Promise<ReportError | undefined> {
  const child = browser?.process();
  if (!child) return undefined;
  if (child.exitCode === null && child.signalCode === null) {
    // The broken connection is often noticed before the process is reaped.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const how = child.signalCode ? msg.render.chromiumSignal(child.signalCode) : child.exitCode !== null ? msg.render.chromiumExitCode(child.exitCode) : undefined;
  return how ? new ReportError(msg.render.chromiumStopped(how.text), { cause }) : undefined;
}

/**
 * A page that can load nothing from the network: only inline and data:
 * content, and no script of the page runs (the report needs none to print;
 * Puppeteer's own evaluate still works).
 */
export async function offlinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") void request.continue();
    else void request.abort("blockedbyclient");
  });
  return page;
}
