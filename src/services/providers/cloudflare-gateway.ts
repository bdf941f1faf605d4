/**
 * Cloudflare AI Gateway (`--auth-choice cloudflare-ai-gateway-api-key`): the account and gateway
 * ids go into the key's profile `metadata` (the plugin builds its endpoint from them) and into
 * the provider's `models.providers` block, with its default model — as OpenClaw's Cloudflare
 * plugin writes them (read in OpenClaw 2026.5.20, where it was bundled; 2026.9 installs it from npm).
 */
import { UsageError } from '../errors.js';
import { shown } from '../terminal-text.js';
import type { ProviderSetup } from './setup-plan.js';

export const CLOUDFLARE_CHOICE = 'cloudflare-ai-gateway-api-key';
export const CLOUDFLARE_PROVIDER = 'cloudflare-ai-gateway';
const MODEL_ID = 'claude-sonnet-4-6';

export interface CloudflareIds {
  accountId: string;
  gatewayId: string;
}

/** Both ids, or the one-line reason OpenClaw gives when one is missing. */
export function cloudflareIds(accountId: string | undefined, gatewayId: string | undefined): CloudflareIds {
  const account = accountId?.trim() ?? '';
  const gateway = gatewayId?.trim() ?? '';
  if (!account || !gateway)
    throw new UsageError(
      'Cloudflare AI Gateway setup requires --cloudflare-ai-gateway-account-id and --cloudflare-ai-gateway-gateway-id',
    );
  for (const [flag, value] of [
    ['--cloudflare-ai-gateway-account-id', account],
    ['--cloudflare-ai-gateway-gateway-id', gateway],
  ] as const)
    if (cloudflareIdProblem(value)) throw new UsageError(`${flag}: "${shown(value)}" is not a Cloudflare id`);
  return { accountId: account, gatewayId: gateway };
}

/** Why a typed id cannot be one: they become a path in the endpoint (no slashes, spaces or controls). */
export function cloudflareIdProblem(id: string): string | undefined {
  return /^[A-Za-z0-9_-]+$/.test(id) ? undefined : 'letters, digits, - and _ only';
}

export function cloudflareSetup(ids: CloudflareIds): ProviderSetup {
  const ref = `${CLOUDFLARE_PROVIDER}/${MODEL_ID}`;
  return {
    plugins: [CLOUDFLARE_PROVIDER],
    modelsMode: 'merge',
    // The endpoint is the account's and gateway's ids, as given.
    endpointsAsked: true,
    providers: {
      [CLOUDFLARE_PROVIDER]: {
        baseUrl: `https://gateway.ai.cloudflare.com/v1/${ids.accountId}/${ids.gatewayId}/anthropic`,
        api: 'anthropic-messages',
        models: [
          {
            id: MODEL_ID,
            name: 'Claude Sonnet 4.6',
            reasoning: true,
            input: ['text', 'image'],
            cost: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
            contextWindow: 200_000,
            maxTokens: 64_000,
          },
        ],
      },
    },
    defaultModel: { ref, entry: { alias: 'Cloudflare AI Gateway' } },
  };
}
