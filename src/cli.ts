import * as cmdInteractive from './commands/interactive.js';
import * as cmdOrder from './commands/order.js';
import * as cmdPrefs from './commands/prefs.js';
import * as cmdRemove from './commands/remove.js';
import * as cmdSaveCredential from './commands/save-credential.js';
import * as cmdSetupToken from './commands/setup-token.js';
import * as cmdStatus from './commands/status.js';
import * as cmdToken from './commands/token.js';
import { CommandContext, type GlobalOptions } from './commands/context.js';
import type { CommandIO } from './commands/output.js';
import { parseCommandLine, type CommandSpec, type OptionSpec, type ParsedValues } from './cli-parser.js';
import { looksLikeSecret, maskSecret } from './services/credentials.js';
import { AuthdeckError, errorMessage, ExitCode, UsageError } from './services/errors.js';
import { VERSION } from './version.js';

/**
 * The command surface (SPEC §6). The plain commands are bundled with this file (one module to
 * load, not twenty small chunks); Ink and React live in the TUI chunk, which only the
 * interactive commands import, on demand.
 */
const GLOBAL_OPTIONS: OptionSpec[] = [
  {
    name: 'state-dir',
    value: 'dir',
    description: 'OpenClaw state dir (default: $OPENCLAW_STATE_DIR, else ~/.openclaw)',
  },
  { name: 'agent', value: 'id', description: "agent whose credentials to use (default: the config's default agent)" },
  { name: 'no-color', description: 'no colours (NO_COLOR works too)' },
  { name: 'no-reload', description: 'after a write, do not ask the running gateway to reload auth' },
];

type Runner = (ctx: CommandContext, values: ParsedValues, positionals: string[]) => Promise<number>;

const json: OptionSpec = { name: 'json', description: 'print JSON' };
const profileId: OptionSpec = {
  name: 'profile-id',
  value: 'id',
  description: 'profile id or name (default <provider>:default)',
};
const provider = (required: boolean): OptionSpec => ({
  name: 'provider',
  value: 'id',
  description: 'provider, e.g. anthropic',
  required,
});

const str = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
const flag = (value: string | boolean | undefined) => value === true;

