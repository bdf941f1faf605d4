import {
  DOTENV_SKIPPED,
  daemonEnvSkipped,
  describeDaemonEnv,
  envValueProblem,
  isValidEnvName,
  readDaemonEnv,
  setDaemonEnvVar,
} from '../services/env-file.js';
import { envValue } from '../services/env-value.js';
import { AuthdeckError, UsageError } from '../services/errors.js';
import { checkSecret, maskSecret, recogniseSecret } from '../services/profiles/credentials.js';
import { homeEnvVar, PROVIDERS } from '../services/providers.js';
import { shownTyped } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { command, group, OPTIONS } from './spec.js';

const RESTART =
  'a running gateway reads .env when it starts: restart it (`openclaw gateway restart`, or its systemd/launchd service)';

function providerOf(name: string): string | undefined {
  return PROVIDERS.find((info) => info.envVars.some((variable) => variable.name === name))?.id;
}

/**
 * A provider's variable gets the checks `add-key` makes: another provider's key or a token in
 * OPENAI_API_KEY would replace a working key with one every request fails with.
 */
/**
 * The value to write: for a provider's key, the secret as the check read it (a paste's markers,
 * spaces and invisible characters gone: OpenClaw reads a .env value byte for byte); else as typed.
 */
function checkProviderValue(name: string, value: string): string {
  const provider = PROVIDERS.find((info) => info.envVars.some((variable) => variable.name === name));
  const variable = provider?.envVars.find((entry) => entry.name === name);
  if (!provider || !variable) return value;
  const check = checkSecret(provider.id, variable.type, value);
  if (check.ok) return check.secret;
  let hint = '';
  const fits = check.fits?.provider ? PROVIDERS.find((info) => info.id === check.fits?.provider) : undefined;
  if (fits) {
    const kind = recogniseSecret(check.secret)?.kind ?? 'api_key';
    const home = (kind === 'api_key' || kind === 'token' ? homeEnvVar(fits, kind) : undefined) ?? fits.envVars[0];
    hint = home
      ? `; it belongs in ${home.name} (\`authdeck env set ${home.name}\`)`
      : `; add it with \`authdeck add-key --provider ${fits.id}\``;
  }
  throw new AuthdeckError(`${name}: ${check.error}${hint}; nothing changed`);
}

function requireName(name: string | undefined): string {
  if (name === undefined) throw new UsageError('name the variable, e.g. `authdeck env set OPENAI_API_KEY`');
  if (name === '__proto__')
    throw new UsageError(
      '"__proto__" is a name authdeck does not set: JavaScript, which the gateway runs on, gives it a meaning of its own',
    );
  if (!isValidEnvName(name))
    throw new UsageError(`"${name}" is not a variable name: letters, digits and _, not starting with a digit`);
  return name;
}

async function runEnvList(ctx: CommandContext, json: boolean): Promise<number> {
  const path = (await ctx.workspace()).daemonEnvPath;
  const entries = describeDaemonEnv(await readDaemonEnv(path), ctx.io.env, providerOf);
  if (json) {
    writeJson(ctx.io.stdout, {
      path,
      variables: entries.map(({ value, ...rest }) => ({ ...rest, masked: maskSecret(value) })),
    });
    return 0;
  }
  writeLine(ctx.io.stdout, ctx.paint.dim(path));
  const skipped = daemonEnvSkipped(path);
  if (skipped !== undefined)
    writeLine(ctx.io.stdout, ctx.paint.yellow(`! ${path} is larger than 1 MiB (${skipped} bytes), ${DOTENV_SKIPPED}`));
  else if (entries.length === 0) writeLine(ctx.io.stdout, 'No variables (the file is missing or empty).');
  const width = Math.max(0, ...entries.map((entry) => entry.name.length));
  for (const entry of entries) {
    const notes = [
      entry.provider ? `${entry.provider} key` : '',
      entry.overriddenByProcess ? ctx.paint.yellow('the process environment sets it to another value') : '',
    ].filter(Boolean);
    writeLine(
      ctx.io.stdout,
      `${entry.name.padEnd(width)}  ${maskSecret(entry.value).padEnd(14)}  ${notes.join(' · ')}`.trimEnd(),
    );
  }
  return 0;
}

async function runEnvSet(ctx: CommandContext, rawName: string | undefined, json: boolean): Promise<number> {
  const name = requireName(rawName);
  const path = (await ctx.workspace()).daemonEnvPath;
  const input = await ctx.readSecret(`${name}: `);
  // A trailing newline from `echo` or a file is not part of the value, nor a terminal's paste markers.
  const typed = input.replace(/\r?\n$/, '').replace(/\x1b\[20[01]~/g, '');
  const value = typed.trim() === '' ? '' : checkProviderValue(name, typed);
  const problem = envValueProblem(value);
  if (problem) throw new UsageError(`${name}: ${problem}`);
  const change = await setDaemonEnvVar(path, name, value);
  const replaced = change.previous !== undefined && change.previous !== value ? maskSecret(change.previous) : null;
  if (json) {
    writeJson(ctx.io.stdout, { ok: true, path, name, masked: maskSecret(value), changed: change.changed, replaced });
    return 0;
  }
  const what = change.changed
    ? `Set ${name}${replaced ? ` (replacing ${replaced})` : ''}`
    : `${name} already had this value`;
  writeLine(ctx.io.stdout, `${ctx.paint.green('✔')} ${what} in ${path}`);
  if (change.changed) ctx.note(ctx.paint.dim(RESTART));
  return 0;
}

async function runEnvUnset(ctx: CommandContext, rawName: string | undefined, json: boolean): Promise<number> {
  const name = requireName(rawName);
  const path = (await ctx.workspace()).daemonEnvPath;
  const change = await setDaemonEnvVar(path, name, undefined);
  const removed = change.changed && change.previous !== undefined ? maskSecret(change.previous) : null;
  if (json) {
    writeJson(ctx.io.stdout, { ok: true, path, name, changed: change.changed, removed });
    return 0;
  }
  if (!change.changed) {
    writeLine(ctx.io.stdout, `${shownTyped(name)} is not set in ${path}; nothing changed`);
    return 0;
  }
  writeLine(ctx.io.stdout, `${ctx.paint.green('✔')} Removed ${name}${removed ? ` (${removed})` : ''} from ${path}`);
  if (envValue(ctx.io.env, name)) ctx.note(ctx.paint.yellow(`note: ${name} is still set in this shell's environment`));
  ctx.note(ctx.paint.dim(RESTART));
  return 0;
}

export const envCommand = group({
  name: 'env',
  summary: "the daemon's .env (<state>/.env)",
  subcommands: [
    command({
      name: 'list',
      description: 'variables with masked values, the provider each serves, and process overrides',
      options: { json: OPTIONS.json },
      run: (ctx, { json }) => runEnvList(ctx, json),
    }),
    command({
      name: 'set',
      description: 'set NAME from stdin or a masked prompt (never from the command line)',
      examples: [
        'authdeck env set OPENAI_API_KEY            # masked prompt',
        'printf %s "$KEY" | authdeck env set GROQ_API_KEY',
      ],
      options: { json: OPTIONS.json },
      args: [{ name: 'name', required: true }],
      run: (ctx, { json }, [name]) => runEnvSet(ctx, name, json),
    }),
    command({
      name: 'unset',
      description: 'remove NAME',
      options: { json: OPTIONS.json },
      args: [{ name: 'name', required: true }],
      run: (ctx, { json }, [name]) => runEnvUnset(ctx, name, json),
    }),
  ],
});
