import { AuthdeckError, UsageError } from '../errors.js';
import { jsonObject } from '../json-text.js';
import {
  FOUNDRY_PROVIDER,
  familyOf,
  foundryDeployment,
  foundryEndpointProblem,
  foundryFacts,
  foundryMetadata,
} from '../providers/foundry.js';
import { shown } from '../terminal-text.js';
import { askFor } from './ask.js';
import { type ProgramResult, runProgram } from './run-program.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';

/** Not a secret: tells the gateway to fetch an Entra token from the Azure CLI for each request. */
const ENTRA_MARKER = '__entra_id_dynamic__';
const COGNITIVE_SERVICES = 'https://cognitiveservices.azure.com';
const FOUNDRY_CLAUDE_SCOPE = 'https://ai.azure.com/.default';

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
  const endpoint = await askFor(options, {
    message: 'Microsoft Foundry endpoint URL',
    placeholder: 'https://xxx.services.ai.azure.com or https://xxx.openai.azure.com',
  });
  const endpointProblem = foundryEndpointProblem(endpoint);
  if (endpointProblem) throw new UsageError(endpointProblem);
  const modelId = await askFor(options, { message: 'Deployment name', placeholder: 'gpt-5.4' });
  const modelName = await askFor(options, { message: 'Model of that deployment', placeholder: modelId });
  const deployment = foundryDeployment(
    { endpoint, deployment: modelId, family: familyOf(modelName), model: modelName },
    'entra-id',
  );
  const token = await az([
    'account',
    'get-access-token',
    ...(deployment.api === 'anthropic-messages'
      ? ['--scope', FOUNDRY_CLAUDE_SCOPE]
      : ['--resource', COGNITIVE_SERVICES]),
    '--output',
    'json',
    ...(text(subscription?.id) ? ['--subscription', String(subscription?.id)] : tenantId ? ['--tenant', tenantId] : []),
  ]);
  if (!text(jsonObject(token?.stdout ?? '')?.accessToken))
    throw new AuthdeckError(`the Azure CLI gave no token for Foundry: ${azReason(token)}`);
  const subscriptionId = text(subscription?.id);
  const subscriptionName = text(subscription?.name);
  const metadata = foundryMetadata(deployment, 'entra-id', {
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(subscriptionName ? { subscriptionName } : {}),
    ...(tenantId ? { tenantId } : {}),
  });
  const config = foundryFacts(deployment, `${FOUNDRY_PROVIDER}:entra`);
  return { kind: 'api_key', secret: ENTRA_MARKER, fields: {}, metadata, suggestedName: 'entra', config };
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
