import { defineMessages } from "./message.js";

/**
 * What a build prints (src/pipeline.ts and the renderers): the timing of
 * each stage, what the caches served, and the errors of the orchestrator.
 * Stage names are short Norwegian words, padded into one column.
 */
export const build = defineMessages("build", {
  stageTime: (stage: string, ms: number) => `  ${String(stage).padEnd(10)} ${String(Math.round(ms)).padStart(5)} ms`,
  contentWarnings: (count: number, command: string) => `  ${count} advarsel(er) om innholdet: kjør ${command}`,
  contentErrors: (count: number, first: string, command: string) => ({
    text: `${count} feil i innholdet: ${first}`,
    hint: `kjør ${command} for å se alle`,
  }),
  noTemplateSet: (style: string, folder: string) => ({
    text: `«style: ${style}» peker ikke på noe malsett`,
    hint: `lag ${folder}/ med delmalene og style.css som skiller seg fra de felles malene, eller fjern linjen`,
  }),
  chartCounts: (drawn: number, cached: number) => `  figurer    ${drawn} tegnet, ${cached} fra hurtiglageret`,
  chromium: (path: string, how: string) => `  chromium   ${path} (${how})`,
  prints: (count: number, fromLastBuild: boolean) =>
    `  utskrifter ${count} (sidetallene i innholdsfortegnelsen ${fromLastBuild ? "som i forrige bygg" : "funnet ved utskrift"})`,
  // npm run report's own lines (src/cli/commands/report.ts).
  making: (file: string) => `Lager ${file}`,
  wrote: (file: string) => `Skrev ${file}`,
  finished: (seconds: string, pages: number | undefined) => `Ferdig på ${seconds} s${pages !== undefined ? ` (PDF: ${pages} sider)` : ""}`,
  cachePruned: (count: number, days: number, folder: string) =>
    `  hurtiglager ${count} oppføring(er) som ingen bygg har brukt på ${days} dager, slettet fra ${folder}/`,
});
