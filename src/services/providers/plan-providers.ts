/**
 * The `models` section a setup writes (setup-plan.ts plans the rest): the mode, and each
 * provider block changed only where it differs, as deep as it differs, so what is kept is not
 * written again.
 */
import type { ConfigChange } from '../config/config-changes.js';
import { asRecord } from '../json-text.js';
import { endpointKey, onboardingEndpoints } from './catalog.js';

/** What of a setup (setup-plan.ts ProviderSetup) goes to `models`. */
interface ProvidersToWrite {
  modelsMode?: string;
  providers: Record<string, Record<string, unknown>>;
  /** The blocks were built from the config as it is: written whole where they differ. */
  providersComplete?: boolean;
  /** Their endpoints were asked for (setup-plan.ts): no address of the person's own is kept over them. */
  endpointsAsked?: boolean;
}

/**
 * The address a person set for a provider block a catalog choice writes — a LiteLLM server of
 * their own, a proxy — where the block's is another: no onboarding writes it, so no choice's
 * endpoint replaces it (OpenClaw's LiteLLM setup keeps it too). An endpoint of another region or
 * plan is not one: a region switch moves it. Undefined where the choice's endpoint is written.
 */
export function ownEndpoint(
  doc: Record<string, unknown>,
  provider: string,
  block: Record<string, unknown>,
): string | undefined {
  const current = asRecord(asRecord(asRecord(doc.models)?.providers)?.[provider])?.baseUrl;
  if (typeof current !== 'string' || current.trim() === '' || typeof block.baseUrl !== 'string') return undefined;
  if (endpointKey(current) === endpointKey(block.baseUrl)) return undefined;
  return onboardingEndpoints(provider).has(endpointKey(current)) ? undefined : current;
}

export function planProviders(doc: Record<string, unknown>, setup: ProvidersToWrite): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const ids = Object.keys(setup.providers);
  if (ids.length === 0) return changes;
  const models = asRecord(doc.models);
  if (setup.modelsMode && models?.mode === undefined)
    changes.push({ path: ['models', 'mode'], value: setup.modelsMode });
  const existing = asRecord(models?.providers);
  for (const id of ids) {
    const block = setup.providers[id] ?? {};
    const current = existing && Object.hasOwn(existing, id) ? asRecord(existing[id]) : undefined;
    if (!current) {
      changes.push({ path: ['models', 'providers', id], value: block });
      continue;
    }
    // The endpoint and API follow the choice (a region switch); a model list someone curated
    // stays. At an address of the person's own, the models are that server's: none added.
    const own = !setup.providersComplete && !setup.endpointsAsked && ownEndpoint(doc, id, block) !== undefined;
    for (const [key, value] of Object.entries(block)) {
      if (own && (key === 'baseUrl' || key === 'models')) continue;
      if (key === 'models' && !setup.providersComplete) {
        const list = current.models;
        if (!Array.isArray(list) || list.length === 0) {
          if (!sameJson(list, value)) changes.push({ path: ['models', 'providers', id, 'models'], value });
        }
        continue;
      }
      changes.push(...valueChanges(['models', 'providers', id, key], current[key], value));
    }
  }
  return changes;
}

/**
 * The changes that turn `current` into `next`, as deep as they can go: what is kept is not
 * written again, so a model entry beside the one added keeps its numbers exactly as written
 * (1e400, 9007199254740993, 1.50) — a value rewritten whole would be re-spelt from JavaScript.
 */
function valueChanges(path: (string | number)[], current: unknown, next: unknown): ConfigChange[] {
  if (sameJson(current, next)) return [];
  const before = asRecord(current);
  const after = asRecord(next);
  if (before && after && Object.keys(before).every((key) => Object.hasOwn(after, key)))
    return Object.entries(after).flatMap(([key, value]) =>
      Object.hasOwn(before, key) ? valueChanges([...path, key], before[key], value) : [{ path: [...path, key], value }],
    );
  if (Array.isArray(current) && Array.isArray(next) && next.length >= current.length)
    return next.flatMap((value, index) =>
      index < current.length
        ? valueChanges([...path, index], current[index], value)
        : [{ path: [...path, index], value, arrayInsert: true }],
    );
  return [{ path, value: next }];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
