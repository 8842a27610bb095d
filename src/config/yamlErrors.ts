import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type YAMLError } from "yaml";
import { suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";

/**
 * A syntax error of the `yaml` package in Norwegian. The package writes its
 * errors in English ("Map keys must be unique"); what the user reads is
 * chosen by the error's code (and, where one code covers several cases, by
 * the character the package names), never the English text itself. A code
 * not listed here says it is a YAML error and names the code.
 */
export function yamlErrorMessage(error: YAMLError, text: string): Message {
  const at = text.slice(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1));
  const english = error.message;
  switch (error.code) {
    case "DUPLICATE_KEY":
      return msg.config.yamlDuplicateKey(keyAt(text, error.pos[0]));
    case "TAB_AS_INDENT":
      return msg.config.yamlTab();
    case "BAD_INDENT":
      if (/^Flow sequence/.test(english)) return msg.config.yamlUnclosed("[", "]");
      if (/^Flow map/.test(english)) return msg.config.yamlUnclosed("{", "}");
      return msg.config.yamlIndent();
    case "MISSING_CHAR":
      if (/closing "quote/.test(english)) return msg.config.yamlUnclosedQuote('"');
      if (/closing 'quote/.test(english)) return msg.config.yamlUnclosedQuote("'");
      if (/followed by map values/.test(english)) return msg.config.yamlMissingColon();
      if (/end with a \]/.test(english)) return msg.config.yamlUnclosed("[", "]");
      if (/end with a \}/.test(english)) return msg.config.yamlUnclosed("{", "}");
      return msg.config.yamlOther(error.code);
    case "UNEXPECTED_TOKEN":
      if (/at node end/.test(english)) return msg.config.yamlAfterValue();
      return msg.config.yamlUnexpected(at.trim() || at);
    case "BAD_SCALAR_START":
      return msg.config.yamlReservedStart(at.charAt(0));
    case "BAD_DQ_ESCAPE":
      return msg.config.yamlBadEscape(text.slice(error.pos[0] - 1, error.pos[1]));
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return msg.config.yamlKeyOnOneLine();
    case "MULTIPLE_DOCS":
      return msg.config.yamlSeveralDocuments();
    default:
      return msg.config.yamlOther(error.code);
  }
}

/** The key a duplicate-key error points at: the text up to its colon. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset).split(/\r?\n/)[0] ?? "";
  return (/^(.*?):(\s|$)/.exec(rest)?.[1] ?? rest).trim().replace(/^["']|["']$/g, "");
}

/**
 * The first alias (`*navn`) with no anchor (`&navn`) before it, and the
 * anchor whose name is closest; an alias may only refer back.
 */
export function unknownAlias(doc: Document.Parsed): { readonly node: { range?: [number, number, number] | null }; readonly name: string; readonly closest: string | undefined } | undefined {
  const anchors: string[] = [];
  let found: { node: { range?: [number, number, number] | null }; name: string; closest: string | undefined } | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (!anchors.includes(node.source)) {
        found = { node, name: node.source, closest: suggest(node.source, anchors) };
        return visit.BREAK;
      }
      return undefined;
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchors.push(node.anchor);
    return undefined;
  });
  return found;
}

/** A `<<:` key: YAML's merge key, which this loader does not merge. */
export function mergeKey(doc: Document.Parsed): { range?: [number, number, number] | null } | undefined {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Pair: (_, pair) => {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === "<<" && isNode(pair.key)) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
