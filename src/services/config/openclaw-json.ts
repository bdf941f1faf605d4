import { UnreadableStateError } from '../errors.js';
import { readTextIfExists } from '../files/fs-read.js';
import { asRecord, idMap } from '../json-text.js';
import { readModelAliases } from '../status/model-refs.js';
import type { AgentModels, ModelChoice, ModelSettings, ProviderUse } from '../status/model-types.js';
import { providersInUseFrom, readModelChoice, readModelSettings, resolveProviderUses } from '../status/model-usage.js';
import { agentRosterProblems, normalizeAgentId } from './agent-ids.js';
import {
  type EnvRecord,
  mayNameVariables,
  openclawEnv,
  substituteConfigEnv,
  type UnsetVariable,
  withConfigEnvSection,
} from './config-env.js';
import { INCLUDE_KEY, resolveIncludes } from './config-include.js';
import { configShapeProblems } from './config-shape.js';
import type { PathEnv } from './paths.js';
import { type PluginPolicy, readPluginPolicy } from './plugin-policy.js';
import { unknownRootKeys } from './root-keys.js';
import { type RuntimePolicies, readRuntimePolicies } from './runtime-policies.js';

export interface ConfigAgentEntry extends AgentModels {
  id: string;
  default: boolean;
  agentDir?: string;
  /** The agent's own `model` setting, which overrides the defaults' for that agent. */
  model?: ModelChoice;
}

export interface ConfigProfileEntry {
  provider: string;
  mode: string;
  email?: string;
}

/** What authdeck reads from `openclaw.json` (README "Where it reads and writes"); the rest of the file is left alone. */
export interface GatewayConfig {
  path: string;
  exists: boolean;
  authProfiles: Record<string, ConfigProfileEntry>;
  authOrder: Record<string, string[]>;
  agents: ConfigAgentEntry[];
  /** `agents.defaults.systemAgent.agentId` (normalized): the agent OpenClaw 2026.9 acts on when none is named. */
  systemAgentId?: string;
  /** `agents.ownership` is "explicit": `default: true` markers no longer choose the agent. */
  agentOwnershipExplicit?: boolean;
  /** What OpenClaw 2026.9 refuses in the agent roster (agentRosterProblems): it will not start on it. */
  agentProblems: string[];
  /** Top-level keys OpenClaw 2026.9 refuses (root-keys.ts). */
  unknownRootKeys: string[];
  /** Settings of a type OpenClaw's schema rejects (config-shape.ts): it will not start on the file. */
  shapeProblems: string[];
  /** Default, fallback and image models, aliases, custom providers: what decides the providers in use. */
  models: ModelSettings;
  /** `meta.lastTouchedVersion`: the OpenClaw version that last wrote the file. */
  lastTouchedVersion?: string;
  /** The `gateway` section as written (port, TLS, auth): how to reach the running gateway. */
  gateway?: Record<string, unknown>;
  /** `plugins`: which plugins load, and so which providers' credentials the gateway uses. */
  plugins: PluginPolicy;
  /** The agent runtimes the config chooses for models and providers (runtime-plugin.ts). */
  runtimePolicies: RuntimePolicies;
}

/** Where the config's `${NAME}` are looked up: the environment authdeck runs in, and the gateway's env files. */
export interface ConfigEnvironment {
  env: PathEnv;
  stateDir: string;
  home: string;
}

export async function readGatewayConfig(path: string, environment?: ConfigEnvironment): Promise<GatewayConfig> {
  const text = await readTextIfExists(path);
  if (text === undefined) return emptyConfig(path, false);
  const parsed = await parseConfigText(path, text);
  // `$include` splits a config over files (OpenClaw's documented way); read it as OpenClaw does.
  const included = text.includes(INCLUDE_KEY);
  const doc = included ? await resolveIncludes(parsed, path, parseConfigText) : parsed;
  // `${NAME}` anywhere in the config is replaced on every read by OpenClaw (a default model, a
  // provider's key), so it is here: what the gateway will call is what authdeck reports.
  if (!environment || !mayNameVariables(included ? JSON.stringify(doc) : text)) return interpretConfig(path, doc);
  const env = withConfigEnvSection(doc, await openclawEnv(environment.env, environment.stateDir, environment.home));
  const substituted = substituteConfigEnv(doc, env);
  return interpretConfig(path, substituted.doc, { env, unset: substituted.unset });
}

/** Each model the gateway would call for this agent, with its provider (see model-usage.ts). */
export function providerUses(config: GatewayConfig, agentId?: string): ProviderUse[] {
  const agent = agentId === undefined ? undefined : config.agents.find((entry) => entry.id === agentId);
  return resolveProviderUses(config.models, agent);
}

/** The providers the agent's models name (default, fallbacks, image model), without CLI backends. */
export function providersInUse(config: GatewayConfig, agentId?: string): string[] {
  return providersInUseFrom(providerUses(config, agentId), config.models);
}

