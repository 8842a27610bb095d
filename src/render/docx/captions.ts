import { Paragraph, TextRun } from "docx";

/** "Tabell 5 Caption" / "Figur 3 Caption", the same text as the PDF's. */
export function captionParagraph(label: string, caption: string): Paragraph {
  return new Paragraph({ style: "Caption", children: [new TextRun({ text: `${label} ` }), new TextRun({ text: caption })] });
}

export function sourceParagraphs(source: string, notes: readonly string[]): Paragraph[] {
  return [source, ...notes].map((text) => new Paragraph({ style: "Source", children: [new TextRun(text)] }));
}
