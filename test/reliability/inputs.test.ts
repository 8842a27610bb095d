import { cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { beforeEach, describe, expect, it } from "vitest";
import { formatFinding } from "../../src/check/finding.js";
import { runChecks } from "../../src/check/runChecks.js";
import { loadRecipients } from "../../src/distribute/recipients.js";
import { ReportError } from "../../src/errors.js";
import { buildModel, loadInputs, projectPaths } from "../../src/pipeline.js";
import { syntaxError } from "../../src/render/templateErrors.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { replaceInFile } from "../helpers/edit.js";
import { scratchProject } from "../helpers/project.js";

const quiet = { log: () => {}, now: () => 0 };
let root: string;
const commentary = (name: string) => join(root, "data", "2025", "commentary", "grunnskole", name);
const observations = () => join(root, "data", "2025", "observations.csv");

async function findings(year = 2025): Promise<string[]> {
  return runChecks(await loadInputs(projectPaths(root), year, quiet)).map(formatFinding);
}

async function buildError(year = 2025): Promise<string> {
  try {
    await buildModel(projectPaths(root), year, quiet);
  } catch (error) {
    if (error instanceof ReportError) return error.format();
    throw error;
  }
  throw new Error("expected the build to stop");
}

function lineOf(file: string, text: string): number {
  return readFileSync(file, "utf8").split("\n").findIndex((line) => line.startsWith(text)) + 1;
}

beforeEach(() => {
  root = scratchProject();
});

describe("values that cannot be", () => {
  it("a share of 140 % is an error with file:line, and stops the build", async () => {
    const line = lineOf(observations(), "godkjent-utdanning,3201,2024,");
    const text = readFileSync(observations(), "utf8").split("\n")[line - 1]!;
    replaceInFile(root, "data/2025/observations.csv", text, text.replace(/,2024,[\d.]+,/, ",2024,140,"));
    expect(await findings()).toContain(`data/2025/observations.csv:${line}:4: feil: 140,0 er ikke en mulig verdi for godkjent-utdanning (prosent: fra 0 til 100) (rett verdien; kan indikatoren virkelig ha den, gi den min/max i data/indicators.csv)`);
    expect(await buildError()).toMatch(/^1 feil i innholdet: data\/2025\/observations\.csv:\d+:4: feil: 140,0 er ikke en mulig verdi/);
  });

  it("a negative number of pupils per school is an error; a negative deviation with its own min is not", async () => {
    const line = lineOf(observations(), "elever-per-skole,3201,2024,");
    const text = readFileSync(observations(), "utf8").split("\n")[line - 1]!;
    replaceInFile(root, "data/2025/observations.csv", text, text.replace(/,2024,(\d+)/, ",2024,-$1"));
    const errors = (await findings()).filter((f) => f.includes(": feil: "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^data/2025/observations\\.csv:${line}:4: feil: −\\d+ er ikke en mulig verdi for elever-per-skole \\(elever: fra 0 til ∞\\)`));
  });
});

describe("commentary that goes missing", () => {
  it("a commentary file renamed to .md.bak is an error naming the section, the folder and the file", async () => {
    renameSync(commentary("08-sfo.md"), commentary("08-sfo.md.bak"));
    const all = await findings();
    expect(all.find((f) => f.includes("sfo"))).toMatch(
      /^data\/2025\/report\.yaml:\d+:\d+: feil: seksjonen «sfo» \(Skolefritidsordningen \(SFO\)\) har ingen kommentar: ingen \.md-fil i data\/2025\/commentary\/ har toppdelen «chapter: grunnskole» og «section: sfo»; ikke lest fordi navnet ikke slutter på \.md: data\/2025\/commentary\/grunnskole\/08-sfo\.md\.bak/,
    );
    expect(await buildError()).toContain("seksjonen «sfo»");
  });

  it("a deleted commentary folder names the folder; commentary: false accepts a section without text", async () => {
    rmSync(join(root, "data", "2025", "commentary"), { recursive: true });
    const all = (await findings()).filter((f) => f.includes("har ingen kommentar"));
    expect(all).toHaveLength(10);
    expect(all[0]).toContain("mappen data/2025/commentary/ finnes ikke");
    replaceInFile(root, "data/2025/report.yaml", "      - id: skolestorrelse\n        title: Skolestørrelse\n", "      - id: skolestorrelse\n        title: Skolestørrelse\n        commentary: false\n");
    expect((await findings()).filter((f) => f.includes("har ingen kommentar"))).toHaveLength(9);
  });

  it("an editor's lock file and backup files in the folder are ignored, not a crash", async () => {
    symlinkSync("user@host.1234:1700000000", commentary(".#08-sfo.md"));
    writeFileSync(commentary("08-sfo.md~"), "not commentary");
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    expect(inputs.commentary.get("grunnskole/sfo")?.file).toBe("data/2025/commentary/grunnskole/08-sfo.md");
  });
});

describe("text encodings", () => {
  it("a commentary file saved as Windows-1252 stops with its line and how to save it as UTF-8", async () => {
    const file = commentary("07-skolestorrelse.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, Buffer.from(text, "latin1"));
    expect(await buildError()).toBe(
      "data/2025/commentary/grunnskole/07-skolestorrelse.md:8:2: filen er ikke UTF-8 (byten 0xE6 er trolig «æ» i Windows-1252) (lagre den som UTF-8 (i Excel: «CSV UTF-8 (kommadelt)»; i Notisblokk: Lagre som → Koding UTF-8))",
    );
  });

  it("a UTF-16 CSV is named as such; UTF-8 with BOM and CRLF line ends is accepted", async () => {
    const text = readFileSync(observations(), "utf8");
    writeFileSync(observations(), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(await buildError()).toMatch(/^data\/2025\/observations\.csv:1: filen er UTF-16 \(«Unicode-tekst»\), ikke UTF-8 \(lagre den som UTF-8/);
    writeFileSync(observations(), `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    expect(inputs.data.value("gruppestorrelse-1", "3201", 2024)).toBe(13.9);
  });
});

describe("Norwegian Excel CSV", () => {
  it("observations saved with semicolons and decimal commas read as the same numbers", async () => {
    const before = await loadInputs(projectPaths(root), 2025, quiet);
    const text = readFileSync(observations(), "utf8");
    const excel = text
      .trimEnd()
      .split("\n")
      .map((line) => {
        const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ""));
        return cells.slice(0, 5).map((cell, i) => (i === 3 ? cell.replace(".", ",") : cell.replace(/^"(.*)"$/, "$1"))).join(";");
      })
      .join("\r\n");
    writeFileSync(observations(), Buffer.from(`\uFEFF${excel}\r\n`, "utf8"));
    const after = await loadInputs(projectPaths(root), 2025, quiet);
    expect(after.data.observations.map((o) => o.value.value)).toEqual(before.data.observations.map((o) => o.value.value));
    expect(after.data.value("netto-driftsutgifter-grunnskolesektor-per-innbygger", "asss-med-oslo", 2021)).toBe(148.2);
  });

  it("a distribution list saved from Excel with semicolons is read, not a raw parser message", () => {
    const file = join(root, "data", "distribution-list.csv");
    writeFileSync(file, "name;address;group;formats\r\nOrdfører;ordforer@example.org;kommunestyret;pdf\r\n");
    expect(loadRecipients(file, "data/distribution-list.csv")).toEqual([{ name: "Ordfører", address: "ordforer@example.org", group: "kommunestyret", formats: ["pdf"] }]);
  });
});

describe("markers and links in commentary", () => {
  it("[[id]] inside a sentence is an error with its line and column, never printed", async () => {
    replaceInFile(root, "data/2025/commentary/grunnskole/07-skolestorrelse.md", "[[elever-per-skole]]\n\nBærum har", "Se figuren [[elever-per-skole]] under. Bærum har");
    expect(await buildError()).toBe(
      "data/2025/commentary/grunnskole/07-skolestorrelse.md:6:12: figurmarkøren [[elever-per-skole]] står inne i et avsnitt og ville blitt skrevet ut som tekst (sett [[elever-per-skole]] på en egen linje, med en tom linje før og etter)",
    );
  });

  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "ssb.no/kostra"])("a link to %s is refused with file:line", async (href) => {
    replaceInFile(root, "data/2025/commentary/grunnskole/07-skolestorrelse.md", "Bærum har større skoler", `Bærum har [større](${href}) skoler`);
    expect(await buildError()).toMatch(/^data\/2025\/commentary\/grunnskole\/07-skolestorrelse\.md:8:\d+: lenken til «.*» er ikke tillatt \(lenker i rapporten må være fullstendige nett- eller e-postadresser: https:\/\/…, http:\/\/… eller mailto:…\)$/);
  });

  it("https and mailto links are kept", async () => {
    replaceInFile(root, "data/2025/commentary/grunnskole/07-skolestorrelse.md", "Bærum har større skoler", "Bærum har [større](https://www.ssb.no/kostra) skoler ([e-post](mailto:analyse@example.org))");
    const { model } = await buildModel(projectPaths(root), 2025, quiet);
    expect(JSON.stringify(model)).toContain('"href":"https://www.ssb.no/kostra"');
  });
});

