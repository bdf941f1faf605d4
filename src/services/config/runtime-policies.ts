/**
 * Where openclaw.json chooses an agent runtime for a model or provider, read as OpenClaw's
 * resolveModelRuntimePolicy looks (providers/runtime-plugin.ts decides what they mean).
 */
import { asRecord } from '../json-text.js';

/** The agent runtimes openclaw.json chooses, where OpenClaw looks for them (resolveModelRuntimePolicy). */
export interface RuntimePolicies {
  /** `agents.entries.<id>.models` (and `agents.list[].models`): model ref or `<provider>/*` → runtime. */
  agentModels: Record<string, Record<string, string>>;
  /** `agents.defaults.models`: the same for every agent. */
  defaultModels: Record<string, string>;
  /** `models.providers.<provider>.models[]`: model id → runtime. */
  providerModels: Record<string, Record<string, string>>;
  /** `models.providers.<provider>.agentRuntime`. */
  providers: Record<string, string>;
}

/** A runtime id as OpenClaw normalizes it (normalizeEmbeddedAgentRuntime); undefined when none is set. */
function runtimeOf(entry: unknown): string | undefined {
  const id = asRecord(asRecord(entry)?.agentRuntime)?.id;
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const value = id.trim().toLowerCase();
  return value === 'pi' ? 'openclaw' : value === 'codex-app-server' ? 'codex' : value;
}

function modelRuntimes(models: unknown): Record<string, string> {
  const found: Record<string, string> = Object.create(null);
  for (const [ref, entry] of Object.entries(asRecord(models) ?? {})) {
    const runtime = runtimeOf(entry);
    if (runtime) found[ref.trim()] = runtime;
  }
  return found;
}

export function readRuntimePolicies(doc: Record<string, unknown>): RuntimePolicies {
  const agents = asRecord(doc.agents) ?? {};
  const agentModels: RuntimePolicies['agentModels'] = Object.create(null);
  for (const entry of Array.isArray(agents.list) ? agents.list : []) {
    const id = asRecord(entry)?.id;
    if (typeof id === 'string') agentModels[id.trim()] = modelRuntimes(asRecord(entry)?.models);
  }
  for (const [id, entry] of Object.entries(asRecord(agents.entries) ?? {}))
    agentModels[id.trim()] = modelRuntimes(asRecord(entry)?.models);
  const providerModels: RuntimePolicies['providerModels'] = Object.create(null);
  const providers: RuntimePolicies['providers'] = Object.create(null);
  for (const [id, entry] of Object.entries(asRecord(asRecord(doc.models)?.providers) ?? {})) {
    const provider = id.trim().toLowerCase();
    const runtime = runtimeOf(entry);
    if (runtime) providers[provider] = runtime;
    const models = asRecord(entry)?.models;
    const byId: Record<string, string> = Object.create(null);
    for (const model of Array.isArray(models) ? models : []) {
      const modelId = asRecord(model)?.id;
      const modelRuntime = runtimeOf(model);
      if (typeof modelId === 'string' && modelRuntime) byId[modelId] = modelRuntime;
    }
    providerModels[provider] = byId;
  }
  return { agentModels, defaultModels: modelRuntimes(asRecord(agents.defaults)?.models), providerModels, providers };
}
