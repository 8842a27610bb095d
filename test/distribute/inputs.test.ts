import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { reportInputs } from "../../src/distribute/reportInputs.js";
import { projectPaths } from "../../src/pipeline.js";
import { replaceInFile } from "../helpers/edit.js";
import { failure, lines, mailProject, recipientsOf, run, server } from "./mailProject.js";

const later = new Date(Date.now() + 3_600_000);
const touch = (root: string, path: string) => utimesSync(join(root, path), later, later);

describe("files older than the data: only that year's report inputs count (issue 10.23)", () => {
  it("the inputs of a report year are its data, regions, indicators and report templates, not the mail templates or other years", () => {
    const root = mailProject();
    mkdirSync(join(root, "data", "2026"));
    writeFileSync(join(root, "data", "2026", "observations.csv"), "indicator,region,year,value,note\n");
    const inputs = reportInputs(projectPaths(root), 2025).map((f) => relative(root, f));
    expect(inputs).toContain("data/2025/report.yaml");
    expect(inputs).toContain("data/2025/observations.csv");
    expect(inputs).toContain("data/2025/commentary/grunnskole/08-sfo.md");
    expect(inputs).toContain("data/regions.csv");
    expect(inputs).toContain("data/indicators.csv");
    expect(inputs).toContain("templates/report.hbs");
    expect(inputs).toContain("templates/partials/table.hbs");
    expect(inputs.filter((f) => f.startsWith("templates/mail/") || f.startsWith("data/2026/") || f === "data/distribution-list.csv")).toEqual([]);
  });

  it("editing a mail template or adding next year's data does not block sending this year's report", async () => {
    const root = mailProject();
    touch(root, "templates/mail/body.txt.hbs");
    mkdirSync(join(root, "data", "2026"));
    writeFileSync(join(root, "data", "2026", "observations.csv"), "indicator,region,year,value,note\n");
    touch(root, "data/2026/observations.csv");
    touch(root, "data/distribution-list.csv");
    const outcomes = await run(root, {}, { dryRun: true });
    expect(outcomes.every((o) => o.status === "would send")).toBe(true);
  });

  it.each(["data/indicators.csv", "data/regions.csv", "data/2025/commentary/grunnskole/08-sfo.md", "templates/partials/table.hbs", "templates/report.css"])(
    "a newer %s makes the report files stale",
    async (path) => {
      const root = mailProject();
      touch(root, path);
      expect(await failure(run(root, {}, { dryRun: true }))).toBe(
        `output/2025/kostra-analyse-2025.pdf er eldre enn ${path} (dataene eller teksten er endret etter at rapporten ble laget; lag den på nytt med npm run report -- 2025 først)`,
      );
    },
  );
});

describe("sent-log.jsonl: every line validated, bad ones reported, good ones kept (issue 10.22)", () => {
  it("reports each bad line with its number, honours the valid ones, and appends new entries on lines of their own", async () => {
    const root = mailProject();
    const out = join(root, "output", "2025");
    const sha = (name: string) => createHash("sha256").update(readFileSync(join(out, name))).digest("hex");
    const pdf = "kostra-analyse-2025.pdf";
    const entry = (recipient: string) => JSON.stringify({ recipient, files: { [pdf]: sha(pdf) }, messageId: "<x@example.org>", time: "2025-06-02T08:00:00.000Z", via: "outbox" });
    // Three who asked for the PDF only: two served (lines 1 and 4), one whose line is broken (3).
    const [served, broken, alsoServed] = ["ordforer@example.org", "gruppeleder.a@example.org", "presse@example.org"];
    expect(recipientsOf(root)).toEqual(expect.arrayContaining([served, broken, alsoServed]));
    const original = [entry(served!), "garbage", JSON.stringify({ recipient: broken }), entry(alsoServed!), '{"recipient":"kommunedirektor@exa'];
    writeFileSync(join(out, "sent-log.jsonl"), original.join("\n"));
    const outcomes = await run(root, {});
    expect(outcomes.filter((o) => o.status === "already served").map((o) => o.recipient.address).sort()).toEqual([served, alsoServed].sort());
    expect(outcomes.filter((o) => o.status === "saved")).toHaveLength(recipientsOf(root).length - 2);
    expect(lines.filter((l) => l.startsWith("advarsel: output/2025/sent-log.jsonl:"))).toEqual([
      "advarsel: output/2025/sent-log.jsonl:2: ikke et JSON-objekt (avkuttet?); linjen hoppes over (mottakeren kan få e-posten på nytt)",
      "advarsel: output/2025/sent-log.jsonl:3: feltet «files» mangler; linjen hoppes over (mottakeren kan få e-posten på nytt)",
      "advarsel: output/2025/sent-log.jsonl:5: ikke et JSON-objekt (avkuttet?); linjen hoppes over (mottakeren kan få e-posten på nytt)",
    ]);
    const after = readFileSync(join(out, "sent-log.jsonl"), "utf8").split("\n");
    expect(after.slice(0, 5)).toEqual(original);
    const added = after.slice(5).filter(Boolean).map((l) => JSON.parse(l) as { recipient: string });
    expect(added.map((e) => e.recipient).sort()).toEqual(outcomes.filter((o) => o.status === "saved").map((o) => o.recipient.address).sort());
    const again = await run(root, {});
    expect(again.every((o) => o.status === "already served")).toBe(true);
  });
});

