import { editDistance } from '../services/edit-distance.js';
import { UsageError } from '../services/errors.js';
import type { AgentState } from '../services/profiles/agent-state.js';
import {
  type CatalogChoice,
  catalog,
  findChoice,
  pluginProviderNote,
  resolveProviderAlias,
} from '../services/providers/catalog.js';
import { suggestProviderIds } from '../services/providers/provider-search.js';
import { findProvider, normalizeProviderId, providerIdProblem } from '../services/providers.js';
import type { AgentStore } from '../services/store/agent-store.js';
import { shownTyped } from '../services/terminal-text.js';

/**
 * The provider a secret is saved for: OpenClaw's id (an alias resolved), one the config or the
 * store already has (`known`), or — with --custom — a new one. A typo is not stored as a new provider.
 */
export function knownProvider(
  typed: string,
  /** customUnlessNear: an id close to no known one is taken as a provider of your own (the wizard's "Another provider…"). */
  options: {
    custom: boolean;
    known: readonly string[];
    flag?: string;
    customUnlessNear?: boolean;
    /** A credential is saved for it (unset: when no flag is named, as add-key, login and onboard). */
    saving?: boolean;
  },
): string {
  const found = findProvider(typed);
  if (found) return found.id;
  const id = normalizeProviderId(typed);
  const problem = providerIdProblem(id);
  if (problem) throw new UsageError(`${options.flag ?? '--provider'}: "${shownTyped(typed)}" ${problem}`);
  if (options.known.includes(id) || options.custom) return id;
  // A provider a plugin serves with nothing to onboard (Amazon Bedrock) is one to look at; a save
  // for it is refused with what its plugin reads instead (the wizard's "Another provider…" says so after).
  const served = pluginProviderNote(id);
  const saving = options.saving ?? options.flag === undefined;
  if (served && (!saving || options.customUnlessNear)) return id;
  if (served)
    throw new UsageError(
      `${served}.${options.flag ? '' : ' To store a credential under this id anyway, add --custom.'}`,
    );
  // OpenClaw's "custom" is its custom endpoint (a choice of its own), not a provider id.
  if (id === 'custom')
    throw new UsageError(
      `"custom" is OpenClaw's custom endpoint (an OpenAI- or Anthropic-compatible server), not a provider: choose "Custom endpoint" in \`authdeck onboard\`, or run \`authdeck onboard --auth-choice custom-api-key --custom-base-url URL --custom-model-id ID\`${options.flag ? '' : '; for a provider of your own named custom, add --custom'}`,
    );
  const near = [
    ...new Set([
      ...options.known.filter((other) => editDistance(id, other) <= (id.length <= 4 ? 1 : 2)),
      ...suggestProviderIds(id),
    ]),
  ].slice(0, 3);
  if (near.length === 0 && options.customUnlessNear) return id;
  // A command that lists them, not only a document.
  const hint =
    near.length > 0
      ? `; did you mean ${near.join(', ')}?`
      : " (`authdeck onboard` lists them to choose from, as does the README's provider table).";
  throw new UsageError(
    `"${shownTyped(typed)}" is not a provider OpenClaw knows${hint}${options.flag ? '' : ' For a provider of your own, add --custom.'}`,
  );
}

/** Providers this agent already has: a models.providers block, or a stored profile. */
export function providersHere(state: AgentState): string[] {
  const ids = new Set(Object.keys(state.workspace.config.models.providers));
  for (const layer of [state.own, state.base])
    for (const profile of Object.values(layer?.profiles ?? {}))
      if (typeof profile.provider === 'string') ids.add(profile.provider);
  return [...ids];
}

/** A choice by OpenClaw's id; an unknown one is a usage error that names the closest ids. */
export function resolveChoice(id: string): CatalogChoice {
  const found = findChoice(id.trim());
  if (found) return found;
  const word = id.trim().toLowerCase();
  // OpenClaw's `--auth-choice skip` configures the rest of the gateway with no credential.
  if (word === 'skip')
    throw new UsageError('--auth-choice skip sets up no credential, so there is nothing for authdeck to write');
  // A provider's name given where its choice goes (`xai`), or spelled as most choices are
  // (`anthropic-api-key`, whose choice is `apiKey`): that provider's choices come first, those
  // of the credential named first of all.
  const spelled = /^(.+?)-(api-?key|key|setup-token|token|oauth)$/.exec(word);
  const provider = resolveProviderAlias(spelled && !findChoice(word) ? (spelled[1] ?? word) : word);
  const kind = {
    apikey: 'api_key',
    'api-key': 'api_key',
    key: 'api_key',
    'setup-token': 'token',
    token: 'token',
    oauth: 'oauth',
  }[spelled?.[2] ?? ''];
  const ofProvider = catalog.choices
    .filter((entry) => entry.provider === provider)
    .sort((a, b) => Number(b.credential.kind === kind) - Number(a.credential.kind === kind))
    .map((entry) => entry.id);
  const near = [
    ...ofProvider,
    ...catalog.choices
      .map((entry) => [entry.id, editDistance(word, entry.id)] as const)
      .filter(([name, distance]) => distance <= 3 && !ofProvider.includes(name))
      .sort((a, b) => a[1] - b[1])
      .map(([name]) => name),
  ].slice(0, 3);
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; the README\'s "Providers" table lists them';
  throw new UsageError(`--auth-choice: "${shownTyped(id)}" is not an OpenClaw auth choice${hint}`);
}

/**
 * `openai-codex`, OpenClaw's id for ChatGPT sign-ins before 2026.7 (the README's examples use
 * it): spelled as this agent's store spells it (`openai` from 2026.7 on). Undefined for any other id.
 */
export function renamedProvider(typed: string, store: AgentStore): string | undefined {
  return normalizeProviderId(typed) === 'openai-codex' ? store.providerId('openai-codex') : undefined;
}
