/**
 * Microsoft Foundry (README "Providers"): one deployment on an Azure resource, set up as OpenClaw
 * 2026.9's Foundry plugin sets it up for both of its sign-ins (API key, Entra ID). The profile's
 * `metadata` names the endpoint and deployment; `models.providers.microsoft-foundry` gets the
 * endpoint and one model row (foundry-models.ts); the profile goes first in `auth.order`; the
 * deployment becomes the default model — an image model becomes the default image model instead.
 */

import { UsageError } from '../errors.js';
import type { ConfigFact } from '../oauth/config-facts.js';
import { shown } from '../terminal-text.js';
import {
  defaultFoundryApi,
  type FoundryApi,
  foundryModelRow,
  isClaudeModel,
  isMaiImageModel,
  needsEntraId,
} from './foundry-models.js';
import { isHttpUrl, shownUrl } from './http-url.js';
import type { ProviderSetup } from './setup-plan.js';

export const FOUNDRY_PROVIDER = 'microsoft-foundry';
export const FOUNDRY_KEY_CHOICE = 'microsoft-foundry-apikey';

/** The model families OpenClaw's onboarding asks about; each decides the questions that follow. */
export type FoundryFamily = 'claude' | 'gpt-5' | 'mai-image' | 'other';

export const MAI_IMAGE_CHOICES = ['MAI-Image-2.5-Flash', 'MAI-Image-2.5', 'MAI-Image-2e', 'MAI-Image-2'] as const;

/** What the person answers: the wizard asks them one by one, the CLI takes them as flags. */
export interface FoundryAnswers {
  endpoint: string;
  deployment: string;
  family: FoundryFamily;
  /** The model the deployment runs: Claude's or MAI's base model (asked for those families), or named by flag. */
  model?: string;
  /** The request API, where the family leaves it open. */
  api?: FoundryApi;
}

/** A deployment as onboarding writes it. */
export interface FoundryDeployment {
  /** As typed: OpenClaw keeps it so in the metadata; the provider block gets its root. */
  endpoint: string;
  deployment: string;
  /** The model it runs (the deployment's name when nothing says otherwise). */
  modelName: string;
  api: FoundryApi;
}

export type FoundryAuth = 'api-key' | 'entra-id';

/**
 * Why this home's OpenClaw cannot take a Foundry key as authdeck writes it, or undefined.
 * OpenClaw before 2026.8 put the key itself into the provider block of openclaw.json (read in
 * 2026.5.20), which authdeck never does with a secret.
 */
export function foundryKeyRefused(pluginsServeProviders: boolean): string | undefined {
  return pluginsServeProviders
    ? undefined
    : `authdeck sets up ${FOUNDRY_KEY_CHOICE} as OpenClaw 2026.8 and later do; this home's older OpenClaw keeps that key in openclaw.json, so run \`openclaw onboard --auth-choice ${FOUNDRY_KEY_CHOICE}\` (or update OpenClaw)`;
}

/** Why a typed endpoint cannot be a Foundry resource's, or undefined. */
export function foundryEndpointProblem(typed: string): string | undefined {
  const text = typed.trim();
  if (!text) return 'the Foundry endpoint URL is needed (https://xxx.services.ai.azure.com)';
  if (URL.canParse(text)) {
    const url = new URL(text);
    if (url.username || url.password)
      return 'the endpoint URL holds a user or password: give the resource address alone (the key is asked apart)';
  }
  if (isHttpUrl(text)) return undefined;
  return `"${shownUrl(text)}" is not an http(s) URL (https://xxx.services.ai.azure.com or https://xxx.openai.azure.com)`;
}

/** Why a typed deployment name cannot be one (Azure's: letters, digits, `.`, `_`, `-`), or undefined. */
export function foundryDeploymentProblem(typed: string): string | undefined {
  const name = typed.trim();
  if (!name) return 'the deployment name is needed (the name the model was deployed under)';
  // Azure's rule, and a `/` or `@` would change what the gateway reads in the model ref.
  return /^[A-Za-z0-9._-]{1,128}$/.test(name)
    ? undefined
    : `"${shown(name, 80)}" is not a deployment name (letters, digits, ".", "_" and "-")`;
}

/** Why a Claude base model cannot be used with this sign-in, or undefined. */
export function foundryClaudeProblem(typed: string, auth: FoundryAuth): string | undefined {
  const name = typed.trim();
  if (!name.toLowerCase().startsWith('claude-')) return 'a Claude model name, such as claude-fable-5';
  if (auth === 'api-key' && needsEntraId(name))
    return 'Claude Mythos on Foundry takes Entra ID only: sign in with `authdeck login --provider microsoft-foundry-entra`';
  return undefined;
}

