import { readTextIfExists } from '../files/fs-read.js';
import { asRecord } from '../json-text.js';
import type { RefusedSignIn } from '../oauth/keep-alive.js';
import type { AgentState } from '../profiles/agent-state.js';
import { shown } from '../terminal-text.js';
import { monitorLocation } from './monitor-location.js';

/** A refusal as the monitor remembers it: `alerted` once a notification about it got out. */
export interface RememberedRefusal extends RefusedSignIn {
  alerted: boolean;
}

/** The refusals a monitor remembers (`monitorLocation().refusedPath`); unreadable is none. */
export async function readRefused(path: string): Promise<Record<string, RememberedRefusal>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readTextIfExists(path, 1024 * 1024)) ?? '{}');
  } catch {
    // Unreadable: forgotten, so a refusal is alerted once more rather than never.
    return {};
  }
  const refused: Record<string, RememberedRefusal> = {};
  for (const [id, value] of Object.entries(asRecord(asRecord(parsed)?.refused) ?? {})) {
    const { fingerprint, code, signIn, at, alerted } = asRecord(value) ?? {};
    if ([fingerprint, code, signIn, at].every((field) => typeof field === 'string'))
      refused[id] = { fingerprint, code, signIn, at, alerted: alerted === true } as RememberedRefusal;
  }
  return refused;
}

/** A sign-in whose refresh token its provider refused, as the agent's monitor found it. */
export interface RefusedSignInNow {
  profileId: string;
  code: string;
  /** The command that signs in again. */
  signIn: string;
  at: string;
}

/**
 * The agent's sign-ins whose stored tokens are the very ones a provider refused on a `monitor
 * run` (README "monitor"): the access token still works until it expires, but the gateway cannot
 * renew it, so `status` and `doctor` say so instead of "the gateway renews it".
 */
export async function refusedSignIns(state: AgentState): Promise<RefusedSignInNow[]> {
  const { stateDir, agentId, env } = state.workspace;
  const remembered = await readRefused(monitorLocation({ stateDir, agentId, env }).refusedPath);
  if (Object.keys(remembered).length === 0) return [];
  // Loaded only when a monitor remembered a refusal: `status` stays lean otherwise.
  const { refusedNow } = await import('../oauth/keep-alive.js');
  return refusedNow(state, remembered).map(({ profileId, code, signIn, at }) => ({ profileId, code, signIn, at }));
}

/** What `status` and the dashboard take from them: the ids that count down, and one warning each. */
export async function refusedForReport(state: AgentState): Promise<{ ids: ReadonlySet<string>; warnings: string[] }> {
  const refused = await refusedSignIns(state);
  return { ids: new Set(refused.map((entry) => entry.profileId)), warnings: refused.map(refusedWarning) };
}

/** `status`'s warning for one: what was refused, and the command that signs in again. */
export function refusedWarning(refused: RefusedSignInNow): string {
  return `${refused.profileId}: the provider refused its refresh token (${shown(refused.code, 60)}) on ${refused.at.slice(0, 10)}, so the gateway cannot renew it; sign in again: ${refused.signIn}`;
}
