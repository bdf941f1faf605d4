/**
 * The command line as shell completion sees it, taken from the CLI's own specs: every command
 * path, its subcommands, its options and its arguments, each with where its values come from.
 * The shell scripts (bash.ts, zsh.ts, fish.ts) are rendered from this; the values that live on
 * disk or in the catalog are asked of `authdeck __complete` on each Tab (values.ts).
 */

/** What `authdeck __complete <what>` answers. */
export const DYNAMIC_SOURCES = ['providers', 'sign-ins', 'auth-choices', 'profiles', 'agents'] as const;
export type DynamicSource = (typeof DYNAMIC_SOURCES)[number];

/** Where the values of an option or argument come from: a fixed list, authdeck, or the file system. */
export type ValueSource = readonly string[] | DynamicSource | 'files' | 'directories';

export interface CompletionOption {
  /** `--provider`, and `-y` when it has a short form. */
  names: string[];
  description: string;
  takesValue: boolean;
  values?: ValueSource;
}

export interface CompletionArgument {
  variadic: boolean;
  values?: ValueSource;
}

export interface CompletionCommand {
  /** Each way to type it from the root (aliases give several), words joined by one space. */
  spellings: string[];
  /** Its canonical words from the root: `order set`; '' for the root. */
  path: string;
  subcommands: Array<{ names: string[]; description: string }>;
  options: CompletionOption[];
  args: CompletionArgument[];
}

export interface CompletionModel {
  commands: CompletionCommand[];
  /** The options every command takes (the parser skips their values wherever they stand). */
  shared: CompletionOption[];
}

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/**
 * How a script names a value source: `@profiles` (ask authdeck), `@files`, the fixed words
 * separated by spaces, or `-` for a value that has nothing to offer (a name to make up).
 */
export function sourceCode(values: ValueSource | undefined): string {
  if (values === undefined) return '-';
  if (typeof values === 'string') return `@${values}`;
  return values.join(' ');
}

/** One arm of a script's value table: the `command|key` patterns that share a value source. */
export interface SourceArm {
  /** `spelling` is `*` for every command; `key` is an option's name, `#n` for the n-th argument, `#*` for any later one. */
  patterns: Array<{ spelling: string; key: string }>;
  code: string;
}

/**
 * The value table every script consults, in the order it must be matched: each command's
 * options and arguments, then the variadic arguments past their position (`#*`), then the
 * options every command shares, under the spelling `*`. Within a tier no two patterns match the
 * same key, so its arms are grouped by value source.
 */
export function sourceTable(model: CompletionModel): SourceArm[] {
  const tiers = [new Map<string, SourceArm>(), new Map<string, SourceArm>(), new Map<string, SourceArm>()];
  const add = (tier: number, spelling: string, key: string, code: string) => {
    const arms = tiers[tier]!;
    const id = code;
    const arm = arms.get(id) ?? { patterns: [], code };
    arms.set(id, arm);
    if (!arm.patterns.some((pattern) => pattern.spelling === spelling && pattern.key === key))
      arm.patterns.push({ spelling, key });
  };
  const shared = new Set(model.shared.flatMap((option) => option.names));
  for (const option of model.shared)
    if (option.takesValue) for (const name of option.names) add(2, '*', name, sourceCode(option.values));
  for (const command of model.commands) {
    for (const option of command.options) {
      if (!option.takesValue) continue;
      for (const name of option.names)
        if (!shared.has(name))
          for (const spelling of command.spellings) add(0, spelling, name, sourceCode(option.values));
    }
    command.args.forEach((arg, index) => {
      const code = sourceCode(arg.values);
      for (const spelling of command.spellings) {
        add(0, spelling, `#${index + 1}`, code);
        if (arg.variadic) add(1, spelling, '#*', code);
      }
    });
  }
  return tiers.flatMap((arms) => [...arms.values()]);
}

/**
 * The options whose next word is their value, in a command: its own and every shared one (the
 * parser takes `--agent work` as a pair even where help does not list --agent).
 */
export function valueOptionNames(model: CompletionModel, command: CompletionCommand): string[] {
  const names = [...command.options, ...model.shared]
    .filter((option) => option.takesValue)
    .flatMap((option) => option.names);
  return [...new Set(names)];
}

/** Words and descriptions go into scripts on one line each. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
