import { AuthdeckError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { withWorkspaceFlags } from '../invocation.js';
import { describeKeepAlive, type KeepAliveResult, keepAliveWindow, keepSignInsAlive } from '../oauth/keep-alive.js';
import type { AgentState } from '../profiles/agent-state.js';
import { buildStatusReport } from '../status/report.js';
import type { CheckOutcome } from './monitor-notify.js';
import { type RememberedRefusal, readRefused } from './refused-sign-ins.js';

/** A notification line is cut at 300 characters; the command to sign in again must arrive whole. */
const ALERT_LINE_MAX = 280;

export interface MonitorCheckInput {
  /** The agent's state, read afresh (after the keep-alive wrote, the check reads what it wrote). */
  loadState: () => Promise<AgentState>;
  env: NodeJS.ProcessEnv;
  everyMs: number;
  withinMs: number;
  /** Where refusals are remembered between runs (`monitorLocation().refusedPath`). */
  refusedPath: string;
  now: () => number;
  /** Something was refreshed: the running gateway may be told. */
  onRefreshed?: (state: AgentState) => Promise<void>;
  fetch?: typeof fetch;
}

/**
 * What `monitor run` checks: first the keep-alive (sign-ins an idle gateway would let lapse are
 * refreshed ahead of expiry), then `status --check` on what that left. A refresh token the
 * provider refuses is one alert, with the command that signs in again; once that alert got out
 * the sign-in is neither tried nor reported again until its tokens change.
 */
export async function monitorCheck(input: MonitorCheckInput): Promise<CheckOutcome> {
  const before = await input.loadState();
  const known = await readRefused(input.refusedPath);
  const kept = await keepSignInsAlive(before, {
    env: input.env,
    withinMs: keepAliveWindow(input.everyMs),
    now: input.now,
    refused: known,
    ...(input.fetch ? { fetch: input.fetch } : {}),
  });
  const refreshed = kept.results.some((result) => result.status === 'refreshed');
  const state = refreshed ? await input.loadState() : before;
  if (refreshed) await input.onRefreshed?.(state);

  const nowMs = input.now();
  // New refusals, and earlier ones whose alert did not get out.
  const alerting = kept.results.filter((result) => {
    const refusal = kept.refused[result.profileId];
    return refusal !== undefined && (result.status === 'refused' || !known[result.profileId]?.alerted);
  });
  const alerts = alerting.flatMap((result) => alertLines({ ...result, status: 'refused' }, nowMs));
  const notes = kept.results.filter((r) => !alerting.includes(r)).map((r) => describeKeepAlive(r, nowMs));
  const silenced = new Set(Object.keys(kept.refused));
  const report = buildStatusReport(state, { nowMs, warnWithinMs: input.withinMs });
  // What the gateway renews itself is no news, and a refused sign-in has its one alert.
  const reasons = report.check.reasons.filter(
    (reason) => !reason.renewsItself && !(reason.profileId !== null && silenced.has(reason.profileId)),
  );
  const exitCode =
    alerts.length > 0 || reasons.some((reason) => reason.exitCode === 1) ? 1 : reasons.length > 0 ? 2 : 0;
  const afterNotify = async (notified: boolean) => {
    const alerted = new Set(alerting.map((result) => result.profileId));
    const remembered: Record<string, RememberedRefusal> = {};
    for (const [id, refusal] of Object.entries(kept.refused)) {
      const { fingerprint, code, signIn, at } = refusal;
      remembered[id] = { fingerprint, code, signIn, at, alerted: alerted.has(id) ? notified : !!known[id]?.alerted };
    }
    if (JSON.stringify(remembered) === JSON.stringify(known)) return;
    try {
      await writeFileAtomic(input.refusedPath, `${JSON.stringify({ refused: remembered }, null, 2)}\n`);
    } catch (error) {
      // Not remembering means one more alert next run, never a lost one.
      throw new AuthdeckError(`could not record the refused sign-ins: ${errorMessage(error)}`);
    }
  };
  // Read away from a terminal (a phone, a mail): the alert says where the fix of each is.
  const next =
    reasons.length > 0 || alerts.length > 0
      ? withWorkspaceFlags('what to do: `authdeck doctor` names the fix for each', state.workspace)
      : undefined;
  return {
    exitCode,
    reasons: [...alerts, ...reasons.map((reason) => reason.message)],
    ...(next ? { next } : {}),
    notes,
    afterNotify,
  };
}

function alertLines(result: KeepAliveResult, nowMs: number): string[] {
  const line = describeKeepAlive(result, nowMs);
  if (line.length <= ALERT_LINE_MAX || !result.signIn) return [line];
  return [line.slice(0, line.length - result.signIn.length).trimEnd(), result.signIn];
}
