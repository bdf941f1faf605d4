import { parseArgs } from 'node:util';
import { type CommandSpec, flag, type OptionSpec, type ParsedValues } from './commands/spec.js';
import { nearest } from './services/edit-distance.js';
import { errorMessage, UsageError } from './services/errors.js';

/**
 * A small command tree over node:util's parseArgs. Commander cost 26 ms of start-up on the
 * 2-core CI machine, a quarter of the whole `status --check` budget (README "Budgets"); this is enough
 * for authdeck's flat set of commands and options.
 */
export type ParseOutcome =
  | { kind: 'run'; command: CommandSpec; path: string[]; values: ParsedValues; positionals: string[] }
  | { kind: 'help'; lines: HelpLine[] }
  | { kind: 'version' };

const HELP = flag('help', 'show help', 'h');
const VERSION = flag('version', 'print the version', 'V');

function findSubcommand(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.subcommands?.find((candidate) => candidate.name === word || candidate.aliases?.includes(word));
}

/** Options every command takes; `forWrites` ones are shown only in the help of commands that write. */
export interface GlobalOptionSpecs {
  always: OptionSpec[];
  forWrites: OptionSpec[];
}

export function parseCommandLine(root: CommandSpec, globalSpecs: GlobalOptionSpecs, given: string[]): ParseOutcome {
  const globals = [...globalSpecs.always, ...globalSpecs.forWrites];
  const valueGlobals = new Set(
    globals
      .filter((option) => option.value)
      .flatMap((option) => [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])]),
  );
  const argv = helpAsFlag(root, given, valueGlobals);
  const path: string[] = [];
  const rest: string[] = [];
  let command = root;
  let strayPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (token.startsWith('-')) {
      rest.push(token);
      const next = argv[i + 1];
      if (valueGlobals.has(token) && next !== undefined) {
        rest.push(next);
        i++;
      }
      continue;
    }
    const sub = strayPositional ? undefined : findSubcommand(command, token);
    if (sub) {
      command = sub;
      path.push(sub.name);
      continue;
    }
    // A word where a command is expected is a mistyped command, not an argument.
    if (!strayPositional && command.subcommands && !command.args) throw unknownCommand(command, path, token);
    strayPositional = true;
    rest.push(token);
  }
  // -V, like -h, works anywhere on the line (README "Commands").
  const options = [...globals, ...(command.options ?? []), HELP, VERSION];
  const config = Object.fromEntries(
    options.map((option) => [
      option.name,
      { type: option.value ? 'string' : 'boolean', ...(option.short ? { short: option.short } : {}) } as const,
    ]),
  );
  let parsed: { values: ParsedValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: config, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(`${usageMessage(error, options)} (see \`authdeck ${[...path, '--help'].join(' ')}\`)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', lines: helpLines(command, path, globalSpecs) };
  if (values.version) return { kind: 'version' };
  const [firstWord] = positionals;
  if (command.subcommands && !command.args && firstWord !== undefined) throw unknownCommand(command, path, firstWord);
  if (!command.run) return { kind: 'help', lines: helpLines(command, path, globalSpecs) };
  checkArguments(command, path, positionals);
  for (const option of command.options ?? []) {
    if (option.required && (values[option.name] === undefined || values[option.name] === '')) {
      throw new UsageError(`${path.join(' ')}: --${option.name} <${option.value}> is required`);
    }
  }
  return { kind: 'run', command, path, values, positionals };
}

/**
 * `authdeck help [command…]`, as git and gh take it, global options before it or not
 * (`--no-color help status`): that command's --help.
 */
function helpAsFlag(root: CommandSpec, given: string[], valueGlobals: ReadonlySet<string>): string[] {
  if (findSubcommand(root, 'help')) return given;
  let first = 0;
  while (first < given.length && given[first]?.startsWith('-') && given[first] !== '--')
    first += valueGlobals.has(given[first] ?? '') ? 2 : 1;
  let after = first;
  while (given[after] === 'help') after++;
  return after === first ? given : [...given.slice(0, first), ...given.slice(after), '--help'];
}

function unknownCommand(command: CommandSpec, path: string[], word: string): UsageError {
  const names = (command.subcommands ?? []).flatMap((sub) => [sub.name, ...(sub.aliases ?? [])]);
  // A command's own name lands here only after `--`, where every word is an argument.
  if (names.includes(word))
    return new UsageError(
      `"${[...path, word].join(' ')}" comes after \`--\`, which makes it an argument; put the command first: \`authdeck ${[...path, word].join(' ')}\``,
    );
  const guess = nearest(word, names);
  const where = [...path, '--help'].join(' ');
  return new UsageError(
    `unknown command "${[...path, word].join(' ')}"${guess ? `; did you mean "${[...path, guess].join(' ')}"?` : ''} (see \`authdeck ${where}\`)`,
  );
}