describe("located messages", () => {
  it("a YAML syntax error in report.yaml carries line and column", async () => {
    replaceInFile(root, "data/2025/report.yaml", "average: asss-med-oslo", "average: [asss-med-oslo");
    expect(await buildError()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: feil i YAML-syntaksen: /);
  });

  it("a duplicate section id is named as such", async () => {
    replaceInFile(root, "data/2025/report.yaml", "      - id: sfo\n", "      - id: skolestorrelse\n");
    expect(await buildError()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: avsnitts-id-en «skolestorrelse» er brukt to ganger i kapitlet «grunnskole»/);
  });

  it("a missing indicators.csv or regions.csv is explained in its own terms", async () => {
    rmSync(join(root, "data", "indicators.csv"));
    expect(await buildError()).toBe("data/indicators.csv: datafilen mangler (listen (id,title,short_title,unit,scale,decimals,source) er felles for alle år; hent den tilbake fra git (git checkout -- data/indicators.csv))");
    rmSync(join(root, "data", "regions.csv"));
    expect(await buildError()).toContain("data/regions.csv: datafilen mangler (listen (id,name,short_name,kind)");
  });

  it("a block closed by the wrong name is one line: the line and column where it opens, and what to do", () => {
    const source = '<figure>\n{{#each notes}}\n<p>{{this}}</p>\n{{#if source}}<p>{{source}}</p>\n{{/each}}\n</figure>';
    let parserError: unknown;
    try {
      // The real parser, so the message is Handlebars' own.
      Handlebars.parse(source);
    } catch (error) {
      parserError = error;
    }
    const error = syntaxError(parserError, source, "templates/partials/chart.hbs");
    expect(error.id).toBe("templates.blockClosedByOther");
    expect(error.format()).toBe("templates/partials/chart.hbs:4:1: {{#if}} blir lukket av {{/each}} (lukk den med {{/if}}, eller endre {{/each}} til {{/if}})");
    expect(error.format()).not.toContain("[object Object]");
  });
});

