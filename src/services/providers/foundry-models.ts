/**
 * What a model on Microsoft Foundry can do, from the name of the model a deployment runs: the
 * request API it speaks, reasoning, the thinking levels and effort values it takes, image input
 * and its token limits. The gateway reads these from the model row onboarding writes
 * (foundry.ts); the rules are those of OpenClaw 2026.9's Foundry plugin (its shared.ts,
 * resolveFoundryModelCapabilities), compared with it by the interop suite.
 */

export type FoundryApi = 'openai-completions' | 'openai-responses' | 'anthropic-messages';

export const FOUNDRY_APIS: readonly FoundryApi[] = ['openai-completions', 'openai-responses', 'anthropic-messages'];

/** The MAI image models Foundry serves; a deployment of one is an image model, not a chat default. */
const MAI_IMAGE_MODELS = [
  'mai-image-2.5-flash',
  'mai-image-2.5',
  'mai-image-2e',
  'mai-image-2',
  'mai-image-2-efficient',
];

/** OpenAI's reasoning models: they take `max_completion_tokens` and (mostly) a reasoning effort. */
const OPENAI_REASONING = /^(?:gpt-5|o1|o3|o4)/;
/** Claude models whose name ends here or goes on with something other than a letter or digit. */
const END = '(?=$|[^a-z0-9])';

function lower(name: string): string {
  return name.trim().toLowerCase();
}

export function isClaudeModel(name: string): boolean {
  return lower(name).startsWith('claude');
}

export function isMaiImageModel(name: string): boolean {
  return MAI_IMAGE_MODELS.includes(lower(name));
}

/** Claude Mythos on Foundry takes only Entra ID sign-ins, no API key. */
export function needsEntraId(name: string): boolean {
  const model = lower(name);
  return model === 'claude-mythos-preview' || model.startsWith('claude-mythos-');
}

/** The API a model speaks when the person did not pick one: Claude's, Responses for OpenAI's newer ones, else Chat Completions. */
export function defaultFoundryApi(name: string): FoundryApi {
  if (isClaudeModel(name)) return 'anthropic-messages';
  const model = lower(name);
  return /^(?:gpt-|o1|o3|o4|deepseek-v4)/.test(model) || model === 'computer-use-preview'
    ? 'openai-responses'
    : 'openai-completions';
}

