import type { Workspace } from '../config/workspace.js';
import { errorMessage } from '../errors.js';
import { callGateway, GatewayCallError } from './gateway-rpc.js';
import { type GatewayTarget, resolveGatewayTarget } from './gateway-target.js';

export const RESTART_ADVICE = 'run `openclaw gateway restart` to apply it';

/** What became of asking the gateway to reload its auth after a write. */
export type GatewayReload =
  | { status: 'reloaded'; url: string }
  /** Nothing listens: a gateway reads the store when it starts, so nothing is stale. */
  | { status: 'not-running'; url: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; url?: string; reason: string };

export interface ReloadOptions {
  timeoutMs?: number;
}

/**
 * The gateway caches auth snapshots and does not watch the SQLite store: after a write, ask it
 * to reload (`models.authRefresh`, as OpenClaw's own CLI does after every auth write; an older
 * gateway gets `models.authStatus {refresh:true}`). Whether to ask at all is the action layer's
 * rule (services/actions.ts).
 */
export async function reloadGatewayAuth(workspace: Workspace, options: ReloadOptions = {}): Promise<GatewayReload> {
  const timeoutMs = options.timeoutMs ?? 4_000;
  let target: GatewayTarget;
  try {
    target = await resolveGatewayTarget(workspace);
  } catch (error) {
    return { status: 'failed', reason: errorMessage(error) };
  }
  if (target.kind === 'remote') return { status: 'skipped', reason: target.reason };
  if (target.kind === 'unresolved') return { status: 'failed', url: target.url, reason: target.reason };
  const params = { operation: 'update', ...(workspace.isMain ? {} : { agentId: workspace.agentId }) };
  try {
    await callGateway(target, 'models.authRefresh', params, timeoutMs);
    return { status: 'reloaded', url: target.url };
  } catch (error) {
    if (error instanceof GatewayCallError && error.kind === 'unreachable')
      return { status: 'not-running', url: target.url };
    if (error instanceof GatewayCallError && error.kind === 'unknown-method') {
      // Gateways before 2026.9 refresh on a status call; it finishes on their side even when
      // it outlasts our wait.
      try {
        await callGateway(target, 'models.authStatus', { refresh: true }, timeoutMs);
      } catch {
        // Ignored, as OpenClaw's own CLI ignores it.
      }
      return { status: 'reloaded', url: target.url };
    }
    return { status: 'failed', url: target.url, reason: errorMessage(error) };
  }
}

/** One line for a person: what the gateway did with the change; `warning` when they must act. */
export interface GatewayNote {
  line: string;
  warning: boolean;
}

export function describeReload(reload: GatewayReload): GatewayNote | undefined {
  switch (reload.status) {
    case 'reloaded':
      return { line: `the running gateway reloaded its auth (${reload.url})`, warning: false };
    case 'not-running':
      return { line: `no gateway is running at ${reload.url}; it reads the store when it starts`, warning: false };
    case 'skipped':
      return undefined;
    case 'failed':
      return {
        line: `saved, but the running gateway could not be told (${reload.reason}); ${RESTART_ADVICE}`,
        warning: true,
      };
  }
}
