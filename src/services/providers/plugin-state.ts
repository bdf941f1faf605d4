/**
 * A provider's credentials are used only when its plugin is loaded (OpenClaw 2026.8+): plugins not
 * switched off (plugins.enabled, plugins.deny, plugins.allow, plugins.entries: plugin-policy.ts),
 * bundled ones that onboarding enables enabled, and one from the external catalog installed. Doctor reports it; explain gives it as the reason a provider is not tried.
 */

import { normalizePluginId, type PluginOff, pluginBlock, pluginOff } from '../config/plugin-policy.js';
import type { Workspace } from '../config/workspace.js';
import { AuthdeckError } from '../errors.js';
import type { AgentState } from '../profiles/agent-state.js';
import type { CheckFinding, StatusReport } from '../status/types.js';
import type { AgentStore } from '../store/agent-store.js';
import { startProblems } from '../store/report.js';
import { type CatalogChoice, type CatalogPlugin, providerPlugin } from './catalog.js';
import { type PluginNeed, pluginNeed, providerPluginNeed } from './plugin-install.js';
import { CODEX_RUNTIME_REASON, runtimePluginFor } from './runtime-plugin.js';

export interface PluginProblem {
  code: 'plugin-disabled' | 'plugin-not-installed';
  pluginId: string;
  /** "the anthropic plugin is switched off". */
  summary: string;
  /** The summary and where: "… (plugins.entries.anthropic.enabled in /…/openclaw.json)". */
  problem: string;
  fix: string;
  /**
   * Setting the plugin's own entry to enabled fixes it (doctor --fix does that). A policy that
   * blocks it (plugins.enabled false, plugins.deny, plugins.allow) is the person's to change.
   */
  entryFixes: boolean;
  /** The plugin runs the provider's models rather than being the provider's own (Codex for OpenAI). */
  runtime?: true;
  /**
   * The runtime the provider's models run on is unavailable (this problem, or one under it):
   * OpenClaw's `models status --check` fails the provider (exit 1).
   */
  runtimeUnavailable?: true;
}

/**
 * What keeps the gateway from loading `provider`: its own plugin, else the runtime plugin its
 * models run on (runtime-plugin.ts); undefined when nothing does (or it cannot be told).
 */
export async function providerPluginProblem(
  state: Pick<AgentState, 'store' | 'workspace'>,
  provider: string,
): Promise<PluginProblem | undefined> {
  // Plugins decide which providers load from the shared-SQLite generation on; older ones build them in.
  if (!state.store.pluginsServeProviders) return undefined;
  const { config } = state.workspace;
  const plugin = providerPlugin(provider);
  // A models.providers block serves the provider by itself (a custom endpoint under that id),
  // unless onboarding also enabled the plugin: OpenClaw's doctor installs an enabled plugin
  // that is missing, so the gateway still wants it.
  const served =
    Object.hasOwn(config.models.providers, provider) &&
    (!plugin || config.plugins.entries[normalizePluginId(plugin.id)] !== true);
  const own = plugin && !served ? await pluginProblem(state, plugin) : undefined;
  const runtime = runtimePluginFor(config, provider, state.workspace.agentId);
  const underIt = runtime ? await pluginProblem(state, runtime, CODEX_RUNTIME_REASON) : undefined;
  const unavailable = underIt ? { runtimeUnavailable: true as const } : {};
  if (own) return { ...own, ...unavailable };
  return underIt ? { ...underIt, runtime: true, ...unavailable } : undefined;
}

/** What the plugin questions read of an agent's workspace. */
type PluginWorkspace = Pick<Workspace, 'config' | 'configPath' | 'stateDir' | 'agentId'>;

/** What keeps the gateway from loading one plugin: switched off or blocked, or not installed. */
async function pluginProblem(
  state: { workspace: PluginWorkspace },
  plugin: CatalogPlugin,
  reason?: string,
): Promise<PluginProblem | undefined> {
  const { config, configPath } = state.workspace;
  // A block the entry cannot lift comes first: enabling the entry alone would not load it.
  const off =
    pluginBlock(config.plugins, plugin.id) ??
    pluginOff(config.plugins, plugin.id, plugin.status === 'bundled-needs-enable');
  if (off) {
    const words = OFF_WORDS[off](plugin.id);
    return {
      code: 'plugin-disabled',
      pluginId: plugin.id,
      summary: words.summary,
      problem: `${words.summary} (${words.where} in ${configPath})`,
      fix: words.fix,
      entryFixes: off === 'disabled-in-config' || off === 'not-enabled',
    };
  }
  // Looked for where onboarding looks (plugin-install.ts): the state dir and the config's.
  const need = await pluginNeed(plugin, state.workspace, reason);
  if (!need) return undefined;
  const summary = `the ${plugin.id} plugin is not installed`;
  return {
    code: 'plugin-not-installed',
    pluginId: plugin.id,
    summary,
    problem: `${summary} (${need.reason})`,
    fix: `\`${need.installCommand}\`, then restart the gateway`,
    entryFixes: false,
  };
}

