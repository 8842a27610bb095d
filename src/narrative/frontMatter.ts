import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ReportError } from "../errors.js";

export const frontMatterSchema = z
  .object({
    chapter: z.string().min(1, "expected the chapter id from report.yaml"),
    section: z.string().min(1, "expected the section id from report.yaml"),
  })
  .strict();

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SplitMarkdown {
  readonly frontMatter: FrontMatter;
  readonly body: string;
  /** Lines before the body starts, to map body positions back to the file. */
  readonly bodyLineOffset: number;
}

/** Splits `---` front matter from the Markdown body and validates it. */
export function splitFrontMatter(text: string, file: string): SplitMarkdown {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") {
    throw new ReportError("the file must start with front matter", {
      location: { file, line: 1 },
      hint: 'begin with "---", a line "chapter: …", a line "section: …" and "---"',
    });
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (end === -1) {
    throw new ReportError("front matter is not closed", { location: { file, line: 1 }, hint: 'end it with a line "---"' });
  }
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join("\n"));
  } catch (error) {
    throw new ReportError(`front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`, {
      location: { file, line: 2 },
      cause: error,
    });
  }
  const result = frontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? "");
    const keyLine = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
    throw new ReportError(`${issue.message}${key ? ` (front matter key "${key}")` : ""}`, {
      location: { file, line: keyLine >= 0 ? keyLine + 2 : 1 },
    });
  }
  return { frontMatter: result.data, body: lines.slice(end + 1).join("\n"), bodyLineOffset: end + 1 };
}
