import { describeExpiry } from '../durations.js';
import { errorMessage } from '../errors.js';
import type { AgentState } from '../profiles/agent-state.js';
import { sha256Hex } from '../sha256.js';
import { shown } from '../terminal-text.js';
import { findOAuthProvider } from './oauth-providers.js';
import {
  GatewayRefreshingError,
  RefreshRefusedError,
  refreshFence,
  refreshOAuthProfile,
  type TokenSnapshot,
  tokenSnapshot,
} from './refresh.js';
import { RefreshLockBusyError } from './refresh-lock.js';
import { signInAgainCommand } from './sign-in-again.js';

/** A scheduled run can start late (a loaded or waking machine): what would lapse this soon after the next run is renewed now. */
export const KEEP_ALIVE_SLACK_MS = 5 * 60_000;
/** A held lock means the gateway is refreshing that profile: a short wait, then the next run looks again. */
export const KEEP_ALIVE_LOCK_WAIT_MS = 2_000;

/** The window of a job run every `everyMs`: an access token that would expire before the run after this one could renew it. */
export function keepAliveWindow(everyMs: number): number {
  return everyMs + KEEP_ALIVE_SLACK_MS;
}

export type KeepAliveStatus =
  | 'refreshed'
  | 'refreshed-meanwhile'
  | 'busy'
  | 'fenced'
  | 'refused'
  | 'still-refused'
  | 'failed';

export interface KeepAliveResult {
  profileId: string;
  status: KeepAliveStatus;
  /** The access token's expiry after this run (the new one when refreshed). */
  expiresAt: number;
  /** The provider's refusal (refused, still-refused). */
  code?: string;
  /** The command that signs in again (refused, still-refused). */
  signIn?: string;
  /** Why nothing was done (busy, fenced, failed): one line, no secret. */
  reason?: string;
  /** Of the tokens the refusal was met with; never the tokens themselves. */
  fingerprint: string;
}

/** A refusal remembered between runs, so that a dead refresh token is neither sent again nor alerted on twice. */
export interface RefusedSignIn {
  fingerprint: string;
  code: string;
  signIn: string;
  at: string;
}

export interface KeepAliveInput {
  env: NodeJS.ProcessEnv;
  /** Refresh what expires within this (or has expired). */
  withinMs: number;
  now?: () => number;
  /** Refusals from earlier runs: not tried again while the profile's tokens are the same. */
  refused?: Readonly<Record<string, RefusedSignIn>>;
  lockWaitMs?: number;
  fetch?: typeof fetch;
}

export interface KeepAliveReport {
  results: KeepAliveResult[];
  /** The refusals still standing (tokens unchanged), those of this run included. */
  refused: Record<string, RefusedSignIn>;
  /** The soonest expiry not due yet. */
  next?: { profileId: string; expiresAt: number };
}

interface Candidate {
  profileId: string;
  provider: string;
  snapshot: TokenSnapshot;
  fingerprint: string;
  fence: 'refreshing' | 'failed' | undefined;
}

/**
 * OAuth sign-ins the gateway renews only when a request needs one, so an idle gateway lets
 * them lapse: those this agent writes (its own layer, or the shared store; the main agent's
 * inherited profiles are the main agent's to renew) and authdeck can refresh.
 */
function candidates(view: Pick<AgentState, 'layers' | 'own' | 'base'>): Candidate[] {
  const profiles = { ...(view.layers.base?.role === 'inherited' ? {} : view.base?.profiles), ...view.own.profiles };
  const found: Candidate[] = [];
  for (const [profileId, raw] of Object.entries(profiles)) {
    if ((raw.type ?? raw.mode) !== 'oauth') continue;
    const provider = typeof raw.provider === 'string' ? raw.provider : (profileId.split(':')[0] ?? '');
    const snapshot = tokenSnapshot(raw);
    if (!snapshot || snapshot.expires <= 0 || findOAuthProvider(provider)?.kind !== 'oauth') continue;
    found.push({ profileId, provider, snapshot, fingerprint: fingerprint(snapshot), fence: refreshFence(raw) });
  }
  return found.sort((a, b) => a.snapshot.expires - b.snapshot.expires);
}

/**
 * The sign-ins whose tokens now are the ones a provider refused (as remembered by the monitor):
 * still stored, but the gateway cannot renew them.
 */
export function refusedNow(
  view: Pick<AgentState, 'layers' | 'own' | 'base'>,
  remembered: Record<string, RefusedSignIn>,
): Array<RefusedSignIn & { profileId: string }> {
  return candidates(view).flatMap(({ profileId, fingerprint: current }) => {
    const refusal = remembered[profileId];
    return refusal?.fingerprint === current ? [{ profileId, ...refusal }] : [];
  });
}

function fingerprint(snapshot: TokenSnapshot): string {
  const text = JSON.stringify([snapshot.access ?? null, snapshot.refresh, snapshot.expires]);
  return sha256Hex(text).slice(0, 16);
}

/**
 * Refreshes, one at a time and each under the gateway's refresh lock as `refresh` does, every
 * sign-in whose access token expires within the window. Decided on the state as read; a profile
 * whose tokens changed by the time the lock is held was refreshed by the gateway and is left
 * alone. Never throws for one profile: each gets its result.
 */
