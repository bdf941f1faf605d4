import { existsSync, statSync } from 'node:fs';
import { type GlobalOptionSpecs, parseCommandLine } from './cli-parser.js';
import { CommandContext, type GlobalOptions } from './commands/context.js';
import { type CommandIO, writeWrapped } from './commands/output.js';
import { type CommandSpec, choice, flag, type ParsedValues, text } from './commands/spec.js';
import { resolveStateDir } from './services/config/paths.js';
import { AuthdeckError, ExitCode, errorMessage, UsageError } from './services/errors.js';
import { maskSecret } from './services/profiles/credentials.js';
import { secretInArgument } from './services/profiles/secret-in-text.js';
import { setProgressListener } from './services/progress.js';
import { jsonText, shown } from './services/terminal-text.js';
import { VERSION } from './version.js';

/** The options every command takes (README "Commands"), and what runs a command line. */
const GLOBAL = {
  stateDir: text(
    'state-dir',
    'dir',
    'OpenClaw state dir (default: $OPENCLAW_STATE_DIR, else ~/.openclaw)',
    'directories',
  ),
  agent: text('agent', 'id', "agent whose credentials to use (default: the config's default agent)", 'agents'),
  noColor: flag('no-color', 'no colours (NO_COLOR works too)'),
  noReload: flag('no-reload', 'after a write, do not ask the running gateway to reload auth'),
  storeGeneration: choice(
    'store-generation',
    ['json', 'sqlite'] as const,
    'which OpenClaw store to write when nothing here tells (no store yet, no openclaw installed)',
  ),
};

export const GLOBAL_OPTIONS: GlobalOptionSpecs = {
  always: [GLOBAL.stateDir, GLOBAL.agent, GLOBAL.noColor],
  forWrites: [GLOBAL.noReload, GLOBAL.storeGeneration],
};

function globalOptions(values: ParsedValues): GlobalOptions {
  const stateDir = GLOBAL.stateDir.read(values['state-dir']);
  const agent = GLOBAL.agent.read(values.agent);
  const storeGeneration = GLOBAL.storeGeneration.read(values['store-generation']);
  return {
    ...(stateDir !== undefined ? { stateDir } : {}),
    ...(agent !== undefined ? { agent } : {}),
    ...(GLOBAL.noColor.read(values['no-color']) ? { color: false } : {}),
    ...(GLOBAL.noReload.read(values['no-reload']) ? { reload: false } : {}),
    ...(storeGeneration ? { storeGeneration } : {}),
  };
}

/**
 * A secret is never taken from the command line (it would sit in the shell's history and in
 * `ps`), and never echoed back in an error either.
 */
