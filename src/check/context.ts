import type { ReportDefinition } from "../config/definitionSchema.js";
import type { Dataset } from "../data/dataset.js";
import type { Commentary, CommentaryFolder } from "../narrative/loadCommentary.js";

/** Everything the checks read: the loaded, validated inputs of one report year. */
export interface CheckInputs {
  /** The project folder the files below are relative to. */
  readonly root: string;
  readonly year: number;
  readonly definition: ReportDefinition;
  readonly definitionFile: string;
  readonly data: Dataset;
  readonly commentary: Commentary;
  readonly commentaryFolder: CommentaryFolder;
}

export { allExhibits } from "../config/definitionSchema.js";
