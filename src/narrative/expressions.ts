import Handlebars from "handlebars";
import type { ReportDefinition } from "../config/definitionSchema.js";
import type { Dataset, Indicator } from "../data/dataset.js";
import { ReportError, didYouMean, suggest } from "../errors.js";
import { formatHelperValue, HELPERS, type HelperOptions } from "./helpers.js";
import { REFERENCE_KINDS, referable, referenceMarker, type ReferenceKind } from "./references.js";

type Node = hbs.AST.Node;
type Mustache = hbs.AST.MustacheStatement;

export interface ExpressionContext {
  readonly data: Dataset;
  readonly definition: ReportDefinition;
}

/** One expression in a commentary file, resolved: what it reads and what it printed. */
export interface ExpressionUse {
  readonly helper: string;
  readonly indicator: string;
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly line: number;
  readonly column: number;
  readonly text: string;
  /** Source span in the body, so checks can skip it when looking for literal numbers. */
  readonly start: number;
  readonly end: number;
}

export interface RenderedCommentary {
  readonly body: string;
  readonly uses: readonly ExpressionUse[];
}

/**
 * Replaces every `{{helper …}}` in a commentary body with its Norwegian text.
 * All expressions are checked before any is evaluated, from the template's
 * syntax tree, so a typo is reported with its file, line, column and a
 * suggestion, never as an empty spot in the PDF.
 */
export function renderExpressions(body: string, file: string, lineOffset: number, context: ExpressionContext): RenderedCommentary {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(body);
  } catch (error) {
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    throw new ReportError("an expression is not closed or not well formed", {
      location: { file, ...(line ? { line: Number(line) + lineOffset } : {}) },
      hint: `write expressions like ${HELPERS.verdi!.example}`,
      cause: error,
    });
  }
  const lineStarts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const uses: ExpressionUse[] = [];
  const output: string[] = [];
  for (const node of ast.body) {
    if (node.type === "ContentStatement") {
      output.push((node as hbs.AST.ContentStatement).value);
    } else if (node.type === "MustacheStatement") {
      const use = resolve(node as Mustache, file, lineOffset, context, lineStarts);
      uses.push(use);
      output.push(use.text);
    } else if (node.type !== "CommentStatement") {
      throw fail(node, file, lineOffset, "only single expressions such as {{verdi …}} are allowed in commentary", "blocks ({{#…}}) and partials are not supported");
    }
  }
  return { body: output.join(""), uses };
}

function resolve(node: Mustache, file: string, lineOffset: number, context: ExpressionContext, lineStarts: readonly number[]): ExpressionUse {
  const { data, definition } = context;
  const name = node.path.type === "PathExpression" ? (node.path as hbs.AST.PathExpression).original : "";
  if (name in REFERENCE_KINDS) return reference(name as ReferenceKind, node, file, lineOffset, definition, lineStarts);
  const spec = HELPERS[name];
  if (!spec) {
    const known = [...Object.keys(HELPERS), ...Object.keys(REFERENCE_KINDS)];
    throw fail(node, file, lineOffset, `unknown expression "${name}"`, didYouMean(name, known) ?? `known: ${known.join(", ")}`);
  }
  if (node.params.length !== spec.args.length) {
    throw fail(node, file, lineOffset, `"${name}" takes ${spec.args.length} values (${spec.args.join(", ")}), got ${node.params.length}`, `for example ${spec.example}`);
  }
  let indicator: Indicator | undefined;
  const regions: string[] = [];
  const years: number[] = [];
  spec.args.forEach((kind, i) => {
    const param = node.params[i]!;
    const literal = param.type === "StringLiteral" || param.type === "NumberLiteral" ? String((param as hbs.AST.StringLiteral).value) : undefined;
    if (literal === undefined) throw fail(param, file, lineOffset, `value ${i + 1} of "${name}" must be written in quotes or as a number`, `for example ${spec.example}`);
    if (kind === "indicator") {
      indicator = data.indicators.get(literal);
      if (!indicator) throw fail(param, file, lineOffset, `unknown indicator "${literal}"`, didYouMean(literal, data.indicators.keys()) ?? "indicators are listed in data/indicators.csv");
    } else if (kind === "region") {
      regions.push(resolveRegion(literal, data, () => fail(param, file, lineOffset, `unknown region "${literal}"`, regionHint(literal, data))));
    } else {
      const year = Number(literal);
      if (!Number.isInteger(year) || !definition.years.includes(year)) {
        throw fail(param, file, lineOffset, `year ${literal} is outside the report's years ${definition.years.join(", ")}`, didYouMean(literal, definition.years.map(String)) ?? "add the year to report.yaml and the data first");
      }
      years.push(year);
    }
  });
  const options = optionsOf(node, file, lineOffset);
  const resolved = { indicator: indicator!, regions, years };
  const value = spec.compute(data, definition.average, resolved);
  if (typeof value === "string") throw fail(node, file, lineOffset, value, "add it to observations.csv or change the expression");
  const start = lineStarts[node.loc.start.line - 1]! + node.loc.start.column;
  const end = lineStarts[node.loc.end.line - 1]! + node.loc.end.column;
  return {
    helper: name,
    indicator: indicator!.id,
    regions,
    years,
    line: node.loc.start.line + lineOffset,
    column: node.loc.start.column + 1,
    text: formatHelperValue(value, spec.unitOf(indicator!), indicator!, options, name),
    start,
    end,
  };
}

