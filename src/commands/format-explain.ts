import { formatDuration } from '../services/durations.js';
import type { ExplainedProfile, ExplainReport, ModelExplanation } from '../services/explain/explain.js';
import { STATUS_COLOR } from '../services/status/health.js';
import type { Painter } from './output.js';

/** The text view fits a classic terminal: every line at most this many columns. */
export const EXPLAIN_WIDTH = 80;
const ID_WIDTH = 24;
const TYPE_WIDTH = 7;
/** "   1▸ " or "   –  " before each id. */
const MARK_WIDTH = 6;

/** `authdeck explain`: each model in fallback order, its profiles in the gateway's order, why others are not tried. */
export function formatExplanation(report: ExplainReport, paint: Painter, nowMs: number): string {
  const lines: string[] = [];
  const fallbacks = report.models.filter((entry) => entry.role === 'fallback').length;
  const first = report.models[0];
  const heading = report.requested
    ? `Agent ${report.agent.id} · asked about ${report.requested}`
    : `Agent ${report.agent.id} · ${first?.role ?? 'default'} model ${first?.ref ?? 'none'} · ${fallbacks === 0 ? 'no' : fallbacks} fallback${fallbacks === 1 ? '' : 's'}`;
  lines.push(...wrap(heading, EXPLAIN_WIDTH).map((line) => paint.bold(line)));
  for (const warning of report.warnings) lines.push(...indent(`! ${warning}`).map(paint.yellow));
  report.models.forEach((entry, index) => {
    lines.push('', ...modelBlock(entry, index, report, paint, nowMs));
  });
  lines.push('', ...wrap(outcome(report), EXPLAIN_WIDTH).map((line) => (report.servedBy ? line : paint.red(line))));
  return `${lines.join('\n')}\n`;
}

function modelBlock(
  entry: ModelExplanation,
  index: number,
  report: ExplainReport,
  paint: Painter,
  nowMs: number,
): string[] {
  const lines: string[] = [];
  const role = entry.role === 'default' && report.requested ? 'default, after the fallbacks' : entry.role;
  const title = entry.model === null ? `${entry.provider} (any model)` : entry.ref;
  lines.push(
    ...wrap(`${index + 1}. ${title} · ${role}${entry.fromAgent ? " (the agent's own)" : ''}`, EXPLAIN_WIDTH).map(
      paint.bold,
    ),
  );
  if (entry.cliBackend) {
    lines.push(...indent(`served by a local CLI (agents.defaults.cliBackends): no credential needed`));
    return lines;
  }
  lines.push(...indent(orderLine(entry)).map(paint.dim));
  for (const profile of entry.profiles) lines.push(...profileLines(profile, paint, nowMs));
  if (entry.env) {
    const where = entry.env.origin === 'process' ? 'environment' : 'daemon .env';
    lines.push(...indent(`env ${entry.env.variable} (${where}, ${entry.env.masked}): used after the profiles`));
  }
  if (entry.configKey) lines.push(...indent(`models.providers.${entry.provider}.apiKey: used after the env key`));
  if (entry.profiles.length === 0 && !entry.env && !entry.configKey)
    lines.push(...indent(`no profile of ${entry.provider}, no key in the environment or the config`).map(paint.red));
  if (entry.skipped) {
    const back = entry.skippedUntil !== null ? `; back in ${formatDuration(entry.skippedUntil - nowMs)}` : '';
    lines.push(...indent(`Skipped now: ${entry.skipped}${back}.`).map(paint.yellow));
    if (entry.plugin) lines.push(...indent(`Fix: ${entry.plugin.fix}.`));
  } else lines.push(...indent(whenItFails(entry, report)));
  return lines;
}

function orderLine(entry: ModelExplanation): string {
  const whose = {
    agent: "this agent's order",
    main: "the main agent's order",
    shared: 'the shared order',
    config: 'auth.order in openclaw.json',
    auto: 'none set, so oauth, then token, then API key, least recently used first',
  }[entry.orderSource];
  const listed = entry.explicitOrder ?? [];
  const absent = listed.filter((id) => !entry.profiles.some((profile) => profile.id === id));
  const repaired = entry.orderRepaired ? ' — it names no existing profile, so the gateway takes them all' : '';
  const gone = absent.length > 0 && !entry.orderRepaired ? ` (names ${absent.join(', ')}, which do not exist)` : '';
  return `order: ${whose}${repaired}${gone}`;
}

function profileLines(profile: ExplainedProfile, paint: Painter, nowMs: number): string[] {
  const mark =
    profile.orderPosition === null
      ? '   –  '
      : `${String(profile.orderPosition).padStart(4)}${profile.next ? '▸' : ' '} `;
  const color = profile.tried ? paint[STATUS_COLOR[profile.status]] : paint.yellow;
  const idText = (text: string) => (profile.next ? paint.bold(text) : text);
  const typeColumn = MARK_WIDTH + ID_WIDTH + 2;
  const detailIndent = ' '.repeat(typeColumn + TYPE_WIDTH + 2);
  const [firstLine = '', ...more] = wrap(describe(profile, nowMs), EXPLAIN_WIDTH - detailIndent.length);
  const type = `${profile.type.padEnd(TYPE_WIDTH)}  ${color(firstLine)}`;
  // An id longer than its column gets a line of its own; its type and details go below, aligned.
  const head =
    profile.id.length > ID_WIDTH
      ? [`${mark}${idText(profile.id)}`, `${' '.repeat(typeColumn)}${type}`]
      : [`${mark}${idText(profile.id.padEnd(ID_WIDTH))}  ${type}`];
  return [...head.map((line) => line.trimEnd()), ...more.map((line) => `${detailIndent}${color(line)}`)];
}

function describe(profile: ExplainedProfile, nowMs: number): string {
  if (profile.usageUntil !== null && profile.usage) {
    const why = profile.usageReason ? ` (${profile.usageReason})` : '';
    return `${profile.usage} ${formatDuration(profile.usageUntil - nowMs)} left${why}`;
  }
  if (profile.notTried) return `not tried: ${profile.notTried}`;
  return profile.next ? `${profile.status} · tried first` : profile.status;
}

function whenItFails(entry: ModelExplanation, report: ExplainReport): string {
  const sources = entry.profiles.filter((profile) => profile.tried).map((profile) => profile.id);
  if (entry.env) sources.push(`env ${entry.env.variable}`);
  if (entry.configKey) sources.push("the config's key");
  const later = report.models.slice(report.models.indexOf(entry) + 1).find((other) => other.skipped === null);
  const after = [...sources.slice(1), later ? later.ref : 'the request fails'];
  if (after.length === 1 && !later)
    return `If ${sources[0] ?? entry.ref} fails, the request fails: nothing else is left.`;
  return `If ${sources[0] ?? entry.ref} fails: ${after.join(', then ')}.`;
}

function outcome(report: ExplainReport): string {
  const served = report.servedBy;
  if (!served) return 'Nothing can serve a request now: every model above is skipped.';
  const what =
    served.source === 'cli'
      ? 'a local CLI'
      : served.profileId
        ? served.profileId
        : served.source === 'env'
          ? 'its env key'
          : "the config's key";
  return `A request now goes to ${served.ref} with ${what}.`;
}

function indent(text: string): string[] {
  return wrap(text, EXPLAIN_WIDTH - 2).map((line) => `  ${line}`);
}

/** Words into lines of at most `width` columns; a word longer than that is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line !== '') lines.push(line);
      line = '';
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
