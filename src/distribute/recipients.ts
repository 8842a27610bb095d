import { existsSync } from "node:fs";
import { z } from "zod";
import { readCsv } from "../data/csv.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { emailAddress } from "./address.js";

import { ATTACHABLE, isAttachable, type Attachable } from "../render/formats.js";
export { ATTACHABLE, type Attachable } from "../render/formats.js";

const recipientRow = z.object({
  name: z.string().min(1, msg.distribute.recipientName().text),
  address: emailAddress,
  group: z.string().optional().default(""),
  formats: z
    .string()
    .optional()
    .default("")
    .transform((text, ctx) => {
      const list = text.split(/[;\s]+/).filter(Boolean);
      for (const format of list) {
        if (!isAttachable(format)) {
          ctx.addIssue({ code: "custom", message: msg.distribute.recipientFormats(ATTACHABLE.join(", ")).text });
        }
      }
      return (list.length ? list : [...ATTACHABLE]) as Attachable[];
    }),
});

export type Recipient = z.output<typeof recipientRow>;

/** Reads the distribution list; a bad address stops with file and line before anything is sent. */
export function loadRecipients(file: string, displayPath: string): Recipient[] {
  if (!existsSync(file)) {
    throw new ReportError(msg.distribute.listMissing(), { location: { file: displayPath } });
  }
  const rows = readCsv(file, displayPath, recipientRow, { requiredColumns: ["name", "address"] });
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = row.value.address.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new ReportError(msg.distribute.duplicateRecipient(row.value.address, earlier), { location: { file: displayPath, line: row.line } });
    }
    seen.set(key, row.line);
  }
  return rows.map((row) => row.value);
}
