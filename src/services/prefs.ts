import { join } from 'node:path';
import { parseDuration, DEFAULT_WARN_WITHIN } from './durations.js';
import { ensurePrivateDir } from './atomic-write.js';
import { UnreadableStateError, UsageError } from './errors.js';
import { readTextIfExistsSync } from './fs-read.js';
import type { PathEnv } from './paths.js';
import { resolveHomeDir } from './paths.js';

/** authdeck's own settings; not the gateway's. */
export interface Preferences {
  /** Default warn window for `status` and the dashboard. */
  warnWithin: string;
}

export const DEFAULT_PREFERENCES: Preferences = { warnWithin: DEFAULT_WARN_WITHIN };
export const PREFERENCE_KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

/** `AUTHDECK_CONFIG_DIR`, else `$XDG_CONFIG_HOME/authdeck`, else `~/.config/authdeck`. */
export function preferencesDir(env: PathEnv): string {
  if (env.AUTHDECK_CONFIG_DIR?.trim()) return env.AUTHDECK_CONFIG_DIR;
  const xdg = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(resolveHomeDir({ HOME: env.HOME }), '.config');
  return join(xdg, 'authdeck');
}

/**
 * Reads the preferences file conf writes, without loading conf: `status` runs from cron and
 * conf (with its schema validator) costs more start-up time than the whole command may take.
 */
export function readPreferences(env: PathEnv): Preferences {
  const path = join(preferencesDir(env), 'config.json');
  // Not there: the defaults. There but not a readable JSON file (a FIFO, /dev/zero, a torn
  // edit): one line that names it, rather than a hang or a silent default.
  const text = readTextIfExistsSync(path);
  if (text === undefined) return { ...DEFAULT_PREFERENCES };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    throw new UnreadableStateError(`${path}: authdeck's preferences are not valid JSON; fix or remove the file`, path);
  }
  return { ...DEFAULT_PREFERENCES, ...pickValid(stored !== null && typeof stored === 'object' ? stored : {}) };
}

function pickValid(stored: Partial<Preferences>): Partial<Preferences> {
  const valid: Partial<Preferences> = {};
  if (typeof stored.warnWithin === 'string') {
    try {
      parseDuration(stored.warnWithin);
      valid.warnWithin = stored.warnWithin;
    } catch {
      // A hand-edited bad value falls back to the default rather than breaking status.
    }
  }
  return valid;
}

/** Validated write through conf (atomic, 0600). */
export async function setPreference(env: PathEnv, key: string, value: string): Promise<Preferences> {
  if (!(PREFERENCE_KEYS as string[]).includes(key)) {
    throw new UsageError(`unknown preference "${key}"; known: ${PREFERENCE_KEYS.join(', ')}`);
  }
  if (key === 'warnWithin') parseDuration(value, 'warnWithin');
  // A file that is there but unreadable is named, not overwritten.
  readPreferences(env);
  // Made here, 0700 whatever the umask (conf would make it 0777 under umask 000).
  await ensurePrivateDir(preferencesDir(env));
  const store = await openPreferenceStore(env);
  store.set(key as keyof Preferences, value);
  return { ...DEFAULT_PREFERENCES, ...store.store };
}

async function openPreferenceStore(env: PathEnv) {
  const { default: Conf } = await import('conf');
  return new Conf<Preferences>({
    projectName: 'authdeck',
    cwd: preferencesDir(env),
    configFileMode: 0o600,
    defaults: DEFAULT_PREFERENCES,
  });
}
