import type { GatewayConfig } from '../config/openclaw-json.js';
import { UsageError } from '../errors.js';
import { findProvider, isValidProviderId, normalizeProviderId } from '../providers.js';
import {
  aliasedRef,
  providerOfModelRef,
  settingsForAgent,
  splitPinnedProfile,
  withoutPinnedProfile,
} from '../status/model-refs.js';
import type { ModelSettings } from '../status/model-types.js';
import { namedBuiltIn, resolveProviderUses } from '../status/model-usage.js';

/** One model a request may go to, in the order the gateway falls back through them. */
export interface ChainModel {
  /** As written in openclaw.json or on the command line. */
  ref: string;
  provider: string;
  /** The model id the gateway sends, or null when only the provider is known. */
  model: string | null;
  /** requested: named on the command line; default: the agent's default model (after the fallbacks when another was named). */
  role: 'requested' | 'default' | 'fallback' | 'built-in default';
  /** The setting comes from the agent's own entry in `agents.list`. */
  fromAgent: boolean;
  /** The profile the ref pins (`anthropic/claude-opus-5@anthropic:work`): the gateway uses it for this model. */
  pinned?: string;
}

/**
 * The models a request tries, as OpenClaw 2026.9's resolveModelCandidateChain lists them: the
 * model asked for (the agent's default unless one is named), then the configured fallbacks, then
 * — when another model was named — the default; each provider/model once. A bare provider id
 * (`explain anthropic`) asks about that provider alone, for any model.
 */
export function resolveModelChain(
  config: GatewayConfig,
  agentId: string,
  requested?: string,
  /** Providers the agent has profiles of: a bare one of them is a provider too. */
  withProfiles: ReadonlySet<string> = new Set(),
  /** The model OpenClaw runs when none is configured, where the version seen names it (builtInDefaultModel). */
  builtIn?: string,
): ChainModel[] {
  const agent = config.agents.find((entry) => entry.id === agentId);
  const settings = settingsForAgent(config.models, agent);
  const uses = resolveProviderUses(config.models, agent).filter(
    (use) => use.role === 'default' || use.role === 'fallback' || use.role === 'built-in default',
  );
  const configured = uses.map(({ ref: used, provider, role, fromAgent }) => {
    // Named as OpenClaw names it: the built-in default (openai/gpt-6-astra) where known, an alias
    // (`sonnet`) by the model it stands for.
    const aliased = used.includes('/') ? undefined : aliasedRef(used, settings);
    const named = namedBuiltIn({ ref: used, role }, builtIn);
    const ref = named !== used ? named : (aliased ?? used);
    const pinned = splitPinnedProfile(used).profile;
    return {
      ref: withoutPinnedProfile(ref),
      provider,
      model: role === 'built-in default' && !ref.includes('/') ? null : modelIdOf(ref, settings),
      role: role as ChainModel['role'],
      fromAgent,
      ...(pinned ? { pinned } : {}),
    };
  });
  if (requested === undefined) return dedupe(configured);
  const asked = readRequested(requested, settings, withProfiles);
  if (asked.model === null) return [asked];
  const [primary, ...fallbacks] = configured;
  return dedupe([asked, ...fallbacks, ...(primary ? [primary] : [])]);
}

function readRequested(text: string, settings: ModelSettings, withProfiles: ReadonlySet<string>): ChainModel {
  const ref = text.trim();
  if (ref === '')
    throw new UsageError('explain: the model is empty; give provider/model, e.g. anthropic/claude-sonnet-4-6');
  const aliased = aliasedRef(ref, settings);
  const lister = Object.values(settings.providers).some((entry) => entry.firstModel === ref);
  if (!ref.includes('/') && !aliased && !lister) {
    const provider = normalizeProviderId(ref);
    const known = findProvider(provider) || Object.hasOwn(settings.providers, provider) || withProfiles.has(provider);
    if (!isValidProviderId(provider) || !known)
      throw new UsageError(
        `explain: "${ref}" is neither provider/model, a model alias nor a provider id; e.g. anthropic/claude-sonnet-4-6`,
      );
    return { ref, provider, model: null, role: 'requested', fromAgent: false };
  }
  return {
    ref,
    provider: providerOfModelRef(ref, settings),
    model: modelIdOf(ref, settings),
    role: 'requested',
    fromAgent: false,
  };
}

/** The model id after the provider (an alias resolved first); a bare model name is the id itself. */
function modelIdOf(ref: string, settings: ModelSettings): string {
  const full = aliasedRef(ref, settings) ?? withoutPinnedProfile(ref);
  const slash = full.indexOf('/');
  return slash > 0 ? full.slice(slash + 1).trim() : full;
}

function dedupe(models: ChainModel[]): ChainModel[] {
  const seen = new Set<string>();
  return models.filter((entry) => {
    const key = `${entry.provider}/${entry.model ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
