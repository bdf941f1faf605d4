/**
 * One auth choice set up the way `openclaw onboard` sets it up (README "Providers"): the
 * credential saved where the gateway reads it, then openclaw.json given what the gateway needs
 * to use it — the plugin enabled, the provider's block, the default model. The same for the CLI
 * (`onboard --non-interactive`, `add-key`) and the wizard.
 */

import { type ConfigChangeResult, changeConfig } from '../config/config-changes.js';
import type { Workspace } from '../config/workspace.js';
import type { LockOptions } from '../files/lock.js';
import { asRecord } from '../json-text.js';
import { type AgentState, listAgentProfiles } from '../profiles/agent-state.js';
import type { SecretRef } from '../profiles/credential-view.js';
import type { SecretKind } from '../profiles/credentials.js';
import { type SaveCredentialResult, saveCredentialProfile } from '../profiles/save-credential.js';
import type { AgentStore } from '../store/agent-store.js';
import { planForAgent } from './agent-models.js';
import { type CatalogChoice, endpointKey } from './catalog.js';
import { catalogSetup } from './catalog-setup.js';
import { planFacts } from './facts-plan.js';
import { fittedToOpenclaw } from './fit-to-openclaw.js';
import { ownEndpoint } from './plan-providers.js';
import {
  currentDefaultModel,
  type DefaultModelOutcome,
  type DefaultModelPolicy,
  type ProviderSetup,
  planSetup,
  setupForHome,
  vanishes,
} from './setup-plan.js';

export interface ChoiceCredential {
  kind: SecretKind;
  secret: string;
  /** The profile the person named (or the catalog's first); other profiles the choice stores follow it. */
  profileId: string;
  expiresAt?: number;
  /** The profile's `metadata` (Cloudflare's account and gateway ids). */
  metadata?: Record<string, string>;
  /** Stored instead of the secret: the variable the gateway reads it from (`--secret-input-mode ref`). */
  secretRef?: SecretRef;
}

export interface OnboardChoiceInput {
  workspace: Workspace;
  store?: AgentStore;
  choice: CatalogChoice;
  /** The provider the credential and setup are for (the choice's, or `--token-provider`'s). */
  provider: string;
  credential?: ChoiceCredential;
  /** The setup to write; the catalog's for the choice when not given (custom endpoints and local servers build their own). */
  setup?: ProviderSetup;
  /** The setup, planned against the config as it is under the lock (a custom endpoint's id depends on it). */
  setupFor?: (doc: Record<string, unknown>) => ProviderSetup;
  defaultModel: DefaultModelPolicy;
  /** Also set this variable in the daemon's .env. */
  envVariable?: string;
  now?: () => number;
}

export interface OnboardedChoice extends WrittenSetup {
  choice: CatalogChoice;
  provider: string;
  /** The credential's profiles, the person's first. */
  saved: SaveCredentialResult[];
}

/** The profiles a choice stores: the person's, then any other the choice fills with the same secret. */
export function choiceProfileIds(choice: CatalogChoice, provider: string, profileId: string): string[] {
  const others = (choice.credential.profileIds ?? []).filter(
    (id) => id !== profileId && !id.startsWith(`${provider}:`),
  );
  return [profileId, ...others];
}

/**
 * Where OpenClaw before 2026.8 named a choice's profile otherwise than the catalog's 2026.9 does
 * (its onboarding, observed on 2026.5.20: the OpenAI key was `openai:default`).
 */
const OLDER_PROFILE_IDS: Readonly<Record<string, string>> = { 'openai:api-key': 'openai:default' };

/**
 * The profile id onboarding gives a choice's credential when the person names none, as the
 * OpenClaw of this home names it (`pluginsServeProviders`: 2026.8 and later).
 */
export function defaultProfileId(choice: CatalogChoice, provider: string, pluginsServeProviders = true): string {
  const id = choice.credential.profileIds?.find((entry) => entry.startsWith(`${provider}:`)) ?? `${provider}:default`;
  return pluginsServeProviders ? id : (OLDER_PROFILE_IDS[id] ?? id);
}

