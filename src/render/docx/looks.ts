import { Paragraph, TextRun, BorderStyle } from "docx";
import type { FigureModel } from "../../types/model.js";
import { COLOR, SIZE } from "./theme.js";

/**
 * The Word style set of a document, chosen by its `style` (the same name as
 * its template set, templates/<style>/): a KOSTRA analyse opens with a cover
 * page; an annual report chapter with a band over the chapter, as in its PDF.
 * A style without a set of its own gets the default look.
 */
export interface WordLook {
  readonly coverPage: boolean;
}

const LOOKS: Readonly<Record<string, WordLook>> = {
  arsrapport: { coverPage: false },
};

export function wordLook(style: string | undefined): WordLook {
  return (style && LOOKS[style]) || { coverPage: true };
}

/** The band that stands in for a cover page: organisation, title, subtitle, and a rule. */
export function coverBand(model: FigureModel): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun({ text: model.organisation, bold: true, size: SIZE.small, color: COLOR.muted })] }),
    new Paragraph({ style: "Heading1", children: [new TextRun({ text: model.title, size: SIZE.h2 })] }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLOR.accent, space: 4 } },
      spacing: { after: 360 },
      children: [new TextRun({ text: model.subtitle ?? "", size: SIZE.small, color: COLOR.muted })],
    }),
  ];
}
