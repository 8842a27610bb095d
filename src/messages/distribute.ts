import { defineMessages } from "./message.js";

const EXAMPLE_URL = "smtp://bruker:passord@mail.kommune.no:587";
const ENCODING_HINT =
  "URL-kod brukernavn og passord: @ → %40, : → %3A, / → %2F, ? → %3F, # → %23, % → %25, mellomrom → %20 " +
  `(node -e 'console.log(encodeURIComponent(process.argv[1]))' 'passordet' skriver det kodet), f.eks. ${EXAMPLE_URL}`;
/** "passordet" / "brukernavnet": which part of SMTP_URL a message is about. */
type Credential = "user" | "password";
const credential = (part: Credential) => (part === "user" ? "brukernavnet" : "passordet");

/** npm run distribute: the distribution list, the attachments, the sender, SMTP, the sent-log and the run lock. */
export const distribute = defineMessages("distribute", {
  // The addresses on the distribution list (address.ts).
  addressOneAt: () => "adressen må ha nøyaktig én @ mellom et navn og et domene",
  addressLocalPart: () => "delen før @ er ikke et gyldig postkassenavn",
  addressLocalDots: () => "delen før @ har punktum først eller sist, eller to punktum etter hverandre",
  addressDomainLength: (max: number) => `domenet er lengre enn ${max} tegn`,
  addressDomainDot: () => "domenet trenger et punktum, som i kommune.no",
  addressEmptyLabel: () => "domenet har en tom del (to punktum etter hverandre, eller punktum først eller sist)",
  addressLabelLength: (max: number) => `en del av domenet er lengre enn ${max} tegn`,
  addressLabelHyphen: (label: string) => `domenedelen «${label}» begynner eller slutter med bindestrek`,
  addressLabelChars: (label: string) => `domenedelen «${label}» kan bare ha bokstaver, sifre og bindestrek`,
  addressNumericTld: () => "domenet må slutte på et navn som .no, ikke på et tall",
  badAddress: (problem: string) => `ugyldig e-postadresse (skriv den som navn@kommune.no): ${problem}`,

  // The distribution list (recipients.ts).
  recipientName: () => "mottakerens navn mangler",
  recipientFormats: (formats: string) => `formats kan være ${formats}, skilt med «;»`,
  listMissing: () => ({ text: "distribusjonslisten finnes ikke", hint: "lag den med kolonnene name,address,group,formats" }),
  duplicateRecipient: (address: string, earlier: number) => ({ text: `${address} står to ganger på listen`, hint: `også på linje ${earlier}` }),

  // The generated files (attachments.ts).
  noReportFiles: (year: number, dir: string) => ({ text: `ingen rapportfiler for ${year} i ${dir}`, hint: `lag dem først med npm run report -- ${year}` }),
  reportFileMissing: (file: string, format: string, count: number, example: string, year: number) => ({
    text: `${file} finnes ikke, men ${count === 1 ? "én mottaker" : `${count} mottakere`} på listen skal ha ${format}-filen (f.eks. ${example})`,
    hint: `lag den med npm run report -- ${year} --format pdf,docx, eller ta ${format} ut av formats for dem på distribusjonslisten`,
  }),
  staleReportFile: (file: string, input: string, year: number) => ({
    text: `${file} er eldre enn ${input}`,
    hint: `dataene eller teksten er endret etter at rapporten ble laget; lag den på nytt med npm run report -- ${year} først`,
  }),

  // The sender (sender.ts).
  mailFromControl: () => ({
    text: "MAIL_FROM inneholder linjeskift eller andre kontrolltegn",
    hint: 'skriv én avsender på én linje, f.eks. MAIL_FROM=\'"Analyseenheten" <analyse@kommune.no>\'',
  }),
  mailFromCount: (count: number) => ({
    text: count === 0 ? "MAIL_FROM er tom eller har ingen adresse" : `MAIL_FROM må være nøyaktig én adresse, men er en liste eller gruppe med ${count}`,
    hint: 'f.eks. MAIL_FROM=\'"Analyseenheten" <analyse@kommune.no>\'',
  }),
  mailFromAddress: (problem: string) => ({
    text: `MAIL_FROM har ingen gyldig e-postadresse: ${problem}`,
    hint: 'f.eks. MAIL_FROM=\'"Analyseenheten" <analyse@kommune.no>\' eller MAIL_FROM=analyse@kommune.no',
  }),

  // The headline figures (headlines.ts).
  headlineScaledLabel: (label: string, printed: string | undefined) => ({
    text: `hovedtallet merker tallene «${label}», men uttrykkene skriver kroner i hele kroner${printed ? ` (her «${printed}»)` : ""}`,
    hint: `fjern «${label}» fra hovedtallet`,
  }),
  headlineUnitLabel: (label: string, printed: string | undefined) => ({
    text: `hovedtallet merker tallene «${label}», men uttrykkene skriver enheten selv${printed ? ` (her «${printed}»)` : ""}`,
    hint: `fjern «${label}» fra hovedtallet, eller skriv uttrykkene med enhet=false`,
  }),

  // The mail templates (mailTemplates.ts, templateFields.ts).
  templateMissing: () => ({ text: "e-postmalen finnes ikke", hint: "hent den tilbake fra repoet: git checkout -- templates/mail/" }),
  unknownField: (field: string, fields: readonly string[]) => ({
    text: `ukjent felt «${field}» i e-postmalen`,
    hint: fields.length ? `feltene er ${fields.join(", ")}` : "inne i denne listen skriver du {{this}}",
  }),

  // SMTP_URL and SMTP_CA_FILE (smtpUrl.ts, transport.ts).
  urlScheme: () => ({ text: "SMTP_URL må begynne med smtp:// eller smtps://", hint: `f.eks. ${EXAMPLE_URL} (verdien vises ikke her)` }),
  urlNoServerAfterLogin: () => ({ text: "SMTP_URL har ingen gyldig server etter brukernavn og passord", hint: ENCODING_HINT }),
  urlNoServer: (withLogin: boolean) => ({ text: "SMTP_URL har ikke noe gyldig servernavn", hint: withLogin ? ENCODING_HINT : `f.eks. ${EXAMPLE_URL}` }),
  urlPort: (port: string) => ({
    text: `SMTP_URL har en ugyldig port «${port}»`,
    hint: "porten er et tall fra 1 til 65535, f.eks. :587 (STARTTLS) eller :465 (smtps://)",
  }),
  urlSmtpsAndTlsOff: () => ({ text: "SMTP_URL sier både smtps:// (TLS fra start) og ?tls=off", hint: "bruk én av dem" }),
  urlPasswordWithoutUser: () => ({ text: "SMTP_URL har et passord, men ikke noe brukernavn", hint: `f.eks. ${EXAMPLE_URL}` }),
  urlBadEscape: (part: Credential) => ({ text: `${credential(part)} i SMTP_URL har en «%» som ikke starter en koding som %40`, hint: ENCODING_HINT }),
  urlUnencoded: (part: Credential, char: string) => ({
    text: `${credential(part)} i SMTP_URL inneholder ${char === "@" ? "en ukodet @" : /\s/.test(char) ? "et mellomrom" : `en ukodet «${char}»`}`,
    hint: ENCODING_HINT,
  }),
  urlBadUtf8: () => ({ text: "brukernavnet eller passordet i SMTP_URL har en koding som ikke er gyldig UTF-8", hint: ENCODING_HINT }),
  urlUnknownOption: (key: string) => ({
    text: `SMTP_URL har et ukjent valg «${key}»`,
    hint: "det eneste valget er ?tls=off, for en betrodd relay som ikke tilbyr STARTTLS",
  }),
  urlOptionValue: (key: string, allowed: readonly string[], value: string) => `valget ${key} i SMTP_URL kan være ${allowed.join(" eller ")}, ikke «${value}»`,
  withLogin: () => "med innlogging",
  outbox: () => "utboksen (SMTP_URL er ikke satt)",
  caFileMissing: (file: string) => ({ text: `SMTP_CA_FILE peker på en fil som ikke finnes: ${file}`, hint: "oppgi stien til CA-sertifikatet som en PEM-fil" }),
  caFileNotPem: (file: string) => ({ text: `SMTP_CA_FILE er ikke et PEM-sertifikat: ${file}`, hint: "filen må inneholde -----BEGIN CERTIFICATE-----" }),

  // Sending (send.ts): what stops a run, and how far it got.
  nothingSent: () => "ingenting ble sendt",
  stoppedPartWay: (delivered: number, total: number, sentLog: string) =>
    `stoppet etter at ${delivered} av ${total} e-poster ble levert; de står i ${sentLog} og sendes ikke på nytt`,
  loginRefused: (server: string, reply: string, progress: string) => ({
    text: `SMTP-serveren ${server} avviste innloggingen (${reply}); ${progress}`,
    hint: "sjekk brukernavn og passord i SMTP_URL (URL-kodet); kjøringen stopper ved første avvisning, så kontoen ikke blir sperret",
  }),
  noStarttls: (server: string, reply: string, progress: string) => ({
    text: `SMTP-serveren ${server} tilbyr ikke STARTTLS, så passordet i SMTP_URL ville gått ukryptert (${reply}); ${progress}`,
    hint: "bruk serverens TLS-port (smtps://…:465), eller legg til ?tls=off i SMTP_URL, men bare for en betrodd relay",
  }),
  starttlsRefused: (server: string, reply: string, progress: string) => ({
    text: `SMTP-serveren ${server} avviste STARTTLS (${reply}); ${progress}`,
    hint: "spør den som drifter serveren, eller bruk smtps://…:465",
  }),
  tlsFailed: (server: string, reply: string, progress: string) => ({
    text: `TLS mot SMTP-serveren ${server} feilet (${reply}); ${progress}`,
    hint: "er serverens sertifikat utstedt av kommunens egen CA, sett SMTP_CA_FILE til CA-ens PEM-fil",
  }),
  senderRefused: (server: string, reply: string, progress: string) => ({
    text: `SMTP-serveren ${server} avviser avsenderen (${reply}); ${progress}`,
    hint: "sett MAIL_FROM til en adresse kontoen har lov til å sende fra",
  }),
  cannotDeliver: (server: string, attempts: number, reply: string, progress: string) => ({
    text: `får ikke levert gjennom SMTP-serveren ${server}${attempts > 1 ? ` etter ${attempts} forsøk` : ""} (${reply}); ${progress}`,
    hint: "sjekk at serveren er oppe og at SMTP_URL er riktig, og kjør igjen",
  }),
  retrying: (address: string, attempt: number, reply: string) => `  ${address}: forsøk ${attempt} feilet (${reply}), prøver igjen`,

  // The run (distribute.ts) and its log.
  sentLogBadLine: (file: string, line: number, problem: string) =>
    `advarsel: ${file}:${line}: ${problem}; linjen hoppes over (mottakeren kan få e-posten på nytt)`,
  sentLogNotJson: () => "ikke et JSON-objekt (avkuttet?)",
  sentLogFieldMissing: (field: string) => `feltet «${field}» mangler`,
  sentLogFieldWrong: (field: string) => `feltet «${field}» har feil innhold`,
  oversize: (address: string, size: string, limit: string) => `advarsel: vedleggene til ${address} er ${size}, over grensen på ${limit}`,
  sending: (files: readonly string[], via: string, dryRun: boolean) =>
    `Sender ${files.join(" og ")} via ${via}${dryRun ? " (prøvekjøring: ingenting sendes)" : ""}`,
  alreadyServed: () => "har fått de samme filene før",

  // The run lock (runLock.ts).
  runLocked: (year: number, pid: number, started: string, host: string, lockFile: string) => ({
    text: `en annen utsending for ${year} pågår allerede (prosess ${pid} på ${host}, startet ${started}); to samtidige utsendinger ville sendt e-posten dobbelt`,
    hint: `vent til den er ferdig og kjør igjen; hvis ingen utsending går nå, kan du slette ${lockFile}`,
  }),
  lockUnreadable: (lockFile: string) => ({
    text: `låsen ${lockFile} kan ikke leses, så det er uklart om en annen utsending pågår`,
    hint: `hvis ingen utsending går nå, kan du slette ${lockFile} og kjøre igjen`,
  }),
  interrupted: (signal: string, yearFolder: string) => ({
    text: `avbrutt (${signal}): e-post som alt var sendt eller lagt i ${yearFolder}/outbox/, står i ${yearFolder}/sent-log.jsonl; resten er ikke sendt`,
    hint: "kjør samme kommando igjen for å sende til resten; de som har fått e-posten, får den ikke på nytt",
  }),
  staleLock: (pid: number, started: string) => `en tidligere utsending (prosess ${pid}, startet ${started}) ble avbrutt uten å rydde opp; tar over låsen`,

  // The command (src/cli/commands/distribute.ts).
  maxSize: () => ({ text: "--max-size trenger et antall megabyte", hint: "f.eks. --max-size 10" }),
  tableHeader: (width: number) => `${"Mottaker".padEnd(width)}  ${"Status".padEnd(14)}  Detaljer`,
  statusSent: () => "sendt",
  statusSaved: () => "lagret",
  statusAlreadyServed: () => "har fått",
  statusWouldSend: () => "ville sendt",
  statusFailed: () => "feilet",
  summary: (delivered: number, served: number, wouldSend: number, failed: number) =>
    `distribute: ${delivered} levert, ${served} hadde fått dem fra før, ${wouldSend} ville fått, ${failed} feilet`,
});