export async function onboardChoice(input: OnboardChoiceInput): Promise<OnboardedChoice> {
  const { workspace, choice, provider } = input;
  const setup = input.setup ?? catalogSetup(choice);
  const saved: SaveCredentialResult[] = [];
  let store = input.store;
  if (input.credential) {
    const { kind, secret, expiresAt, metadata, secretRef } = input.credential;
    for (const [index, profileId] of choiceProfileIds(choice, provider, input.credential.profileId).entries()) {
      const result = await saveCredentialProfile({
        workspace,
        profileId,
        provider: profileId.slice(0, profileId.indexOf(':')),
        kind,
        secret,
        ...(expiresAt !== undefined ? { expiresAt } : {}),
        ...(metadata ? { metadata } : {}),
        ...(secretRef ? { secretRef } : {}),
        ...(index === 0 && input.envVariable ? { envVariable: input.envVariable } : {}),
        ...(input.now ? { now: input.now } : {}),
        ...(store ? { store } : {}),
      });
      store = result.store;
      saved.push(result);
    }
  }
  const stamp = (store ?? input.store)?.pluginsServeProviders === true;
  try {
    const written = await writeSetup(workspace, input.setupFor ?? setup, provider, input.defaultModel, stamp);
    return { choice, provider, saved, ...written };
  } catch (error) {
    // The credential is in the store by now: the reason the setup stopped says so (same exit code).
    if (saved.length > 0 && error instanceof Error)
      error.message = `saved ${saved.map((result) => result.profileId).join(', ')}, but none of its setup in openclaw.json was written (plugin, endpoint, default model): ${error.message}`;
    throw error;
  }
}

export interface WrittenSetup {
  config: ConfigChangeResult;
  defaultModel: DefaultModelOutcome;
  /** Plugins this enabled. */
  enabled: string[];
  setup: ProviderSetup;
  /** Providers whose endpoint this moved (another region or plan): their other profiles now go there too. */
  movedEndpoints?: MovedEndpoint[];
  /** The default model, kept, whose model the block written whole no longer has. */
  lostDefault?: string;
}

/** The image default model this write set (a MAI image deployment), for the reports. */
export function imageDefaultSet(written: Pick<WrittenSetup, 'config'>): string | undefined {
  for (const applied of written.config.applied) {
    const path = applied.path.join('.');
    if (path === 'agents.defaults.mediaModels.image.primary' && typeof applied.value === 'string') return applied.value;
    // An image default that was a bare string is replaced whole.
    const primary = asRecord(applied.value)?.primary;
    if (path === 'agents.defaults.mediaModels.image' && typeof primary === 'string') return primary;
  }
  return undefined;
}

export interface MovedEndpoint {
  provider: string;
  from: string;
  to: string;
}

/** The providers whose `baseUrl` the setup changes from one that was set. */
function movedEndpoints(doc: Record<string, unknown>, setup: ProviderSetup): MovedEndpoint[] {
  const existing = asRecord(asRecord(doc.models)?.providers);
  return Object.entries(setup.providers).flatMap(([provider, block]) => {
    const from = asRecord(existing?.[provider])?.baseUrl;
    const to = block.baseUrl;
    // An address of the person's own is kept (plan-providers.ts): nothing moves.
    if (!setup.endpointsAsked && ownEndpoint(doc, provider, block) !== undefined) return [];
    return typeof from === 'string' && typeof to === 'string' && endpointKey(from) !== endpointKey(to)
      ? [{ provider, from, to }]
      : [];
  });
}

/**
 * What a report says beside a written setup: each endpoint it moved under the provider's other
 * profiles (read from `state`; none without it), and a default model the gateway can no longer run.
 */