function commandTable(bind: (runner: Runner) => CommandSpec['run']): CommandSpec {
  const status: Omit<CommandSpec, 'name'> = {
    description: 'show every profile of the agent: health, expiry, order, source',
    options: [
      { name: 'json', description: 'print one JSON object (schema in the README)' },
      { name: 'check', description: 'exit 1 if anything is expired or missing, 2 if expiring, else 0' },
      {
        name: 'within',
        value: 'duration',
        description: 'warn window for "expiring" (default 24h, or `prefs set warnWithin`)',
      },
      provider(false),
    ],
    run: bind(async (ctx, v) =>
      cmdStatus.runStatus(ctx, {
        json: flag(v.json),
        check: flag(v.check),
        within: str(v.within),
        provider: str(v.provider),
      }),
    ),
  };
  const pasteToken: Omit<CommandSpec, 'name'> = {
    description: 'store a token made elsewhere (from stdin, or a masked prompt in a terminal)',
    options: [
      provider(true),
      profileId,
      {
        name: 'expires-in',
        value: 'duration',
        description: 'lifetime: 365d, 12h, 90m (Anthropic setup-tokens: 365d when not given)',
      },
      json,
    ],
    run: bind(async (ctx, v) =>
      cmdSaveCredential.runSaveCredential(ctx, 'token', {
        provider: str(v.provider),
        profileId: str(v['profile-id']),
        expiresIn: str(v['expires-in']),
        json: flag(v.json),
      }),
    ),
  };
  const setupToken: Omit<CommandSpec, 'name'> = {
    description: 'run `claude setup-token` here and save the token it prints as a profile (TUI)',
    options: [
      { name: 'provider', value: 'id', description: 'only anthropic' },
      {
        name: 'profile-id',
        value: 'id',
        description: 'profile id or name (default anthropic:default; asks when taken)',
      },
      { name: 'claude-bin', value: 'path', description: 'the claude program (default: claude on PATH)' },
      { name: 'yes', short: 'y', description: 'replace the profile if it exists, without asking' },
    ],
    run: bind(async (ctx, v) =>
      cmdSetupToken.runSetupToken(ctx, {
        provider: str(v.provider),
        profileId: str(v['profile-id']),
        claudeBin: str(v['claude-bin']),
        yes: flag(v.yes),
      }),
    ),
  };
  const order: Omit<CommandSpec, 'name'> = {
    description: "get, set or clear the agent's profile order for a provider",
    subcommands: [
      {
        name: 'get',
        description: 'show the order the gateway uses, and the override if there is one',
        options: [provider(true), json],
        run: bind(async (ctx, v) => cmdOrder.runOrderGet(ctx, { provider: str(v.provider), json: flag(v.json) })),
      },
      {
        name: 'set',
        description: "set the agent's override: the profiles to try, first one first",
        options: [provider(true), json],
        args: [{ name: 'ids', required: true, variadic: true }],
        run: bind(async (ctx, v, ids) =>
          cmdOrder.runOrderSet(ctx, ids, { provider: str(v.provider), json: flag(v.json) }),
        ),
      },
      {
        name: 'clear',
        description: "remove the agent's override",
        options: [provider(true), json],
        run: bind(async (ctx, v) => cmdOrder.runOrderClear(ctx, { provider: str(v.provider), json: flag(v.json) })),
      },
    ],
  };
  return {
    name: 'authdeck',
    description:
      'Onboard AI model providers and manage the credentials of an OpenClaw-compatible gateway.\nWithout a command: the dashboard (or the onboarding wizard) in a terminal, else `status`.',
    run: bind(async (ctx) => {
      if (ctx.interactive) return (await import('./tui.js')).launchTui(ctx, { name: 'home' });
      return cmdStatus.runStatus(ctx, {});
    }),
    subcommands: [
      {
        name: 'onboard',
        description: 'the onboarding wizard (TUI); --non-interactive reads the secret from stdin',
        options: [
          provider(false),
          { name: 'method', value: 'method', description: 'api-key | setup-token | paste-token' },
          { name: 'non-interactive', description: 'no screen: needs --provider and --method, secret on stdin' },
          { name: 'profile-id', value: 'id', description: 'with --non-interactive: profile id or name' },
          json,
        ],
        run: bind(async (ctx, v) =>
          cmdInteractive.runOnboard(ctx, {
            provider: str(v.provider),
            method: str(v.method),
            nonInteractive: flag(v['non-interactive']),
            profileId: str(v['profile-id']),
            json: flag(v.json),
          }),
        ),
      },
      {
        name: 'dashboard',
        description: 'the live status dashboard (TUI)',
        run: bind(async (ctx) => cmdInteractive.runDashboard(ctx)),
      },
      {
        name: 'pick',
        description: 'choose the profile a provider uses first for this agent (TUI)',
        options: [provider(false), { name: 'print', description: 'print the chosen id to stdout' }],
        run: bind(async (ctx, v) => cmdInteractive.runPick(ctx, { provider: str(v.provider), print: flag(v.print) })),
      },
      { name: 'status', ...status },
      { name: 'paste-token', ...pasteToken },
      { name: 'setup-token', ...setupToken },
      {
        name: 'add-key',
        description: 'store an API key (from stdin, or a masked prompt in a terminal)',
        options: [
          provider(true),
          profileId,
          { name: 'env', description: "also write it to the daemon's .env (<state>/.env)" },
          json,
        ],
        run: bind(async (ctx, v) =>
          cmdSaveCredential.runSaveCredential(ctx, 'api_key', {
            provider: str(v.provider),
            profileId: str(v['profile-id']),
            env: flag(v.env),
            json: flag(v.json),
          }),
        ),
      },
      {
        name: 'remove',
        description: 'remove a profile (asks first in a terminal)',
        options: [{ name: 'yes', short: 'y', description: 'do not ask' }, json],
        args: [{ name: 'id', required: true }],
        run: bind(async (ctx, v, [id]) => cmdRemove.runRemove(ctx, id!, { yes: flag(v.yes), json: flag(v.json) })),
      },
      {
        name: 'token',
        description: "print a profile's whole secret (masked on a terminal unless --reveal)",
        options: [{ name: 'reveal', description: 'print it even when stdout is a terminal' }],
        args: [{ name: 'id', required: true }],
        run: bind(async (ctx, v, [id]) => cmdToken.runToken(ctx, id!, { reveal: flag(v.reveal) })),
      },
      { name: 'order', ...order },
      {
        name: 'migrate',
        description:
          'SQLite-era agent with JSON auth files: what `openclaw doctor --fix` would import, and --apply to do it without losing renewed tokens',
        options: [
          { name: 'apply', description: 'write the new and newer profiles into SQLite and archive the JSON files' },
          {
            name: 'prefer-json',
            description: 'with --apply: also take every profile that differs from the stored one',
          },
          { name: 'yes', short: 'y', description: 'do not ask' },
          json,
        ],
        run: bind(async (ctx, v) =>
          (await import('./commands/migrate.js')).runMigrate(ctx, {
            apply: flag(v.apply),
            preferJson: flag(v['prefer-json']),
            yes: flag(v.yes),
            json: flag(v.json),
          }),
        ),
      },
      {
        name: 'prefs',
        description: "authdeck's own preferences: list, get KEY, set KEY VALUE",
        options: [json],
        args: [{ name: 'action' }, { name: 'key' }, { name: 'value' }],
        run: bind(async (ctx, v, [action, key, value]) =>
          cmdPrefs.runPrefs(ctx, action, key, value, { json: flag(v.json) }),
        ),
      },
      {
        name: 'models',
        description: 'OpenClaw spellings: models status, models auth paste-token|setup-token|order',
        subcommands: [
          { name: 'status', ...status },
          {
            name: 'auth',
            description: 'OpenClaw spellings: paste-token, setup-token, order',
            subcommands: [
              { name: 'paste-token', ...pasteToken },
              { name: 'setup-token', ...setupToken },
              { name: 'order', ...order },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * A secret is never taken from the command line (it would sit in the shell's history and in
 * `ps`), and never echoed back in an error either.
 */
function refuseSecretArguments(argv: string[]): void {
  for (const word of argv) {
    const value = word.startsWith('--') && word.includes('=') ? word.slice(word.indexOf('=') + 1) : word;
    if (looksLikeSecret(value)) {
      throw new UsageError(
        `a secret was passed on the command line (${maskSecret(value)}); pass it on stdin or at the prompt instead — and consider it exposed in your shell history`,
      );
    }
  }
}

/** Runs one command line and returns the exit code; prints one line, never a stack, on failure. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    refuseSecretArguments(argv);
    let globals: GlobalOptions = {};
    const root = commandTable(
      (runner) => async (values, positionals) => runner(new CommandContext(io, globals), values, positionals),
    );
    const outcome = parseCommandLine(root, GLOBAL_OPTIONS, argv);
    if (outcome.kind === 'help') {
      io.stdout.write(outcome.text);
      return ExitCode.ok;
    }
    if (outcome.kind === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const { values } = outcome;
    globals = {
      ...(typeof values['state-dir'] === 'string' ? { stateDir: values['state-dir'] } : {}),
      ...(typeof values.agent === 'string' ? { agent: values.agent } : {}),
      ...(values['no-color'] ? { color: false } : {}),
      ...(values['no-reload'] ? { reload: false } : {}),
    };
    return await outcome.command.run!(values, outcome.positionals);
  } catch (error) {
    if (error instanceof AuthdeckError) {
      io.stderr.write(`authdeck: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`authdeck: unexpected error: ${errorMessage(error)}\n`);
    if (io.env.AUTHDECK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return ExitCode.failure;
  }
}
