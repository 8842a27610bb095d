import { describe, expect, it } from "vitest";
import { markdownToBlocks, MAX_NESTING } from "../../src/narrative/markdown.js";
import { errorOf } from "../helpers/errors.js";

const blocks = (body: string) => markdownToBlocks(body, "data/2025/commentary/01-tekst.md", 4, "tekst");

/** `*a _a *a x a* a_ a*`: k emphases, each inside the one before; the text sits k + 2 levels down (paragraph, emphases, text). */
function nestedEmphasis(k: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < k; i++) {
    const mark = i % 2 ? "_" : "*";
    open += `${mark}a `;
    close = ` a${mark}${close}`;
  }
  return `${open}x${close}`;
}

describe("commentary nested too deep", () => {
  it("is read up to MAX_NESTING levels and refused, located, one level beyond", () => {
    expect(blocks(nestedEmphasis(MAX_NESTING - 2))).toHaveLength(1);
    const error = errorOf(() => blocks(`Første avsnitt.\n\n${nestedEmphasis(MAX_NESTING - 1)}`));
    expect(error.id).toBe("narrative.nestedTooDeep");
    expect(error.format()).toMatch(new RegExp(`^data/2025/commentary/01-tekst\\.md:7:\\d+: teksten er nøstet i mer enn ${MAX_NESTING} nivåer`));
  });

  // 6 000 asterisks on each side (3 000 levels) overflowed the stack: "intern feil: Maximum call stack size exceeded", no file named.
  it("thousands of levels give the same located error, not an internal one", { timeout: 120_000 }, () => {
    const error = errorOf(() => blocks(`Tekst\n\n${"*".repeat(6000)}x${"*".repeat(6000)}`));
    expect(error.id).toBe("narrative.nestedTooDeep");
    expect(error.location).toMatchObject({ file: "data/2025/commentary/01-tekst.md", line: 7 });
  });
});

describe("commentary Markdown errors", () => {
  it("are Norwegian, with file and line", () => {
    expect(errorOf(() => blocks("> sitat")).format()).toMatch(/^data\/2025\/commentary\/01-tekst\.md:5: Markdown-elementet «blockquote» støttes ikke/);
    expect(errorOf(() => blocks("Se [her](javascript:alert(1)).")).id).toBe("narrative.linkNotAllowed");
    expect(errorOf(() => blocks("Tekst [[nokkeltall]] i et avsnitt.")).id).toBe("narrative.markerInParagraph");
  });
});