export function setupNotes(
  state: AgentState | undefined,
  written: Pick<WrittenSetup, 'movedEndpoints' | 'lostDefault'>,
  savedIds: readonly string[],
): string[] {
  const profiles = state ? listAgentProfiles(state) : [];
  const moved = (written.movedEndpoints ?? []).flatMap((endpoint) => {
    const others = profiles
      .map((profile) => profile.view)
      .filter((view) => view.provider === endpoint.provider && !savedIds.includes(view.id))
      .map((view) => view.id);
    const note = movedEndpointNote(endpoint, others);
    return note ? [note] : [];
  });
  const lost = lostDefaultNote(written);
  return lost ? [...moved, lost] : moved;
}

/** For a report: the default model the gateway can no longer run, and the way out. */
function lostDefaultNote(written: Pick<WrittenSetup, 'lostDefault'>): string | undefined {
  const ref = written.lostDefault;
  if (!ref) return undefined;
  const provider = ref.slice(0, ref.indexOf('/'));
  return `the default model ${ref} is no longer in models.providers.${provider}, so the gateway cannot run it; make another the default (\`authdeck onboard --non-interactive --auth-choice … --set-default-model\`, or agents.defaults.model in openclaw.json)`;
}

function movedEndpointNote(moved: MovedEndpoint, others: readonly string[]): string | undefined {
  if (others.length === 0) return undefined;
  const named = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
  return `models.providers.${moved.provider}.baseUrl moved from ${moved.from} to ${moved.to}: ${named}, set up for the old endpoint, ${others.length > 1 ? 'are' : 'is'} now sent to the new one too (a key of another region fails there); remove ${others.length > 1 ? 'them' : 'it'} with \`authdeck remove\`, or give ${moved.provider} one region`;
}

/** openclaw.json given a setup (or one planned against it as it is under the lock). */
export async function writeSetup(
  /** The config, and the agent whose models a default goes to (planForAgent). */
  target: { configPath: string; agentId?: string },
  setupOrPlan: ProviderSetup | ((doc: Record<string, unknown>) => ProviderSetup),
  provider: string,
  policy: DefaultModelPolicy,
  /** The home runs OpenClaw 2026.9+ (fit-to-openclaw.ts). */
  stamp: boolean,
): Promise<WrittenSetup> {
  let setup = typeof setupOrPlan === 'function' ? undefined : setupForHome(setupOrPlan, stamp);
  // Nothing to write (a provider of your own): the config's lock is not taken for nothing.
  if (
    setup &&
    setup.plugins.length === 0 &&
    Object.keys(setup.providers).length === 0 &&
    !setup.defaultModel &&
    !setup.facts?.length
  )
    return {
      config: { path: target.configPath, files: [], changed: false, created: false, applied: [] },
      defaultModel: { status: 'none' },
      enabled: [],
      setup,
    };
  let outcome: { defaultModel: DefaultModelOutcome; enabled: string[] } = {
    defaultModel: { status: 'none' },
    enabled: [],
  };
  let moved: MovedEndpoint[] = [];
  let lost: string | undefined;
  const config = await changeConfig(target.configPath, (whole) =>
    // The agent's models as it sees them (its own entry on an explicit 2026.9 roster), planned there.
    planForAgent(whole, target.agentId, (doc) => {
      const planned = setupForHome(typeof setupOrPlan === 'function' ? setupOrPlan(doc) : setupOrPlan, stamp);
      setup = planned;
      // Region switches of catalog choices only: a block written whole (Foundry) is one endpoint of its own.
      moved = planned.providersComplete ? [] : movedEndpoints(doc, planned);
      const current = currentDefaultModel(doc);
      const plan = planSetup(doc, planned, provider, policy);
      outcome = plan;
      lost = current && plan.defaultModel.status !== 'set' && vanishes(current, planned) ? current : undefined;
      const rest = planned.facts ? planFacts(doc, planned.facts, provider, policy).changes : [];
      return fittedToOpenclaw(doc, [...plan.changes, ...rest], stamp);
    }),
  );
  return {
    config,
    ...outcome,
    setup: setup ?? { plugins: [], providers: {} },
    ...(moved.length > 0 ? { movedEndpoints: moved } : {}),
    ...(lost ? { lostDefault: lost } : {}),
  };
}

export type { LockOptions };
