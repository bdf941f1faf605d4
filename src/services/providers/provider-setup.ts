/**
 * The setup behind a bare `add-key` / `paste-token`: which of the provider's auth choices the
 * secret stands for, so the gateway gets what `openclaw onboard` would write for it (README
 * "Providers"). One choice of that kind: its whole setup. Several (regions, plans): only the
 * plugin they share, and the choices to name for the rest. None: nothing (a provider of your own).
 */
import type { Workspace } from '../config/workspace.js';
import type { SecretKind } from '../profiles/credentials.js';
import { type CatalogChoice, choicesForProvider, findChoice } from './catalog.js';
import { catalogSetup } from './catalog-setup.js';
import { type WrittenSetup, writeSetup } from './onboard-choice.js';
import { installedDefaultModel, type PluginNeed } from './plugin-install.js';
import { pluginGap } from './plugin-state.js';
import { type DefaultModelPolicy, type ProviderSetup, withBuiltInDefault } from './setup-plan.js';

export interface SecretSetup {
  setup: ProviderSetup;
  /** The choice the secret stands for, when only one fits. */
  choice?: CatalogChoice;
  /** Choices that differ in endpoint or region: the person names one with `onboard --auth-choice`. */
  alternatives: CatalogChoice[];
}

const NONE: SecretSetup = { setup: { plugins: [], providers: {} }, alternatives: [] };

export function setupForSecret(provider: string, kind: SecretKind): SecretSetup {
  const own = choicesForProvider(provider).filter((choice) => choice.scopes.includes('text-inference'));
  if (own.length === 0) return NONE;
  const fitting = own.filter((choice) => choice.credential.kind === kind);
  if (fitting.length === 1) {
    const choice = fitting[0] as CatalogChoice;
    return { setup: catalogSetup(choice), choice, alternatives: [] };
  }
  const candidates = fitting.length > 0 ? fitting : own;
  // The plugin every candidate enables is safe to enable whichever is meant.
  const sets = candidates.map((choice) => new Set(catalogSetup(choice).plugins));
  const shared = [...(sets[0] ?? [])].filter((id) => sets.every((set) => set.has(id)));
  return { setup: { plugins: shared, providers: {} }, alternatives: fitting.length > 1 ? fitting : [] };
}

/** The choice a secret saved for `provider` stands for: the one named, else the only one that fits. */
export function choiceForSecret(provider: string, kind: SecretKind, authChoice?: string): CatalogChoice | undefined {
  return authChoice ? findChoice(authChoice) : setupForSecret(provider, kind).choice;
}

/** A saved secret's provider set up: what was written, the plugin still to install, the regions to choose from. */
export interface ProviderSetUp extends WrittenSetup {
  plugin?: PluginNeed;
  /** Nothing to install, but the config's policy keeps the provider's runtime off: what blocks it and the fix. */
  blocked?: string;
  /** Choices that would write an endpoint this could not pick (none once the config has the provider's block). */
  alternatives: CatalogChoice[];
}

export async function setUpProvider(
  workspace: Pick<Workspace, 'configPath' | 'stateDir' | 'config' | 'agentId'>,
  input: {
    provider: string;
    kind: SecretKind;
    policy: DefaultModelPolicy;
    authChoice?: string;
    /** The home runs OpenClaw 2026.9+ (fit-to-openclaw.ts). */
    stamp: boolean;
    /** What the choice writes when it is built from answers (Cloudflare's ids), not from the catalog alone. */
    setup?: ProviderSetup;
  },
): Promise<ProviderSetUp> {
  const { provider } = input;
  const chosen = input.authChoice ? findChoice(input.authChoice) : undefined;
  const forSecret: SecretSetup = chosen
    ? { setup: input.setup ?? catalogSetup(chosen), choice: chosen, alternatives: [] }
    : setupForSecret(provider, input.kind);
  // OpenAI's model is OpenClaw's built-in one: `d` / --set-default-model can make it the default too.
  const setup = withBuiltInDefault(forSecret.setup, provider);
  const written = await writeSetup(workspace, setup, provider, input.policy, input.stamp);
  // OpenClaw ≤ 2026.6 (no stamp) builds its providers in: no plugin to install, no manifest to read.
  const { need: plugin, blocked } = input.stamp
    ? await pluginGap(
        (forSecret.choice ?? forSecret.alternatives[0] ?? choicesForProvider(provider)[0])?.plugin,
        provider,
        workspace,
      )
    : {};
  // A plugin installed before this save: the default model its manifest names, as after an install.
  const second =
    !plugin && forSecret.choice
      ? await setInstalledPluginDefault(workspace, { ...input, choice: forSecret.choice })
      : undefined;
  const configured = Object.hasOwn(workspace.config.models.providers, provider);
  return {
    ...(second ? withDefaultFrom(written, second) : written),
    ...(plugin ? { plugin } : {}),
    ...(blocked ? { blocked } : {}),
    alternatives: configured ? [] : forSecret.alternatives,
  };
}

/** Only its installed plugin's manifest can name the choice's default model: the catalog has none (ClawHub's). */
export function defaultFromManifest(choice: CatalogChoice): boolean {
  return !choice.defaultModel && choice.plugin?.status === 'external-catalog';
}

/**
 * An external choice the catalog has no default model for (its plugin was never observed
 * installed: ClawHub's), once its plugin is installed: the default model its manifest names,
 * under the same policy. Undefined when there is none to set, or on a home of OpenClaw ≤ 2026.6
 * (no `stamp`), which builds its providers in.
 */
export async function setInstalledPluginDefault(
  workspace: Pick<Workspace, 'configPath' | 'stateDir' | 'agentId'>,
  input: { choice: CatalogChoice; provider: string; policy: DefaultModelPolicy; stamp: boolean },
): Promise<WrittenSetup | undefined> {
  const { choice, provider } = input;
  if (!input.stamp || !defaultFromManifest(choice) || !choice.plugin) return undefined;
  const ref = await installedDefaultModel(choice.plugin, provider, workspace);
  if (!ref) return undefined;
  return writeDefaultModel(workspace, { provider, ref, policy: input.policy, stamp: input.stamp });
}

/** `ref` as the default model under `policy` (its entry added where missing), and nothing else. */
export function writeDefaultModel(
  target: { configPath: string; agentId?: string },
  input: { provider: string; ref: string; policy: DefaultModelPolicy; stamp: boolean },
): Promise<WrittenSetup> {
  const setup: ProviderSetup = { plugins: [], providers: {}, defaultModel: { ref: input.ref, entry: {} } };
  return writeSetup(target, setup, input.provider, input.policy, input.stamp);
}

/** A setup with the default model a second write set (the installed plugin's); what the first wrote stays listed. */
export function withDefaultFrom<T extends WrittenSetup>(first: T, second: WrittenSetup): T {
  return {
    ...first,
    defaultModel: second.defaultModel,
    config: {
      ...first.config,
      changed: first.config.changed || second.config.changed,
      applied: [...first.config.applied, ...second.config.applied],
    },
  };
}
