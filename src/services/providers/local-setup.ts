/**
 * A local model server (Ollama, LM Studio, vLLM, SGLang) set up as OpenClaw's onboarding sets it
 * up: found at its address (vLLM and SGLang are written without being asked, as OpenClaw does
 * when the model is named), its models listed, its provider block and default model planned.
 */
import { AuthdeckError, UsageError } from '../errors.js';
import { findLocalServer, LOCAL_SERVERS, type LocalServerKind, localAddressProblem } from './local-server.js';
import { defaultModelChoice, localProviderConfig } from './local-server-config.js';
import { checkedModelIdFlag } from './model-id.js';
import type { ProviderSetup } from './setup-plan.js';

export { isLocalServerKind } from './local-server.js';

export interface LocalSetupInput {
  kind: LocalServerKind;
  baseUrl?: string | undefined;
  modelId?: string | undefined;
  /** vLLM and SGLang need one (any value); LM Studio with auth on. */
  apiKey?: string | undefined;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface LocalSetup {
  setup: ProviderSetup;
  /** The profile OpenClaw stores (vLLM, SGLang, LM Studio with a key); none for Ollama. */
  credential?: { profileId: string; secret: string };
  baseUrl: string;
}

/** Whether the server must answer before anything is written (vLLM/SGLang with a model named need not). */
function mustAsk(input: LocalSetupInput): boolean {
  return input.kind === 'ollama' || input.kind === 'lmstudio' || !input.modelId;
}

export async function planLocalServer(input: LocalSetupInput): Promise<LocalSetup> {
  const { kind } = input;
  const spec = LOCAL_SERVERS[kind];
  if ((kind === 'vllm' || kind === 'sglang') && !input.apiKey)
    throw new UsageError(
      `${spec.label} needs a key (any value, the one \`${kind} serve --api-key\` was given): pipe it on stdin or set ${spec.keyVariable}`,
    );
  // A usage error, before a server is looked for: no address would work.
  const addressProblem = input.baseUrl === undefined ? undefined : localAddressProblem(kind, input.baseUrl);
  if (addressProblem) throw new UsageError(`--custom-base-url: ${addressProblem}`);
  let baseUrl = input.baseUrl ?? spec.defaultBaseUrl;
  let models: Parameters<typeof localProviderConfig>[2] = [];
  if (mustAsk(input)) {
    const found = await findLocalServer(kind, {
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      timeoutMs: input.timeoutMs ?? 5000,
      ...(input.apiKey ? { apiKey: input.apiKey } : {}),
      ...(input.fetch ? { fetch: input.fetch } : {}),
    });
    if (!found.ok)
      throw new AuthdeckError(
        found.problem === 'unknown-host' ? found.reason : `${found.reason}; start it with \`${found.command}\``,
      );
    baseUrl = found.baseUrl;
    models = found.models;
  }
  let modelId = input.modelId === undefined ? undefined : checkedModelIdFlag(input.modelId);
  if (!modelId) {
    const picked = defaultModelChoice(kind, models);
    if (picked.id === undefined)
      throw new AuthdeckError(
        `${picked.reason}; \`${picked.command}\`${picked.command.startsWith('--custom-model-id') ? '' : ', or name one with --custom-model-id'}`,
      );
    modelId = picked.id;
  }
  const config = localProviderConfig(kind, baseUrl, models, modelId, input.apiKey ? { apiKey: input.apiKey } : {});
  return {
    baseUrl,
    setup: {
      plugins: [config.providerId],
      modelsMode: config.modelsMode,
      providers: { [config.providerId]: config.provider as unknown as Record<string, unknown> },
      providersComplete: true,
      defaultModel: { ref: config.primaryModel, entry: null },
    },
    ...(config.authProfile
      ? { credential: { profileId: config.authProfile.id, secret: config.authProfile.credential.key } }
      : {}),
  };
}
