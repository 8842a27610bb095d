import { defineMessages } from "./message.js";

/** The data files: regions.csv, indicators.csv, observations.csv and the production-index weights. */
export const data = defineMessages("data", {});
