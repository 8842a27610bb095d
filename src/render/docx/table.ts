import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { TableBlock, TableCell as ModelCell } from "../../types/model.js";
import { COLOR } from "./theme.js";
import { captionParagraph, sourceParagraphs } from "./captions.js";

const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;
const ACCENT_RULE = { style: BorderStyle.SINGLE, size: 10, color: COLOR.accent } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/**
 * A model table as a Word table: numbered caption above, header rows that
 * repeat on a new page, rows that never split, numbers right-aligned exactly
 * as the model formatted them, the source line below. Small tables are kept
 * on one page, as in the PDF.
 */
export function tableBlocks(block: TableBlock): (Paragraph | Table)[] {
  const rowCount = block.header.length + block.rows.length;
  const keep = (rowIndex: number) => rowIndex < rowCount - 1;
  const header = block.header.map(
    (row, r) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((cell, i) => cellOf(cell, { header: true, stub: i === 0, keepNext: keep(r), last: r === block.header.length - 1 })),
      }),
  );
  const body = block.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cellOf({ text: row.label }, { header: false, stub: true, keepNext: keep(block.header.length + r), last: false }),
          ...row.cells.map((cell) => cellOf(cell, { header: false, stub: false, keepNext: keep(block.header.length + r), last: false })),
        ],
      }),
  );
  return [
    captionParagraph(block.label, block.caption),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [...header, ...body],
      borders: { top: NONE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE },
    }),
    ...sourceParagraphs(block.source, block.notes),
  ];
}

function cellOf(cell: ModelCell, where: { header: boolean; stub: boolean; keepNext: boolean; last: boolean }): TableCell {
  return new TableCell({
    columnSpan: cell.colSpan ?? 1,
    ...(where.header ? { shading: { type: ShadingType.CLEAR, fill: COLOR.band, color: "auto" } } : {}),
    ...(where.last ? { borders: { bottom: ACCENT_RULE } } : {}),
    margins: { top: 50, bottom: 50, left: 100, right: 100 },
    children: [
      new Paragraph({
        style: "TableText",
        keepNext: where.keepNext,
        alignment: where.stub ? AlignmentType.LEFT : AlignmentType.RIGHT,
        children: [new TextRun({ text: cell.text, bold: where.header })],
      }),
    ],
  });
}
