import { defineMessages } from "./message.js";

/** Which templates an error is in: the report's (templates/) or the e-mail's (templates/mail/). */
export type TemplateKind = "template" | "mail template";

const KIND: Readonly<Record<TemplateKind, string>> = { template: "malen", "mail template": "e-postmalen" };

const SYNTAX_HINT = "skriv {{felt}}, {{#each liste}}…{{/each}} eller {{#if felt}}…{{/if}}, med to krøllparenteser på hver side";

/** The report's and the mail's Handlebars templates, and the template sets (templates/<stil>/). */
export const templates = defineMessages("templates", {
  styleMissing: (style: string, dir: string) => ({
    text: `malsettet «${style}» finnes ikke`,
    hint: `lag ${dir}/ med de delmalene og den style.css som skal være annerledes, eller fjern «style: ${style}» fra definisjonen`,
  }),
  policyMissing: () => ({
    text: "malen skriver ikke sidens innholdssikkerhetsregler (Content-Security-Policy)",
    hint: 'skriv <meta http-equiv="Content-Security-Policy" content="{{{csp}}}"> rett etter <meta charset="utf-8"> i <head>, som templates/report.hbs gjør',
  }),
  cssEndsStyle: () => ({
    text: "stilarket inneholder «</style», som avslutter stilarket midt i siden",
    hint: "fjern det, også fra kommentarer; i en CSS-tekst kan det skrives som \\3c /style",
  }),
  blockNeverClosed: (name: string) => ({ text: `{{#${name}}} blir aldri lukket`, hint: `lukk den med {{/${name}}}` }),
  blockClosedByOther: (name: string, closer: string) => ({
    text: `{{#${name}}} blir lukket av {{/${closer}}}`,
    hint: `lukk den med {{/${name}}}, eller endre {{/${closer}}} til {{/${name}}}`,
  }),
  /** `problem`: one of the syntax* texts below; `near`: the template line it is on. */
  syntax: (kind: TemplateKind, problem: string, near: string) => ({
    text: `skrivefeil i ${KIND[kind]}: ${problem}${near ? ` i «${near}»` : ""}`,
    hint: SYNTAX_HINT,
  }),
  syntaxEndOfFile: () => "filen slutter midt i en {{…}}",
  syntaxBadCharacter: () => "en {{…}} som mangler }} eller har et tegn som ikke hører hjemme der",
  syntaxEmpty: () => "en {{…}} mangler navnet på et felt eller en verdi",
  syntaxUnexpected: (token: string) => `uventet ${token}`,
  unknownField: (field: string, kind: TemplateKind, fields: readonly string[]) => ({
    text: `ukjent felt «${field}» i ${KIND[kind]}`,
    hint: fields.length
      ? `feltene som finnes er ${fields.join(", ")}`
      : "dokumentmodellen har ikke et slikt felt her; src/render/html/viewModel.ts viser hva malene kan bruke",
  }),
  unknownPartial: (name: string) => ({ text: `delmalen «${name}» finnes ikke`, hint: `lag templates/partials/${name}.hbs, eller rett navnet i {{> ${name}}}` }),
  renderFailed: (kind: TemplateKind, detail: string) => ({
    text: `${KIND[kind]} kunne ikke fylles ut: ${detail}`,
    hint: "se på stedet i malen som er nevnt først på linjen",
  }),
});
