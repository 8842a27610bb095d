import { relative } from "node:path";
import { ReportError, suggest } from "../../errors.js";
import { formatNumber } from "../../format/norwegian.js";
import { msg } from "../../messages/catalogue.js";
import { FORMATS, RENDERERS, type Format } from "../../render/formats.js";
import type { Renderer } from "../../render/renderer.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const reportCommand: Command = {
  name: "report",
  synopsis: `<år> [--document <navn>] [--format ${FORMATS.join(",")}]`,
  description: `Lager årets dokument fra data/<år>/ (standard: KOSTRA-analysen) og skriver
${RENDERERS.map((renderer: Renderer) => `  ${(renderer.target ?? `output/<år>/<dokument>-<år>.${renderer.format}`).padEnd(34)} ${renderer.describe}`).join("\n")}
f.eks. output/2025/kostra-analyse-2025.pdf. Filene skrives bare når alt har lyktes;
ellers står forrige sett urørt.`,
  options: {
    document: DOCUMENT_OPTION,
    format: { type: "string", value: "<liste>", describe: `hvilke filer: ${FORMATS.join(",")} (standard: alle)` },
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { buildReport, outputName, projectPaths } = await import("../../pipeline.js");
    const year = yearArgument(args.positionals, "report");
    const formats = parseFormats(args.values.format, FORMATS);
    const started = performance.now();
    const document = documentOf(args);
    out(msg.build.making(outputName(projectPaths(root), year, document)).text);
    const outputs = await buildReport(projectPaths(root), year, { log: out, now: () => performance.now() }, formats, document);
    for (const file of Object.values(outputs.files)) out(msg.build.wrote(relative(root, file)).text);
    out(msg.build.finished(formatNumber((performance.now() - started) / 1000, 1), outputs.pages).text);
    return EXIT.done;
  },
};

function parseFormats(list: unknown, known: readonly Format[]): Set<Format> {
  if (list === undefined) return new Set(known);
  const formats = new Set<Format>();
  for (const name of String(list).split(",").map((f) => f.trim())) {
    const format = known.find((f) => f === name);
    if (!format) throw new ReportError(msg.render.unknownFormat(name, known, suggest(name, known)));
    formats.add(format);
  }
  return formats;
}
