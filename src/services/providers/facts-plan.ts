/**
 * A sign-in's config facts (services/oauth/config-facts.ts) planned against openclaw.json as it
 * is, with the same rules as a catalog setup (setup-plan.ts): only what differs is written, and
 * the default model follows the same policy.
 */
import type { ConfigChange } from '../config/config-changes.js';
import { asRecord } from '../json-text.js';
import type { ConfigFact } from '../oauth/config-facts.js';
import {
  currentDefaultModel,
  type DefaultModelPolicy,
  planSetup,
  providerOfModel,
  type SetupPlan,
} from './setup-plan.js';

export function planFacts(
  doc: Record<string, unknown>,
  facts: readonly ConfigFact[],
  provider: string,
  policy: DefaultModelPolicy,
): SetupPlan {
  const plugins = facts.flatMap((fact) => (fact.kind === 'plugin-enabled' ? [fact.pluginId] : []));
  const model = facts.find((fact) => fact.kind === 'default-model');
  const replacing = facts.some((fact) => fact.kind === 'replace-models');
  // A default under an old spelling the facts rename (claude-cli/ → anthropic/) is the same model: it follows.
  const current = currentDefaultModel(doc);
  if (replacing && policy !== 'set' && current?.toLowerCase().startsWith('claude-cli/')) policy = 'set';
  // The default model and the plugins follow the catalog's rules; the rest is written as stated.
  const base = planSetup(
    doc,
    { plugins, providers: {}, ...(model ? { defaultModel: { ref: model.ref, entry: model.entry ?? null } } : {}) },
    provider,
    policy,
  );
  const changes: ConfigChange[] = [...base.changes];
  const pluginSection = asRecord(doc.plugins);
  const models = asRecord(doc.models);
  const defaults = asRecord(asRecord(doc.agents)?.defaults);
  const entries = asRecord(defaults?.models) ?? {};
  const replaced: Record<string, unknown> = {};
  for (const fact of facts) {
    switch (fact.kind) {
      case 'plugin-allowed': {
        const allow = pluginSection?.allow;
        if (Array.isArray(allow) && allow.length > 0 && !allow.includes(fact.pluginId))
          changes.push({ path: ['plugins', 'allow'], value: [...allow, fact.pluginId] });
        break;
      }
      case 'provider': {
        const current = asRecord(asRecord(models?.providers)?.[fact.providerId]);
        if (
          !fact.leaveMode &&
          models?.mode === undefined &&
          !changes.some((change) => change.path.join('.') === 'models.mode')
        )
          changes.push({ path: ['models', 'mode'], value: 'merge' });
        if (!current) {
          const block = Object.fromEntries(Object.entries(fact.entry).filter(([, value]) => value !== undefined));
          changes.push({ path: ['models', 'providers', fact.providerId], value: block });
          break;
        }
        for (const [key, value] of Object.entries(fact.entry))
          if (JSON.stringify(current[key]) !== JSON.stringify(value))
            changes.push({ path: ['models', 'providers', fact.providerId, key], value });
        break;
      }
      case 'model': {
        const current = asRecord(entries[fact.ref]) ?? {};
        const merged = { ...current, ...fact.entry };
        if (fact.keepAlias && current.alias !== undefined) merged.alias = current.alias;
        if (replacing) replaced[fact.ref] = merged;
        else if (JSON.stringify(current) !== JSON.stringify(merged) || !(fact.ref in entries))
          changes.push({ path: ['agents', 'defaults', 'models', fact.ref], value: merged });
        break;
      }
      case 'image-model': {
        const media = defaults?.mediaModels;
        const image = asRecord(media)?.image;
        // A mediaModels or image that is not an object is someone's own spelling: not written into.
        if ((media !== undefined && !asRecord(media)) || (fact.ifUnset && image !== undefined)) break;
        // `image: "p/m"` is the primary alone.
        const current = typeof image === 'string' ? image : asRecord(image)?.primary;
        // As the default model: another provider's image default stays unless asked (--set-default-model).
        const keep =
          typeof current === 'string' &&
          current !== '' &&
          (policy === 'keep' || (policy === 'auto' && providerOfModel(current) !== provider));
        if (current === fact.ref || keep) break;
        changes.push(
          typeof image === 'string' || (image !== undefined && !asRecord(image))
            ? { path: ['agents', 'defaults', 'mediaModels', 'image'], value: { primary: fact.ref } }
            : { path: ['agents', 'defaults', 'mediaModels', 'image', 'primary'], value: fact.ref },
        );
        break;
      }
      case 'auth-order-first': {
        const configured = Object.entries(asRecord(asRecord(doc.auth)?.profiles) ?? {})
          .filter(([id, entry]) => id !== fact.profileId && asRecord(entry)?.provider === fact.provider)
          .map(([id]) => id);
        const order = [fact.profileId, ...configured];
        if (JSON.stringify(asRecord(asRecord(doc.auth)?.order)?.[fact.provider]) !== JSON.stringify(order))
          changes.push({ path: ['auth', 'order', fact.provider], value: order });
        break;
      }
      default:
        break;
    }
  }
  if (replacing) {
    // Fallbacks under the old spelling follow their models' new keys, as OpenClaw's Claude CLI setup does.
    const model = asRecord(defaults?.model);
    const fallbacks = model?.fallbacks;
    if (Array.isArray(fallbacks)) {
      const renamed = fallbacks.map((ref) =>
        typeof ref === 'string' && ref.toLowerCase().startsWith('claude-cli/') ? `anthropic/${ref.slice(11)}` : ref,
      );
      if (JSON.stringify(renamed) !== JSON.stringify(fallbacks))
        changes.push({ path: ['agents', 'defaults', 'model', 'fallbacks'], value: renamed });
    }
    // Keys the facts do not name stay unless they are old spellings of the same models.
    const kept = Object.fromEntries(Object.entries(entries).filter(([ref]) => !ref.startsWith('claude-cli/')));
    const rebuilt = { ...kept, ...replaced };
    if (JSON.stringify(defaults?.models) !== JSON.stringify(rebuilt))
      changes.push({ path: ['agents', 'defaults', 'models'], value: rebuilt });
  }
  return { ...base, changes };
}
