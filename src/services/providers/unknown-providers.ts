import { withinEdits } from '../edit-distance.js';
import type { AgentState } from '../profiles/agent-state.js';
import { gatewayKnowsProvider } from '../profiles/model-coverage.js';
import { PROVIDERS } from '../providers.js';
import type { StatusReport } from '../status/types.js';
import { shown } from '../terminal-text.js';

/**
 * Profiles of a provider no plugin OpenClaw ships serves and no `models.providers` block
 * describes (a typo saved before authdeck refused them, or a block never added): the gateway has
 * nowhere to send their requests. Doctor lists them; status and the dashboard warn.
 */
export interface UnknownProvider {
  provider: string;
  ids: string[];
  /** Known ids it is a typo of, closest first. */
  near: string[];
  problem: string;
  why: string;
  fix: string;
}

/**
 * Why the gateway tries none of an unknown provider's profiles, in the words a provider's line
 * and a profile's "not tried" use (markUnserved): it has no "next" however its keys look.
 */
export const UNKNOWN_PROVIDER_WORDS = {
  line: 'no endpoint: the gateway cannot use it',
  notTried: 'the gateway does not know where to send its requests',
} as const;

export function unknownProviders(state: AgentState, report: StatusReport): UnknownProvider[] {
  const { config, configPath } = state.workspace;
  const providers = new Set(report.profiles.map((profile) => profile.provider));
  return [...providers].flatMap((provider): UnknownProvider[] => {
    const described =
      Object.hasOwn(config.models.providers, provider) || Object.hasOwn(config.plugins.entries, provider);
    if (gatewayKnowsProvider(provider, described)) return [];
    const ids = report.profiles.filter((profile) => profile.provider === provider).map((profile) => profile.id);
    const near = PROVIDERS.map((known) => known.id).filter((id) => withinEdits(provider, id, 2));
    const typo = near.length > 0 ? ` (a typo of ${near.join(' or ')}?)` : '';
    return [
      {
        provider,
        ids,
        near,
        problem: `no provider OpenClaw ships is called ${shown(provider)}${typo}, and ${configPath} has no models.providers.${shown(provider)} block`,
        why: `${UNKNOWN_PROVIDER_WORDS.notTried}, so ${ids.map((id) => shown(id)).join(', ')} ${ids.length === 1 ? 'is' : 'are'} never used`,
        fix:
          near.length > 0
            ? `save the credential again under ${near[0]} (\`authdeck onboard --provider ${near[0]}\`) and remove ${shown(ids[0] ?? '')}`
            : `set it up as an endpoint of your own (\`authdeck onboard --auth-choice custom-api-key --custom-provider-id ${shown(provider)} --custom-base-url <url> --custom-model-id <model>\`), or add models.providers.${shown(provider)} (baseUrl, api, models) to ${configPath}`,
      },
    ];
  });
}

/** The warning status and the dashboard give for one. */
export function unknownProviderWarning(found: UnknownProvider): string {
  return `${shown(found.provider)}: ${found.problem}; ${found.why}; fix: ${found.fix}`;
}

/** Provider → why, for markUnserved (the profile's words) or a screen's provider line. */
export function unknownUnserved(found: readonly UnknownProvider[], words: keyof typeof UNKNOWN_PROVIDER_WORDS) {
  return Object.fromEntries(found.map((entry) => [entry.provider, UNKNOWN_PROVIDER_WORDS[words]]));
}
