import type { ReportDefinition, SectionDefinition } from "../config/definitionSchema.js";
import { locationOf } from "../config/locations.js";
import { regionColors } from "../charts/palette.js";
import { altTextFor } from "../charts/altText.js";
import type { Dataset } from "../data/dataset.js";
import { ReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Commentary } from "../narrative/loadCommentary.js";
import type { NarrativeItem } from "../narrative/markdown.js";
import { buildExhibit } from "./exhibits/registry.js";
import { mapListInlines } from "../types/lists.js";
import { reconstructedTextNote } from "./textProvenance.js";
import type { ExhibitContext, ExhibitDraft } from "./exhibits/context.js";
import { resolveReferences } from "../narrative/references.js";
import type { Block, Chapter, ChartFigure, FigureModel, Inline, TableBlock, TocEntry } from "../types/model.js";

export interface ModelInputs {
  readonly year: number;
  readonly definition: ReportDefinition;
  readonly definitionFile: string;
  readonly data: Dataset;
  readonly commentary: Commentary;
}

/**
 * Definition + data + commentary → the document model, charts decided but not
 * yet drawn (src/charts/draw.ts draws them). Walks the chapters and sections in the definition's order, puts
 * each exhibit where its `[[id]]` marker stands in the commentary (or at the
 * end of its section), and numbers figures and tables in reading order.
 */
export function buildFigureModel(inputs: ModelInputs): FigureModel {
  const { definition, data } = inputs;
  const context: ExhibitContext = { definition, data, colors: regionColors(definition.municipality, data.regions) };
  // A chapter of a larger report starts at the number it has there ("Tabell 15").
  const counters = { figure: definition.numbering.figures - 1, table: definition.numbering.tables - 1 };
  const labels = new Map<string, string>();
  const toc: TocEntry[] = [];
  const chapters: Chapter<ChartFigure>[] = [];

  for (const chapter of definition.chapters) {
    const blocks: Block<ChartFigure>[] = [];
    const chapterId = `kapittel-${chapter.id}`;
    blocks.push({ type: "heading", level: 1, id: chapterId, text: chapter.title, toc: true });
    toc.push({ id: chapterId, level: 1, text: chapter.title });
    if (chapter.scope) blocks.push({ type: "paragraph", children: [{ type: "strong", children: [{ type: "text", text: "Området omfatter: " }] }, { type: "text", text: chapter.scope }] });

    for (const section of chapter.sections) {
      const sectionId = `${chapter.id}-${section.id}`;
      if (section.title) {
        blocks.push({ type: "heading", level: 2, id: sectionId, text: section.title, toc: true });
        toc.push({ id: sectionId, level: 2, text: section.title });
      }
      const commentary = inputs.commentary.get(`${chapter.id}/${section.id}`);
      for (const item of placeExhibits(section, commentary?.items ?? [], commentary?.file, inputs.definitionFile)) {
        if (item.type !== "exhibit") {
          blocks.push(item.type === "heading" ? { ...item, id: `${chapter.id}-${item.id}` } : item);
          continue;
        }
        const exhibit = section.exhibits.find((e) => e.id === item.id)!;
        const draft = buildExhibit(exhibit, context);
        blocks.push(...numberedBlocks(draft, counters, exhibit.id, labels));
      }
      const note = reconstructedTextNote(commentary, data, definition.average);
      if (note) blocks.push(note);
    }
    chapters.push({ id: chapter.id, title: chapter.title, blocks });
  }
  const numbered = chapters.map((chapter) => ({ ...chapter, blocks: chapter.blocks.map((block) => withReferences(block, labels)) }));

  return {
    lang: "nb",
    title: definition.title,
    ...(definition.subtitle ? { subtitle: definition.subtitle } : {}),
    organisation: definition.organisation,
    ...(definition.published ? { published: definition.published } : {}),
    year: inputs.year,
    ...(definition.style ? { style: definition.style } : {}),
    toc: definition.toc ? toc : [],
    chapters: numbered,
  };
}

/** Commentary items with every exhibit of the section placed exactly once. */
function placeExhibits(
  section: SectionDefinition,
  items: readonly NarrativeItem[],
  file: string | undefined,
  definitionFile: string,
): NarrativeItem[] {
  const ids = section.exhibits.map((e) => e.id);
  const placed = new Set<string>();
  for (const item of items) {
    if (item.type !== "exhibit") continue;
    const location = { file: file ?? definitionFile, line: item.line };
    if (!ids.includes(item.id)) {
      const close = suggest(item.id, ids);
      const hint = close ? msg.common.didYouMean(close).text : ids.length ? msg.model.sectionExhibits(ids).text : msg.model.sectionHasNoExhibits().text;
      throw new ReportError(msg.model.unknownExhibitMarker(item.id, section.id, hint), { location });
    }
    if (placed.has(item.id)) throw new ReportError(msg.model.exhibitPlacedTwice(item.id), { location });
    placed.add(item.id);
  }
  const rest = section.exhibits
    .filter((e) => !placed.has(e.id))
    .map((e) => ({ type: "exhibit" as const, id: e.id, line: locationOf(e)?.line ?? 0 }));
  return [...items, ...rest];
}

/** A chart comes before its table: the commentary says "figuren over". */
function numberedBlocks(
  draft: ExhibitDraft,
  counters: { figure: number; table: number },
  exhibitId: string,
  labels: Map<string, string>,
): (ChartFigure | TableBlock)[] {
  const blocks: (ChartFigure | TableBlock)[] = [];
  if (draft.chart) {
    const number = ++counters.figure;
    labels.set(`figur:${exhibitId}`, `Figur ${number}`);
    const altText = altTextFor(draft.chart.caption, draft.chart.data);
    blocks.push({ type: "chart", ...draft.chart, label: `Figur ${number}`, number, altText });
  }
  if (draft.table) {
    const number = ++counters.table;
    labels.set(`tabell:${exhibitId}`, `Tabell ${number}`);
    blocks.push({ type: "table", ...draft.table, label: `Tabell ${number}`, number });
  }
  return blocks;
}

/** `{{tabell "id"}}` in the text becomes the label the exhibit got ("Tabell 15"). */
function withReferences(block: Block<ChartFigure>, labels: ReadonlyMap<string, string>): Block<ChartFigure> {
  const inline = (item: Inline): Inline => (item.type === "text" ? { ...item, text: resolveReferences(item.text, labels) } : { ...item, children: item.children.map(inline) });
  switch (block.type) {
    case "paragraph":
      return { ...block, children: block.children.map(inline) };
    case "list":
      return mapListInlines(block, inline);
    default:
      return block;
  }
}