/** A plugin its own entry leaves off: `plugins.entries.<id>.enabled` is false, or never set for one off by default. */
function entryOff(id: string, state: string): { summary: string; where: string; fix: string } {
  return {
    summary: `the ${id} plugin is ${state}`,
    where: `plugins.entries.${id}.enabled`,
    fix: `set plugins.entries.${id}.enabled to true`,
  };
}

/** What each reason the gateway leaves a plugin off says, where it is set, and the fix. */
const OFF_WORDS: Record<PluginOff, (id: string) => { summary: string; where: string; fix: string }> = {
  'plugins-disabled': () => ({
    summary: 'plugins are switched off',
    where: 'plugins.enabled',
    fix: 'remove plugins.enabled: false',
  }),
  denied: (id) => ({
    summary: `the ${id} plugin is denied`,
    where: 'plugins.deny',
    fix: `remove ${id} from plugins.deny`,
  }),
  'disabled-in-config': (id) => entryOff(id, 'switched off'),
  'not-in-allowlist': (id) => ({
    summary: `the ${id} plugin is not in plugins.allow`,
    where: 'plugins.allow',
    fix: `add ${id} to plugins.allow`,
  }),
  'not-enabled': (id) => entryOff(id, 'not enabled'),
};

/**
 * A plugin the config's policy keeps off whatever its own entry says (plugins.enabled false,
 * plugins.deny, an allow list without it): OpenClaw's onboarding refuses such a choice ("blocked
 * by denylist") and writes nothing. The sentence says what blocks it and the fix; undefined when
 * nothing does (or the generation has no plugins).
 */
function pluginBlocked(store: AgentStore, pluginId: string): string | undefined {
  if (!store.pluginsServeProviders) return undefined;
  const off = pluginBlock(store.workspace.config.plugins, pluginId);
  if (!off) return undefined;
  const words = OFF_WORDS[off](pluginId);
  return `${words.summary} (${words.where} in ${store.workspace.configPath}), so the gateway would not use the credential; ${words.fix} first`;
}

/**
 * A config OpenClaw will not start on (startProblems: a setting of a type its schema rejects, an
 * unknown key, a roster it refuses): a save into it would report success for a gateway that does
 * not start, and its entries may not even go in (a key into a list).
 */
function notStarting(store: AgentStore): string | undefined {
  const [first] = startProblems(store);
  // A problem that names its own fix ("take it out") needs no second one.
  return first && (first.includes(';') ? first : `${first}; correct it first`);
}

/** Refuses a save into a plugin the config blocks (pluginBlocked) or into a misshapen config: nothing is written. */
function refuseIfPluginBlocked(store: AgentStore, pluginId: string): void {
  const blocked = notStarting(store) ?? pluginBlocked(store, pluginId);
  if (blocked) throw new AuthdeckError(`nothing saved: ${blocked}`);
}

/**
 * What keeps a provider's credential from use: a config OpenClaw will not start on, else its
 * plugin blocked (pluginBlocked) unless a models.providers block serves the provider without it;
 * undefined when nothing does.
 */
export function providerBlocked(store: AgentStore, provider: string): string | undefined {
  const stops = notStarting(store);
  if (stops) return stops;
  // As providerPluginProblem says: such a block is a custom endpoint under that id.
  if (Object.hasOwn(store.workspace.config.models.providers, provider)) return undefined;
  const plugin = providerPlugin(provider);
  return plugin ? pluginBlocked(store, plugin.id) : undefined;
}

/** The same refusal for a provider's credential (providerBlocked). */
export function refuseBlockedPlugin(store: AgentStore, provider: string): void {
  const blocked = providerBlocked(store, provider);
  if (blocked) throw new AuthdeckError(`nothing saved: ${blocked}`);
}