describe("report templates", () => {
  const templateError = async (): Promise<string> => {
    try {
      const { model } = await buildModel(projectPaths(root), 2025, quiet);
      loadHtmlTemplates(join(root, "templates"), root).render(model);
    } catch (error) {
      if (error instanceof ReportError) return error.format();
      throw error;
    }
    throw new Error("expected a template error");
  };

  it("an unclosed block in a partial names the partial and the line where the block opens", async () => {
    const file = join(root, "templates", "partials", "table.hbs");
    const lines = readFileSync(file, "utf8").split("\n");
    const opens = lines.findIndex((line) => line.includes("{{#each rows}}")) + 1;
    writeFileSync(file, readFileSync(file, "utf8").replace(/(\{\{#each rows\}\}[\s\S]*?)\{\{\/each\}\}(\s*<\/tbody>)/, "$1$2"));
    const message = await templateError();
    expect(message).toMatch(new RegExp(`^templates/partials/table\\.hbs:${opens}:\\d+: \\{\\{#each\\}\\} blir (aldri lukket|lukket av \\{\\{/each\\}\\}) \\(lukk den med \\{\\{/each\\}\\}`));
    expect(message.split("\n")).toHaveLength(1);
    expect(message).not.toContain("report.hbs");
  });

  it("a field the model does not have names the partial, line and column, never [object Object]", async () => {
    const file = join(root, "templates", "partials", "chart.hbs");
    writeFileSync(file, readFileSync(file, "utf8").replace("{{caption}}", "{{captoin}}"));
    const message = await templateError();
    expect(message).toMatch(/^templates\/partials\/chart\.hbs:\d+:\d+: ukjent felt «captoin» i malen \(/);
    expect(message).not.toContain("[object Object]");
  });
});

describe("a year copied unedited", () => {
  it("data/2025 copied to data/2026 reports the title that names 2025, and stops the build", async () => {
    cpSync(join(root, "data", "2025"), join(root, "data", "2026"), { recursive: true });
    const all = await findings(2026);
    const titleLine = readFileSync(join(root, "data", "2026", "report.yaml"), "utf8").split("\n").findIndex((line) => line.startsWith("title:")) + 1;
    expect(all).toContain(`data/2026/report.yaml:${titleLine}:8: feil: tittelen «KOSTRA analyse 2025» nevner 2025, men dette er rapporten for 2026 (endre tittelen til 2026 (ble mappen kopiert fra data/2025?))`);
    expect(all.some((f) => f.includes("advarsel: det nyeste året som vises er 2024, som ikke passer med rapportåret 2026"))).toBe(true);
    expect(await buildError(2026)).toContain("nevner 2025, men dette er rapporten for 2026");
  });
});
