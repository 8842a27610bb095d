import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ReportError, suggest } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { DOCUMENT_OPTION, EXIT, documentOf, type Command } from "../command.js";
import { yearArgument } from "../year.js";

export const draftCommand: Command = {
  name: "draft",
  synopsis: "<år> [--section <id>] [--document <navn>]",
  description: `Skriver et første utkast til teksten i hvert avsnitt, fra dataene: for hver figur hva
indikatoren er, kommunens siste verdi mot sammenligningsregionene og utviklingen over
rapportens år – bare med uttrykk ({{verdi …}}, {{sammenlign …}}, {{utvikling …}}), så
teksten følger dataene. Redaktørens tekst skrives aldri over: har avsnittet tekst, skrives
utkastet ved siden av som <fil>.draft.md; har det ingen, blir utkastet teksten.
npm run check -- <år> viser utkast som ikke er ferdig redigert.`,
  options: {
    section: { type: "string", value: "<id>", describe: "bare dette avsnittet (id fra report.yaml)" },
    document: DOCUMENT_OPTION,
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { loadInputs, projectPaths } = await import("../../pipeline.js");
    const { draftSections, DRAFT_MARKER } = await import("../../narrative/draft.js");
    const { writeFileAtomic } = await import("../../output/atomicWrite.js");
    const year = yearArgument(args.positionals, "draft");
    const inputs = await loadInputs(projectPaths(root), year, { log: () => {}, now: () => 0 }, documentOf(args));
    const only = typeof args.values.section === "string" ? args.values.section : undefined;
    const sections = inputs.definition.chapters.flatMap((c) => c.sections.map((s) => s.id));
    if (only !== undefined && !sections.includes(only)) throw new ReportError(msg.claims.draftUnknownSection(only, suggest(only, sections), sections));
    const drafts = draftSections({ ...inputs, commentaryDir: inputs.commentaryFolder.dir }, only);
    // A draft already there and edited (its marker gone) is an editor's text now: never written over.
    const writable = drafts.filter((d) => !existsSync(join(root, d.file)) || readFileSync(join(root, d.file), "utf8").includes(DRAFT_MARKER));
    for (const draft of writable) writeFileAtomic(join(root, draft.file), draft.text);
    out(msg.claims.draftsWritten(writable.length).text);
    for (const draft of drafts) out((writable.includes(draft) ? msg.claims.draftWritten(draft.file, draft.beside) : msg.claims.draftKept(draft.file)).text);
    out(msg.claims.draftNextStep(year).text);
    return EXIT.done;
  },
};
