import { join, resolve } from 'node:path';
import { readDaemonEnv } from '../env-file.js';
import { envValue } from '../env-value.js';
import { asRecord } from '../json-text.js';
import { DAEMON_ENV_FILE, LEGACY_STATE_DIR_NAMES, type PathEnv } from './paths.js';

export type EnvRecord = Record<string, string | undefined>;

/**
 * The variables OpenClaw's CLI and gateway see: the process first, then `<state>/.env`, then
 * `~/.config/openclaw/gateway.env`, each filling only what is not set yet. OpenClaw reads
 * gateway.env only for the default state dir: one named elsewhere (OPENCLAW_STATE_DIR, or
 * authdeck's `--state-dir`) is a gateway of its own.
 */
export async function openclawEnv(env: PathEnv, stateDir: string, home: string): Promise<EnvRecord> {
  const defaultDir = resolve(home, '.openclaw');
  const named =
    env.OPENCLAW_STATE_DIR !== undefined ||
    ![defaultDir, ...LEGACY_STATE_DIR_NAMES.map((name) => resolve(home, name))].includes(resolve(stateDir));
  const files = [join(stateDir, DAEMON_ENV_FILE)];
  if (!named || resolve(stateDir) === defaultDir) files.push(join(home, '.config', 'openclaw', 'gateway.env'));
  const merged: EnvRecord = {};
  for (const file of files.reverse()) Object.assign(merged, await readDaemonEnv(file).catch(() => ({})));
  return { ...merged, ...env };
}

/** The config's own `env` section (`env.vars` and plain entries) fills what the environment leaves unset. */
export function withConfigEnvSection(doc: Record<string, unknown>, env: EnvRecord): EnvRecord {
  const section = asRecord(doc.env);
  if (!section) return env;
  const entries = [
    ...Object.entries(asRecord(section.vars) ?? {}),
    ...Object.entries(section).filter(([key]) => key !== 'vars' && key !== 'shellEnv'),
  ];
  const filled = { ...env };
  for (const [key, value] of entries) {
    // As OpenClaw: a value that names another variable is not taken (it is never expanded).
    if (typeof value !== 'string' || value.trim() === '' || value.includes('${')) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    if (!envValue(filled, key)?.trim()) filled[key] = value;
  }
  return filled;
}

/** Upper-case names only, as OpenClaw reads `${NAME}`: `${path}` is text. */
const NAME = /^[A-Z_][A-Z0-9_]*$/;

/** A `${NAME}` (or, escaped, `$${NAME}`) at `index`, as OpenClaw 2026.9's config reader finds one. */
function tokenAt(value: string, index: number): { escaped: boolean; name: string; end: number } | undefined {
  const escaped = value[index + 1] === '$';
  const open = index + (escaped ? 2 : 1);
  if (value[open] !== '{') return undefined;
  const end = value.indexOf('}', open + 1);
  if (end === -1) return undefined;
  const name = value.slice(open + 1, end);
  return NAME.test(name) ? { escaped, name, end } : undefined;
}

/**
 * One config string with `${NAME}` replaced as OpenClaw does on every read: a variable that is
 * unset or empty stays as written (OpenClaw warns and the value does not work; `unset` hears its
 * name); `$${NAME}` is the text `${NAME}`.
 */
export function substituteEnvText(value: string, env: EnvRecord, unset?: (name: string) => void): string {
  if (!value.includes('$')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const token = value[i] === '$' ? tokenAt(value, i) : undefined;
    if (!token) {
      out += value[i];
      continue;
    }
    const found = token.escaped ? undefined : envValue(env, token.name);
    if (!token.escaped && !found) unset?.(token.name);
    out += found ? found : `\${${token.name}}`;
    i = token.end;
  }
  return out;
}

/** Where a variable was left unset: the config path (`models.providers.xai.apiKey` as its keys) and the name. */
export interface UnsetVariable {
  path: string[];
  name: string;
}

/** The config as OpenClaw reads it after substitution (every string, at any depth), and what stayed unset. */
export function substituteConfigEnv(
  doc: Record<string, unknown>,
  env: EnvRecord,
): { doc: Record<string, unknown>; unset: UnsetVariable[] } {
  const unset: UnsetVariable[] = [];
  const visit = (value: unknown, path: string[]): unknown => {
    if (typeof value === 'string') return substituteEnvText(value, env, (name) => unset.push({ path, name }));
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, String(index)]));
    const record = asRecord(value);
    if (!record) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) out[key] = visit(child, [...path, key]);
    return out;
  };
  return { doc: visit(doc, []) as Record<string, unknown>, unset };
}

/** A config that names variables: `${NAME}` in a string, or a SecretRef read from the environment. */
export function mayNameVariables(text: string): boolean {
  return text.includes('${') || /\bsource\b/.test(text);
}
