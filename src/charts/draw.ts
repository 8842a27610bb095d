import type { Block, Chapter, DocumentModel, FigureModel } from "../types/model.js";
import type { ChartCache } from "./chartCache.js";
import { chartSpec } from "./spec.js";

/**
 * Every chart of the model drawn as SVG, through `cache` (from memory or
 * disk when the same chart was drawn before); the rest of the model is
 * passed through as is.
 */
export async function drawCharts(model: FigureModel, cache: ChartCache): Promise<DocumentModel> {
  const chapters: Chapter[] = [];
  // One chart at a time: Vega's views are not all held at once.
  for (const chapter of model.chapters) {
    const blocks: Block[] = [];
    for (const block of chapter.blocks) blocks.push(block.type === "chart" ? { ...block, ...(await cache.draw(chartSpec(block.data), block.altText)) } : block);
    chapters.push({ ...chapter, blocks });
  }
  return { ...model, chapters };
}
