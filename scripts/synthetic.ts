/**
 * A synthetic, full-size KOSTRA project for the benchmark: N chapters × 10
 * indicators, written in the exact formats of the real data/ (regions.csv,
 * indicators.csv, <year>/observations.csv, <year>/report.yaml, commentary
 * Markdown) plus a copy of templates/. The values come from a seeded PRNG in
 * plausible ranges, every title says "Syntetisk": nothing here is statistics.
 *
 * Per chapter: 4 sections, 10 exhibits (7 comparison, a stacked breakdown of
 * three shares that add up to 100, a matrix and a grouped breakdown of three
 * point indicators), so 10 charts and 10 tables; 12 chapters ≈ the full size
 * of issue 13 (120 charts, 120 tables).
 *
 * Usage: tsx scripts/synthetic.ts <folder> [chapters=12] [year=2025]
 * Never write into the repository's data/: the folder must not exist or be empty.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface SyntheticOptions {
  /** The project folder to create (data/, templates/). */
  readonly root: string;
  readonly chapters: number;
  readonly year?: number;
  readonly seed?: number;
}

export interface SyntheticProject {
  readonly root: string;
  readonly year: number;
  readonly chapters: number;
  readonly exhibits: number;
  /** Commentary files, relative to root, in chapter order. */
  readonly commentaryFiles: readonly string[];
}

/** mulberry32: small, fast, seeded, the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = [
  { id: "9901", name: "Syntetisk kommune A", short: "Syntetisk A", kind: "kommune" },
  { id: "9902", name: "Syntetisk kommune B", short: "Syntetisk B", kind: "kommune" },
  { id: "9903", name: "Syntetisk kommune C", short: "Syntetisk C", kind: "kommune" },
  { id: "syntetisk-snitt", name: "Syntetisk snitt", short: "Syntetisk snitt", kind: "snitt" },
] as const;
const MUNICIPALITY = REGIONS[0];

/** The ten indicators of a chapter: unit, scale, decimals and a value range. */
const INDICATOR_KINDS = [
  { unit: "kr", scale: 1000, decimals: 1, low: 90, high: 180, what: "netto driftsutgifter per innbygger" },
  { unit: "kr", scale: 1, decimals: 0, low: 60000, high: 160000, what: "korrigerte brutto driftsutgifter per bruker" },
  { unit: "prosent", scale: 1, decimals: 1, low: 5, high: 35, what: "andel brukere med vedtak" },
  { unit: "poeng", scale: 1, decimals: 1, low: 45, high: 55, what: "resultat nivå 1" },
  { unit: "poeng", scale: 1, decimals: 1, low: 45, high: 55, what: "resultat nivå 2" },
  { unit: "poeng", scale: 1, decimals: 1, low: 45, high: 55, what: "resultat nivå 3" },
  { unit: "elever", scale: 1, decimals: 1, low: 10, high: 20, what: "brukere per årsverk" },
  { unit: "prosent", scale: 1, decimals: 1, low: 0, high: 100, what: "andel i kategori lav" },
  { unit: "prosent", scale: 1, decimals: 1, low: 0, high: 100, what: "andel i kategori middels" },
  { unit: "prosent", scale: 1, decimals: 1, low: 0, high: 100, what: "andel i kategori høy" },
] as const;

const AREAS = [
  "barnehage", "grunnskole", "barnevern", "helse", "pleie og omsorg", "sosialtjeneste",
  "kultur", "kommunehelse", "vann og avløp", "samferdsel", "eiendom", "administrasjon",
];

const pad = (n: number) => String(n).padStart(2, "0");
const chapterId = (c: number) => `syntetisk-${pad(c)}`;
const indicatorId = (c: number, k: number) => `syn-${pad(c)}-${pad(k)}`;
const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const areaOf = (c: number) => `${AREAS[(c - 1) % AREAS.length]}${c > AREAS.length ? ` ${Math.ceil(c / AREAS.length)}` : ""}`;

