
/**
 * The Word file's look, kept next to the PDF's (templates/report.css):
 * the same A4 margins, colours and sizes, so the two read as one document.
 */
/** Millimetres → twips, rounded (docx's own helper truncates: A4 would be 11905, not Word's 11906). */
const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: {
    top: mm(24),
    right: mm(20),
    bottom: mm(22),
    left: mm(22),
    header: mm(12),
    footer: mm(12),
  },
} as const;

/** Text width in pixels at 96 dpi, for chart sizes. */
export const CONTENT_WIDTH_PX = Math.round(((210 - 22 - 20) / 25.4) * 96);

export const COLOR = {
  ink: "1A1A1A",
  muted: "4D4D4D",
  accent: "0A4D8C",
  rule: "C8CED6",
  band: "EEF3F8",
} as const;

/** Half-points, as Word counts font sizes. */
export const SIZE = {
  body: 21,
  small: 17,
  table: 19,
  caption: 20,
  h1: 48,
  tocTitle: 40,
  h2: 30,
  h3: 24,
  title: 76,
} as const;

/** The document's language: Word's spelling check and a screen reader's voice, in the text and in every chart. */
export const LANGUAGE = "nb-NO";
