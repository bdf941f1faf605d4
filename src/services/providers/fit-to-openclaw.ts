/**
 * A config plan fitted to the OpenClaw of the home it is written for: the marks 2026.9 needs, the
 * keys older releases refuse (setup-plan.ts plans; this fits).
 */
import type { ConfigChange } from '../config/config-changes.js';
import { asRecord } from '../json-text.js';

/**
 * The changes fitted to the home's OpenClaw (`stamp`: 2026.9+, the store's say). OpenClaw 2026.9
 * marks a config whose `agents.defaults.models` is a model catalog rather than an old allowlist
 * (`meta.migrations`, stamped on each of its own writes): a section authdeck starts on such a
 * home gets the marks too, or OpenClaw's next write reads it as an allowlist and limits the agent
 * to those models. Older OpenClaw refuses those keys, and model-row keys newer than it
 * (forOlderSchema): they are left out there.
 */
export function fittedToOpenclaw(
  doc: Record<string, unknown>,
  changes: ConfigChange[],
  stamp: boolean,
): ConfigChange[] {
  if (!stamp) return changes.map(forOlderSchema);
  const startsModels = changes.some(
    (change) => change.path[0] === 'agents' && change.path[1] === 'defaults' && change.path[2] === 'models',
  );
  if (!startsModels || asRecord(asRecord(doc.agents)?.defaults)?.models !== undefined) return changes;
  const migrations = asRecord(asRecord(doc.meta)?.migrations);
  const marks = ['modelPolicyAllowlist', 'utilityModelSeparation']
    .filter((key) => migrations?.[key] === undefined)
    .map((key) => ({ path: ['meta', 'migrations', key], value: true }));
  return [...changes, ...marks];
}

/**
 * Model-row keys newer than OpenClaw before 2026.8, whose strict config schema refuses them (and
 * then will not start): the catalog's rows were observed on 2026.9. 2026.5.20 refuses a row's
 * `compat.codeMode` (MiniMax's); the interop suite validates every setup there.
 */
const NEWER_COMPAT_KEYS = ['codeMode'];

function forOlderSchema(change: ConfigChange): ConfigChange {
  if (change.path[0] !== 'models' || change.path[1] !== 'providers') return change;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    const record = asRecord(value);
    if (!record) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(record)) {
      if (key === 'compat' && asRecord(entry)) {
        const kept = Object.entries(asRecord(entry) ?? {}).filter(([name]) => !NEWER_COMPAT_KEYS.includes(name));
        if (kept.length > 0) copy[key] = Object.fromEntries(kept);
      } else copy[key] = strip(entry);
    }
    return copy;
  };
  return { ...change, value: strip(change.value) };
}
