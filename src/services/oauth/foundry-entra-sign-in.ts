import { AuthdeckError, UsageError } from '../errors.js';
import { jsonObject } from '../json-text.js';
import { shown } from '../terminal-text.js';
import { askFor } from './ask.js';
import { type ConfigFact, defaultModel, pluginEnabled } from './config-facts.js';
import { type ProgramResult, runProgram } from './run-program.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';

const PROVIDER = 'microsoft-foundry';
/** Not a secret: tells the gateway to fetch an Entra token from the Azure CLI for each request. */
const ENTRA_MARKER = '__entra_id_dynamic__';
const COGNITIVE_SERVICES = 'https://cognitiveservices.azure.com';
const FOUNDRY_CLAUDE_SCOPE = 'https://ai.azure.com/.default';
type FoundryApi = 'openai-completions' | 'openai-responses' | 'anthropic-messages';

/**
 * Microsoft Foundry with Entra ID (README "More sign-ins"): the Azure CLI's login is used, nothing
 * secret is stored — the profile `microsoft-foundry:entra` holds a marker and the endpoint, and
 * the gateway asks `az account get-access-token` for each token. The deployment is named by the
 * person (OpenClaw's manual path; its resource discovery is not done here).
 */
export async function foundryEntraSignIn(options: SignInOptions): Promise<SignedIn> {
  const az = (args: string[]) => runProgram('az', args, options.env, 30_000);
  const version = await az(['version', '--output', 'none']);
  if (version?.code !== 0)
    throw new AuthdeckError(
      'the Azure CLI (az) is not installed: https://learn.microsoft.com/cli/azure/install-azure-cli',
    );
  const account = jsonObject((await az(['account', 'show', '--output', 'json']))?.stdout ?? '');
  if (!account)
    throw new AuthdeckError('the Azure CLI is not signed in: run `az login --use-device-code`, then sign in again');
  const subscriptions = (parseList((await az(['account', 'list', '--output', 'json', '--all']))?.stdout) ?? []).filter(
    (sub) => sub.state === 'Enabled',
  );
  // One subscription is used as OpenClaw does; of several, the one the CLI is set to.
  const subscription =
    subscriptions.length === 1 ? subscriptions[0] : subscriptions.find((sub) => sub.id === account.id);
  const tenantId = text(account.tenantId) ?? text(subscription?.tenantId);
  const endpoint = normalizeEndpoint(
    await askFor(options, {
      message: 'Microsoft Foundry endpoint URL',
      placeholder: 'https://xxx.services.ai.azure.com or https://xxx.openai.azure.com',
    }),
  );
  const modelId = await askFor(options, { message: 'Deployment name', placeholder: 'gpt-5.4' });
  const modelName = await askFor(options, { message: 'Model of that deployment', placeholder: modelId });
  const api = foundryApi(modelName);
  const token = await az([
    'account',
    'get-access-token',
    ...(api === 'anthropic-messages' ? ['--scope', FOUNDRY_CLAUDE_SCOPE] : ['--resource', COGNITIVE_SERVICES]),
    '--output',
    'json',
    ...(text(subscription?.id) ? ['--subscription', String(subscription?.id)] : tenantId ? ['--tenant', tenantId] : []),
  ]);
  if (!text(jsonObject(token?.stdout ?? '')?.accessToken))
    throw new AuthdeckError(`the Azure CLI gave no token for Foundry: ${azReason(token)}`);
  const subscriptionId = text(subscription?.id);
  const subscriptionName = text(subscription?.name);
  const metadata: Record<string, string> = {
    authMethod: 'entra-id',
    endpoint,
    modelId,
    api,
    modelName,
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(subscriptionName ? { subscriptionName } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
  const config: ConfigFact[] = [
    pluginEnabled(PROVIDER),
    { kind: 'plugin-allowed', pluginId: PROVIDER },
    { kind: 'auth-order-first', provider: PROVIDER, profileId: `${PROVIDER}:entra` },
    {
      kind: 'provider',
      providerId: PROVIDER,
      entry: {
        baseUrl: baseUrlFor(endpoint, api),
        api,
        authHeader: undefined,
        apiKey: undefined,
        headers: undefined,
        models: [modelEntry(endpoint, modelId, modelName, api)],
      },
    },
    defaultModel(`${PROVIDER}/${modelId}`),
  ];
  return { kind: 'api_key', secret: ENTRA_MARKER, fields: {}, metadata, suggestedName: 'entra', config };
}

/** The request API a deployment's model speaks (OpenClaw's resolveFoundryApi). */
export function foundryApi(modelName: string): FoundryApi {
  const name = modelName.trim().toLowerCase();
  if (name.startsWith('claude')) return 'anthropic-messages';
  return /^(gpt-|o1|o3|o4|deepseek-v4)/.test(name) || name === 'computer-use-preview'
    ? 'openai-responses'
    : 'openai-completions';
}

/** The resource's root: query, fragment and an /openai or /anthropic tail dropped. */
function normalizeEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError('the Foundry endpoint is not a URL (https://xxx.services.ai.azure.com)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError('the Foundry endpoint must be https://…');
  const path = url.pathname.replace(/\/(?:openai|anthropic)(?:$|\/).*/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function baseUrlFor(endpoint: string, api: FoundryApi): string {
  return api === 'anthropic-messages' ? `${endpoint}/anthropic` : `${endpoint}/openai/v1`;
}

/** The model row OpenClaw writes; its reasoning-effort maps and compat flags are not reproduced. */
function modelEntry(endpoint: string, id: string, name: string, api: FoundryApi): Record<string, unknown> {
  const lower = name.toLowerCase();
  const image = lower.startsWith('claude') || /^(gpt-|o1|o3|o4)/.test(lower) || lower === 'computer-use-preview';
  const [contextWindow, maxTokens] = /^gpt-5\.(?:4(?:-pro)?|5|6(?:-(?:sol|terra|luna))?)$/.test(lower)
    ? [1_050_000, 128_000]
    : /^gpt-5\.4-(?:mini|nano)$/.test(lower)
      ? [400_000, 128_000]
      : lower === 'mai-ds-r1'
        ? [163_840, 163_840]
        : [128_000, 16_384];
  return {
    id,
    name,
    api,
    baseUrl: baseUrlFor(endpoint, api),
    params: { canonicalModelId: name },
    input: image ? ['text', 'image'] : ['text'],
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    contextWindow,
    maxTokens,
  };
}

function parseList(output: string | undefined): Record<string, unknown>[] | undefined {
  try {
    const value: unknown = JSON.parse(output ?? '');
    return Array.isArray(value) ? value.filter((item) => item && typeof item === 'object') : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Why az failed, in a line: its own words (never its stdout, which could hold a token). */
function azReason(result: ProgramResult | undefined): string {
  const words = result?.stderr.replace(/\s+/g, ' ').trim();
  if (!words) return 'no reason given; run `az login --use-device-code` and try again';
  if (/az login/i.test(words)) return 'it is not signed in: run `az login --use-device-code`';
  return shown(words, 300);
}
