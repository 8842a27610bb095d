import { defineMessages } from "./message.js";

/** The web edition (`--format web`): the texts its code writes into pages and data files, its log lines and errors. */
export const web = defineMessages("web", {
  // Column names of the data files.
  stubColumn: () => "Rad",
  column: (index: number) => `Kolonne ${index}`,
  categoryColumn: () => "Kategori",
  chartUnit: (axisTitle: string) => `Enhet: ${axisTitle}.`,
  allValuesColumns: () => "Figur/tabell|Tittel|Rad|Kolonne|Vist som|Tall|Indikator|Regionkode|År|Kilde|Publisering|Oppdatert|Side",
  allValuesSheet: () => "Alle tall",
  aboutSheet: () => "Om filen",
  allValuesAbout: () =>
    `Arket «Alle tall» har hver verdi rapporten viser, i tabeller og figurer, én rad per verdi.
«Vist som» er teksten i rapporten; «Tall» er verdien som tall, avrundet slik rapporten viser den.
Tall fra datagrunnlaget har indikator, regionkode og år, kilden (f.eks. «SSB 12362»), publiseringen
(«foreløpig» eller «endelig») og når kilden sist oppdaterte tallet. Beregnede tall (indekser, andeler)
har figurens eller tabellens kildelinje. «Side» er lenken til tabellen eller figuren i nettutgaven.
Tegnene «..», «.», «...» og «:» er SSBs standardtegn for tall som mangler.`,

  // Texts the page code writes (the templates hold the rest).
  frontPage: () => "Forside",
  asCsv: (label: string) => `${label} som CSV`,
  asExcel: (label: string) => `${label} som Excel`,
  allValues: () => "Alle tall",

  // Log lines.
  built: (pages: number, downloads: number, bytes: string) => `  nett       ${pages} sider, ${downloads} nedlastinger, største side ${bytes}`,

  // Errors.
  policyMissing: (file: string) => ({
    text: `${file} mangler Content-Security-Policy-taggen som nettutgavens sider skal ha først i <head>`,
    hint: 'legg inn <meta http-equiv="Content-Security-Policy" content="{{{csp}}}"> igjen, slik templates/web/page.hbs har den',
  }),
  noPageTemplate: (dir: string) => ({
    text: `fant ikke malene til nettutgaven i ${dir}`,
    hint: "hent mappen templates/web/ fra prosjektet igjen (git checkout -- templates/web)",
  }),
});
