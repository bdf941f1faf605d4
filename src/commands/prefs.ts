import { UsageError } from '../services/errors.js';
import { PREFERENCE_KEYS, type Preferences, readPreferences, setPreference } from '../services/prefs.js';
import type { CommandContext } from './context.js';
import { writeJson, writeLine } from './output.js';
import { command, OPTIONS } from './spec.js';

export async function runPrefs(
  ctx: CommandContext,
  action: string | undefined,
  key: string | undefined,
  value: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  const env = ctx.io.env;
  if (action === undefined || action === 'list') {
    const prefs = readPreferences(env);
    if (options.json) writeJson(ctx.io.stdout, prefs);
    else for (const name of PREFERENCE_KEYS) writeLine(ctx.io.stdout, `${name} = ${prefs[name]}`);
    return 0;
  }
  if (action === 'get') {
    if (!key || !(PREFERENCE_KEYS as string[]).includes(key))
      throw new UsageError(`prefs get needs one of: ${PREFERENCE_KEYS.join(', ')}`);
    const got = readPreferences(env)[key as keyof Preferences];
    if (options.json) writeJson(ctx.io.stdout, { [key]: got });
    else writeLine(ctx.io.stdout, String(got));
    return 0;
  }
  if (action === 'set') {
    if (!key || value === undefined)
      throw new UsageError('prefs set needs a key and a value, e.g. `authdeck prefs set warnWithin 48h`');
    await setPreference(env, key, value);
    // As it now reads: what a later get or list answers.
    const set = readPreferences(env)[key as keyof Preferences];
    if (options.json) writeJson(ctx.io.stdout, { [key]: set });
    // A bare number is read as hours here (days for --expires-in): said, so 30 is not taken for 30m.
    else
      writeLine(
        ctx.io.stdout,
        `${key} = ${value}${/^\d+(\.\d+)?$/.test(value.trim()) ? ` (a number alone is hours: ${value.trim()}h)` : ''}`,
      );
    return 0;
  }
  throw new UsageError(`prefs: unknown action "${action}"; use list, get or set`);
}

export const prefsCommand = command({
  name: 'prefs',
  description: "authdeck's own preferences: list, get KEY, set KEY VALUE",
  examples: ['authdeck prefs list', 'authdeck prefs set warnWithin 48h'],
  options: { json: OPTIONS.json },
  args: [
    { name: 'action', values: ['list', 'get', 'set'] },
    { name: 'key', values: PREFERENCE_KEYS },
    { name: 'value' },
  ],
  run: (ctx, options, [action, key, value]) => runPrefs(ctx, action, key, value, options),
});
