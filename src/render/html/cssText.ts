/**
 * Text put into the report's `<style>`, where two languages meet: the CSS
 * string or name must mean the text, and nothing in it may end the style
 * element (`</style>`) for the HTML parser, which reads the element's content
 * as raw text and decodes no entities. Both are escaped the CSS way (`\3c `),
 * which the HTML parser does not see and CSS reads back as the character, so
 * the running header prints the title exactly as written. Characters that
 * need no escape (letters of any script, digits, spaces, most punctuation)
 * are left as they are, so an ordinary title is written unchanged.
 */

/** What may not stand as itself in a double-quoted CSS string inside `<style>`. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const UNSAFE_IN_STRING = /["\\<>&\u0000-\u001f\u007f\u2028\u2029]/g;

/** A CSS identifier keeps only these; anything else is escaped. */
const UNSAFE_IN_IDENT = /[^a-zA-Z0-9_-]/g;

/** `title` as a double-quoted CSS string, safe inside an HTML `<style>` element. */
export function cssString(text: string): string {
  return `"${text.replace(UNSAFE_IN_STRING, cssEscape)}"`;
}

/** `name` as (part of) a CSS identifier, e.g. a page name: safe in `<style>` and in a `style="…"` attribute. */
export function cssIdent(name: string): string {
  return name.replace(UNSAFE_IN_IDENT, cssEscape);
}

/** `\3c `: the code point in hex; the space ends the escape and is not part of the text (CSS Syntax §4.3.7). */
function cssEscape(character: string): string {
  // U+0000 cannot be written in CSS at all (it reads as U+FFFD).
  const code = character.codePointAt(0) || 0xfffd;
  return `\\${code.toString(16)} `;
}
