import { defineMessages } from "./message.js";

/** Texts several areas share. */
export const common = defineMessages("common", {
  didYouMean: (word: string) => `mente du «${word}»?`,
  internalError: (detail: string) => ({
    text: `intern feil: ${detail}`,
    hint: "dette er en feil i programmet, ikke i dataene; kjør igjen med --debug og send utskriften til utviklerne",
  }),
});
