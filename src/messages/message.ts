/**
 * Every text a user reads (errors, warnings, hints, log lines) is a Message
 * from the catalogue (src/messages/catalogue.ts): Norwegian bokmål, reviewed
 * in one place, with a stable id that tests match on instead of whole
 * sentences. A Message can only be made by `defineMessages`, so a text written
 * inline where an error is thrown does not type-check.
 */

const catalogued: unique symbol = Symbol("catalogued");

export interface Message {
  /** "config.duplicateChapter": area and key, stable across rewordings. */
  readonly id: string;
  readonly text: string;
  /** What to do about it; printed in parentheses after the text. */
  readonly hint?: string;
  readonly [catalogued]: true;
}

/** What a catalogue entry returns: the text alone, or the text with a hint. */
export type MessageText = string | { readonly text: string; readonly hint?: string | undefined };

// The one place the templates' own parameter types are erased; `Parameters<T[K]>` below keeps them for callers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Template = (...args: any[]) => MessageText;

export type MessageArea<T extends Record<string, Template>> = {
  readonly [K in keyof T & string]: (...args: Parameters<T[K]>) => Message;
};

/** One area of the catalogue: `defineMessages("config", { duplicateChapter: (id: string) => … })`. */
export function defineMessages<T extends Record<string, Template>>(area: string, templates: T): MessageArea<T> {
  const entries = Object.entries(templates).map(([key, template]) => {
    const make = (...args: unknown[]): Message => {
      const made = template(...args);
      const { text, hint } = typeof made === "string" ? { text: made, hint: undefined } : made;
      return { id: `${area}.${key}`, text, ...(hint ? { hint } : {}), [catalogued]: true };
    };
    return [key, make] as const;
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const made: Readonly<Record<string, (...args: any[]) => Message>> = Object.freeze(Object.fromEntries(entries));
  return made as MessageArea<T>;
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && catalogued in value;
}

/** `tekst (hint)`: how a message reads in one line. */
export function formatMessage(message: Message): string {
  return message.hint ? `${message.text} (${message.hint})` : message.text;
}