/** The Claude model a name stands for: `anthropic/`, dots and spaces folded, a cloud prefix dropped. */
function claudeIdentity(name: string): string {
  const folded = lower(name)
    .replace(/^anthropic\//, '')
    .replace(/[._\s]+/g, '-');
  return /(?:^|[-/])(claude-[^/]+)$/.exec(folded)?.[1] ?? folded;
}

function isOpus5(identity: string): boolean {
  if (identity === 'opus-5-5' || new RegExp(`^claude-opus-5-5${END}`).test(identity)) return true;
  return identity === 'opus' || identity === 'opus-5' || new RegExp(`(?:^|-)claude-opus-5${END}`).test(identity);
}

function claudeAdaptive(identity: string): boolean {
  return (
    isOpus5(identity) ||
    new RegExp(`(?:^|-)claude-(?:fable-5|mythos-(?:5|preview)|opus-4-(?:6|7|8)|sonnet-(?:5|4-6))${END}`).test(identity)
  );
}

function claudeXhigh(identity: string): boolean {
  return (
    isOpus5(identity) || new RegExp(`(?:^|-)claude-(?:fable-5|mythos-5|opus-4-(?:7|8)|sonnet-5)${END}`).test(identity)
  );
}

/** Claude models that think only adaptively (no budget of their own). */
function claudeMandatoryAdaptive(name: string): boolean {
  return new RegExp(`(?:^|-)claude-fable-5${END}`).test(claudeIdentity(name)) || needsEntraId(name);
}

function claudeManualThinking(name: string): boolean {
  return new RegExp(`(?:^|-)claude-(?:opus-4-(?:1|5)|sonnet-4-5|haiku-4-5)${END}`).test(
    lower(name).replace(/\./g, '-'),
  );
}

function takesReasoningEffort(model: string): boolean {
  return OPENAI_REASONING.test(model) && !/^gpt-5-chat(?:-|$)/.test(model) && !/^o1-mini(?:-|$)/.test(model);
}

function reasoningEfforts(model: string): string[] | undefined {
  if (!takesReasoningEffort(model)) return undefined;
  if (model === 'gpt-5.1-codex-max') return ['none', 'medium', 'high', 'xhigh'];
  if (model === 'gpt-5-pro') return ['high'];
  if (/^gpt-5\.(?:[2-9](?:\.|-|$)|1(?:-|$))/.test(model)) return ['none', 'low', 'medium', 'high'];
  if (/^gpt-5-codex(?:-|$)/.test(model)) return ['low', 'medium', 'high'];
  if (/^gpt-5(?:-|$)/.test(model)) return ['minimal', 'low', 'medium', 'high'];
  return ['low', 'medium', 'high'];
}

/** The gateway's thinking levels, each mapped to the effort value the model takes (null: none). */
function levelMap(efforts: string[]): Record<string, string | null> {
  const has = (effort: string) => (efforts.includes(effort) ? effort : null);
  return {
    off: efforts.includes('none') ? 'none' : null,
    minimal: has('minimal'),
    low: has('low'),
    medium: has('medium'),
    high: has('high'),
    xhigh: has('xhigh'),
    max: null,
  };
}

function tokenLimits(model: string): [contextWindow: number, maxTokens: number] {
  if (/^gpt-5\.(?:4(?:-pro)?|5|6(?:-(?:sol|terra|luna))?)$/.test(model)) return [1_050_000, 128_000];
  if (/^gpt-5\.4-(?:mini|nano)$/.test(model)) return [400_000, 128_000];
  if (claudeAdaptive(claudeIdentity(model)) || claudeMandatoryAdaptive(model)) return [1_000_000, 128_000];
  const version = model.replace(/\./g, '-');
  if (['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5'].includes(version)) return [200_000, 64_000];
  if (version === 'claude-opus-4-1') return [200_000, 32_000];
  if (model === 'mai-ds-r1') return [163_840, 163_840];
  return [128_000, 16_384];
}

/** The row's `compat`: how requests to an OpenAI-style API are shaped for this model (none for Claude's). */
function requestShape(model: string, api: FoundryApi): Record<string, unknown> | undefined {
  if (api === 'anthropic-messages') return undefined;
  const effort = takesReasoningEffort(model);
  const efforts = reasoningEfforts(model);
  const maxTokensField = OPENAI_REASONING.test(model) ? 'max_completion_tokens' : 'max_tokens';
  if (api === 'openai-completions')
    return {
      supportsReasoningEffort: effort,
      ...(efforts ? { supportedReasoningEfforts: efforts } : {}),
      maxTokensField,
    };
  return {
    supportsStore: false,
    ...(effort ? { supportsReasoningEffort: effort, supportedReasoningEfforts: efforts } : {}),
    maxTokensField,
  };
}

/** The model row of a deployment: `id` is the deployment, `name` the model it runs. */
export function foundryModelRow(
  deployment: string,
  modelName: string,
  api: FoundryApi,
  baseUrl: string,
): Record<string, unknown> {
  const model = lower(modelName);
  const claude = api === 'anthropic-messages' || isClaudeModel(model);
  const identity = claudeIdentity(model);
  const thinks = claude && (claudeAdaptive(identity) || claudeManualThinking(model) || claudeMandatoryAdaptive(model));
  const efforts = reasoningEfforts(model);
  const [contextWindow, maxTokens] = tokenLimits(model);
  const image = isClaudeModel(model) || /^(?:gpt-|o1|o3|o4)/.test(model) || model === 'computer-use-preview';
  const compat = requestShape(model, api);
  return {
    id: deployment,
    name: modelName,
    api,
    baseUrl,
    reasoning: thinks || takesReasoningEffort(model) || model === 'mai-ds-r1' || model === 'mai-thinking-1',
    ...(claude && claudeXhigh(identity)
      ? { thinkingLevelMap: { xhigh: 'xhigh', max: 'max' } }
      : efforts
        ? { thinkingLevelMap: levelMap(efforts) }
        : {}),
    params: { canonicalModelId: modelName },
    input: image ? ['text', 'image'] : ['text'],
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    contextWindow,
    maxTokens,
    ...(compat ? { compat } : {}),
  };
}
