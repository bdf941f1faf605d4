import { parseDuration } from '../services/durations.js';
import { readPreferences } from '../services/prefs.js';
import type { AgentState } from '../services/agent-state.js';
import { UsageError } from '../services/errors.js';
import type { ProbeOutcome } from '../services/probe/probe-runner.js';
import { buildStatusReport, type StatusReport } from '../services/status-report.js';
import { forTerminal, guardTerminal } from '../services/terminal-text.js';
import { requireProvider, type CommandContext } from './context.js';
import { writeJson } from './output.js';
import { formatProbes, formatStatusReport } from './format-status.js';
import { OPTIONS, flagValue, stringValue, type CommandSpec } from './spec.js';

export interface StatusOptions {
  json?: boolean;
  check?: boolean;
  /** With --check: every token and OAuth profile counts, not only what the gateway would try. */
  all?: boolean;
  within?: string;
  provider?: string;
  probe?: boolean;
  probeTimeout?: string;
  probeConcurrency?: string;
  probeProvider?: string;
  probeProfile?: string;
}

/** `authdeck status`: exit 0, or with --check 0/1/2 (SPEC §4); unreadable state throws (3). */
export async function runStatus(ctx: CommandContext, options: StatusOptions): Promise<number> {
  const warnWithinMs = parseDuration(options.within ?? readPreferences(ctx.io.env).warnWithin, '--within');
  const provider = options.provider !== undefined ? requireProvider(options.provider) : undefined;
  const state = await ctx.agentState({ waitForLock: true });
  const nowMs = ctx.io.now();
  const report = buildStatusReport(state, {
    nowMs,
    warnWithinMs,
    checkMode: options.all ? 'all' : 'gateway',
    ...(provider ? { provider } : {}),
  });
  if (options.probe) report.probes = await probeReport(ctx, state, report, options);
  if (options.json) writeJson(ctx.io.stdout, report);
  // Ids, labels and messages come from files other programs write too: shown safely.
  const shownReport = forTerminal(report);
  if (!options.json) {
    ctx.io.stdout.write(guardTerminal(formatStatusReport(shownReport, ctx.paint, nowMs)));
    if (shownReport.probes) ctx.io.stdout.write(guardTerminal(formatProbes(shownReport.probes, ctx.paint)));
  }
  if (!options.check) return 0;
  if (report.check.exitCode !== 0 && !options.json) {
    for (const reason of shownReport.check.reasons) ctx.note(`check: ${reason.message}`);
  }
  return report.check.exitCode;
}

async function probeReport(
  ctx: CommandContext,
  state: AgentState,
  report: StatusReport,
  options: StatusOptions,
): Promise<ProbeOutcome[]> {
  const timeoutMs =
    options.probeTimeout !== undefined ? parseDuration(options.probeTimeout, '--probe-timeout') : undefined;
  const concurrency = options.probeConcurrency !== undefined ? Number(options.probeConcurrency) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32))
    throw new UsageError('--probe-concurrency takes a whole number from 1 to 32');
  const [{ probeTargets }, { runProbes }] = await Promise.all([
    import('../services/probe/probe-targets.js'),
    import('../services/probe/probe-runner.js'),
  ]);
  const targets = probeTargets(state, report, {
    ...(options.probeProvider ? { provider: requireProvider(options.probeProvider, '--probe-provider') } : {}),
    ...(options.probeProfile ? { profiles: options.probeProfile.split(',').map((id) => id.trim()) } : {}),
  });
  return runProbes(targets, {
    env: ctx.io.env,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
}

export const statusCommand: CommandSpec = {
  name: 'status',
  description: 'show every profile of the agent: health, expiry, order, source',
  options: [
    { name: 'json', description: 'print one JSON object (schema in the README)' },
    {
      name: 'check',
      description: 'exit as OpenClaw `models status --check`: 1 a provider in use fails, 2 expiring, else 0',
    },
    { name: 'all', description: 'with --check: every token and OAuth profile counts, used or not' },
    {
      name: 'within',
      value: 'duration',
      description: 'warn window for "expiring" (default 24h, or `prefs set warnWithin`)',
    },
    OPTIONS.provider(false),
    { name: 'probe', description: 'also check API keys live (free, read-only model-list calls)' },
    { name: 'probe-timeout', value: 'duration', description: 'per request (default 8s)' },
    { name: 'probe-concurrency', value: 'n', description: 'requests at once (default 4)' },
    { name: 'probe-provider', value: 'id', description: "probe only this provider's keys" },
    {
      name: 'probe-profile',
      value: 'ids',
      description: 'probe only these profiles (comma-separated; env:VAR for env keys)',
    },
  ],
  run: (ctx, { values }) =>
    runStatus(ctx, {
      json: flagValue(values, 'json'),
      check: flagValue(values, 'check'),
      all: flagValue(values, 'all'),
      within: stringValue(values, 'within'),
      provider: stringValue(values, 'provider'),
      probe: flagValue(values, 'probe'),
      probeTimeout: stringValue(values, 'probe-timeout'),
      probeConcurrency: stringValue(values, 'probe-concurrency'),
      probeProvider: stringValue(values, 'probe-provider'),
      probeProfile: stringValue(values, 'probe-profile'),
    }),
};
