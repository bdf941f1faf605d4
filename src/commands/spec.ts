import type { ValueSource } from '../services/completion/model.js';
import { parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { normalizeProviderId, providerIdProblem } from '../services/providers.js';
import type { CommandContext } from './context.js';

export type { ValueSource };

/**
 * One option of a command, declared once: its flag (`--within <duration>`, or a flag that takes
 * no value), its help, and how the raw text becomes the value `run` receives (checked here, so
 * a bad value is a usage error before the command starts).
 */
export interface OptionSpec<T = unknown> {
  name: string;
  short?: string;
  /** Placeholder for an option that takes a value: `--within <duration>`. */
  value?: string;
  description: string;
  required?: boolean;
  /** Where shell completion finds its values. */
  values?: ValueSource;
  read(raw: string | boolean | undefined): T;
}

export interface ArgumentSpec {
  name: string;
  required?: boolean;
  variadic?: boolean;
  values?: ValueSource;
  /** Said when a required argument is left out: another way to give it (a command that asks). */
  whenMissing?: string;
}

export type ParsedValues = Record<string, string | boolean | undefined>;

export interface CommandInput {
  values: ParsedValues;
  positionals: string[];
}

/**
 * A command as the command line sees it: its name, flags, help and what it runs. Each
 * `src/commands/<name>.ts` exports its own (made with `command()`); `src/cli.ts` only arranges
 * them in a tree.
 */
export interface CommandSpec {
  name: string;
  /** Other spellings that run the same command (OpenClaw's, or a short form). */
  aliases?: string[];
  description: string;
  examples?: string[];
  /** More help, after the options: a title and its lines (login lists its sign-ins). */
  helpSections?: Array<{ title: string; lines: string[] }>;
  /** It changes the store or the config: --no-reload and --store-generation apply to it. */
  writes?: boolean;
  /** It writes only what exists already (refresh, remove…): a --state-dir that is not there is a mistake. */
  needsExistingState?: boolean;
  /** Not listed in help (the completion helper). */
  hidden?: boolean;
  options?: OptionSpec[];
  args?: ArgumentSpec[];
  subcommands?: CommandSpec[];
  run?: (ctx: CommandContext, input: CommandInput) => Promise<number>;
}

/** The values `run` receives for a set of options, typed by how each is read. */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never;
};

export interface CommandDefinition<O extends Record<string, OptionSpec>>
  extends Omit<CommandSpec, 'options' | 'run' | 'subcommands'> {
  options?: O;
  run(ctx: CommandContext, options: OptionValues<O>, args: string[]): Promise<number>;
}

/** A command whose options are declared once and reach `run` read and typed. */
export function command<O extends Record<string, OptionSpec> = Record<never, OptionSpec>>(
  definition: CommandDefinition<O>,
): CommandSpec {
  const { options, run, ...rest } = definition;
  const entries = Object.entries(options ?? {}) as Array<[keyof O, OptionSpec]>;
  return {
    ...rest,
    options: entries.map(([, option]) => option),
    run: (ctx, { values, positionals }) => {
      const read = Object.fromEntries(entries.map(([key, option]) => [key, option.read(values[option.name])]));
      return run(ctx, read as OptionValues<O>, positionals);
    },
  };
}

type GroupSpec = Omit<CommandSpec, 'run' | 'options' | 'description'> & { subcommands: CommandSpec[] } & (
    | { description: string }
    /** What the group is about; its description ends with its commands, as its own help lists them. */
    | { summary: string }
  );

/** A group of subcommands (`order get|set|clear`). */
export function group(spec: GroupSpec): CommandSpec {
  if (!('summary' in spec)) return spec;
  const { summary, ...rest } = spec;
  const listed = spec.subcommands
    .filter((sub) => !sub.hidden)
    .map((sub) => [sub.name, ...(sub.args ?? []).map((arg) => arg.name.toUpperCase())].join(' '));
  return { ...rest, description: `${summary}: ${listed.join(', ')}` };
}

// Option builders: one line per option in a command, the reading rule in one place.

export function flag(name: string, description: string, short?: string): OptionSpec<boolean> {
  return { name, description, ...(short ? { short } : {}), read: (raw) => raw === true };
}

export function text(
  name: string,
  value: string,
  description: string,
  values?: ValueSource,
): OptionSpec<string | undefined> {
  return {
    name,
    value,
    description,
    ...(values ? { values } : {}),
    read: (raw) => (typeof raw === 'string' ? raw : undefined),
  };
}

/** The same option, required: the parser refuses the command line without it. */
export function required<T>(option: OptionSpec<T | undefined>): OptionSpec<T> {
  return {
    ...option,
    required: true,
    read: (raw) => {
      const value = option.read(raw);
      if (value === undefined || value === '') throw new UsageError(`--${option.name} <${option.value}> is required`);
      return value;
    },
  };
}

export function choice<C extends string>(
  name: string,
  choices: readonly C[],
  description: string,
): OptionSpec<C | undefined> {
  return {
    name,
    value: choices.join('|'),
    description,
    values: choices,
    read: (raw) => {
      if (typeof raw !== 'string') return undefined;
      if ((choices as readonly string[]).includes(raw)) return raw as C;
      throw new UsageError(`--${name}: "${raw}" is not one of ${choices.join(', ')}`);
    },
  };
}

/** A duration (`30d`, `12h`, `90m`) in milliseconds; a bare number is in `bareUnit` (durations.ts). */
export function duration(
  name: string,
  description: string,
  bareUnit: 'h' | 'd' | 'ms' = 'h',
): OptionSpec<number | undefined> {
  return {
    name,
    value: 'duration',
    description,
    read: (raw) => (typeof raw === 'string' ? parseDuration(raw, `--${name}`, bareUnit) : undefined),
  };
}

export function wholeNumber(
  name: string,
  range: { min: number; max: number },
  description: string,
): OptionSpec<number | undefined> {
  return {
    name,
    value: 'n',
    description,
    read: (raw) => {
      if (typeof raw !== 'string') return undefined;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < range.min || value > range.max)
        throw new UsageError(`--${name} takes a whole number from ${range.min} to ${range.max}`);
      return value;
    },
  };
}

/** A provider id, normalised as the gateway spells it (`--provider Anthropic` is `anthropic`). */
export function provider(description = 'provider, e.g. anthropic', name = 'provider'): OptionSpec<string | undefined> {
  return {
    name,
    value: 'id',
    description,
    values: 'providers',
    read: (raw) => (typeof raw === 'string' ? readProvider(raw, `--${name}`) : undefined),
  };
}

export function readProvider(value: string, flagName: string): string {
  if (value.trim() === '') throw new UsageError(`${flagName} is required`);
  const id = normalizeProviderId(value);
  const problem = providerIdProblem(id);
  if (problem) throw new UsageError(`${flagName}: "${value}" ${problem}`);
  return id;
}

/** Options several commands share, spelled once. */
export const OPTIONS = {
  json: flag('json', 'print JSON'),
  yes: flag('yes', 'do not ask', 'y'),
  profileId: text('profile-id', 'id', 'profile id or name (default <provider>:default)', 'profiles'),
};
