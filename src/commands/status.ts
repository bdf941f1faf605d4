import { parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { withWorkspaceFlags } from '../services/invocation.js';
import { refusedForReport } from '../services/monitor/refused-sign-ins.js';
import { readPreferences } from '../services/prefs.js';
import type { ProbeOutcome } from '../services/probe/probe-runner.js';
import type { AgentState } from '../services/profiles/agent-state.js';
import { reportProgress } from '../services/progress.js';
import { pluginCheckFindings, pluginWarning, reportPluginProblems } from '../services/providers/plugin-state.js';
import { unknownProviders, unknownProviderWarning, unknownUnserved } from '../services/providers/unknown-providers.js';
import { buildStatusReport, type StatusReport } from '../services/status/report.js';
import { markUnserved, unservedBy } from '../services/status/unserved.js';
import { countOf } from '../services/status/words.js';
import { startProblems } from '../services/store/report.js';
import { forTerminal, shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { formatProbes, formatStatusReport } from './format-status.js';
import { writeJson, writeWrappedBlock } from './output.js';
import { knownProvider, providersHere } from './provider-arg.js';
import { command, duration, flag, type OptionValues, provider, text, wholeNumber } from './spec.js';

const STATUS_OPTIONS = {
  json: flag('json', 'print one JSON object (schema in the README)'),
  check: flag('check', 'exit as OpenClaw `models status --check`: 1 a provider in use fails, 2 expiring, else 0'),
  all: flag('all', 'with --check: every token and OAuth profile counts, used or not'),
  within: duration('within', 'warn window for "expiring" (default 24h, or `prefs set warnWithin`)'),
  provider: provider(),
  probe: flag('probe', 'also check API keys live (free, read-only model-list calls)'),
  // A bare number is milliseconds, as OpenClaw's own `models status --probe-timeout <ms>` reads it.
  probeTimeout: duration('probe-timeout', 'per request (default 8s; a bare number is ms)', 'ms'),
  probeConcurrency: wholeNumber('probe-concurrency', { min: 1, max: 32 }, 'requests at once (default 4)'),
  probeProvider: provider("probe only this provider's keys", 'probe-provider'),
  probeProfile: text('probe-profile', 'ids', 'probe only these profiles (comma-separated; env:VAR for env keys)'),
};

const PROBE_TIMEOUT_MAX_MS = 10 * 60_000;

export type StatusOptions = Partial<OptionValues<typeof STATUS_OPTIONS>>;

/** `authdeck status`: exit 0, or with --check 0/1/2 (README "Exit codes"); unreadable state throws (3). */
export async function runStatus(ctx: CommandContext, options: StatusOptions): Promise<number> {
  const warnWithinMs = options.within ?? parseDuration(readPreferences(ctx.io.env).warnWithin);
  const state = await ctx.agentState({ waitForLock: true });
  // A typo would show an empty provider "in use, missing" and advise a command that is refused.
  const provider =
    options.provider === undefined
      ? undefined
      : knownProvider(options.provider, { custom: false, known: providersHere(state), flag: '--provider' });
  const nowMs = ctx.io.now();
  // A sign-in whose refresh token its provider refused (found by `monitor run`) is not one the
  // gateway renews: its row counts down to expired, and a warning says how to sign in again.
  const refused = await refusedForReport(state);
  const report = buildStatusReport(state, {
    nowMs,
    warnWithinMs,
    checkMode: options.all ? 'all' : 'gateway',
    ...(provider ? { provider } : {}),
    refused: refused.ids,
  });
  // The gateway loads a provider only through its plugin (2026.8+): one off or missing is said here too.
  const plugins = await reportPluginProblems(state, report);
  for (const found of plugins) report.warnings.push(pluginWarning(found));
  // A provider the gateway knows nothing of: its profiles are never used (none is "next").
  const unknown = unknownProviders(state, report);
  Object.assign(report, markUnserved(report, { ...unservedBy(plugins), ...unknownUnserved(unknown, 'notTried') }));
  for (const found of unknown) report.warnings.push(unknownProviderWarning(found));
  report.warnings.push(...refused.warnings);
  // A config OpenClaw refuses stops the gateway whatever the credentials (its own check exits 1).
  const failing = [
    ...startProblems(state).map((message) => ({ exitCode: 1 as const, provider: '', profileId: null, message })),
    ...pluginCheckFindings(plugins),
  ];
  if (failing.length > 0)
    report.check = { ...report.check, exitCode: 1, reasons: [...failing, ...report.check.reasons] };
  // A probe option says a probe is wanted; ignoring it would answer a question not asked.
  const probing =
    options.probe ||
    [options.probeTimeout, options.probeConcurrency, options.probeProvider, options.probeProfile].some(
      (given) => given !== undefined,
    );
  if (probing) report.probes = await probeReport(ctx, state, report, options);
  if (options.json) writeJson(ctx.io.stdout, report);
  // Ids, labels and messages come from files other programs write too: shown safely.
  const shownReport = forTerminal(report);
  if (!options.json) {
    // Its hints' commands act where this one looked (`--agent coder`, `--state-dir …`).
    const text = withWorkspaceFlags(formatStatusReport(shownReport, ctx.paint, nowMs), state.workspace);
    writeWrappedBlock(ctx.io.stdout, text);
    if (shownReport.probes) writeWrappedBlock(ctx.io.stdout, formatProbes(shownReport.probes, ctx.paint));
  }
  if (!options.check) return 0;
  if (report.check.exitCode !== 0 && !options.json) {
    for (const reason of shownReport.check.reasons)
      ctx.note(`check: ${withWorkspaceFlags(reason.message, state.workspace)}`);
  }
  return report.check.exitCode;
}

async function probeReport(
  ctx: CommandContext,
  state: AgentState,
  report: StatusReport,
  options: StatusOptions,
): Promise<ProbeOutcome[]> {
  const { probeTimeout: timeoutMs, probeConcurrency: concurrency } = options;
  // A timer holds at most ~24.8 days; a request waited on longer than a few minutes is a mistake anyway.
  if (timeoutMs !== undefined && timeoutMs > PROBE_TIMEOUT_MAX_MS)
    throw new UsageError('--probe-timeout: at most 10m (a probe is one model-list request)');
  if (timeoutMs !== undefined && timeoutMs < 1) throw new UsageError('--probe-timeout: at least 1ms');
  // A typo would probe nothing and say "nothing to probe", as if all were well.
  const provider =
    options.probeProvider === undefined
      ? undefined
      : knownProvider(options.probeProvider, { custom: false, known: providersHere(state), flag: '--probe-provider' });
  const [{ probeTargets }, { runProbes, sendsRequest }] = await Promise.all([
    import('../services/probe/probe-targets.js'),
    import('../services/probe/probe-runner.js'),
  ]);
  const wanted = options.probeProfile
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (wanted) {
    // A mistyped id probed nothing and said nothing: it is named instead.
    const known = new Set(probeTargets(state, report).map((target) => target.id));
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new UsageError(
        `--probe-profile: ${missing.map((id) => shown(id)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a profile of this agent (nor env:VAR of a key it sees); \`authdeck status\` lists them`,
      );
  }
  const targets = probeTargets(state, report, {
    ...(provider ? { provider } : {}),
    ...(wanted ? { profiles: wanted } : {}),
  });
  // Up to the timeout each (8 s): silence at a terminal looks like a hang.
  const asked = targets.filter((target) => sendsRequest(target, ctx.io.env)).length;
  if (asked > 0) reportProgress(`checking ${countOf(asked, 'key')} live (free, read-only; Ctrl+C stops it)…`);
  return runProbes(targets, {
    env: ctx.io.env,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
}

export const statusCommand = command({
  name: 'status',
  description: 'show every profile of the agent: health, expiry, order, source',
  examples: [
    'authdeck status',
    'authdeck status --check --within 48h   # for cron: 0 ok, 1 failing, 2 expiring',
    'authdeck status --json --provider anthropic',
  ],
  options: STATUS_OPTIONS,
  run: (ctx, options) => runStatus(ctx, options),
});