function checkArguments(command: CommandSpec, path: string[], positionals: string[]): void {
  const specs = command.args ?? [];
  const required = specs.filter((arg) => arg.required).length;
  const variadic = specs.some((arg) => arg.variadic);
  const where = path.join(' ');
  if (positionals.length < required) {
    const missing = specs[positionals.length];
    const instead = missing?.whenMissing ? `; ${missing.whenMissing}` : '';
    throw new UsageError(
      `${where}: missing <${missing?.name ?? 'argument'}>${instead}; see \`authdeck ${where} --help\``,
    );
  }
  if (!variadic && positionals.length > specs.length) {
    throw new UsageError(
      `${where}: unexpected argument "${positionals[specs.length]}"; see \`authdeck ${where} --help\``,
    );
  }
}

function usageMessage(error: unknown, options: OptionSpec[]): string {
  const message = errorMessage(error).split('. ')[0] ?? '';
  const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
  if (unknown) {
    // A choice's value typed as a flag (`--device` for `--method device`).
    const word = unknown.replace(/^-+/, '');
    const owner = options.find((option) => Array.isArray(option.values) && option.values.includes(word));
    if (owner) return `unknown option '${unknown}'; did you mean --${owner.name} ${word}?`;
    const guess = nearest(
      unknown.replace(/^-+/, ''),
      options.map((option) => option.name),
    );
    return `unknown option '${unknown}'${guess ? `; did you mean --${guess}?` : ''}`;
  }
  // parseArgs takes a value that starts with - for the next option; say how to pass one instead.
  const ambiguous = /^Option '(?:-\w, )?(--[^' ]+)[^']*' argument is ambiguous/.exec(message)?.[1];
  if (ambiguous) return `option '${ambiguous}' needs a value; one that starts with "-" is written ${ambiguous}=-…`;
  return message.replace(/^Option '([^']+)' argument missing/, "option '$1' needs a value");
}

/**
 * The options a command's help lists and shell completion offers. A group's own help lists what
 * it takes itself; the write options are its writing commands'.
 */
export function listedOptions(command: CommandSpec, isRoot: boolean, globals: GlobalOptionSpecs): OptionSpec[] {
  return [
    ...(command.options ?? []),
    ...globals.always,
    ...(command.writes ? globals.forWrites : []),
    HELP,
    ...(isRoot ? [VERSION] : []),
  ];
}

/**
 * A help line, and where its continuation starts when a terminal wraps it (under the
 * description), or `whole`: an example, never broken, so it can be copied.
 */
export type HelpLine = string | { text: string; hang: number } | { text: string; whole: true };

export function helpLines(command: CommandSpec, path: string[], globals: GlobalOptionSpecs): HelpLine[] {
  const lines: HelpLine[] = [];
  const args = (command.args ?? []).map((arg) =>
    arg.required ? `<${arg.name}${arg.variadic ? '...' : ''}>` : `[${arg.name}${arg.variadic ? '...' : ''}]`,
  );
  const usage = ['authdeck', ...path, ...(command.subcommands ? ['<command>'] : []), '[options]', ...args].join(' ');
  lines.push(`Usage: ${usage}`, '', command.description);
  if (command.aliases?.length) lines.push('', `Also: ${command.aliases.join(', ')}`);
  const subcommands = (command.subcommands ?? []).filter((sub) => !sub.hidden);
  if (subcommands.length) {
    lines.push('', 'Commands:');
    const width = Math.max(...subcommands.map((sub) => sub.name.length));
    for (const sub of subcommands)
      lines.push({ text: `  ${sub.name.padEnd(width)}  ${sub.description}`, hang: width + 4 });
  }
  const options = listedOptions(command, path.length === 0, globals);
  const flag = (option: OptionSpec) =>
    `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` <${option.value}>` : ''}`;
  const width = Math.max(...options.map((option) => flag(option).length));
  lines.push('', 'Options:');
  for (const option of options)
    lines.push({
      text: `  ${flag(option).padEnd(width)}  ${option.description}${option.required ? ' (required)' : ''}`,
      hang: width + 4,
    });
  // A group whose commands write (order set, monitor run) is named as its own: `order set` takes them too.
  const writers = subcommands.flatMap((sub) =>
    sub.writes
      ? [sub.name]
      : (sub.subcommands ?? []).filter((inner) => inner.writes).map((inner) => `${sub.name} ${inner.name}`),
  );
  if (!command.writes && writers.length > 0)
    lines.push(
      '',
      `Commands that write (${writers.join(', ')}) also take ${globals.forWrites.map((option) => `--${option.name}`).join(', ')}.`,
    );
  for (const section of command.helpSections ?? [])
    lines.push('', `${section.title}:`, ...section.lines.map((line) => ({ text: `  ${line}`, whole: true as const })));
  if (command.examples?.length)
    lines.push('', 'Examples:', ...command.examples.map((example) => ({ text: `  ${example}`, whole: true as const })));
  return lines;
}
