import { join } from 'node:path';
import type { PathEnv } from './config/paths.js';
import { resolveHomeDir } from './config/paths.js';
import { DEFAULT_WARN_WITHIN, parseDuration } from './durations.js';
import { UnreadableStateError, UsageError } from './errors.js';
import { ensurePrivateDir } from './files/atomic-write.js';
import { readTextIfExistsSync } from './files/fs-read.js';
import { removeLockLeftovers, withFileLock } from './files/lock.js';
import { parseJsonForRewrite, stringifyJson } from './json-text.js';

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

function pickValid(stored: Partial<Record<keyof Preferences, unknown>>): Partial<Preferences> {
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

/** Validated write through conf (atomic, 0600, other keys kept as written), under the file's lock. */
export async function setPreference(env: PathEnv, key: string, value: string): Promise<Preferences> {
  if (!(PREFERENCE_KEYS as string[]).includes(key)) {
    throw new UsageError(`unknown preference "${key}"; known: ${PREFERENCE_KEYS.join(', ')}`);
  }
  if (key === 'warnWithin') parseDuration(value, 'warnWithin');
  // A file that is there but unreadable is named, not overwritten.
  readPreferences(env);
  const stored = await editPreferenceFile(env, (store) => {
    store[key] = value;
  });
  return { ...DEFAULT_PREFERENCES, ...pickValid(stored) };
}

/**
 * Read-modify-write of the whole preferences file under the lock protocol the gateway's files
 * use: conf reads and writes without a lock, so two authdeck processes changing preferences at
 * once would each write back what they read, losing the other's change. Keys this version does
 * not know (a newer authdeck's) are kept. Readers stay lock-free: conf replaces the file whole.
 */
export async function editPreferenceFile(
  env: PathEnv,
  edit: (store: Record<string, unknown>) => void,
): Promise<Record<string, unknown>> {
  const file = join(preferencesDir(env), 'config.json');
  // Made here, 0700 whatever the umask (conf would make it 0777 under umask 000).
  await ensurePrivateDir(preferencesDir(env));
  return withFileLock(file, async () => {
    const conf = await openPreferenceStore(env);
    const store: Record<string, unknown> = { ...conf.store };
    edit(store);
    conf.store = store;
    // conf's write is not ours (writeFileAtomic sweeps): what killed lock takers left goes here.
    await removeLockLeftovers(file);
    return store;
  });
}

async function openPreferenceStore(env: PathEnv) {
  const { default: Conf } = await import('conf');
  const file = join(preferencesDir(env), 'config.json');
  return new Conf<Record<string, unknown>>({
    projectName: 'authdeck',
    cwd: preferencesDir(env),
    configFileMode: 0o600,
    defaults: { ...DEFAULT_PREFERENCES },
    // conf's own JSON.parse/JSON.stringify would respell the numbers of keys authdeck does not
    // know (2^53+1, 1.50, 1e400); the store's lossless pair writes them back as they were.
    deserialize: (text) => parseJsonForRewrite(text, file) as Record<string, unknown>,
    serialize: (value) => stringifyJson(value, '\t', file),
  });
}