export function writeSyntheticProject(options: SyntheticOptions): SyntheticProject {
  const year = options.year ?? 2025;
  const years = [year - 4, year - 3, year - 2, year - 1];
  const random = prng(options.seed ?? 20251113);
  const root = resolve(options.root);
  if (root === repoRoot || root.startsWith(join(repoRoot, "data"))) throw new Error(`refusing to write synthetic data into the repository (${root})`);
  if (existsSync(root) && readdirSync(root).length > 0) throw new Error(`${root} is not empty`);
  const dataDir = join(root, "data");
  const yearDir = join(dataDir, String(year));
  mkdirSync(yearDir, { recursive: true });
  cpSync(join(repoRoot, "templates"), join(root, "templates"), { recursive: true });

  writeFileSync(join(dataDir, "regions.csv"), ["id,name,short_name,kind", ...REGIONS.map((r) => `${r.id},${r.name},${r.short},${r.kind}`)].join("\n") + "\n");

  const indicatorLines = ["id,title,short_title,unit,scale,decimals,source,kostra_function,min,max"];
  const observationLines = ["indicator,region,year,value,note"];
  const commentaryFiles: string[] = [];
  const chapters: string[] = [];
  for (let c = 1; c <= options.chapters; c++) {
    const area = areaOf(c);
    INDICATOR_KINDS.forEach((kind, i) => {
      const k = i + 1;
      const title = `Syntetisk indikator ${c}.${k}: ${kind.what}, ${area}`;
      indicatorLines.push([indicatorId(c, k), title, `Syntetisk ${kind.what}`, kind.unit, kind.scale, kind.decimals, "Syntetiske data", "", "", ""].map((f) => csvField(String(f))).join(","));
    });
    // Indicators 1–7: a value per region and year, a random walk inside the range.
    for (let k = 1; k <= 7; k++) {
      const kind = INDICATOR_KINDS[k - 1]!;
      for (const region of REGIONS) {
        let value = kind.low + (kind.high - kind.low) * (0.2 + 0.6 * random());
        for (const y of years) {
          value = Math.min(kind.high, Math.max(kind.low, value + (kind.high - kind.low) * (random() - 0.5) * 0.08));
          observationLines.push(`${indicatorId(c, k)},${region.id},${y},${value.toFixed(kind.decimals)},`);
        }
      }
    }
    // Indicators 8–10: three shares of a whole, adding up to 100 for every region and year.
    for (const region of REGIONS) {
      for (const y of years) {
        const a = Math.round((20 + 30 * random()) * 10) / 10;
        const b = Math.round((20 + 30 * random()) * 10) / 10;
        const rest = Math.round((100 - a - b) * 10) / 10;
        [a, b, rest].forEach((v, i) => observationLines.push(`${indicatorId(c, 8 + i)},${region.id},${y},${v.toFixed(1)},`));
      }
    }
    chapters.push(chapterYaml(c, area, years));
    for (const [s, section] of SECTIONS.entries()) {
      const file = join("data", String(year), "commentary", chapterId(c), `${pad(s + 1)}-${section.id}.md`);
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), commentary(c, section, years, random));
      commentaryFiles.push(file);
    }
  }
  writeFileSync(join(dataDir, "indicators.csv"), indicatorLines.join("\n") + "\n");
  writeFileSync(join(yearDir, "observations.csv"), observationLines.join("\n") + "\n");
  writeFileSync(
    join(yearDir, "report.yaml"),
    [
      "# Synthetic report for the benchmark (scripts/synthetic.ts). Not statistics.",
      `title: KOSTRA analyse ${year} – syntetisk testrapport`,
      `subtitle: Syntetisk kommune A sammenlignet med syntetiske kommuner (${options.chapters} kapitler)`,
      "organisation: Syntetisk kommune A",
      `municipality: "${MUNICIPALITY.id}"`,
      `regions: [${REGIONS.map((r) => `"${r.id}"`).join(", ")}]`,
      "average: syntetisk-snitt",
      `years: [${years.join(", ")}]`,
      "",
      "chapters:",
      ...chapters,
    ].join("\n") + "\n",
  );
  return { root, year, chapters: options.chapters, exhibits: options.chapters * 10, commentaryFiles };
}

interface SectionShape {
  readonly id: string;
  readonly title: string;
  /** Exhibit ids of the section, by the indicator numbers they show. */
  readonly exhibits: readonly string[];
}

const SECTIONS: readonly SectionShape[] = [
  { id: "ressursbruk", title: "Ressursbruk og dekningsgrader", exhibits: ["i01", "i02", "i03"] },
  { id: "resultater", title: "Resultater", exhibits: ["i04", "i05", "resultater-matrise"] },
  { id: "bemanning", title: "Bemanning og fordeling på nivå", exhibits: ["i06", "i07", "resultater-niva"] },
  { id: "fordeling", title: "Fordeling på kategorier", exhibits: ["kategorier"] },
];

