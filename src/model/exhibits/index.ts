import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { buildBreakdown } from "./breakdown.js";
import { buildComparison } from "./comparison.js";
import { buildComponents } from "./components.js";
import type { ExhibitContext, ExhibitDraft } from "./context.js";
import { buildEfficiency } from "./efficiency.js";
import { buildKeyFigures } from "./keyFigures.js";
import { buildMatrix } from "./matrix.js";
import { buildProfile } from "./profile.js";
import { buildWeights } from "./weights.js";

/** Exhibit definition → table and/or chart drafts, by kind. */
export function buildExhibit(exhibit: ExhibitDefinition, context: ExhibitContext, definitionFile: string): ExhibitDraft {
  switch (exhibit.kind) {
    case "comparison":
      return buildComparison(exhibit, context);
    case "breakdown":
      return buildBreakdown(exhibit, context);
    case "matrix":
      return buildMatrix(exhibit, context);
    case "profile":
      return buildProfile(exhibit, context);
    case "weights":
      return buildWeights(exhibit, context);
    case "components":
      return buildComponents(exhibit, context);
    case "efficiency":
      return buildEfficiency(exhibit, context, definitionFile);
    case "keyfigures":
      return buildKeyFigures(exhibit, context);
  }
}
