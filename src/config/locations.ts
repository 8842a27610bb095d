import type { SourceLocation } from "../errors.js";

/**
 * Where each chapter, section and exhibit of a loaded report definition
 * stands (report.yaml line and column), so later stages can point at it.
 * Filled in by loadDefinition; read by the checks and the model.
 */
const lines = new WeakMap<object, SourceLocation>();

export function rememberLocation(target: object, location: SourceLocation): void {
  lines.set(target, location);
}

/** The line of an exhibit, section or chapter (or of the definition's `title:`). */
export function locationOf(item: object): SourceLocation | undefined {
  return lines.get(item);
}
