import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { ReportError, isReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { formatMessage, type Message } from "../messages/message.js";
import { runInterruptCleanups } from "../output/interrupt.js";
import { COMMON_OPTIONS, EXIT, helpLine, usage, type Command, type CommandContext, type ParsedArgs } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { overview } from "./help.js";

/** What asks for the overview of all commands instead of running one. */
const HELP_WORDS = new Set(["--help", "-h", "help"]);

/**
 * The command line of every command: `npm run <command> -- <args>` ends here.
 * It parses with node:util parseArgs, prints help in one format, turns a
 * user's mistake into one located line and exit 1, anything else into
 * "intern feil" and exit 2, and on Ctrl+C or SIGTERM undoes what a build
 * holds (temporary files, Chromium) before it exits. Only the bin file exits.
 */
export async function main(argv: readonly string[], root: string, env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...rest] = argv;
  const context: CommandContext = { root, env, out: (line) => console.log(line), err: (line) => console.error(line) };
  const names = COMMANDS.map((c) => c.name);
  // No command, or a request for help: the list of commands (`help report` is `report --help`).
  const about = name === "help" ? rest[0] : undefined;
  if (name === undefined || (HELP_WORDS.has(name) && about === undefined)) {
    context.out(overview(COMMANDS));
    return name === undefined ? EXIT.userError : EXIT.done;
  }
  const command = COMMANDS.find((c) => c.name === (about ?? name));
  if (!command) {
    const unknown = about ?? name;
    context.err(`feil: ${formatMessage(msg.cli.unknownCommand(unknown, suggest(unknown, names), names))}`);
    return EXIT.userError;
  }
  if (about !== undefined) {
    context.out(usage(command));
    return EXIT.done;
  }
  const debug = rest.includes("--debug");
  try {
    const args = parse(command, rest);
    if (args.values.help === true) {
      context.out(usage(command));
      return EXIT.done;
    }
    // A relative --root means from where the user typed it (npm runs scripts in the project folder).
    const projectRoot = typeof args.values.root === "string" ? resolve(env.INIT_CWD ?? process.cwd(), args.values.root) : root;
    return await command.run(args, { ...context, root: projectRoot });
  } catch (error) {
    if (isReportError(error)) {
      context.err(`feil: ${error.format()}`);
      if (debug) context.err(String(error.stack));
      return error.exitCode;
    }
    context.err(debug ? String((error as Error).stack ?? error) : formatMessage(msg.common.internalError((error as Error).message ?? String(error))));
    return EXIT.internalError;
  }
}

function parse(command: Command, argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, ...COMMON_OPTIONS }).map(([key, spec]) => [
      key,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ReportError(parseErrorMessage(error, command), { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help !== true) {
    const { min, max } = command.positionals;
    if (positionals.length < min) throw new ReportError(msg.cli.missingArgument(command.positionals.name, `npm run ${command.name} -- ${command.synopsis}`));
    if (positionals.length > max) throw new ReportError(msg.cli.unexpectedArgument(positionals[max]!, helpLine(command.name)));
  }
  return { values, positionals };
}

/** parseArgs' errors, said the way the rest of the tool speaks. */
function parseErrorMessage(error: unknown, command: Command): Message {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? "";
  const known = Object.keys({ ...command.options, ...COMMON_OPTIONS }).map((o) => `--${o}`);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return msg.cli.unknownOption(option, suggest(option, known), helpLine(command.name));
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = option.replace(/^(-{1,2}[^ ,<]+).*/, "$1");
    return /argument missing|ambiguous|forget to specify/.test(message) ? msg.cli.optionNeedsValue(name, helpLine(command.name)) : msg.cli.optionTakesNoValue(name, helpLine(command.name));
  }
  return msg.cli.badCommandLine(helpLine(command.name));
}

/**
 * Ctrl+C or a scheduler's SIGTERM: undo what a build holds, then exit, saying
 * what the interruption left (the command named first in `argv` knows: a
 * distribution has sent some of its mail).
 */
export function exitCleanlyOnSignals(argv: readonly string[]): void {
  const command = COMMANDS.find((c) => c.name === argv[0]);
  for (const [signal, code] of [["SIGINT", EXIT.interrupted], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      runInterruptCleanups();
      console.error(formatMessage(command?.interrupted?.(signal, argv.slice(1)) ?? msg.cli.interrupted(signal)));
      process.exit(code);
    });
  }
}
