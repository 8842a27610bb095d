import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { CheckInputs } from "../check/context.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { renderExpressions, type ExpressionUse } from "../narrative/expressions.js";

/**
 * A unit label in parentheses, e.g. "(1 000 kr)", "(i kr)", "(prosent)", "(%)".
 * `thousands` is set when it scales the figures ("1 000 kr", "mill. kr").
 */
const UNIT_LABEL = /\((?:i\s+)?(?<thousands>(?:1|10|100)(?:[\s\u00a0]?000)+\s*|mill\.?\s*|mrd\.?\s*)?(?:kr|kroner|nok|prosent|%|prosentpoeng|pp)\)/giu;
/** The end of an expression's text when it printed its unit: "136 800 kr", "93,3 prosent". */
const PRINTED_UNIT = /\u00a0(?:kr|prosent|prosentpoeng)$/u;

/**
 * The headline figures of report.yaml (`distribution.headlines`), written
 * with the commentary's expressions. Two rules keep a figure from being
 * labelled twice:
 *  - the expressions always print kroner in whole kroner ("136 800 kr", an
 *    indicator kept in 1 000 kr multiplied out), so a label that scales them,
 *    "(1 000 kr)", is always wrong;
 *  - a unit label such as "(kr)" or "(prosent)" is wrong next to expressions
 *    that print their unit already (all do, unless written with enhet=false).
 */
export function renderHeadlines(inputs: CheckInputs, root: string): string[] {
  const source = readFileSync(join(root, inputs.definitionFile), "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const sourceLines = source.split("\n");
  return inputs.definition.distribution.headlines.map((text, i) => {
    const node = doc.getIn(["distribution", "headlines", i], true);
    const line = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    const rendered = renderExpressions(text, inputs.definitionFile, (line ?? 1) - 1, inputs);
    checkUnitLabels(text, rendered.uses, { file: inputs.definitionFile, line, sourceLine: line ? (sourceLines[line - 1] ?? "") : "" });
    return rendered.body;
  });
}

function checkUnitLabels(text: string, uses: readonly ExpressionUse[], at: { file: string; line: number | undefined; sourceLine: string }): void {
  const printsUnit = uses.some((use) => PRINTED_UNIT.test(use.text));
  for (const match of text.matchAll(UNIT_LABEL)) {
    const label = match[0];
    const scaled = match.groups?.thousands !== undefined;
    if (!scaled && !printsUnit) continue;
    const column = at.sourceLine.indexOf(label);
    const printed = uses.find((use) => PRINTED_UNIT.test(use.text))?.text;
    throw new ReportError(scaled ? msg.distribute.headlineScaledLabel(label, printed) : msg.distribute.headlineUnitLabel(label, printed), {
      location: { file: at.file, ...(at.line !== undefined ? { line: at.line, ...(column >= 0 ? { column: column + 1 } : {}) } : {}) },
    });
  }
}
