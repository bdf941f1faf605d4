import { chmod, unlink } from 'node:fs/promises';
import type { Workspace } from '../config/workspace.js';
import { errorMessage, UnreadableStateError } from '../errors.js';
import { buildExplanation } from '../explain/explain.js';
import { acquireFileLock, withFileLock } from '../files/lock.js';
import { withWorkspaceFlags } from '../invocation.js';
import { refusedSignIns } from '../monitor/refused-sign-ins.js';
import { type AgentState, loadAgentState } from '../profiles/agent-state.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { buildStatusReport } from '../status/report.js';
import { describeStore } from '../status/words.js';
import { openAgentStore, openAgentStoreForWrite } from '../store/agent-store.js';
import { shown } from '../terminal-text.js';
import { checkConfigAgreement } from './check-config.js';
import { checkEnvShadowing } from './check-env.js';
import {
  checkClaude,
  checkDaemonEnvSize,
  checkGeneration,
  checkLocks,
  checkPermissions,
  checkTempFiles,
  credentialFiles,
} from './check-files.js';
import { checkInstalledOpenclaw } from './check-installed.js';
import { checkPlugins } from './check-plugins.js';
import { checkCredentials, checkEntries, checkFlatStore, checkOrders } from './check-store.js';
import { type Finding, type SafeFix, SEVERITY_RANK } from './doctor-types.js';

export interface DoctorReport {
  findings: Finding[];
  /** The agent's state could not be read: the file checks ran, the store checks could not. */
  unreadable?: string;
}

export interface DoctorOptions {
  nowMs: number;
  warnWithinMs: number;
}

