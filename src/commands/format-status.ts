import { textColumns } from '../components/text-layout.js';
import { describeExpiry, formatWindow } from '../services/durations.js';
import type { ProbeOutcome } from '../services/probe/probe-runner.js';
import { providerName } from '../services/providers.js';
import { flagWord } from '../services/shell-word.js';
import { STATUS_COLOR } from '../services/status/health.js';
import {
  compareByOrderPosition,
  type ProfileReport,
  type ProviderReport,
  type StatusReport,
} from '../services/status/report.js';
import {
  configKeyWords,
  describeStore,
  renewsSoon,
  summaryParts,
  unsetKeyWords,
  waitingWords,
} from '../services/status/words.js';
import { shown } from '../services/terminal-text.js';
import type { Painter } from './output.js';

/** The human `status` view: one block per provider, aligned columns, a summary line. */
export function formatStatusReport(report: StatusReport, paint: Painter, nowMs: number): string {
  const lines: string[] = [];
  const below = report.store.layers[1];
  const agent = `${report.agent.id}${below?.role === 'inherited' ? ' (sees main agent profiles too)' : ''}`;
  // With a shared store the agent's own database holds only its overrides, and may not exist yet.
  const own = report.store.layers[0];
  const ownNote = below?.role === 'shared' && own && !own.exists ? ' (its local overrides; none yet)' : '';
  lines.push(`${paint.bold('Agent')} ${agent}  ${paint.dim(`${report.storePath}${ownNote}`)}`);
  if (below?.role === 'shared') lines.push(paint.dim(`Shared store ${below.path}`));
  lines.push(
    paint.dim(
      `Store ${describeStore(report.store)} · warn window ${formatWindow(report.warnWithinMs)} · config ${report.configPath}`,
    ),
  );
  for (const warning of report.warnings) lines.push(paint.yellow(`! ${warning}`));
  if (report.providers.length === 0) {
    lines.push(
      '',
      'No credentials yet. Add one with `authdeck onboard`, `authdeck add-key --provider P` or `authdeck setup-token`.',
    );
    return `${lines.join('\n')}\n`;
  }
  // Counted in terminal columns: an id in CJK takes two a character, a combining mark none.
  const idWidth = Math.max(
    ...report.profiles.map((p) => textColumns(p.id)),
    ...report.env.map((e) => e.variable.length + 4),
    10,
  );
  for (const provider of report.providers) {
    lines.push('', providerHeading(provider, paint));
    const profiles = report.profiles
      .filter((profile) => profile.provider === provider.provider)
      .sort(compareByOrderPosition);
    for (const profile of profiles)
      lines.push(profileLine(profile, idWidth, paint, nowMs, below?.role === 'shared', report.warnWithinMs));
    for (const env of report.env.filter((entry) => entry.provider === provider.provider)) {
      const where = env.origin === 'process' ? 'environment' : 'daemon .env';
      const role = provider.effectiveSource === 'env' ? 'in use: no profile works' : 'fallback after profiles';
      lines.push(
        `  ${' '.padEnd(3)}${`env ${env.variable}`.padEnd(idWidth)}  ${env.type.padEnd(7)}  ${env.masked.padEnd(13)}  ${paint.dim(`${where}, ${role}`)}`,
      );
    }
    // A key written in the config serves with no profile: said, so the group is not a blank heading.
    if (provider.effectiveSource === 'config')
      lines.push(
        `     ${paint.dim(provider.configKeyMarker ? configKeyWords(provider.provider, provider.configKeyMarker) : `${configKeyWords(provider.provider)}: no profile or env key`)}`,
      );
    if (provider.effectiveSource === 'missing') {
      if (provider.configKeyUnset)
        lines.push(`     ${paint.dim(unsetKeyWords(provider.provider, provider.configKeyUnset))}`);
      lines.push(
        provider.awaitingImport.length > 0
          ? `     ${paint.red('no working credential')}: ${provider.awaitingImport.join(', ')} ${provider.awaitingImport.length === 1 ? 'waits' : 'wait'} for ${awaitingImportWords}`
          : `     ${paint.red('no working credential')}: add one with \`authdeck add-key ${flagWord('--provider', provider.provider)}\`${provider.provider === 'anthropic' ? ' or `authdeck setup-token`' : ''}`,
      );
    }
  }
  // A first run: a provider is "in use" only because the gateway's built-in model is OpenAI's.
  if (
    report.profiles.length === 0 &&
    report.env.length === 0 &&
    !report.providers.some((p) => p.effectiveSource !== 'missing')
  )
    lines.push('', 'Nothing set up yet: `authdeck onboard` sets up a provider and makes its model the default.');
  lines.push('', summaryLine(report, paint));
  return `${lines.join('\n')}\n`;
}

