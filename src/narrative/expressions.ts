import Handlebars from "handlebars";
import type { ReportDefinition } from "../config/definitionSchema.js";
import type { Dataset, Indicator } from "../data/dataset.js";
import { ReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import { HELPERS, type ArgKind, type ClaimUse, type HelperSpec, type OptionValues } from "./helpers.js";
import { isReferenceKind, REFERENCE_KINDS, referable, referenceMarker, type ReferenceKind } from "./references.js";

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
  /** For a claim expression: which outcome the data chose, so `changes` can tell a sentence whose meaning flipped. */
  readonly claim?: ClaimUse;
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
    throw new ReportError(msg.narrative.notWellFormed(HELPERS.get("verdi")!.example), {
      location: { file, ...(line ? { line: Number(line) + lineOffset } : {}) },
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
      throw fail(node, file, lineOffset, msg.narrative.blocksNotAllowed());
    }
  }
  return { body: output.join(""), uses };
}

function resolve(node: Mustache, file: string, lineOffset: number, context: ExpressionContext, lineStarts: readonly number[]): ExpressionUse {
  const { data, definition } = context;
  const name = node.path.type === "PathExpression" ? (node.path as hbs.AST.PathExpression).original : "";
  if (isReferenceKind(name)) return reference(name, node, file, lineOffset, definition, lineStarts);
  const spec = HELPERS.get(name);
  if (!spec) {
    const known = [...HELPERS.keys(), ...Object.keys(REFERENCE_KINDS)];
    throw fail(node, file, lineOffset, msg.narrative.unknownExpression(name, suggest(name, known), known));
  }
  if (node.params.length !== spec.args.length) {
    throw fail(node, file, lineOffset, msg.narrative.argumentCount(name, spec.args.length, spec.args.map((kind) => ARG_WORDS[kind]).join(", "), node.params.length, spec.example));
  }
  let indicator: Indicator | undefined;
  const regions: string[] = [];
  const years: number[] = [];
  spec.args.forEach((kind, i) => {
    const param = node.params[i]!;
    const literal = param.type === "StringLiteral" || param.type === "NumberLiteral" ? String((param as hbs.AST.StringLiteral).value) : undefined;
    if (literal === undefined) throw fail(param, file, lineOffset, msg.narrative.argumentNotLiteral(i + 1, name, spec.example));
    if (kind === "indicator") {
      indicator = data.indicators.get(literal);
      if (!indicator) throw fail(param, file, lineOffset, msg.narrative.unknownIndicator(literal, suggest(literal, data.indicators.keys())));
    } else if (kind === "region") {
      regions.push(resolveRegion(literal, data, () => fail(param, file, lineOffset, unknownPlace(literal, data))));
    } else {
      const year = Number(literal);
      if (!Number.isInteger(year) || !definition.years.includes(year)) {
        throw fail(param, file, lineOffset, msg.narrative.yearOutside(literal, definition.years, suggest(literal, definition.years.map(String))));
      }
      years.push(year);
    }
  });
  const options = optionsOf(spec, node, file, lineOffset);
  const resolved = { indicator: indicator!, regions, years };
  const result = spec.evaluate({ data, average: definition.average, reportYears: definition.years, resolved, options });
  if ("missing" in result) {
    const { indicator: id, region, year } = result.missing;
    throw fail(node, file, lineOffset, msg.narrative.noValue(id, data.regions.get(region)?.name ?? region, year));
  }
  if ("problem" in result) throw fail(node, file, lineOffset, result.problem);
  const start = lineStarts[node.loc.start.line - 1]! + node.loc.start.column;
  const end = lineStarts[node.loc.end.line - 1]! + node.loc.end.column;
  return {
    helper: name,
    indicator: indicator!.id,
    regions,
    years,
    line: node.loc.start.line + lineOffset,
    column: node.loc.start.column + 1,
    text: result.text,
    start,
    end,
    ...(result.claim ? { claim: result.claim } : {}),
  };
}

/** `{{tabell "id"}}`: checked now, numbered when the document model is built. */
function reference(kind: ReferenceKind, node: Mustache, file: string, lineOffset: number, definition: ReportDefinition, lineStarts: readonly number[]): ExpressionUse {
  const example = `{{${kind} "${referable(definition, kind)[0] ?? "id"}"}}`;
  const param = node.params[0];
  if (node.params.length !== 1 || param?.type !== "StringLiteral") throw fail(node, file, lineOffset, msg.narrative.referenceArgument(kind, example));
  const id = (param as hbs.AST.StringLiteral).value;
  const ids = referable(definition, kind);
  if (!ids.includes(id)) {
    const other: ReferenceKind = kind === "tabell" ? "figur" : "tabell";
    throw fail(param, file, lineOffset, referable(definition, other).includes(id) ? msg.narrative.referenceOtherKind(kind, id, other) : msg.narrative.referenceUnknown(kind, id, suggest(id, ids), ids));
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

/** The expression's named options, each one the helper takes and of the kind it takes. */
function optionsOf(spec: HelperSpec, node: Mustache, file: string, lineOffset: number): OptionValues {
  const options = new Map<string, string | boolean>();
  const known = Object.keys(spec.options);
  for (const pair of node.hash?.pairs ?? []) {
    const kind = Object.hasOwn(spec.options, pair.key) ? spec.options[pair.key] : undefined;
    if (kind === undefined) {
      const closest = suggest(pair.key, known);
      throw fail(node, file, lineOffset, known.includes("abs") ? msg.narrative.unknownOption(pair.key, closest) : msg.claims.unknownOption(pair.key, closest, known));
    }
    const value = pair.value.type === "BooleanLiteral" ? (pair.value as hbs.AST.BooleanLiteral).value : pair.value.type === "StringLiteral" ? (pair.value as hbs.AST.StringLiteral).value : undefined;
    if (kind === "boolean" && typeof value !== "boolean") throw fail(node, file, lineOffset, msg.narrative.optionNotBoolean(pair.key));
    if (kind === "text" && typeof value !== "string") throw fail(node, file, lineOffset, msg.claims.optionNotText(pair.key));
    options.set(pair.key, value!);
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

function unknownPlace(text: string, data: Dataset): Message {
  const match = suggest(text, [...data.regions.values()].flatMap((r) => [r.name, r.id]));
  return msg.narrative.unknownPlace(text, match, [...data.regions.values()].map((r) => r.name));
}

/** The kinds of value a helper takes, as the help and errors name them. */
const ARG_WORDS: Readonly<Record<ArgKind, string>> = { indicator: "indikator", region: "kommune", year: "år" };

function fail(node: Node, file: string, lineOffset: number, message: Message): ReportError {
  return new ReportError(message, { location: { file, line: node.loc.start.line + lineOffset, column: node.loc.start.column + 1 } });
}
