import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";

/**
 * The layer rule of eslint.config.js, run on small in-memory sources placed
 * at real paths: a back-arrow fails `npm run lint`, a forward import passes.
 */
const eslint = new ESLint({ cwd: REPO });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: `${REPO}/${filePath}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const layerProblems = async (filePath: string, code: string) => (await problems(filePath, code)).filter((p) => /no-restricted-(imports|syntax)/.test(p));

describe("imports run one way through the layers", () => {
  it("refuses a lower stage importing the orchestrator (the old changes/printChanges.ts)", async () => {
    const found = await layerProblems("src/changes/printChanges.ts", 'import { loadInputs as x } from "../pipeline.js";');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: .*changes may import only from earlier stages/);
  });

  it("refuses a type-only back-arrow too", async () => {
    expect(await layerProblems("src/check/context.ts", 'import type { ProjectPaths as x } from "../pipeline.js";')).toHaveLength(1);
  });

  it("lets cli and the orchestrator import every stage", async () => {
    expect(await layerProblems("src/cli/printChanges.ts", 'import { loadInputs as x } from "../pipeline.js";')).toEqual([]);
    expect(await layerProblems("src/pipeline.ts", 'import { buildFigureModel as x } from "./model/build.js";')).toEqual([]);
    expect(await layerProblems("src/pipeline.ts", 'import { main as x } from "./cli/main.js";')).toHaveLength(1);
  });

  it("lets narrative and charts import the model's types but not the model", async () => {
    expect(await layerProblems("src/narrative/markdown.ts", 'import type { Block as x } from "../types/model.js";')).toEqual([]);
    expect(await layerProblems("src/charts/spec.ts", 'import type { ChartData as x } from "../types/model.js";')).toEqual([]);
    expect(await layerProblems("src/narrative/markdown.ts", 'import { buildFigureModel as x } from "../model/build.js";')).toHaveLength(1);
  });

  it("keeps stages on one row apart, and the renderers apart", async () => {
    expect(await layerProblems("src/narrative/expressions.ts", 'import { chartSpec as x } from "../charts/spec.js";')).toHaveLength(1);
    expect(await layerProblems("src/render/html/renderHtml.ts", 'import { printReport as x } from "../pdf/printReport.js";')).toHaveLength(1);
    expect(await layerProblems("src/render/pdf/renderer.ts", 'import { htmlTemplates as x } from "../html/templates.js";')).toEqual([]);
    expect(await layerProblems("src/render/docx/renderDocx.ts", 'import { htmlTemplates as x } from "../html/templates.js";')).toHaveLength(1);
    expect(await layerProblems("src/render/docx/renderDocx.ts", 'import { renderHtml as x } from "../../render/html/renderHtml.js";')).toHaveLength(1);
    expect(await layerProblems("src/render/html/renderHtml.ts", 'import { renderError as x } from "../templateErrors.js";')).toEqual([]);
  });

  it("lets every stage use the leaves, and keeps the leaves below every stage", async () => {
    expect(await layerProblems("src/config/documents.ts", 'import { ReportError as x } from "../errors.js";')).toEqual([]);
    expect(await layerProblems("src/charts/diskCache.ts", 'import { readCacheEntry as x } from "../output/cacheEntries.js";')).toEqual([]);
    expect(await layerProblems("src/charts/diskCache.ts", 'import { writeFileSet as x } from "../output/writeSet.js";')).toEqual([]);
    expect(await layerProblems("src/charts/diskCache.ts", 'import { buildReport as x } from "../pipeline.js";')).toHaveLength(1);
    expect(await layerProblems("src/format/norwegian.ts", 'import { loadDefinition as x } from "../config/loadDefinition.js";')).toHaveLength(1);
  });

  it("allows a known back-arrow only in its own file", async () => {
    expect(await layerProblems("src/config/loadDefinition.ts", 'import type { Dataset as x } from "../data/dataset.js";')).toEqual([]);
    expect(await layerProblems("src/config/documents.ts", 'import type { Dataset as x } from "../data/dataset.js";')).toHaveLength(1);
    expect(await layerProblems("src/config/definitionSchema.ts", 'import { exhibitSchema as x } from "../model/exhibits/registry.js";')).toEqual([]);
    expect(await layerProblems("src/config/definitionSchema.ts", 'import { buildFigureModel as x } from "../model/build.js";')).toHaveLength(1);
    expect(await layerProblems("src/config/documents.ts", 'import { exhibitSchema as x } from "../model/exhibits/registry.js";')).toHaveLength(1);
  });

  it("refuses import() below the top, where the import rule cannot see it", async () => {
    const found = await layerProblems("src/data/dataset.ts", 'const x = await import("../pipeline.js");');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-syntax:/);
    expect(await layerProblems("src/cli/commands/check.ts", 'const x = await import("../../pipeline.js");')).toEqual([]);
    // A module of the same folder, loaded late for speed, stays in its layer.
    expect(await layerProblems("src/render/docx/renderer.ts", 'const x = await import("./renderInWorker.js");')).toEqual([]);
  });
});
