import { defineMessages } from "./message.js";

/** What a list point in the commentary may hold (src/narrative/markdown.ts). */
const BLOCK_NAMES: Readonly<Record<string, string>> = {
  blockquote: "et sitat (>)",
  code: "en kodeblokk",
  heading: "en overskrift",
  html: "HTML-kode",
  table: "en tabell",
};

/** Lists in the commentary: how deep they nest and what a point can hold. */
export const lists = defineMessages("lists", {
  tooDeep: (depth: number, max: number) => ({
    text: `listen ligger ${depth} nivåer inne i andre lister; rapporten viser lister i høyst ${max} nivåer`,
    hint: `flytt punktene på dette nivået ett eller flere nivåer ut (mindre innrykk), eller skriv dem som vanlig tekst i punktet over`,
  }),
  blockInItem: (type: string) => {
    const name = BLOCK_NAMES[type] ?? `Markdown-elementet «${type}»`;
    return {
      text: `${name} inne i et listepunkt kan ikke vises i rapporten`,
      hint:
        type === "code"
          ? "tekst med fire eller flere mellomrom innrykk under et punkt blir en kodeblokk; bruk samme innrykk som teksten i punktet, eller flytt teksten ut av listen"
          : `flytt ${BLOCK_NAMES[type]?.startsWith("en ") ? "den" : "det"} ut av listen, uten innrykk og med en tom linje før, eller skriv ${BLOCK_NAMES[type]?.startsWith("en ") ? "den" : "det"} som vanlig tekst i punktet`,
    };
  },
});
