import { z } from "zod";
import { defineMessages } from "./message.js";

/**
 * Schema problems in Norwegian. zod writes its issues in English ("Expected
 * number, received string"); the loaders of report.yaml and the data files
 * parse with `{ errorMap: zodIssueMap }`, so what the user reads says the
 * same in Norwegian. A message a schema states itself (`.regex(…, text)`,
 * from the catalogue) is kept as it is.
 */
export const zodIssue = defineMessages("zodIssue", {
  required: () => "mangler",
  wrongType: (expected: string, received: string) => `skal være ${expected}, ikke ${received}`,
  literal: (expected: string) => `skal være ${expected}`,
  oneOf: (options: string) => `skal være en av ${options}`,
  oneOfGot: (options: string, received: string) => `skal være en av ${options}, ikke «${received}»`,
  unknownKeys: (keys: readonly string[]) => ({
    text: `${keys.length > 1 ? "ukjente felt" : "ukjent felt"} ${keys.map((k) => `«${k}»`).join(", ")}`,
  }),
  tooFewItems: (minimum: number) => `listen må ha minst ${minimum} ${minimum === 1 ? "element" : "elementer"}`,
  tooManyItems: (maximum: number) => `listen kan ha høyst ${maximum} elementer`,
  emptyText: () => "kan ikke være tom",
  tooShort: (minimum: number) => `må ha minst ${minimum} tegn`,
  tooLong: (maximum: number) => `kan ha høyst ${maximum} tegn`,
  atLeast: (minimum: number) => `må være minst ${minimum}`,
  atMost: (maximum: number) => `kan være høyst ${maximum}`,
  wrongFormat: () => "har feil form",
  invalid: () => "er ikke gyldig her",
});

const TYPES: Partial<Record<string, string>> = {
  string: "tekst",
  number: "et tall",
  integer: "et heltall",
  float: "et desimaltall",
  nan: "NaN",
  boolean: "true eller false",
  array: "en liste",
  object: "en samling felt (nøkkel: verdi)",
  null: "tom (null)",
  undefined: "tom",
  date: "en dato",
};

const typeName = (type: string): string => TYPES[type] ?? type;
const quoted = (values: readonly unknown[]): string => values.map((v) => `«${String(v)}»`).join(", ");

export const zodIssueMap: z.ZodErrorMap = (issue, context) => {
  // A schema's own message (not zod's English default) stands.
  if (context.defaultError !== z.defaultErrorMap(issue, { data: context.data, defaultError: "" }).message) return { message: context.defaultError };
  return { message: norwegian(issue).text };
};

function norwegian(issue: z.ZodIssueOptionalMessage): { readonly text: string } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return zodIssue.required();
      return zodIssue.wrongType(typeName(issue.expected), typeName(issue.received));
    case "invalid_literal":
      return zodIssue.literal(JSON.stringify(issue.expected));
    case "invalid_union_discriminator":
      return zodIssue.oneOf(quoted(issue.options));
    case "invalid_enum_value":
      return zodIssue.oneOfGot(quoted(issue.options), String(issue.received));
    case "unrecognized_keys":
      return zodIssue.unknownKeys(issue.keys);
    case "too_small":
      if (issue.type === "array" || issue.type === "set") return zodIssue.tooFewItems(Number(issue.minimum));
      if (issue.type === "string") return Number(issue.minimum) === 1 ? zodIssue.emptyText() : zodIssue.tooShort(Number(issue.minimum));
      return zodIssue.atLeast(Number(issue.minimum));
    case "too_big":
      if (issue.type === "array" || issue.type === "set") return zodIssue.tooManyItems(Number(issue.maximum));
      if (issue.type === "string") return zodIssue.tooLong(Number(issue.maximum));
      return zodIssue.atMost(Number(issue.maximum));
    case "invalid_string":
      return zodIssue.wrongFormat();
    default:
      return zodIssue.invalid();
  }
}
