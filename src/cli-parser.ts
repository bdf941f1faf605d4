import { parseArgs } from 'node:util';
import { errorMessage, UsageError } from './services/errors.js';

/**
 * A small command tree over node:util's parseArgs. Commander cost 26 ms of start-up on the
 * 2-core CI machine, a quarter of the whole `status --check` budget (SPEC §8); this is enough
 * for authdeck's flat set of commands and options.
 */
export interface OptionSpec {
  name: string;
  short?: string;
  /** Placeholder for an option that takes a value: `--within <duration>`. */
  value?: string;
  description: string;
  required?: boolean;
}

export interface ArgumentSpec {
  name: string;
  required?: boolean;
  variadic?: boolean;
}

export type ParsedValues = Record<string, string | boolean | undefined>;

export interface CommandSpec {
  name: string;
  description: string;
  options?: OptionSpec[];
  args?: ArgumentSpec[];
  subcommands?: CommandSpec[];
  run?: (values: ParsedValues, positionals: string[]) => Promise<number>;
}

export type ParseOutcome =
  | { kind: 'run'; command: CommandSpec; path: string[]; values: ParsedValues; positionals: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'version' };

export function parseCommandLine(root: CommandSpec, globals: OptionSpec[], argv: string[]): ParseOutcome {
  const valueGlobals = new Set(
    globals
      .filter((option) => option.value)
      .flatMap((option) => [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])]),
  );
  const path: string[] = [];
  const rest: string[] = [];
  let command = root;
  let strayPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (token.startsWith('-')) {
      rest.push(token);
      if (valueGlobals.has(token) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    const sub = strayPositional ? undefined : command.subcommands?.find((candidate) => candidate.name === token);
    if (sub) {
      command = sub;
      path.push(token);
      continue;
    }
    strayPositional = true;
    rest.push(token);
  }
  const options = [...globals, ...(command.options ?? []), { name: 'help', short: 'h', description: 'show help' }];
  if (command === root) options.push({ name: 'version', short: 'V', description: 'print the version' });
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
    throw new UsageError(`${usageMessage(error)}; see \`authdeck ${[...path, '--help'].join(' ')}\``);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: formatHelp(command, path, globals) };
  if (values.version) return { kind: 'version' };
  if (command.subcommands && positionals.length > 0) {
    throw new UsageError(
      `unknown command "${[...path, positionals[0]].join(' ')}"; see \`authdeck ${[...path, '--help'].join(' ')}\``,
    );
  }
  if (!command.run) return { kind: 'help', text: formatHelp(command, path, globals) };
  checkArguments(command, path, positionals);
  for (const option of command.options ?? []) {
    if (option.required && (values[option.name] === undefined || values[option.name] === '')) {
      throw new UsageError(`${path.join(' ')}: --${option.name} <${option.value}> is required`);
    }
  }
  return { kind: 'run', command, path, values, positionals };
}

function checkArguments(command: CommandSpec, path: string[], positionals: string[]): void {
  const specs = command.args ?? [];
  const required = specs.filter((arg) => arg.required).length;
  const variadic = specs.some((arg) => arg.variadic);
  const where = path.join(' ');
  if (positionals.length < required) {
    throw new UsageError(`${where}: missing <${specs[positionals.length]!.name}>; see \`authdeck ${where} --help\``);
  }
  if (!variadic && positionals.length > specs.length) {
    throw new UsageError(
      `${where}: unexpected argument "${positionals[specs.length]}"; see \`authdeck ${where} --help\``,
    );
  }
}

function usageMessage(error: unknown): string {
  const message = errorMessage(error);
  return message
    .split('. ')[0]!
    .replace(/^Unknown option/, 'unknown option')
    .replace(/^Option '([^']+)' argument missing/, "option '$1' needs a value");
}

export function formatHelp(command: CommandSpec, path: string[], globals: OptionSpec[]): string {
  const lines: string[] = [];
  const args = (command.args ?? []).map((arg) =>
    arg.required ? `<${arg.name}${arg.variadic ? '...' : ''}>` : `[${arg.name}${arg.variadic ? '...' : ''}]`,
  );
  const usage = ['authdeck', ...path, ...(command.subcommands ? ['<command>'] : []), '[options]', ...args].join(' ');
  lines.push(`Usage: ${usage}`, '', command.description);
  if (command.subcommands?.length) {
    lines.push('', 'Commands:');
    const width = Math.max(...command.subcommands.map((sub) => sub.name.length));
    for (const sub of command.subcommands) lines.push(`  ${sub.name.padEnd(width)}  ${sub.description}`);
  }
  const options = [...(command.options ?? []), ...globals, { name: 'help', short: 'h', description: 'show help' }];
  if (path.length === 0) options.push({ name: 'version', short: 'V', description: 'print the version' });
  const flag = (option: OptionSpec) =>
    `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` <${option.value}>` : ''}`;
  const width = Math.max(...options.map((option) => flag(option).length));
  lines.push('', 'Options:');
  for (const option of options)
    lines.push(`  ${flag(option).padEnd(width)}  ${option.description}${option.required ? ' (required)' : ''}`);
  return `${lines.join('\n')}\n`;
}
