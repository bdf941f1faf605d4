import { parseDuration } from '../services/durations.js';
import { readPreferences } from '../services/prefs.js';
import { buildStatusReport } from '../services/status-report.js';
import { requireProvider, type CommandContext } from './context.js';
import { writeJson } from './output.js';
import { formatStatusReport } from './format-status.js';
import { OPTIONS, flagValue, stringValue, type CommandSpec } from './spec.js';

export interface StatusOptions {
  json?: boolean;
  check?: boolean;
  /** With --check: every token and OAuth profile counts, not only what the gateway would try. */
  all?: boolean;
  within?: string;
  provider?: string;
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
  if (options.json) writeJson(ctx.io.stdout, report);
  else ctx.io.stdout.write(formatStatusReport(report, ctx.paint, nowMs));
  if (!options.check) return 0;
  if (report.check.exitCode !== 0 && !options.json) {
    for (const reason of report.check.reasons) ctx.note(`check: ${reason.message}`);
  }
  return report.check.exitCode;
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
  ],
  run: (ctx, { values }) =>
    runStatus(ctx, {
      json: flagValue(values, 'json'),
      check: flagValue(values, 'check'),
      all: flagValue(values, 'all'),
      within: stringValue(values, 'within'),
      provider: stringValue(values, 'provider'),
    }),
};
