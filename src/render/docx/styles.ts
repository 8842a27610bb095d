import { LineRuleType, type IStylesOptions } from "docx";
import { FONT_FAMILY } from "../../assets/fonts.js";
import { COLOR, LANGUAGE, SIZE } from "./theme.js";

/**
 * Paragraph styles: Word's own Heading 1–3 with outline levels 1–3 (so the
 * navigation pane, the table of contents and a tagged export see headings), TOC Heading for "Innhold", Caption for "Figur 3"/"Tabell 5", and our Source
 * style for the source lines. The whole document is Norwegian bokmål, so
 * Word's spelling check uses the right dictionary.
 */
export function documentStyles(): IStylesOptions {
  // The outline level is what makes a paragraph a heading to LibreOffice's tagged export, the
  // navigation pane and screen readers; the style name alone is not enough (0 = level 1).
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT_FAMILY, size, bold: true, color: COLOR.accent },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: FONT_FAMILY, size: SIZE.body, color: COLOR.ink, language: { value: LANGUAGE } },
        // lineRule must be explicit: without it LibreOffice clips inline charts to one line's height.
        paragraph: { spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } },
      },
      heading1: heading(SIZE.h1, 0, 0),
      heading2: heading(SIZE.h2, 360, 1),
      heading3: heading(SIZE.h3, 240, 2),
      title: { run: { font: FONT_FAMILY, size: SIZE.title, bold: true, color: "FFFFFF" } },
    },
    paragraphStyles: [
      {
        // Word's own "TOC Heading": it looks like Heading 1 but is body text in the outline (level 9,
        // as in Word's own style), so "Innhold" is neither a level-1 heading in the navigation pane and
        // a tagged export nor an entry in the table of contents.
        id: "TOCHeading",
        name: "TOC Heading",
        basedOn: "Heading1",
        next: "Normal",
        quickFormat: true,
        run: { size: SIZE.tocTitle },
        paragraph: { spacing: { before: 0, after: 240 }, outlineLevel: 9 },
      },
      {
        id: "Caption",
        name: "caption",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: SIZE.caption, bold: true, color: COLOR.ink },
        paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
      },
      {
        id: "Source",
        name: "Kilde",
        basedOn: "Normal",
        next: "Normal",
        run: { size: SIZE.small, color: COLOR.muted },
        paragraph: { spacing: { before: 40, after: 40 } },
      },
      {
        id: "TableText",
        name: "Tabelltekst",
        basedOn: "Normal",
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}