export async function keepSignInsAlive(
  state: Pick<AgentState, 'workspace' | 'store' | 'layers' | 'own' | 'base'>,
  input: KeepAliveInput,
): Promise<KeepAliveReport> {
  const now = input.now ?? Date.now;
  const results: KeepAliveResult[] = [];
  const refused: Record<string, RefusedSignIn> = {};
  let next: KeepAliveReport['next'];
  for (const candidate of candidates(state)) {
    const { profileId, snapshot } = candidate;
    const known = input.refused?.[profileId];
    if (known?.fingerprint === candidate.fingerprint) refused[profileId] = known;
    if (snapshot.expires - now() > input.withinMs) {
      if (!known && next === undefined) next = { profileId, expiresAt: snapshot.expires };
      continue;
    }
    const base = { profileId, expiresAt: snapshot.expires, fingerprint: candidate.fingerprint };
    if (known?.fingerprint === candidate.fingerprint) {
      results.push({ ...base, status: 'still-refused', code: known.code, signIn: known.signIn });
      continue;
    }
    if (candidate.fence === 'refreshing') {
      results.push({ ...base, status: 'fenced', reason: 'the gateway is refreshing it right now' });
      continue;
    }
    const result =
      candidate.fence === 'failed'
        ? // OpenClaw leaves a failed refresh terminal: the spent refresh token is not restored.
          { ...base, status: 'refused' as const, code: GATEWAY_REFRESH_FAILED, signIn: signInAgain(state, candidate) }
        : await refreshOne(state, candidate, input);
    if (result.status === 'refused')
      refused[profileId] = {
        fingerprint: candidate.fingerprint,
        code: result.code ?? '',
        signIn: result.signIn ?? '',
        at: new Date(now()).toISOString(),
      };
    results.push(result);
  }
  return { results, refused, ...(next ? { next } : {}) };
}

/** The code recorded for a sign-in whose refresh the gateway itself saw refused. */
export const GATEWAY_REFRESH_FAILED = 'gateway_refresh_failed';

function signInAgain(state: Pick<AgentState, 'workspace'>, candidate: Candidate): string {
  return signInAgainCommand(state.workspace, candidate.provider, candidate.profileId);
}

async function refreshOne(
  state: Pick<AgentState, 'workspace' | 'store'>,
  candidate: Candidate,
  input: KeepAliveInput,
): Promise<KeepAliveResult> {
  const base = {
    profileId: candidate.profileId,
    expiresAt: candidate.snapshot.expires,
    fingerprint: candidate.fingerprint,
  };
  try {
    const outcome = await refreshOAuthProfile(state.workspace, candidate.profileId, {
      env: input.env,
      force: true,
      decidedOn: candidate.snapshot,
      store: state.store,
      lockWaitMs: input.lockWaitMs ?? KEEP_ALIVE_LOCK_WAIT_MS,
      ...(input.now ? { now: input.now } : {}),
      ...(input.fetch ? { fetch: input.fetch } : {}),
    });
    const status = outcome.status === 'refreshed' ? 'refreshed' : 'refreshed-meanwhile';
    return { ...base, status, expiresAt: outcome.expiresAt };
  } catch (error) {
    if (error instanceof RefreshRefusedError)
      return { ...base, status: 'refused', code: error.code, signIn: error.signIn };
    if (error instanceof RefreshLockBusyError)
      return { ...base, status: 'busy', reason: `${error.who} holds its refresh lock (${error.holder}); left to it` };
    if (error instanceof GatewayRefreshingError)
      return { ...base, status: 'fenced', reason: 'the gateway is refreshing it right now' };
    // The line names the profile already.
    const message = errorMessage(error);
    const named = `${candidate.profileId}: `;
    const reason = message.startsWith(named) ? message.slice(named.length) : message;
    return { ...base, status: 'failed', reason };
  }
}

/** One line about a result, for the terminal, the log and a notification. */
export function describeKeepAlive(result: KeepAliveResult, nowMs: number): string {
  const id = shown(result.profileId, 200);
  const access = `access ${describeExpiry(result.expiresAt, nowMs)}`;
  switch (result.status) {
    case 'refreshed':
      return `refreshed ${id}: ${access}`;
    case 'refreshed-meanwhile':
      return `${id} was refreshed by the gateway meanwhile (${access}); left alone`;
    case 'fenced':
      // A fenced profile's stored expiry is OpenClaw's placeholder (1), not the token's.
      return `${id} not refreshed: ${shown(result.reason ?? '', 300)}`;
    case 'busy':
    case 'failed':
      return `${id} not refreshed (${access}): ${shown(result.reason ?? '', 300)}`;
    case 'refused':
      if (result.code === GATEWAY_REFRESH_FAILED)
        return `${id}: the gateway's last refresh of it failed, which leaves no usable token; sign in again: ${result.signIn}`;
      return `${id}: the provider refused its refresh token (${shown(result.code ?? '', 60)}), ${access}; sign in again: ${result.signIn}`;
    case 'still-refused':
      return `${id}: its refresh token was refused (${shown(result.code ?? '', 60)}) and is not sent again until the sign-in changes; sign in again: ${result.signIn}`;
  }
}