/** Every check, worst first. Reads only: fixes are `applySafeFixes`. */
export async function runDoctor(workspace: Workspace, options: DoctorOptions): Promise<DoctorReport> {
  let state: AgentState | undefined;
  // An openclaw.json that does not parse: the store's checks need it, the file checks do not.
  let unreadable = workspace.configUnreadable?.message;
  try {
    if (!unreadable) state = await loadAgentState(workspace);
  } catch (error) {
    if (!(error instanceof UnreadableStateError)) throw error;
    unreadable = error.message;
  }
  // Where the stores are does not need them to parse: an unreadable one still gets its file checks.
  const layers =
    state?.layers ??
    (await openAgentStore(workspace).then(
      (store) => store.layers,
      () => undefined,
    ));
  const files = credentialFiles(
    workspace,
    [layers?.own, layers?.base].filter((layer) => layer !== undefined),
  );
  const findings: Finding[] = [
    ...(await checkPermissions(workspace, files)),
    ...(await checkLocks(files, options.nowMs)),
    ...checkDaemonEnvSize(workspace),
    ...checkClaude(workspace.env.PATH),
  ];
  if (unreadable) {
    const subject = workspace.configUnreadable ? workspace.configPath : workspace.stateDir;
    findings.push({
      code: 'unreadable',
      severity: 'error',
      subject,
      // The finding is shown as "subject: problem": the path is not said twice.
      problem: unreadable.startsWith(`${subject}: `) ? unreadable.slice(subject.length + 2) : unreadable,
      why: 'the gateway cannot read it either (or reads it differently); authdeck never overwrites such a file',
      fix: 'fix the file by hand, or move it aside and add the credentials again',
    });
  }
  if (state) {
    const report = buildStatusReport(state, { nowMs: options.nowMs, warnWithinMs: options.warnWithinMs });
    findings.push(
      ...checkTempFiles(state),
      ...checkGeneration(state, describeStore(report.store)),
      ...checkInstalledOpenclaw(state),
      ...checkFlatStore(state),
      ...checkEntries(state),
      ...checkConfigAgreement(state),
      ...checkOrders(state, report),
      ...checkCredentials(report, state, await buildExplanation(state, options).catch(() => undefined)),
      ...checkEnvShadowing(state, report),
      ...(await checkPlugins(state, report)),
      ...(await refusedSignIns(state)).map(
        (refused): Finding => ({
          code: 'refresh-refused',
          severity: 'error',
          subject: refused.profileId,
          problem: `the provider refused its refresh token (${shown(refused.code, 60)}) on ${refused.at.slice(0, 10)}`,
          why: 'the gateway cannot renew the sign-in: it stops working when its access token expires',
          fix: refused.signIn,
        }),
      ),
    );
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return {
    findings: findings.map((finding) => forThisWorkspace(finding, workspace)),
    ...(unreadable ? { unreadable } : {}),
  };
}

/** A fix's `authdeck …` commands act where doctor looked (withWorkspaceFlags). */
function forThisWorkspace(finding: Finding, workspace: Workspace): Finding {
  return finding.fix ? { ...finding, fix: withWorkspaceFlags(finding.fix, workspace) } : finding;
}

/** 0 clean (info only), 1 something to fix, 3 unreadable (README "Exit codes"). */
export function doctorExitCode(report: DoctorReport): number {
  if (report.unreadable) return 3;
  return report.findings.some((finding) => finding.severity !== 'info') ? 1 : 0;
}

export interface AppliedFix {
  finding: Finding;
  done: string;
  /** It could not be done (a read-only file system, a file gone): `done` says what and why. */
  failed?: true;
}

/**
 * Applies the fixes that lose nothing, each under the lock of the file it touches. One that
 * fails is said and the others still run: the findings after them are reported as they are.
 */
export async function applySafeFixes(workspace: Workspace, findings: Finding[]): Promise<AppliedFix[]> {
  const applied: AppliedFix[] = [];
  for (const finding of findings) {
    if (!finding.safeFix) continue;
    try {
      applied.push({ finding, done: await applyFix(workspace, finding.safeFix) });
    } catch (error) {
      applied.push({ finding, done: `could not ${attempted(finding.safeFix)}: ${errorMessage(error)}`, failed: true });
    }
  }
  return applied;
}

function attempted(fix: SafeFix): string {
  switch (fix.kind) {
    case 'chmod':
      return `chmod ${fix.mode.toString(8)} ${fix.path}`;
    case 'stale-lock':
      return `remove the stale lock of ${fix.lockedFile}`;
    case 'temp-file':
      return `remove ${fix.path}`;
    case 'dangling-order':
      return `rewrite the ${fix.provider} order`;
    case 'refresh-oauth':
      return `refresh ${fix.profileId}`;
    case 'enable-plugin':
      return `enable the ${fix.pluginId} plugin`;
    case 'unread-order':
      return 'put the unread order in force';
  }
}

async function applyFix(workspace: Workspace, fix: SafeFix): Promise<string> {
  switch (fix.kind) {
    case 'chmod':
      await chmod(fix.path, fix.mode);
      return `chmod ${fix.mode.toString(8)} ${fix.path}`;
    case 'stale-lock': {
      // Taking the lock is how the protocol removes a stale one; releasing it leaves none.
      const release = await acquireFileLock(fix.lockedFile, { waitMs: 2_000 });
      await release();
      return `took over and removed the stale lock of ${fix.lockedFile}`;
    }
    case 'temp-file':
      await withFileLock(fix.lockedFile, () => unlink(fix.path).catch(() => undefined));
      return `removed ${fix.path}`;
    case 'dangling-order': {
      const { layers } = await openAgentStoreForWrite(workspace);
      const layer = fix.layer === 'own' ? layers.own : layers.base;
      if (!layer) return 'nothing: the layer is gone';
      // Every key that names the provider (`Anthropic`, an alias): the gateway reads them as one.
      const same = resolveAuthProvider(fix.provider);
      await layer.update((tx) =>
        tx.replaceOrder(
          fix.provider,
          fix.keep.length > 0 ? fix.keep : undefined,
          (key) => resolveAuthProvider(key) === same,
        ),
      );
      return fix.keep.length > 0
        ? `${fix.provider} order is now ${fix.keep.join(', ')}`
        : `cleared the ${fix.provider} order (it named only missing profiles)`;
    }
    case 'unread-order': {
      const { layers } = await openAgentStoreForWrite(workspace);
      const layer = fix.layer === 'own' ? layers.own : layers.base;
      if (!layer) return 'nothing: the layer is gone';
      const orders = Object.entries(fix.orders);
      const written = await layer.update((tx) => {
        // Set as read, each key its own (the unread row kept them apart already).
        for (const [provider, ids] of orders) tx.replaceOrder(provider, ids, (key) => key === provider);
      });
      return written.changed
        ? `put the ${orders.map(([provider]) => provider).join(', ')} order in ${layer.path} in force`
        : `nothing: the order in ${layer.path} was already read or is gone`;
    }
    case 'refresh-oauth': {
      const { refreshOAuthProfile } = await import('../oauth/refresh.js');
      try {
        const outcome = await refreshOAuthProfile(workspace, fix.profileId, { env: workspace.env, force: true });
        return outcome.status === 'refreshed'
          ? `refreshed ${fix.profileId}`
          : `${fix.profileId} was refreshed by the gateway meanwhile`;
      } catch (error) {
        // A refused refresh is news, not a crash: the finding stays and says to sign in again.
        return `could not refresh ${fix.profileId}: ${errorMessage(error)}`;
      }
    }
    case 'enable-plugin': {
      const { changeConfig, rewrittenNote } = await import('../config/config-changes.js');
      const written = await changeConfig(workspace.configPath, () => [
        { path: ['plugins', 'entries', fix.pluginId, 'enabled'], value: true },
      ]);
      return `enabled the ${fix.pluginId} plugin in ${workspace.configPath}${rewrittenNote(written)}`;
    }
  }
}
