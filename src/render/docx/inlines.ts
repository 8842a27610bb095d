import { ExternalHyperlink, TextRun, type ParagraphChild } from "docx";
import type { Inline } from "../../types/model.js";

interface Marks {
  readonly bold: boolean;
  readonly italics: boolean;
}

/** Model inlines → Word runs; bold and italic nest as in the Markdown. */
export function inlineRuns(inlines: readonly Inline[], marks: Marks = { bold: false, italics: false }): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case "text":
        return [new TextRun({ text: inline.text, bold: marks.bold, italics: marks.italics })];
      case "strong":
        return inlineRuns(inline.children, { ...marks, bold: true });
      case "emphasis":
        return inlineRuns(inline.children, { ...marks, italics: true });
      case "link":
        return [
          new ExternalHyperlink({
            link: inline.href,
            children: inline.children.map((child) =>
              new TextRun({ text: plain(child), style: "Hyperlink", bold: marks.bold, italics: marks.italics }),
            ),
          }),
        ];
    }
  });
}

function plain(inline: Inline): string {
  return inline.type === "text" ? inline.text : inline.children.map(plain).join("");
}