/** The deployment the answers describe, or a one-line reason they cannot. */
export function foundryDeployment(answers: FoundryAnswers, auth: FoundryAuth): FoundryDeployment {
  const endpointProblem = foundryEndpointProblem(answers.endpoint);
  if (endpointProblem) throw new UsageError(endpointProblem);
  const deployment = answers.deployment.trim();
  const deploymentProblem = foundryDeploymentProblem(deployment);
  if (deploymentProblem) throw new UsageError(deploymentProblem);
  const endpoint = answers.endpoint.trim();
  const model = answers.model?.trim() || undefined;
  switch (answers.family) {
    case 'claude': {
      const name = model ?? deployment;
      const problem = foundryClaudeProblem(name, auth);
      if (problem) throw new UsageError(`the Claude model "${shown(name, 80)}": ${problem}`);
      if (answers.api && answers.api !== 'anthropic-messages')
        throw new UsageError(`a Claude deployment speaks the Anthropic Messages API, not ${answers.api}`);
      return { endpoint, deployment, modelName: name, api: 'anthropic-messages' };
    }
    case 'mai-image': {
      const name = model ?? deployment;
      if (!isMaiImageModel(name))
        throw new UsageError(`"${shown(name, 80)}" is not a MAI image model (${MAI_IMAGE_CHOICES.join(', ')})`);
      if (answers.api && answers.api !== 'openai-completions')
        throw new UsageError(`a MAI image deployment speaks Chat Completions, not ${answers.api}`);
      return { endpoint, deployment, modelName: name, api: 'openai-completions' };
    }
    case 'gpt-5': {
      // A deployment named after its model says which one; any other is treated as GPT-5.
      const name = model ?? (defaultFoundryApi(deployment) === 'openai-responses' ? deployment : 'gpt-5');
      return { endpoint, deployment, modelName: name, api: answers.api ?? 'openai-responses' };
    }
    case 'other': {
      const name = model ?? deployment;
      return { endpoint, deployment, modelName: name, api: answers.api ?? defaultFoundryApi(name) };
    }
  }
}

/** The family a model name belongs to (the CLI names the model, the wizard the family). */
export function familyOf(modelName: string | undefined): FoundryFamily {
  if (!modelName) return 'other';
  if (isClaudeModel(modelName)) return 'claude';
  if (isMaiImageModel(modelName)) return 'mai-image';
  return /^(?:gpt-5|o1|o3|o4)/i.test(modelName.trim()) ? 'gpt-5' : 'other';
}

/** The resource's root: query and fragment dropped, and an /openai… or /anthropic… tail. */
export function foundryEndpointRoot(typed: string): string {
  const url = new URL(typed.trim());
  const path = url.pathname.replace(/\/(?:openai|anthropic)(?:$|\/).*/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function baseUrlOf(endpoint: string, api: FoundryApi): string {
  const root = foundryEndpointRoot(endpoint);
  return api === 'anthropic-messages' ? `${root}/anthropic` : `${root}/openai/v1`;
}

/** The profile's `metadata`: how it was issued and what it is for (the gateway reads the endpoint from it). */
export function foundryMetadata(
  deployment: FoundryDeployment,
  auth: FoundryAuth,
  account: Record<string, string> = {},
): Record<string, string> {
  return {
    authMethod: auth,
    endpoint: deployment.endpoint,
    modelId: deployment.deployment,
    api: deployment.api,
    modelName: deployment.modelName,
    ...account,
  };
}

/** The provider block onboarding writes for the deployment: its endpoint and its one model. */
function providerBlock(deployment: FoundryDeployment): Record<string, unknown> {
  const baseUrl = baseUrlOf(deployment.endpoint, deployment.api);
  return {
    baseUrl,
    api: deployment.api,
    authHeader: undefined,
    apiKey: undefined,
    headers: undefined,
    models: [foundryModelRow(deployment.deployment, deployment.modelName, deployment.api, baseUrl)],
  };
}

function modelRef(deployment: FoundryDeployment): string {
  return `${FOUNDRY_PROVIDER}/${deployment.deployment}`;
}

/** Besides the plugin, the block and the default model: the profile first in the order, the plugin allowed, an image default. */
function extraFacts(deployment: FoundryDeployment, profileId: string): ConfigFact[] {
  return [
    { kind: 'plugin-allowed', pluginId: FOUNDRY_PROVIDER },
    { kind: 'auth-order-first', provider: FOUNDRY_PROVIDER, profileId },
    ...(isMaiImageModel(deployment.modelName) ? [{ kind: 'image-model' as const, ref: modelRef(deployment) }] : []),
  ];
}

/** What onboarding writes to openclaw.json for an Entra ID sign-in (config facts, as every sign-in states them). */
export function foundryFacts(deployment: FoundryDeployment, profileId: string): ConfigFact[] {
  return [
    { kind: 'plugin-enabled', pluginId: FOUNDRY_PROVIDER },
    { kind: 'provider', providerId: FOUNDRY_PROVIDER, leaveMode: true, entry: providerBlock(deployment) },
    ...(isMaiImageModel(deployment.modelName)
      ? []
      : [{ kind: 'default-model' as const, ref: modelRef(deployment), entry: {} }]),
    ...extraFacts(deployment, profileId),
  ];
}

/** The same for an API key, as a choice's setup (onboard-choice.ts writes it with the key). */
export function foundrySetup(deployment: FoundryDeployment, profileId: string): ProviderSetup {
  return {
    plugins: [FOUNDRY_PROVIDER],
    providers: { [FOUNDRY_PROVIDER]: providerBlock(deployment) },
    providersComplete: true,
    ...(isMaiImageModel(deployment.modelName) ? {} : { defaultModel: { ref: modelRef(deployment), entry: {} } }),
    facts: extraFacts(deployment, profileId),
  };
}