/**
 * The same for an onboarding choice: the plugin the choice names, else its provider's (the
 * generic `token` choice names none; a custom endpoint has no plugin to block).
 */
export function refuseBlockedChoice(store: AgentStore, choice: CatalogChoice, provider: string): void {
  if (choice.plugin) refuseIfPluginBlocked(store, choice.plugin.id);
  else refuseBlockedPlugin(store, provider);
}

/** A provider the report shows (with a profile, a key in the gateway's .env, or in use) whose plugin keeps the gateway from it. */
export interface ProviderPluginProblem {
  provider: string;
  inUse: boolean;
  problem: PluginProblem;
}

/** Each plugin problem of the report's providers, once per plugin (doctor's findings, status's warnings). */
export async function reportPluginProblems(state: AgentState, report: StatusReport): Promise<ProviderPluginProblem[]> {
  const providers = new Set([
    ...report.providers.filter((entry) => entry.inUse).map((entry) => entry.provider),
    ...report.profiles.map((profile) => profile.provider),
    // A key in the gateway's own .env is a credential it would use, once the plugin loads.
    ...report.env.filter((entry) => entry.origin === 'dotenv').map((entry) => entry.provider),
  ]);
  const found: ProviderPluginProblem[] = [];
  const seen = new Set<string>();
  for (const provider of providers) {
    const problem = await providerPluginProblem(state, provider);
    if (!problem || seen.has(problem.pluginId)) continue;
    seen.add(problem.pluginId);
    const inUse = report.providers.some((entry) => entry.provider === provider && entry.inUse);
    found.push({ provider, inUse, problem });
  }
  return found;
}

/** What keeps the gateway from a provider, in a few words: "zai plugin not installed". */
export function pluginProblemWords(problem: PluginProblem): string {
  return `${problem.pluginId} plugin ${problem.code === 'plugin-not-installed' ? 'not installed' : 'switched off'}`;
}

/** The warning `status` and the dashboard give for one: what is off, what it costs, the fix. */
export function pluginWarning({ provider, problem }: ProviderPluginProblem): string {
  const cost = problem.runtime ? 'the gateway cannot run its models' : 'the gateway does not use its credentials';
  return `${provider}: ${problem.summary}, so ${cost}; fix: ${problem.fix}`;
}

/**
 * What `status --check` counts of them, as OpenClaw's `models status --check` does: a provider
 * in use whose runtime plugin is missing or off fails (exit 1); its own plugin's state it does
 * not count.
 */
export function pluginCheckFindings(found: ProviderPluginProblem[]): CheckFinding[] {
  return found
    .filter(({ inUse, problem }) => inUse && problem.runtimeUnavailable)
    .map(({ provider, problem }) => ({
      exitCode: 1 as const,
      provider,
      profileId: null,
      message: `${provider}: ${problem.summary}, so the gateway cannot run its models`,
    }));
}

/**
 * The warning a save gives when the runtime its provider's models run on is off by the config
 * (installing would not help): what blocks it and the fix. Undefined when nothing does.
 */
async function runtimeBlockedWarning(
  state: { workspace: PluginWorkspace },
  provider: string,
): Promise<string | undefined> {
  const { config, agentId } = state.workspace;
  const runtime = runtimePluginFor(config, provider, agentId);
  // Only the runtime plugin: the provider's own was looked at by the save that asks.
  const problem = runtime ? await pluginProblem(state, runtime, CODEX_RUNTIME_REASON) : undefined;
  if (problem?.code !== 'plugin-disabled') return undefined;
  return pluginWarning({ provider, inUse: true, problem: { ...problem, runtime: true } });
}

/**
 * What the gateway still lacks, after a save, to answer with `provider`'s models: the plugin to
 * install (its own, else its runtime's), or — nothing to install — the warning for a runtime the
 * config's policy keeps off. Every save (key, token, sign-in, wizard) asks this one question.
 */
export async function pluginGap(
  plugin: CatalogPlugin | null | undefined,
  provider: string,
  workspace: PluginWorkspace,
): Promise<{ need?: PluginNeed; blocked?: string }> {
  const need = await providerPluginNeed(plugin, provider, workspace);
  if (need) return { need };
  const blocked = await runtimeBlockedWarning({ workspace }, provider);
  return blocked ? { blocked } : {};
}
