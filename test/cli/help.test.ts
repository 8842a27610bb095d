import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { REPO } from "../helpers/project.js";

/** `npm run kostra -- <args>`, the real command as a user types it. */
function kostra(args: readonly string[]) {
  const result = spawnSync("npm", ["run", "--silent", "kostra", "--", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The overview's command lines: "  report      lager årets dokument …". */
const commandLines = (stdout: string) => stdout.split("\n").filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line));

describe("npm run kostra -- --help", () => {
  it("lists every command with one line each, and exits 0", () => {
    const result = kostra(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const lines = commandLines(result.stdout);
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual(COMMANDS.map((command) => command.name));
    expect(lines.find((line) => line.trim().startsWith("report"))).toMatch(/lager årets dokument/);
    expect(result.stdout).toContain("npm run <kommando> -- --help");
  });

  it("with no command at all, lists the commands and exits 1 (nothing was run)", () => {
    const result = kostra([]);
    expect(result.status).toBe(1);
    expect(commandLines(result.stdout)).toHaveLength(COMMANDS.length);
  });

  it("help <command> is that command's own help", () => {
    const result = kostra(["help", "check"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Bruk: npm run check -- <år>/);
    const unknown = kostra(["help", "rapport"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^feil: ukjent kommando «rapport» \(mente du «report»\?/);
  });

  it("an unknown command is named in Norwegian, with the closest one and where to look", () => {
    const result = kostra(["chek", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`feil: ukjent kommando «chek» (mente du «check»? Kommandoene er ${COMMANDS.map((c) => c.name).join(", ")}; se npm run kostra -- --help)`);
  });

  it("a mistake in a command's arguments is Norwegian too", () => {
    expect(kostra(["check"]).stderr.trim()).toBe("feil: mangler rapportåret, f.eks. 2025 (skriv npm run check -- <år> [--document <navn>] [--claims])");
    expect(kostra(["check", "2025", "--documnet", "x"]).stderr.trim()).toBe("feil: ukjent valg «--documnet» (mente du «--document»? Se npm run check -- --help)");
    expect(kostra(["check", "25"]).stderr.trim()).toBe("feil: «25» er ikke et årstall (skriv rapportåret med fire sifre, f.eks. npm run check -- 2025)");
    expect(kostra(["check", "2025", "2026"]).stderr.trim()).toBe("feil: uventet argument «2026» (se npm run check -- --help)");
  });

  // Issue 20: the commands' positional arguments were described in English ("the report year, e.g. 2025").
  it("a missing argument is named, in Norwegian, for every command", () => {
    expect(kostra(["import"]).stderr.trim()).toMatch(/^feil: mangler én eller flere filer lagret fra SSB, f\.eks\. 12134\.json \(skriv npm run import -- <fil>… /);
    expect(kostra(["fetch"]).stderr.trim()).toMatch(/^feil: mangler rapportåret, f\.eks\. 2025 \(skriv npm run fetch -- <år>/);
    for (const command of COMMANDS) expect(command.positionals.name, command.name).not.toMatch(/\b(the|a|an|one|or|more|files?|saved|from|report|year|new|e\.g\.)\b/i);
  });
});