/** `{{tabell "id"}}`: checked now, numbered when the document model is built. */
function reference(kind: ReferenceKind, node: Mustache, file: string, lineOffset: number, definition: ReportDefinition, lineStarts: readonly number[]): ExpressionUse {
  const example = `{{${kind} "${referable(definition, kind)[0] ?? "id"}"}}`;
  const param = node.params[0];
  if (node.params.length !== 1 || param?.type !== "StringLiteral") throw fail(node, file, lineOffset, `"${kind}" takes the id of a ${kind === "tabell" ? "table" : "figure"} in quotes`, `for example ${example}`);
  const id = (param as hbs.AST.StringLiteral).value;
  const ids = referable(definition, kind);
  if (!ids.includes(id)) {
    const other: ReferenceKind = kind === "tabell" ? "figur" : "tabell";
    const hint = referable(definition, other).includes(id)
      ? `"${id}" is a ${kind === "tabell" ? "figure" : "table"}: write {{${other} "${id}"}}`
      : (didYouMean(id, ids) ?? (ids.length ? `${kind === "tabell" ? "tables" : "figures"}: ${ids.join(", ")}` : `the report has no ${kind === "tabell" ? "tables" : "figures"}`));
    throw fail(param, file, lineOffset, `no ${kind === "tabell" ? "table" : "figure"} "${id}" in the report`, hint);
  }
  return {
    helper: kind,
    indicator: "",
    regions: [],
    years: [],
    line: node.loc.start.line + lineOffset,
    column: node.loc.start.column + 1,
    text: referenceMarker(kind, id),
    start: lineStarts[node.loc.start.line - 1]! + node.loc.start.column,
    end: lineStarts[node.loc.end.line - 1]! + node.loc.end.column,
  };
}

function optionsOf(node: Mustache, file: string, lineOffset: number): HelperOptions {
  const options = { abs: false, unit: true };
  for (const pair of node.hash?.pairs ?? []) {
    const value = pair.value.type === "BooleanLiteral" ? (pair.value as hbs.AST.BooleanLiteral).value : undefined;
    if (value === undefined) throw fail(node, file, lineOffset, `option ${pair.key} takes true or false`);
    if (pair.key === "abs") options.abs = value;
    else if (pair.key === "enhet") options.unit = value;
    else throw fail(node, file, lineOffset, `unknown option "${pair.key}"`, didYouMean(pair.key, ["abs", "enhet"]) ?? "options: abs=true, enhet=false");
  }
  return options;
}

/** A region by id ("3201"), name ("Bærum") or short name, ignoring case. */
export function resolveRegion(text: string, data: Dataset, onUnknown: () => Error): string {
  const lower = text.toLowerCase();
  for (const region of data.regions.values()) {
    if (region.id === text || region.name.toLowerCase() === lower || region.short_name.toLowerCase() === lower) return region.id;
  }
  throw onUnknown();
}

function regionHint(text: string, data: Dataset): string {
  const names = [...data.regions.values()].flatMap((r) => [r.name, r.id]);
  const match = suggest(text, names);
  return match ? `did you mean "${match}"?` : `regions: ${[...data.regions.values()].map((r) => r.name).join(", ")}`;
}

function fail(node: Node, file: string, lineOffset: number, message: string, hint?: string): ReportError {
  return new ReportError(message, {
    location: { file, line: node.loc.start.line + lineOffset, column: node.loc.start.column + 1 },
    ...(hint ? { hint } : {}),
  });
}
