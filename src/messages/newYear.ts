import { defineMessages } from "./message.js";

/** `npm run new-year -- 2026`: data/2026/ from data/2025/. */
export const newYear = defineMessages("newYear", {
  targetExists: (dir: string) => ({ text: `${dir} finnes allerede`, hint: "fjern den eller gi den et annet navn først, eller rediger den direkte" }),
  noPreviousReport: (from: number) => ({ text: `det finnes ingen rapport for ${from} å starte fra`, hint: "et nytt år lages fra året før; lag det først, eller kopier en rapport dit" }),
  created: (dir: string, from: number, documents: number, copied: number, dropped: number) =>
    `Laget ${dir}/ fra data/${from}/: ${documents} dokument(er), ${copied} verdier kopiert, ${dropped} fra år rapporten ikke lenger viser.`,
  nextStep: (year: number) => `Neste steg: npm run check -- ${year} viser hvilke tall som mangler og hvor de kommer fra.`,
});
