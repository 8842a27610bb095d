import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";
import { editInput, failure, mailProject, recipientsOf, reportError, run, server } from "./mailProject.js";

type Row = Record<string, string>;
const csv = (file: string): Row[] => parseCsv(readFileSync(join(REPO, "data", file), "utf8"), { columns: true, bom: true }) as Row[];
const observations = csv("2025/observations.csv");
const indicators = csv("indicators.csv");
const regions = csv("regions.csv");

/** A value straight from data/2025/observations.csv, the region given by name as in the headlines. */
function observed(indicator: string, regionName: string, year: number): number {
  const region = regions.find((r) => r.name === regionName)!.id;
  const row = observations.find((o) => o.indicator === indicator && o.region === region && o.year === String(year));
  if (!row) throw new Error(`no ${indicator} / ${regionName} / ${year} in observations.csv`);
  return Number(row.value);
}
const indicator = (id: string): Row => indicators.find((i) => i.id === id)!;

/** Norwegian number text, written out here independently of src/format: 136800 → "136 800", 93.3 → "93,3". */
function norwegian(value: number, decimals: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, "\u00a0");
  return `${value < 0 ? "\u2212" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** The headlines as the e-mail must print them, every number computed from the CSV files. */
function expectedHeadlines(): string[] {
  const definition = parseYaml(readFileSync(join(REPO, "data", "2025", "report.yaml"), "utf8")) as { derived: { id: string; ratio: [string, string] }[] };
  const [numerator, denominator] = definition.derived.find((d) => d.id === "effektivitet")!.ratio;
  const efficiency = (observed(numerator, "Bærum", 2024) / observed(denominator, "Bærum", 2024)) * 100 - 100;
  const spending = indicator("netto-driftsutgifter-grunnskolesektor-per-innbygger");
  const kroner = (region: string) => `${norwegian(observed(spending.id!, region, 2024) * Number(spending.scale), 0)}\u00a0kr`;
  const qualified = indicator("godkjent-utdanning");
  return [
    `Grunnskolen i Bærum var ${norwegian(efficiency, 1)}\u00a0prosent mer effektiv enn gjennomsnittet av ASSS-kommunene i 2024.`,
    `Netto driftsutgifter per innbygger 6–15 år var ${kroner("Bærum")} i Bærum mot ${kroner("ASSS med Oslo")} i ASSS-snittet.`,
    `Andelen undervisning gitt av lærere med godkjent utdanning var ${norwegian(observed(qualified.id!, "Bærum", 2024), Number(qualified.decimals))}\u00a0prosent.`,
  ];
}

/** The list items between "Noen hovedtall:" and the next heading line. */
function textHeadlines(text: string): string[] {
  const block = text.slice(text.indexOf("Noen hovedtall:"), text.indexOf("Vedlegg:"));
  return block.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
}
function htmlHeadlines(html: string): string[] {
  const block = html.slice(html.indexOf("Noen hovedtall:"), html.indexOf("Vedlegg:"));
  return [...block.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
}

describe("the headline figures in the e-mail (issue 10.18)", () => {
  it("every headline reads exactly as the data says, in the text and the HTML part of every message received", async () => {
    const root = mailProject();
    const smtp = await server();
    await run(root, { SMTP_URL: smtp.url });
    const expected = expectedHeadlines();
    expect(expected[1]).toMatch(/\d\u00a0kr i Bærum mot \d{3}\u00a0\d{3}\u00a0kr i ASSS-snittet\.$/);
    expect(smtp.received).toHaveLength(recipientsOf(root).length);
    for (const { mail } of smtp.received) {
      expect(textHeadlines(mail.text ?? "")).toEqual(expected);
      expect(htmlHeadlines(typeof mail.html === "string" ? mail.html : "")).toEqual(expected);
    }
  });

  it('a figure labelled "(1 000 kr)" after expressions that print whole kroner is refused at its line and column, also in --dry-run', async () => {
    const root = mailProject();
    editInput(root, "data/2025/report.yaml", " i ASSS-snittet.'", " i ASSS-snittet (1 000 kr).'");
    const line = readFileSync(join(root, "data", "2025", "report.yaml"), "utf8").split("\n").findIndex((l) => l.includes("(1 000 kr)")) + 1;
    const column = readFileSync(join(root, "data", "2025", "report.yaml"), "utf8").split("\n")[line - 1]!.indexOf("(1 000 kr)") + 1;
    const message = await failure(run(root, {}, { dryRun: true }));
    expect(message).toBe(
      `data/2025/report.yaml:${line}:${column}: hovedtallet merker tallene «(1 000 kr)», men uttrykkene skriver kroner i hele kroner ` +
        `(her «${expectedHeadlines()[1]!.match(/var (.*?) i Bærum/)![1]}») (fjern «(1 000 kr)» fra hovedtallet)`,
    );
  });

  it.each(["(i 1 000 kr)", "(1000 kr)", "(i 1000 kroner)", "(mill. kr)"])("%s is refused as well", async (label) => {
    const root = mailProject();
    editInput(root, "data/2025/report.yaml", " i ASSS-snittet.'", ` i ASSS-snittet ${label}.'`);
    expect((await reportError(run(root, {}, { dryRun: true }))).id).toBe("distribute.headlineScaledLabel");
    expect(await failure(run(root, {}, { dryRun: true }))).toContain(`hovedtallet merker tallene «${label}», men uttrykkene skriver kroner i hele kroner`);
  });

  it('a unit label such as "(prosent)" next to an expression that prints its unit is refused; with enhet=false it is allowed', async () => {
    const root = mailProject();
    editInput(root, "data/2025/report.yaml", '{{verdi "godkjent-utdanning" "Bærum" 2024}}.', '{{verdi "godkjent-utdanning" "Bærum" 2024}} (prosent).');
    const line = readFileSync(join(root, "data", "2025", "report.yaml"), "utf8").split("\n").findIndex((text) => text.includes("(prosent).")) + 1;
    expect(await failure(run(root, {}, { dryRun: true }))).toMatch(new RegExp(`^data/2025/report\\.yaml:${line}:\\d+: hovedtallet merker tallene «\\(prosent\\)», men uttrykkene skriver enheten selv`));
    editInput(root, "data/2025/report.yaml", '2024}} (prosent).', '2024 enhet=false}} (prosent).');
    const smtp = await server();
    await run(root, { SMTP_URL: smtp.url });
    expect(textHeadlines(smtp.received[0]!.mail.text ?? "")[2]).toMatch(/ var \d+,\d \(prosent\)\.$/);
  });
});
