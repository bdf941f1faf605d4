import type { CommandContext } from './context.js';

/** One option of a command: `--within <duration>`, or a flag when it takes no value. */
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

export interface CommandInput {
  values: ParsedValues;
  positionals: string[];
}

/**
 * A command as the command line sees it: its name, flags, help and what it runs. Each
 * `src/commands/<name>.ts` exports its own; `src/cli.ts` only arranges them in a tree.
 */
export interface CommandSpec {
  name: string;
  /** Other spellings that run the same command (OpenClaw's, or a short form). */
  aliases?: string[];
  description: string;
  options?: OptionSpec[];
  args?: ArgumentSpec[];
  subcommands?: CommandSpec[];
  run?: (ctx: CommandContext, input: CommandInput) => Promise<number>;
}

/** Options several commands share, spelled once. */
export const OPTIONS = {
  json: { name: 'json', description: 'print JSON' },
  yes: { name: 'yes', short: 'y', description: 'do not ask' },
  profileId: { name: 'profile-id', value: 'id', description: 'profile id or name (default <provider>:default)' },
  provider: (required: boolean): OptionSpec => ({
    name: 'provider',
    value: 'id',
    description: 'provider, e.g. anthropic',
    required,
  }),
} satisfies Record<string, OptionSpec | ((required: boolean) => OptionSpec)>;

/** A string option's value, or undefined. */
export function stringValue(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a flag was given. */
export function flagValue(values: ParsedValues, name: string): boolean {
  return values[name] === true;
}
