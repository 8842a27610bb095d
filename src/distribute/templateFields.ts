import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/** What the mail templates can use; every message is rendered from one of these. */
export interface MessageView {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly chapters: readonly string[];
  readonly headlines: readonly string[];
  readonly files: readonly { readonly name: string; readonly size: string }[];
}

export const VIEW_FIELDS = ["name", "title", "subtitle", "organisation", "chapters", "headlines", "files"] as const satisfies readonly (keyof MessageView)[];
/** The fields of one item inside {{#each list}}: the lists of text have none ({{this}} only). */
const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = { chapters: [], headlines: [], files: ["name", "size"] };

/**
 * Every field a template reads must exist where it is read: strict mode
 * catches {{field}} only when it renders, and not the list of an {{#each}}.
 * `scope` is the fields at this point; undefined where they are not known
 * (inside {{#with}} or a helper of the template's own), which is not checked.
 */
export function checkFields(program: hbs.AST.Program, scope: readonly string[] | undefined, file: string): void {
  const check = (node: hbs.AST.Node): void => {
    if (node.type !== "PathExpression" || scope === undefined) return;
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.original === "this" || path.original === ".") return;
    if (path.parts[0] !== undefined && !scope.includes(path.parts[0])) {
      throw new ReportError(msg.distribute.unknownField(path.original, scope), {
        location: { file, line: path.loc.start.line, column: path.loc.start.column + 1 },
      });
    }
  };
  for (const node of program.body) {
    if (node.type === "MustacheStatement") {
      const mustache = node as hbs.AST.MustacheStatement;
      (mustache.params.length ? mustache.params : [mustache.path]).forEach(check);
    } else if (node.type === "BlockStatement") {
      const block = node as hbs.AST.BlockStatement;
      const helper = block.path.original;
      block.params.forEach(check);
      const list = block.params[0]?.type === "PathExpression" ? (block.params[0] as hbs.AST.PathExpression).original : "";
      const inner = helper === "each" && scope !== undefined ? ITEM_FIELDS[list] : helper === "if" || helper === "unless" ? scope : undefined;
      checkFields(block.program, inner, file);
      if (block.inverse) checkFields(block.inverse, scope, file);
    }
  }
}
