import { AuthdeckError } from '../errors.js';
import { jsonObject } from '../json-text.js';
import { type ConfigFact, defaultModel, pluginEnabled } from './config-facts.js';
import { runProgram } from './run-program.js';
import type { SignedIn, SignInOptions } from './sign-in-types.js';

/** The Claude CLI models OpenClaw routes through the local CLI, as anthropic/<id> (its manifest). */
const CLI_MODELS = [
  'claude-opus-5-5',
  'claude-opus-5',
  'claude-sonnet-5',
  'claude-fable-5-1',
  'claude-fable-5',
  'claude-opus-4-8',
  'claude-opus-4-7',
  'claude-sonnet-4-6',
  'claude-opus-4-6',
];
const FALLBACK_MODEL = 'anthropic/claude-opus-5';
/** Family names OpenClaw maps to a model id (its modelIdNormalization table). */
const ALIASES: Record<string, string> = {
  fable: 'claude-fable-5-1',
  'fable-5': 'claude-fable-5',
  'fable-5.1': 'claude-fable-5-1',
  'fable-5-1': 'claude-fable-5-1',
  haiku: 'claude-haiku-4-5',
  'opus-5.5': 'claude-opus-5-5',
  'opus-5-5': 'claude-opus-5-5',
  'opus-5': 'claude-opus-5',
  opus: 'claude-opus-5',
  'opus-4.8': 'claude-opus-4-8',
  'opus-4.7': 'claude-opus-4-7',
  'opus-4.6': 'claude-opus-4-6',
  'mythos-5': 'claude-mythos-5',
  'sonnet-5': 'claude-sonnet-5',
  sonnet: 'claude-sonnet-5',
  'sonnet-4.6': 'claude-sonnet-4-6',
};
/**
 * Variables OpenClaw removes before asking the CLI, so that its answer is about its own login
 * and not a key or token in this environment (the full list: README "More sign-ins").
 */
const CLEARED = /^(ANTHROPIC_|CLAUDE_CODE_|OTEL_|MAX_THINKING_TOKENS$)/;

/** What the Claude CLI's own login is: who, and how. */
export interface ClaudeCliLogin {
  authMethod?: string;
  email?: string;
}

/**
 * "Keep using the Claude CLI login" (anthropic-cli, formerly claude-cli): OpenClaw asks
 * `claude auth status --json` (reads no file of ~/.claude), stores no profile, and routes the
 * Anthropic models through the CLI: the facts it writes are returned with the login found.
 */
export async function anthropicCliSignIn(
  options: SignInOptions & { currentModels?: { primary?: string; models?: Record<string, unknown> } },
): Promise<SignedIn> {
  const login = await claudeCliLogin(options.env);
  return {
    kind: 'none',
    secret: '',
    fields: login.email ? { email: login.email } : {},
    suggestedName: login.email ?? 'default',
    config: claudeCliConfig(options.currentModels ?? {}),
  };
}

export async function claudeCliLogin(env: NodeJS.ProcessEnv): Promise<ClaudeCliLogin> {
  const probeEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !CLEARED.test(name)));
  const result = await runProgram('claude', ['auth', 'status', '--json'], probeEnv, 3_000);
  if (!result)
    throw new AuthdeckError(
      'the Claude CLI (claude) is not installed here: install Claude Code, run `claude auth login`, then sign in again',
    );
  if (result.code === null)
    throw new AuthdeckError('could not verify the Claude CLI login: run `claude auth status`, then try again');
  const status = result.code === 0 ? jsonObject(result.stdout) : undefined;
  if (status?.loggedIn !== true)
    throw new AuthdeckError(
      'the Claude CLI is not signed in on this host: run `claude auth login` first, then sign in again',
    );
  const authMethod = ['claude.ai', 'api_key', 'api_key_helper', 'oauth_token', 'third_party', 'none'].find(
    (method) => method === status.authMethod,
  );
  const email = authMethod === 'claude.ai' && typeof status.email === 'string' ? status.email.trim() : '';
  return {
    ...(authMethod ? { authMethod } : {}),
    ...(email && email.length <= 320 && !/[\r\n]/.test(email) ? { email } : {}),
  };
}

/**
 * The config OpenClaw's Claude CLI setup writes: every CLI model (and the ones already chosen)
 * in agents.defaults.models with the claude-cli runtime, old `claude-cli/<id>` keys renamed to
 * `anthropic/<id>`, and the default model kept when it is a Claude one, else anthropic/claude-opus-5.
 */
export function claudeCliConfig(current: { primary?: string; models?: Record<string, unknown> }): ConfigFact[] {
  const models = current.models ?? {};
  // Each Claude ref's entry: the one under it, else the one of the key it is renamed from.
  const claude = new Map<string, Record<string, unknown>>(CLI_MODELS.map((id) => [`anthropic/${id}`, {}]));
  const others: ConfigFact[] = [];
  const renamed = new Set<string>();
  for (const [key, entry] of Object.entries(models)) {
    const ref = anthropicRef(key);
    if (!ref) others.push({ kind: 'model', ref: key, entry: entryOf(entry) });
    else if (ref === key) claude.set(ref, entryOf(entry));
    else if (!Object.hasOwn(models, ref) && !renamed.has(ref)) {
      renamed.add(ref);
      claude.set(ref, entryOf(entry));
    }
    // A key that is neither the ref nor an old claude-cli/ one (an alias) stays beside it.
    if (ref && ref !== key && !key.toLowerCase().startsWith('claude-cli/'))
      others.push({ kind: 'model', ref: key, entry: entryOf(entry) });
  }
  const selected = current.primary ? anthropicRef(current.primary) : undefined;
  if (selected && !claude.has(selected)) claude.set(selected, entryOf(models[selected]));
  return [
    pluginEnabled('anthropic'),
    { kind: 'replace-models' },
    ...others,
    ...[...claude].map(([ref, entry]): ConfigFact => ({ kind: 'model', ref, entry: withCliRuntime(entry) })),
    defaultModel(selected ?? FALLBACK_MODEL),
  ];
}

/** The claude-cli runtime, unless the entry already names another one ("auto" is none). */
function withCliRuntime(entry: Record<string, unknown>): Record<string, unknown> {
  const runtime = entryOf(entry.agentRuntime);
  const id = typeof runtime.id === 'string' ? runtime.id.trim().toLowerCase() : '';
  return id && id !== 'auto' ? entry : { ...entry, agentRuntime: { ...runtime, id: 'claude-cli' } };
}

/** anthropic/<id> for a Claude model ref (anthropic/… or claude-cli/…), or undefined. */
function anthropicRef(raw: string): string | undefined {
  const slash = raw.indexOf('/');
  const provider = slash > 0 ? raw.slice(0, slash).trim().toLowerCase() : 'anthropic';
  const model = (slash > 0 ? raw.slice(slash + 1) : raw).trim();
  if (!model || (provider !== 'anthropic' && provider !== 'claude-cli')) return undefined;
  const lower = model.toLowerCase();
  const id = lower.startsWith('claude-') ? model : ALIASES[lower];
  if (id) return `anthropic/${id}`;
  return slash > 0 ? `anthropic/${model}` : undefined;
}

function entryOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}