/** openclaw.json's text as an object: JSON, else JSON5 (loaded only then). */
export async function parseConfigText(path: string, text: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    // Plain JSON is the common case and needs no parser to be loaded.
    value = JSON.parse(text);
  } catch {
    value = await parseJson5(path, text);
  }
  const doc = asRecord(value);
  if (!doc) throw new UnreadableStateError(`${path}: the top level is not an object`, path);
  return doc;
}

async function parseJson5(path: string, text: string): Promise<unknown> {
  const { default: JSON5 } = await import('json5');
  try {
    return JSON5.parse(text);
  } catch (error) {
    const where = error as { lineNumber?: number; columnNumber?: number };
    const position =
      where.lineNumber !== undefined ? ` at line ${where.lineNumber}, column ${where.columnNumber ?? 0}` : '';
    throw new UnreadableStateError(
      `${path}: not valid JSON5${position}; fix or move the file aside, authdeck will not overwrite it`,
      path,
    );
  }
}

function interpretConfig(
  path: string,
  doc: Record<string, unknown>,
  variables?: { env: EnvRecord; unset: UnsetVariable[] },
): GatewayConfig {
  const auth = asRecord(doc.auth) ?? {};
  const authProfiles = idMap<ConfigProfileEntry>();
  for (const [id, entry] of Object.entries(asRecord(auth.profiles) ?? {})) {
    const record = asRecord(entry);
    if (!record || typeof record.provider !== 'string') continue;
    authProfiles[id] = {
      provider: record.provider,
      mode: typeof record.mode === 'string' ? record.mode : '',
      ...(typeof record.email === 'string' ? { email: record.email } : {}),
    };
  }
  const authOrder = idMap<string[]>();
  for (const [provider, ids] of Object.entries(asRecord(auth.order) ?? {})) {
    if (Array.isArray(ids)) authOrder[provider] = ids.filter((id): id is string => typeof id === 'string');
  }
  const agentsSection = asRecord(doc.agents) ?? {};
  const agents: ConfigAgentEntry[] = [];
  // OpenClaw ≤ 2026.8 lists agents (`agents.list[].id`); 2026.9 keys them by id (`agents.entries`),
  // and where both are present reads only `entries`.
  const roster =
    agentsSection.entries !== undefined
      ? Object.entries(asRecord(agentsSection.entries) ?? {}).map(([id, entry]) => [id, asRecord(entry)] as const)
      : (Array.isArray(agentsSection.list) ? agentsSection.list : []).map((entry) => {
          const record = asRecord(entry);
          return [typeof record?.id === 'string' ? record.id : undefined, record] as const;
        });
  for (const [rawId, record] of roster) {
    const id = typeof rawId === 'string' ? normalizeAgentId(rawId) : undefined;
    if (!record || !id || agents.some((agent) => agent.id === id)) continue;
    const model = readModelChoice(record.model);
    const aliases = readModelAliases(record.models);
    agents.push({
      id,
      default: record.default === true,
      ...(typeof record.agentDir === 'string' && record.agentDir.trim() !== '' ? { agentDir: record.agentDir } : {}),
      ...(model ? { model } : {}),
      ...(typeof record.utilityModel === 'string' ? { utilityModel: record.utilityModel.trim() } : {}),
      ...(Object.keys(aliases).length > 0 ? { aliases } : {}),
    });
  }
  const agentDefaults = asRecord(agentsSection.defaults);
  const agentIdAt = (section: unknown) => {
    const raw = asRecord(section)?.agentId;
    return typeof raw === 'string' ? normalizeAgentId(raw) : undefined;
  };
  const systemAgentId = agentIdAt(agentDefaults?.systemAgent);
  const lastTouchedVersion = asRecord(doc.meta)?.lastTouchedVersion;
  return {
    ...(systemAgentId ? { systemAgentId } : {}),
    ...(agentsSection.ownership === 'explicit' ? { agentOwnershipExplicit: true } : {}),
    agentProblems: agentRosterProblems(asRecord(doc.agents)),
    unknownRootKeys: unknownRootKeys(doc),
    shapeProblems: configShapeProblems(doc),
    plugins: readPluginPolicy(doc.plugins),
    runtimePolicies: readRuntimePolicies(doc),
    path,
    exists: true,
    authProfiles,
    authOrder,
    agents,
    models: readModelSettings(doc, variables),
    ...(typeof lastTouchedVersion === 'string' ? { lastTouchedVersion } : {}),
    ...(asRecord(doc.gateway) ? { gateway: asRecord(doc.gateway) } : {}),
  };
}

function emptyConfig(path: string, exists: boolean): GatewayConfig {
  return {
    path,
    exists,
    authProfiles: {},
    authOrder: {},
    agents: [],
    agentProblems: [],
    unknownRootKeys: [],
    shapeProblems: [],
    models: readModelSettings({}),
    plugins: readPluginPolicy(undefined),
    runtimePolicies: readRuntimePolicies({}),
  };
}

/** A config with nothing in it: what the gateway reads when there is no file. */
export function emptyGatewayConfig(path: string): GatewayConfig {
  return emptyConfig(path, false);
}