/** The reason is the status in other words: "expired" for an expired profile, "no secret" for a missing one. */
function saidByStatus(profile: ProfileReport): boolean {
  if (profile.status === 'expired') return profile.notTried === 'expired';
  if (profile.status === 'missing') return profile.notTried === 'no secret';
  return false;
}

function providerHeading(provider: ProviderReport, paint: Painter): string {
  const parts = [paint.bold(provider.provider)];
  // Named as a sentence would ("MiniMax"): the id beside it tells MiniMax's two providers apart.
  const name = shown(providerName(provider.provider));
  if (name !== provider.provider) parts.push(paint.dim(name));
  if (provider.inUse) parts.push('in use');
  // The summary's words ("in use without a credential"): `missing` there counts profiles.
  if (provider.effectiveSource === 'missing') parts.push(paint.red('no credential'));
  else if (provider.effectiveSource === 'env') parts.push(paint.yellow('via env'));
  else if (provider.effectiveSource === 'local')
    parts.push(paint.dim('no key needed (an endpoint on this machine or network)'));
  if (provider.orderSource !== 'auto')
    parts.push(paint.dim(`order: ${provider.orderSource === 'agent' ? 'agent override' : provider.orderSource}`));
  return parts.join(' · ');
}

function profileLine(
  profile: ProfileReport,
  idWidth: number,
  paint: Painter,
  nowMs: number,
  hasSharedLayer: boolean,
  warnWithinMs: number,
): string {
  const position =
    profile.orderPosition === null ? ' – ' : `${String(profile.orderPosition).padStart(2)}${profile.next ? '*' : ' '}`;
  const secret = profile.masked ?? (profile.secretRef ? `ref ${profile.secretRef}` : '—');
  const status = paint[STATUS_COLOR[profile.status]];
  const details: string[] = [];
  if (profile.status === 'unknown') details.push(`type "${profile.type}" is not one authdeck knows; kept as is`);
  if (profile.expiresAt !== null) {
    details.push(describeExpiry(profile.expiresAt, nowMs));
    if (renewsSoon(profile, nowMs, warnWithinMs)) details.push('the gateway renews it');
  }
  const waiting = waitingWords(profile, nowMs);
  if (waiting && profile.usage === 'disabled')
    details.push(paint.red(`${waiting}${profile.disabledReason ? ` (${profile.disabledReason})` : ''}`));
  else if (waiting) details.push(paint.yellow(waiting));
  // Why the gateway skips it, unless the status already says it (expired, no secret).
  if (profile.notTried && !saidByStatus(profile)) details.push(paint.yellow(`not tried: ${profile.notTried}`));
  if (profile.layer === 'inherited') details.push(paint.dim('from main agent'));
  else if (profile.layer === 'local' && hasSharedLayer) details.push(paint.dim('local override'));
  // Padding outside the colour codes, so that a row with no details ends at its last letter
  // (spaces inside a colour would reach the terminal's edge and wrap into a blank line).
  const pad = (text: string, width: number) => ' '.repeat(Math.max(0, width - textColumns(text)));
  const id = `${profile.next ? paint.bold(profile.id) : profile.id}${pad(profile.id, idWidth)}`;
  const state = details.length > 0 ? `${status(profile.status)}${pad(profile.status, 12)}` : status(profile.status);
  return `  ${position} ${id}  ${profile.type.padEnd(7)}  ${secret.padEnd(13)}  ${state}${details.join(' · ')}`.trimEnd();
}

const PROBE_COLOR = {
  ok: 'green',
  auth: 'red',
  billing: 'red',
  rate_limit: 'yellow',
  network: 'yellow',
  timeout: 'yellow',
  unknown: 'yellow',
  not_probed: 'dim',
} as const;

/** `status --probe`: one line per key checked live. */
export function formatProbes(probes: ProbeOutcome[], paint: Painter): string {
  const lines = ['', paint.bold('Probes') + paint.dim(' (live, read-only; nothing was written)')];
  const width = Math.max(10, ...probes.map((probe) => probe.id.length));
  for (const probe of probes) {
    const result = paint[PROBE_COLOR[probe.result]](probe.result.replace('_', ' ').padEnd(11));
    const latency = probe.latencyMs !== null ? `${Math.round(probe.latencyMs)} ms`.padStart(7) : ''.padStart(7);
    const code = probe.reasonCode ? paint.dim(` [${probe.reasonCode}]`) : '';
    lines.push(`  ${probe.id.padEnd(width)}  ${result} ${latency}  ${probe.detail}${code}`.trimEnd());
  }
  if (probes.length === 0) lines.push('  nothing to probe');
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: StatusReport, paint: Painter): string {
  return summaryParts(report)
    .map((part) => (part.color ? paint[part.color](part.text) : part.text))
    .join(' · ');
}

/** What a profile only a JSON file holds waits for, and who does it. */
const awaitingImportWords =
  'its import from the JSON files this OpenClaw no longer reads: `authdeck migrate` shows it, `openclaw doctor --fix` does it';
