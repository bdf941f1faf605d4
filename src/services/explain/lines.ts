import { formatDuration } from '../durations.js';
import { STATUS_COLOR, type StatusColor } from '../status/health.js';
import type { ExplainedProfile, ExplainReport, ModelExplanation } from './explain.js';
import { laterModel, sourcesOf } from './falls-to.js';

/** One piece of a line and how it looks; `explain` paints it, the dashboard's panel draws it. */
export interface Segment {
  text: string;
  color?: StatusColor;
  bold?: boolean;
  dim?: boolean;
}

/** The text view fits a classic terminal: every line at most this many columns. */
export const EXPLAIN_WIDTH = 80;
const TYPE_WIDTH = 7;
/** "   1* " or "   –  " before each id: * the one tried first, as in `status` and the dashboard. */
const MARK_WIDTH = 6;

/**
 * `authdeck explain` as lines of at most `width` columns: each model in fallback order, its
 * profiles in the gateway's order, why the others are not tried, what happens when the first
 * fails, and where a request goes now. Text from files must be shown safely before it comes here.
 */
export function explanationLines(report: ExplainReport, nowMs: number, width = EXPLAIN_WIDTH): Segment[][] {
  const lines: Segment[][] = [];
  const text = (value: string, look: Omit<Segment, 'text'> = {}, indent = 0) =>
    lines.push(...wrap(value, width - indent).map((line) => [{ text: `${' '.repeat(indent)}${line}`, ...look }]));
  const fallbacks = report.models.filter((entry) => entry.role === 'fallback').length;
  const first = report.models[0];
  text(
    report.requested
      ? `Agent ${report.agent.id} · asked about ${report.requested}`
      : `Agent ${report.agent.id} · ${first?.role ?? 'default'} model ${first?.ref ?? 'none'} · ${fallbacks === 0 ? 'no' : fallbacks} fallback${fallbacks === 1 ? '' : 's'}`,
    { bold: true },
  );
  for (const warning of report.warnings) text(`! ${warning}`, { color: 'yellow' }, 2);
  for (const [index, entry] of report.models.entries()) {
    lines.push([]);
    const after = fallbacks > 0 ? 'after the fallbacks' : 'tried next';
    const role = entry.role === 'default' && report.requested ? `default, ${after}` : entry.role;
    const title = entry.model === null ? `${entry.provider} (any model)` : entry.ref;
    text(`${index + 1}. ${title} · ${role}${entry.fromAgent ? " (the agent's own)" : ''}`, { bold: true });
    if (entry.cliBackend) {
      text('served by a local CLI (agents.defaults.cliBackends): no credential needed', {}, 2);
      continue;
    }
    // An order of no profiles says nothing (a provider served by a config key, a local server).
    if (entry.profiles.length > 0 || entry.explicitOrder) text(orderLine(entry), { dim: true }, 2);
    for (const profile of entry.profiles) lines.push(...profileLines(profile, nowMs, width));
    if (entry.env) {
      const where = entry.env.origin === 'process' ? 'environment' : 'daemon .env';
      text(`env ${entry.env.variable} (${where}, ${entry.env.masked}): used after the profiles`, {}, 2);
    }
    if (entry.configKey) {
      const when = entry.env
        ? 'used after the env key'
        : entry.profiles.length > 0
          ? 'used after the profiles'
          : 'the key used (no profile or env key)';
      const alone = entry.profiles.length === 0 && !entry.env;
      const key = entry.configKeyMarker
        ? `the marker ${entry.configKeyMarker} (the server takes no real key)${alone ? '' : `, ${when}`}`
        : when;
      text(`models.providers.${entry.provider}.apiKey: ${key}`, {}, 2);
    }
    if (entry.effectiveSource === 'local')
      text(`models.providers.${entry.provider}: an endpoint on this machine or network, called with no key`, {}, 2);
    else if (entry.profiles.length === 0 && !entry.env && !entry.configKey)
      text(`no profile of ${entry.provider}, no key in the environment or the config`, { color: 'red' }, 2);
    if (entry.skipped) {
      const back = entry.skippedUntil !== null ? `; back in ${formatDuration(entry.skippedUntil - nowMs)}` : '';
      text(`Skipped now: ${entry.skipped}${back}.`, { color: 'yellow' }, 2);
      if (entry.plugin) text(`Fix: ${entry.plugin.fix}.`, {}, 2);
    } else text(whenItFails(entry, report), {}, 2);
  }
  lines.push([]);
  text(outcome(report), report.servedBy ? {} : { color: 'red' });
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
  // One lookup per id: an order listing tens of thousands of profiles stays linear.
  const present = new Set(entry.profiles.map((profile) => profile.id));
  const absent = (entry.explicitOrder ?? []).filter((id) => !present.has(id));
  const repaired = entry.orderRepaired ? ' — it names no existing profile, so the gateway takes them all' : '';
  const gone =
    absent.length > 0 && !entry.orderRepaired
      ? ` (names ${absent.join(', ')}, ${absent.length === 1 ? 'not a profile' : 'not profiles'} of ${entry.provider})`
      : '';
  return `order: ${whose}${repaired}${gone}`;
}

