/**
 * Runs one command as a child process and watches its process tree in /proc
 * every ~50 ms: peak RSS of the Node process (its VmHWM, exact), the peak of
 * the summed RSS of its Chromium processes at one moment (summed RSS counts
 * pages the processes share more than once, so it overstates), every 4th
 * sample the summed PSS (shared pages divided among their sharers: what the
 * tree really occupies), and the CPU time of the whole tree (user + system,
 * Chromium included once reaped).
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface RunResult {
  readonly command: string;
  readonly exitCode: number | null;
  readonly wallMs: number;
  /** user + system CPU of the process and its reaped children, ms. */
  readonly cpuMs: number;
  readonly nodePeakRssMb: number;
  readonly chromiumPeakRssMb: number;
  /** Peak of Node's PSS + its Chromium processes' PSS at one moment, sampled every ~200 ms. */
  readonly treePeakPssMb: number;
  readonly chromiumPeakPssMb: number;
  readonly chromiumProcessesMax: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

const PAGE = 4096;
const TICKS = 100; // USER_HZ on Linux

export function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

function readStat(pid: number): { ppid: number; comm: string; cpuTicks: number; rssPages: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17) … rss(24), 1-based from pid.
    const at = (n: number) => Number(fields[n - 3]);
    return { ppid: at(4), comm, cpuTicks: at(14) + at(15) + at(16) + at(17), rssPages: at(24) };
  } catch {
    return undefined;
  }
}

function highWaterMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

function pssMb(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** All processes below `root`, by one pass over /proc. */
function descendants(root: number): { pid: number; comm: string; rssPages: number }[] {
  const children = new Map<number, { pid: number; comm: string; rssPages: number }[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push({ pid, comm: stat.comm, rssPages: stat.rssPages });
    children.set(stat.ppid, list);
  }
  const found: { pid: number; comm: string; rssPages: number }[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

export function runMeasured(executable: string, args: readonly string[], options: { cwd: string; intervalMs?: number }): Promise<RunResult> {
  const loadBefore = loadAverage();
  const start = performance.now();
  const child = spawn(executable, [...args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  const pid = child.pid!;
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let nodePeak = 0;
  let chromiumPeak = 0;
  let chromiumMax = 0;
  let cpuTicks = 0;
  let treePss = 0;
  let chromiumPss = 0;
  let tick = 0;
  const sample = () => {
    const own = readStat(pid);
    if (!own) return;
    cpuTicks = Math.max(cpuTicks, own.cpuTicks);
    nodePeak = Math.max(nodePeak, highWaterMb(pid));
    const chromium = descendants(pid).filter((p) => /chrom/i.test(p.comm));
    chromiumMax = Math.max(chromiumMax, chromium.length);
    chromiumPeak = Math.max(chromiumPeak, (chromium.reduce((sum, p) => sum + p.rssPages, 0) * PAGE) / 1024 / 1024);
    if (tick++ % 4 === 0) {
      const chromiumNow = chromium.reduce((sum, p) => sum + pssMb(p.pid), 0);
      chromiumPss = Math.max(chromiumPss, chromiumNow);
      treePss = Math.max(treePss, pssMb(pid) + chromiumNow);
    }
  };
  const timer = setInterval(sample, options.intervalMs ?? 50);
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("exit", (exitCode) => {
      const wallMs = performance.now() - start;
      clearInterval(timer);
      resolve({
        command: [executable, ...args].join(" "),
        exitCode,
        wallMs,
        cpuMs: (cpuTicks * 1000) / TICKS,
        nodePeakRssMb: nodePeak,
        chromiumPeakRssMb: chromiumPeak,
        treePeakPssMb: treePss,
        chromiumPeakPssMb: chromiumPss,
        chromiumProcessesMax: chromiumMax,
        stdout,
        stderr,
        loadBefore,
        loadAfter: loadAverage(),
      });
    });
  });
}