function exhibitYaml(c: number, exhibit: string, years: readonly number[]): string[] {
  const id = `${chapterId(c)}-${exhibit}`;
  const ind = (k: number) => indicatorId(c, k);
  const at = "          ";
  if (exhibit.startsWith("i")) return [`${at}- id: ${id}`, `${at}  kind: comparison`, `${at}  indicator: ${ind(Number(exhibit.slice(1)))}`];
  if (exhibit === "resultater-matrise") {
    return [
      `${at}- id: ${id}`, `${at}  kind: matrix`, `${at}  title: Syntetiske resultater per nivå`,
      `${at}  indicators: [${ind(4)}, ${ind(5)}, ${ind(6)}]`, `${at}  regions: ["9901", "9902", syntetisk-snitt]`,
      `${at}  years: [${years.at(-1)}, ${years.at(-2)}]`, `${at}  stub: Nivå`, `${at}  group_prefix: Resultat`,
    ];
  }
  if (exhibit === "resultater-niva") {
    return [`${at}- id: ${id}`, `${at}  kind: breakdown`, `${at}  title: Syntetiske resultater i Syntetisk kommune A, fordelt på nivå`, `${at}  indicators: [${ind(4)}, ${ind(5)}, ${ind(6)}]`];
  }
  return [
    `${at}- id: ${id}`, `${at}  kind: breakdown`, `${at}  title: Syntetisk fordeling på kategorier i Syntetisk kommune A`,
    `${at}  stacked: true`, `${at}  indicators: [${ind(8)}, ${ind(9)}, ${ind(10)}]`,
  ];
}

function chapterYaml(c: number, area: string, years: readonly number[]): string {
  return [
    `  - id: ${chapterId(c)}`,
    `    title: Syntetisk kapittel ${c} – ${area}`,
    `    scope: Syntetiske data for ${area}, laget for ytelsesmåling`,
    "    sections:",
    ...SECTIONS.flatMap((s) => [`      - id: ${s.id}`, `        title: ${s.title} (syntetisk)`, "        exhibits:", ...s.exhibits.flatMap((e) => exhibitYaml(c, e, years))]),
  ].join("\n");
}

const WORDS = [
  "tjenesten", "kommunen", "ressursene", "brukerne", "utviklingen", "nivået", "kostnadene", "kvaliteten",
  "bemanningen", "andelen", "tilbudet", "organiseringen", "prioriteringen", "behovet", "sammenligningen", "gjennomsnittet",
];
const VERBS = ["viser", "påvirker", "forklarer", "følger", "styrker", "begrenser", "speiler", "utfordrer"];
const ADVERBS = ["tydelig", "noe", "stabilt", "gradvis", "i liten grad", "over tid", "samlet sett", "fortsatt"];

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const text = `${pick(WORDS)} ${pick(VERBS)} ${pick(ADVERBS)} ${pick(WORDS)} i de syntetiske dataene, og ${pick(WORDS)} ${pick(VERBS)} ${pick(WORDS)}`;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join(" ");
}

/** One section's commentary: front matter, a subheading, prose with expressions, some [[id]] markers. */
function commentary(c: number, section: SectionShape, years: readonly number[], random: () => number): string {
  const last = years.at(-1)!;
  const first = years.at(-2)!;
  const [k1, k2] = section.exhibits.map((e) => (e.startsWith("i") ? Number(e.slice(1)) : 8));
  const a = MUNICIPALITY.name;
  const ind1 = indicatorId(c, k1 ?? 8);
  const ind2 = indicatorId(c, k2 ?? 9);
  const lines = [
    "---",
    `chapter: ${chapterId(c)}`,
    `section: ${section.id}`,
    "---",
    "",
    `### Syntetisk kommentar om ${section.title.toLowerCase()}`,
    "",
    `${paragraph(random, 3)} Verdien for ${a} var {{verdi "${ind1}" "${a}" ${last}}} i ${last}, en endring på {{endring "${ind1}" "${a}" ${first} ${last}}} fra året før.`,
    "",
    `[[${chapterId(c)}-${section.exhibits[0]}]]`,
    "",
    `${paragraph(random, 4)} Forskjellen mot Syntetisk snitt var {{forskjell "${ind2}" "${a}" "Syntetisk snitt" ${last}}}, og kommunen var nummer {{rang "${ind2}" "${a}" ${last}}} blant de syntetiske kommunene.`,
    "",
    "- Punkt med syntetisk tekst om tilbudet.",
    "- Punkt med syntetisk tekst om **kostnadene**.",
    "",
    paragraph(random, 3),
  ];
  if (section.exhibits[1]) lines.push("", `[[${chapterId(c)}-${section.exhibits[1]}]]`, "", paragraph(random, 2));
  return lines.join("\n") + "\n";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder, chapters = "12", year = "2025"] = process.argv.slice(2);
  if (!folder) {
    console.error("Bruk: tsx scripts/synthetic.ts <mappe> [kapitler=12] [år=2025]");
    process.exit(1);
  }
  const project = writeSyntheticProject({ root: folder, chapters: Number(chapters), year: Number(year) });
  console.log(`Skrev syntetisk prosjekt med ${project.chapters} kapitler og ${project.exhibits} figurer/tabeller i ${project.root}`);
}