function profileLines(profile: ExplainedProfile, nowMs: number, width: number): Segment[][] {
  // The id column gives way on a narrow panel; the details keep at least a third of the line.
  const idWidth = Math.max(10, Math.min(24, width - MARK_WIDTH - TYPE_WIDTH - 4 - Math.ceil(width / 3)));
  const mark =
    profile.orderPosition === null
      ? '   –  '
      : `${String(profile.orderPosition).padStart(4)}${profile.next ? '*' : ' '} `;
  const look: Omit<Segment, 'text'> = { color: profile.tried ? STATUS_COLOR[profile.status] : 'yellow' };
  const typeColumn = MARK_WIDTH + idWidth + 2;
  const detailIndent = ' '.repeat(typeColumn + TYPE_WIDTH + 2);
  const [firstLine = '', ...more] = wrap(describe(profile, nowMs), width - detailIndent.length).map((line) =>
    line.replaceAll(KEEP, ' '),
  );
  const type: Segment[] = [{ text: `${profile.type.padEnd(TYPE_WIDTH)}  ` }, { text: firstLine, ...look }];
  const id = (value: string): Segment => ({ text: value, bold: profile.next });
  // An id longer than its column gets a line of its own; its type and details go below, aligned.
  // One longer than the whole line (a script's id) is cut across lines under it, never past the width.
  const head: Segment[][] =
    profile.id.length > idWidth
      ? [
          ...wrap(profile.id, width - mark.length).map((piece, index) => [
            { text: index === 0 ? mark : ' '.repeat(mark.length) },
            id(piece),
          ]),
          [{ text: ' '.repeat(typeColumn) }, ...type],
        ]
      : [[{ text: mark }, id(profile.id.padEnd(idWidth)), { text: '  ' }, ...type]];
  return [...head, ...more.map((line) => [{ text: detailIndent }, { text: line, ...look }])];
}

function describe(profile: ExplainedProfile, nowMs: number): string {
  if (profile.usageUntil !== null && profile.usage) {
    const why = profile.usageReason ? ` (${profile.usageReason})` : '';
    return `${profile.usage} ${formatDuration(profile.usageUntil - nowMs)} left${why}`;
  }
  if (profile.notTried) return `not tried: ${profile.notTried}`;
  // "tried first" is one phrase: a line break never falls inside it.
  return profile.next ? `${profile.status} · tried${KEEP}first` : profile.status;
}

function whenItFails(entry: ModelExplanation, report: ExplainReport): string {
  const sources = sourcesOf(entry);
  const later = laterModel(report, entry);
  const after = [...sources.slice(1), later ? later.ref : 'the request fails'];
  if (after.length === 1 && !later)
    return `If ${sources[0] ?? entry.ref} fails, the request fails: nothing else is left.`;
  return `If ${sources[0] ?? entry.ref} fails: ${after.join(', then ')}.`;
}

function outcome(report: ExplainReport): string {
  const served = report.servedBy;
  if (report.notStarting) return `Nothing can serve a request now: ${report.notStarting}.`;
  if (!served) return 'Nothing can serve a request now: every model above is skipped.';
  const what =
    served.source === 'cli'
      ? 'a local CLI'
      : served.source === 'local'
        ? 'no key (an endpoint on this machine or network)'
        : (served.profileId ??
          (served.source === 'env'
            ? 'its env key'
            : report.models.find((entry) => entry.ref === served.ref)?.configKeyMarker
              ? "no real key (the config's marker for a server that takes none)"
              : "the config's key"));
  return `A request now goes to ${served.ref} with ${what}.`;
}

/** A space wrap() does not break at, in our own words only (written out as a space). */
const KEEP = '\u00a0';

/** Words into lines of at most `width` columns; a word longer than that is cut. */
function wrap(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > room) {
      if (line !== '') lines.push(line);
      line = '';
      lines.push(word.slice(0, room));
      word = word.slice(room);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
