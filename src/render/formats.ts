import { docxRenderer } from "./docx/renderer.js";
import { htmlRenderer } from "./html/renderer.js";
import { pdfRenderer } from "./pdf/renderer.js";
import type { Renderer } from "./renderer.js";
import { webRenderer } from "./web/renderer.js";

/**
 * Every output format, in the order their files are listed. A new format is
 * one renderer module (renderer.ts: `{ format, needs, start }`) added here;
 * the `report --format` option, the pipeline, `distribute` and the preview
 * read this list and never name a format themselves. This module loads no
 * renderer's libraries (each loads them in its `start`), so the commands that
 * only ask which formats exist stay light.
 */
export const RENDERERS = [pdfRenderer, docxRenderer, htmlRenderer, webRenderer] as const satisfies readonly Renderer[];

export type Format = (typeof RENDERERS)[number]["format"];
export const FORMATS: readonly Format[] = RENDERERS.map((renderer) => renderer.format);

/** The formats a file of which can be mailed (distribute's `formats` column). */
type AttachableRenderer = Extract<(typeof RENDERERS)[number], { readonly attachable: true }>;
export type Attachable = AttachableRenderer["format"];
export const ATTACHABLE: readonly Attachable[] = RENDERERS.filter((renderer): renderer is AttachableRenderer => renderer.attachable).map((renderer) => renderer.format);

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function isAttachable(name: string): name is Attachable {
  return (ATTACHABLE as readonly string[]).includes(name);
}