describe("mail template errors are found by --dry-run (issue 10.8)", () => {
  it("an unclosed {{#each}} is one line: the line and column where it opens, not the parser's dump", async () => {
    const root = mailProject();
    const smtp = await server();
    replaceInFile(root, "templates/mail/body.html.hbs", "<ul>{{#each headlines}}<li>{{this}}</li>{{/each}}</ul>", "<ul>{{#each headlines}}<li>{{this}}</li></ul>");
    const source = readFileSync(join(root, "templates", "mail", "body.html.hbs"), "utf8");
    const opens = source.split("\n").findIndex((l) => l.includes("{{#each headlines}}")) + 1;
    const column = source.split("\n")[opens - 1]!.indexOf("{{#each headlines}}") + 1;
    let parser = "";
    try {
      Handlebars.parse(source);
    } catch (error) {
      parser = (error as Error).message;
    }
    expect(parser).toMatch(/got 'EOF'/);
    const message = await failure(run(root, { SMTP_URL: smtp.url }, { dryRun: true }));
    expect(message).toBe(`templates/mail/body.html.hbs:${opens}:${column}: {{#each}} blir aldri lukket (lukk den med {{/each}})`);
    expect(await failure(run(root, { SMTP_URL: smtp.url }))).toBe(message);
    expect(smtp.connections()).toBe(0);
  });

  it("blocks that do not match name the line of the block", async () => {
    const root = mailProject();
    replaceInFile(root, "templates/mail/body.txt.hbs", "{{#each chapters}}\n- {{this}}\n{{/each}}", "{{#each chapters}}\n- {{this}}\n{{/if}}");
    const opens = readFileSync(join(root, "templates", "mail", "body.txt.hbs"), "utf8").split("\n").findIndex((l) => l === "{{#each chapters}}") + 1;
    const message = await failure(run(root, {}, { dryRun: true }));
    expect(message).toBe(`templates/mail/body.txt.hbs:${opens}:1: {{#each}} blir lukket av {{/if}} (lukk den med {{/each}}, eller endre {{/if}} til {{/each}})`);
    expect(message).not.toContain("[object Object]");
  });

  it("an unknown field is named with its line and column, never as [object Object]", async () => {
    const root = mailProject();
    replaceInFile(root, "templates/mail/body.txt.hbs", "Hei {{name}},", "Hei {{navn}},");
    const column = "Hei {{navn}},".indexOf("navn") + 1;
    const message = await failure(run(root, {}, { dryRun: true }));
    expect(message).toBe(
      `templates/mail/body.txt.hbs:1:${column}: ukjent felt «navn» i e-postmalen (feltene er name, title, subtitle, organisation, chapters, headlines, files)`,
    );
  });

  it("a misspelt list in {{#each}} is found, not printed as an empty list", async () => {
    const root = mailProject();
    replaceInFile(root, "templates/mail/body.txt.hbs", "{{#each chapters}}", "{{#each kapitler}}");
    const line = readFileSync(join(root, "templates", "mail", "body.txt.hbs"), "utf8").split("\n").indexOf("{{#each kapitler}}") + 1;
    expect(await failure(run(root, {}, { dryRun: true }))).toBe(
      `templates/mail/body.txt.hbs:${line}:9: ukjent felt «kapitler» i e-postmalen (feltene er name, title, subtitle, organisation, chapters, headlines, files)`,
    );
  });

  it("an unknown field inside {{#each files}} is found too", async () => {
    const root = mailProject();
    replaceInFile(root, "templates/mail/body.html.hbs", "<li>{{name}} ({{size}})</li>", "<li>{{name}} ({{storrelse}})</li>");
    const message = await failure(run(root, {}, { dryRun: true }));
    expect(message).toMatch(/^templates\/mail\/body\.html\.hbs:12:\d+: ukjent felt «storrelse» i e-postmalen/);
    expect(message).not.toContain("[object Object]");
  });
});
