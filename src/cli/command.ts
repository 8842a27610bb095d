/**
 * The shape of every command of the tool (report, check, preview, distribute,
 * import, …): its options for `node:util` parseArgs, its help text, and a
 * run function that returns an exit code. One parser reads them all
 * (`main.ts`), so every command treats the same mistake the same way.
 */
import type { Message } from "../messages/message.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** e.g. "<liste>" for `--format <liste>`. */
  readonly value?: string;
  readonly describe: string;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface CommandContext {
  /** The project folder (data/, templates/, output/); --root changes it. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface Command {
  readonly name: string;
  /** `<år> [--format pdf,docx,html]`: what follows `npm run <name> --`. */
  readonly synopsis: string;
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments: how many at least and at most, and what they are ("rapportåret, f.eks. 2025") for the message when one is missing. */
  readonly positionals: { readonly min: number; readonly max: number; readonly name: string };
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
  /** What Ctrl+C or SIGTERM during the command leaves behind (`args`: what followed the command's name); by default that no files are changed. */
  readonly interrupted?: (signal: string, args: readonly string[]) => Message;
}

/** Exit codes, the same for every command. */
export const EXIT = { done: 0, userError: 1, internalError: 2, interrupted: 130 } as const;

/** `--document`, for the commands that build or read one of a year's documents. */
export const DOCUMENT_OPTION: OptionSpec = {
  type: "string",
  value: "<navn>",
  describe: "hvilket av årets dokumenter (f.eks. arsrapport); standard: årets hoveddokument (data/<år>/report.yaml)",
};

/** The --document value, or undefined for the year's default. */
export function documentOf(args: ParsedArgs): string | undefined {
  return typeof args.values.document === "string" ? args.values.document : undefined;
}

/** Options every command has. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  root: { type: "string", value: "<mappe>", describe: "bruk data/, templates/ og output/ i en annen prosjektmappe" },
  debug: { type: "boolean", describe: "vis hele feilmeldingen med stakkspor" },
  help: { type: "boolean", short: "h", describe: "vis denne hjelpen" },
};

/** `npm run check -- --help`: where a user reads how to call the command. */
export function helpLine(command: string): string {
  return `npm run ${command} -- --help`;
}

/** One help format for all commands. */
export function usage(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, spec]) => [`${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${spec.value}` : ""}`, spec.describe] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Bruk: npm run ${command.name} -- ${command.synopsis}`,
    "",
    command.description,
    "",
    "Valg:",
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    "",
    "Exit-kode: 0 ferdig, 1 feil i data, tekst eller kommando (med fil og linje), 2 intern feil.",
  ].join("\n");
}
