import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** The environment variables path resolution looks at; passed in so tests need not touch process.env. */
export type PathEnv = Readonly<Record<string, string | undefined>>;

export const LEGACY_STATE_DIR_NAMES = ['.clawdbot', '.moldbot', '.moltbot'] as const;
export const MAIN_AGENT_ID = 'main';

/**
 * The OpenClaw home, as the gateway resolves it (resolveEffectiveHomeDir): `OPENCLAW_HOME`, its
 * `~` or `~/…` being the user's home (`HOME`, else `USERPROFILE`), else that home; a value of "undefined" or "null" counts as
 * unset, and a relative one is taken from the current directory.
 */
export function resolveHomeDir(env: PathEnv): string {
  const osHome = homeValue(env.HOME) ?? homeValue(env.USERPROFILE) ?? homedir();
  const explicit = homeValue(env.OPENCLAW_HOME);
  if (!explicit) return resolve(osHome);
  return resolve(explicit === '~' || explicit.startsWith('~/') ? osHome + explicit.slice(1) : explicit);
}

function homeValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed !== 'undefined' && trimmed !== 'null' ? trimmed : undefined;
}

/** `~` and `~/x` in user-given paths mean the OpenClaw home, as the gateway reads them. */
export function expandUserPath(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return isAbsolute(path) ? path : resolve(path);
}

export function resolveStateDir(env: PathEnv, stateDirFlag?: string): string {
  const home = resolveHomeDir(env);
  const explicit = nonEmpty(stateDirFlag) ?? nonEmpty(env.OPENCLAW_STATE_DIR);
  if (explicit) return expandUserPath(explicit, home);
  const current = join(home, '.openclaw');
  if (existsSync(current)) return current;
  for (const name of LEGACY_STATE_DIR_NAMES) {
    const legacy = join(home, name);
    if (existsSync(legacy)) return legacy;
  }
  return current;
}

export function resolveConfigPath(env: PathEnv, stateDir: string): string {
  const explicit = nonEmpty(env.OPENCLAW_CONFIG_PATH);
  return explicit ? expandUserPath(explicit, resolveHomeDir(env)) : join(stateDir, 'openclaw.json');
}

export function defaultAgentDirFor(stateDir: string, agentId: string): string {
  return join(stateDir, 'agents', agentId, 'agent');
}

/** The agent-dir override from the environment, which OpenClaw treats as the main agent's. */
export function agentDirFromEnv(env: PathEnv): string | undefined {
  const explicit = nonEmpty(env.OPENCLAW_AGENT_DIR) ?? nonEmpty(env.PI_CODING_AGENT_DIR);
  return explicit ? expandUserPath(explicit, resolveHomeDir(env)) : undefined;
}

export const AUTH_PROFILES_FILE = 'auth-profiles.json';
export const AUTH_STATE_FILE = 'auth-state.json';
/** The older single-file store (`auth.json`) that OpenClaw still imports. */
export const LEGACY_AUTH_FILE = 'auth.json';
export const AGENT_SQLITE_FILE = 'openclaw-agent.sqlite';
export const DAEMON_ENV_FILE = '.env';

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