async function refuseSecretArguments(argv: string[]): Promise<void> {
  // Several auth choices take the same flag (`--openrouter-api-key`), each with its own variable.
  const at = argv.findIndex((word) => word === '--auth-choice' || word.startsWith('--auth-choice='));
  const given = argv[at];
  const authChoice = given?.startsWith('--auth-choice=') ? given.slice('--auth-choice='.length) : argv[at + 1];
  for (const [index, word] of argv.entries()) {
    // OpenClaw's onboarding takes secrets as flags (`--deepseek-api-key <key>`); authdeck does not.
    const name = word.startsWith('--') ? word.slice(2).split('=')[0]! : '';
    if (/^(?:[a-z0-9-]+-)?api-key$|^token$/.test(name)) {
      const { secretFlagVariable } = await import('./services/providers/catalog.js');
      // Only `onboard --auth-choice` reads the variable; add-key and paste-token read stdin alone.
      const variable = at < 0 ? undefined : secretFlagVariable(`--${name}`, authChoice);
      const orVariable = variable ? ` or set ${variable}` : '';
      throw new UsageError(
        `--${name} would put a secret on the command line (shell history, ps); pipe it on stdin${orVariable} instead`,
      );
    }
    const value = word.startsWith('--') && word.includes('=') ? word.slice(word.indexOf('=') + 1) : word;
    // A key pasted where a model ref or profile id goes (`anthropic/sk-ant-…`) is one too.
    const flag = word.startsWith('--') && word.includes('=') ? word : index > 0 ? argv[index - 1]! : '';
    // Cloudflare's ids are 32 hex digits, as a key might be: there only a provider's prefix
    // counts. Every other id (a profile's, a custom provider's or model's) is checked whole: a key
    // pasted there would be written into the config and shown wherever it is.
    const secret = secretInArgument(value, {
      identifier: /^--cloudflare-ai-gateway-(?:account|gateway)-id(?:=|$)/.test(flag),
    });
    if (secret) {
      // A notify command is run later by cron, with no stdin or prompt: its secret goes in a script.
      const notify = /^--(?:notify|ntfy)(?:=|$)/.test(flag);
      const instead = notify
        ? 'put the command in a script that reads its secret itself, and pass the script'
        : 'pass it on stdin or at the prompt instead';
      throw new UsageError(
        `a secret was passed on the command line (${maskSecret(secret)}); ${instead} — and consider it exposed in your shell history`,
      );
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const EXIT_NAMES: Record<number, string> = {
  1: 'failure',
  2: 'expiring',
  3: 'unreadable',
  64: 'usage',
  130: 'cancelled',
};

/**
 * Runs one command line against a command tree and returns the exit code; prints one line,
 * never a stack, on failure.
 */
export async function runCommandLine(root: CommandSpec, argv: string[], io: CommandIO): Promise<number> {
  try {
    await refuseSecretArguments(argv);
    const outcome = parseCommandLine(root, GLOBAL_OPTIONS, argv);
    if (outcome.kind === 'help') {
      // Broken at spaces to the terminal's width, a description's continuation under its start.
      writeWrapped(io.stdout, ...outcome.lines);
      return ExitCode.ok;
    }
    if (outcome.kind === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const globals = globalOptions(outcome.values);
    // `--state-dir "$DIR"` with DIR unset must not fall back to ~/.openclaw and work on it.
    if (globals.stateDir !== undefined && globals.stateDir.trim() === '')
      throw new UsageError(
        '--state-dir: no directory given (the value is empty); name one (or leave the option out for the default)',
      );
    // A mistyped --state-dir would read as an empty state: say so instead. A write may create it.
    const writes =
      outcome.command === root
        ? io.stdin.isTTY && io.stdout.isTTY
        : outcome.command.writes && !outcome.command.needsExistingState;
    // `--state-dir=~/x` reaches us unexpanded (the shell expands ~ only at a word's start): the
    // directory checked is the one every command then reads, `~` the OpenClaw home.
    const stateDir = globals.stateDir === undefined ? undefined : resolveStateDir(io.env, globals.stateDir);
    if (stateDir !== undefined && !writes && !isDirectory(stateDir))
      throw new UsageError(
        `--state-dir ${globals.stateDir}: ${existsSync(stateDir) ? 'not a directory' : 'no such directory'}; nothing to read there`,
      );
    const ctx = new CommandContext(io, globals);
    // A person watching is told what a long wait is for; a script's stderr is left as it was.
    if (io.stderr.isTTY) setProgressListener((line) => writeWrapped(io.stderr, `authdeck: ${shown(line)}`));
    return await outcome.command.run!(ctx, { values: outcome.values, positionals: outcome.positionals });
  } catch (error) {
    const known = error instanceof AuthdeckError;
    const message = known ? error.message : `unexpected error: ${errorMessage(error)}`;
    const exitCode = known ? error.exitCode : ExitCode.failure;
    // Messages quote paths, ids and arguments: one line, whatever they hold (on a terminal,
    // broken at spaces to its width rather than mid-word by it).
    writeWrapped(io.stderr, `authdeck: ${shown(message, 2000)}`);
    // A script that asked for JSON gets its failure as JSON too, on stdout.
    // `--json` as an option, not an operand after `--`.
    if (argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined).includes('--json'))
      io.stdout.write(
        `${jsonText({ ok: false, error: { code: EXIT_NAMES[exitCode] ?? 'failure', exitCode, message } })}\n`,
      );
    if (!known && io.env.AUTHDECK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return exitCode;
  }
}
