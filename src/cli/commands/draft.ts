import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
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
Et utkast som finnes og er endret skrives bare over med --force.
npm run check -- <år> viser utkast som ikke er ferdig redigert.`,
  options: {
    section: { type: "string", value: "<id>", describe: "bare dette avsnittet (id fra report.yaml)" },
    document: DOCUMENT_OPTION,
    force: { type: "boolean", describe: "skriv over utkast (<fil>.draft.md) som finnes og er endret" },
  },
  positionals: { min: 1, max: 1, name: "rapportåret, f.eks. 2025" },
  async run(args, { root, out }) {
    // Loaded when the command runs: --help and the other commands do not pay for them.
    const { loadDataAndDefinition, projectPaths } = await import("../../pipeline.js");
    const { sectionFiles } = await import("../../narrative/loadCommentary.js");
    const { draftSections } = await import("../../narrative/draft.js");
    const { writeFileAtomic } = await import("../../output/atomicWrite.js");
    const { outputError } = await import("../../output/outputErrors.js");
    const year = yearArgument(args.positionals, "draft");
    // Only the data, the definition and which file holds each section: last year's text copied by new-year
    // may name years this report no longer has, and a draft must still be possible.
    const { source, data, definition } = await loadDataAndDefinition(projectPaths(root), year, { log: () => {}, now: () => 0 }, documentOf(args));
    const commentary = sectionFiles(source.commentaryDir, root, definition);
    const commentaryDir = relative(root, source.commentaryDir);
    const only = typeof args.values.section === "string" ? args.values.section : undefined;
    const sections = definition.chapters.flatMap((c) => c.sections.map((s) => s.id));
    if (only !== undefined && !sections.includes(only)) throw new ReportError(msg.claims.draftUnknownSection(only, suggest(only, sections), sections));
    const drafts = draftSections({ data, definition, commentary, commentaryDir }, only);
    // A draft already there may hold an editor's work, marker or not: any text other than this draft is never
    // written over without --force, and nothing is written until every file is known to be safe.
    const existing = (d: (typeof drafts)[number]) => (existsSync(join(root, d.file)) ? readFileSync(join(root, d.file), "utf8") : undefined);
    const edited = drafts.filter((d) => existing(d) !== undefined && existing(d) !== d.text);
    // A file where a section's text would go that is not that section's text (its front matter names another) is never written over, --force or not.
    const foreign = edited.find((d) => !d.beside);
    if (foreign) throw new ReportError(msg.claims.draftWouldReplaceText(foreign.file, `${foreign.chapter}/${foreign.section}`), { location: { file: foreign.file, line: 1 } });
    if (edited.length > 0 && args.values.force !== true) throw new ReportError(msg.claims.draftWouldOverwrite(edited.map((d) => d.file)), { location: { file: edited[0]!.file } });
    const writable = drafts.filter((d) => existing(d) !== d.text);
    for (const draft of writable) {
      try {
        writeFileAtomic(join(root, draft.file), draft.text);
      } catch (error) {
        throw outputError(error, draft.file); // a folder that cannot be written to is the user's to fix, said as `report` says it
      }
    }
    out(msg.claims.draftsWritten(writable.length).text);
    for (const draft of drafts) out((writable.includes(draft) ? msg.claims.draftWritten(draft.file, draft.beside) : msg.claims.draftKept(draft.file)).text);
    out(msg.claims.draftNextStep(year).text);
    return EXIT.done;
  },
};
