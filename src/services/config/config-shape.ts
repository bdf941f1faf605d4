import { asRecord } from '../json-text.js';

/**
 * The settings authdeck reads and writes whose type OpenClaw's config schema rejects
 * ("auth.order.anthropic: a string, not a list of profile ids"). OpenClaw (2026.5 and 2026.9
 * alike, `openclaw config validate`) then refuses the whole file and the gateway does not start;
 * authdeck says so, and writes nothing into such a file (a key cannot go into a list). The
 * `plugins` section has its own check (plugin-policy.ts).
 */
export function configShapeProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (path: string, value: unknown, fits: (value: unknown) => boolean, expected: string) => {
    if (value !== undefined && !fits(value)) problems.push(`${path}: ${kindOf(value)}, not ${expected}`);
    return value !== undefined && fits(value);
  };
  const isObject = (value: unknown) => asRecord(value) !== undefined;
  const isStringList = (value: unknown) => Array.isArray(value) && value.every(isString);

  if (check('auth', doc.auth, isObject, 'an object')) {
    const auth = doc.auth as Record<string, unknown>;
    if (check('auth.profiles', auth.profiles, isObject, 'an object of profiles'))
      for (const [id, entry] of Object.entries(auth.profiles as Record<string, unknown>)) {
        if (!check(`auth.profiles.${id}`, entry, isObject, 'an object')) continue;
        const { provider, mode, email, displayName } = entry as Record<string, unknown>;
        if (!isString(provider)) problems.push(`auth.profiles.${id}.provider: ${kindOf(provider)}, not a provider id`);
        check(`auth.profiles.${id}.email`, email, isString, 'an address');
        check(`auth.profiles.${id}.displayName`, displayName, isString, 'a name');
        if (!PROFILE_MODES.includes(mode as string)) {
          // A word is shown ("bogus"); anything else by its kind: a value here may be a pasted key.
          const given = typeof mode === 'string' && /^[a-z_-]{1,20}$/i.test(mode) ? `"${mode}"` : kindOf(mode);
          problems.push(`auth.profiles.${id}.mode: ${given}, not one of ${PROFILE_MODES.join(', ')}`);
        }
      }
    if (check('auth.order', auth.order, isObject, 'an object of provider orders'))
      for (const [provider, ids] of Object.entries(auth.order as Record<string, unknown>))
        check(`auth.order.${provider}`, ids, isStringList, 'a list of profile ids');
  }

  if (check('models', doc.models, isObject, 'an object')) {
    const models = doc.models as Record<string, unknown>;
    check('models.mode', models.mode, (mode) => mode === 'merge' || mode === 'replace', '"merge" or "replace"');
    if (check('models.providers', models.providers, isObject, 'an object of providers'))
      for (const [id, entry] of Object.entries(models.providers as Record<string, unknown>)) {
        if (!check(`models.providers.${id}`, entry, isObject, 'an object')) continue;
        providerProblems(`models.providers.${id}`, entry as Record<string, unknown>, check);
      }
  }

  if (check('agents', doc.agents, isObject, 'an object')) {
    const agents = doc.agents as Record<string, unknown>;
    check('agents.ownership', agents.ownership, (value) => value === 'explicit', '"explicit"');
    if (check('agents.defaults', agents.defaults, isObject, 'an object')) {
      const defaults = agents.defaults as Record<string, unknown>;
      modelSettingsProblems('agents.defaults', defaults, check);
      if (check('agents.defaults.systemAgent', defaults.systemAgent, isObject, 'an object'))
        check('agents.defaults.systemAgent.agentId', asRecord(defaults.systemAgent)?.agentId, isString, 'an agent id');
    }
    // 2026.9 keys its agents by id; earlier releases list them (`agents.list[].id`).
    const roster =
      agents.entries !== undefined
        ? Object.entries(asRecord(agents.entries) ?? {}).map(([id, entry]) => [`agents.entries.${id}`, entry] as const)
        : Array.isArray(agents.list)
          ? agents.list.map((entry, index) => [`agents.list[${index}]`, entry] as const)
          : [];
    for (const [at, entry] of roster) {
      if (!check(at, entry, isObject, 'an object')) continue;
      const record = entry as Record<string, unknown>;
      check(`${at}.agentDir`, record.agentDir, isString, 'a path');
      check(`${at}.default`, record.default, (value) => typeof value === 'boolean', 'true or false');
      modelSettingsProblems(at, record, check);
    }
  }

  // Read to tell the running gateway of a change (its port) — and a gateway that refuses the file never runs.
  if (check('gateway', doc.gateway, isObject, 'an object')) {
    const gateway = doc.gateway as Record<string, unknown>;
    check(
      'gateway.port',
      gateway.port,
      (port) => Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65_535,
      'a port number (1 to 65535)',
    );
    check(
      'gateway.bind',
      gateway.bind,
      (bind) => GATEWAY_BINDS.includes(bind as string),
      `one of ${GATEWAY_BINDS.join(', ')}`,
    );
  }

  if (check('env', doc.env, isObject, 'an object')) {
    const vars = asRecord(doc.env)?.vars;
    if (check('env.vars', vars, isObject, 'an object of variables'))
      for (const [name, value] of Object.entries(vars as Record<string, unknown>))
        check(`env.vars.${name}`, value, isString, 'a string');
  }
  return problems;
}

/**
 * A line of configShapeProblems or plugin-policy's `invalid`, "<setting>: <what is wrong>", in
 * its two parts; a profile id in the setting has a colon of its own, never one with a space.
 */
export function splitSetting(line: string): { setting: string; problem: string } {
  const at = line.indexOf(': ');
  return { setting: line.slice(0, at), problem: line.slice(at + 2) };
}

type Check = (path: string, value: unknown, fits: (value: unknown) => boolean, expected: string) => boolean;

const PROFILE_MODES = ['api_key', 'aws-sdk', 'oauth', 'token'];
const PROVIDER_AUTH = ['api-key', 'aws-sdk', 'oauth', 'token'];
/**
 * The model API adapters OpenClaw 2026.9.6 and 2026.5.20 take (`models.providers.<id>.api`):
 * one a release no longer knows is its own to refuse, never authdeck's to block a save over.
 */
const API_ADAPTERS = [
  'openai-codex-responses',
  'openai-completions',
  'openai-responses',
  'openai-chatgpt-responses',
  'anthropic-messages',
  'google-generative-ai',
  'google-vertex',
  'github-copilot',
  'bedrock-converse-stream',
  'ollama',
  'pi-messages',
  'azure-openai-responses',
];

const isString = (value: unknown) => typeof value === 'string';

/** A provider block: its URL, key (a string or a SecretRef), API adapter, auth mode and models. */
function providerProblems(at: string, provider: Record<string, unknown>, check: Check): void {
  check(`${at}.baseUrl`, provider.baseUrl, isString, 'a URL');
  check(`${at}.apiKey`, provider.apiKey, (key) => isString(key) || isSecretRef(key), 'a key or a ref');
  check(`${at}.api`, provider.api, (api) => API_ADAPTERS.includes(api as string), 'an API OpenClaw knows');
  check(
    `${at}.auth`,
    provider.auth,
    (auth) => PROVIDER_AUTH.includes(auth as string),
    `one of ${PROVIDER_AUTH.join(', ')}`,
  );
  if (check(`${at}.models`, provider.models, Array.isArray, 'a list of models'))
    for (const [index, model] of (provider.models as unknown[]).entries())
      check(`${at}.models[${index}]`, model, (entry) => isString(asRecord(entry)?.id), 'a model with an id');
}

/**
 * A SecretRef: `{ source, provider, id }`. Its sources are OpenClaw's to judge (2026.9 added
 * `store`, the secret store its own onboarding writes to); one missing a part it always refuses.
 */
function isSecretRef(value: unknown): boolean {
  const ref = asRecord(value);
  return ref !== undefined && isString(ref.source) && isString(ref.provider) && isString(ref.id);
}

/**
 * An agent's `model` and `imageModel` (a ref, or `primary` and `fallbacks`), `utilityModel` (a
 * ref) and `models` (ref → an object, its `alias` a name).
 */
function modelSettingsProblems(at: string, section: Record<string, unknown>, check: Check): void {
  for (const key of ['model', 'imageModel'] as const) {
    const model = section[key];
    if (
      !check(
        `${at}.${key}`,
        model,
        (value) => isString(value) || asRecord(value) !== undefined,
        'a model ref or an object',
      )
    )
      continue;
    const choice = asRecord(model);
    if (!choice) continue;
    check(`${at}.${key}.primary`, choice.primary, isString, 'a model ref');
    check(
      `${at}.${key}.fallbacks`,
      choice.fallbacks,
      (list) => Array.isArray(list) && list.every(isString),
      'a list of model refs',
    );
  }
  check(`${at}.utilityModel`, section.utilityModel, isString, 'a model ref');
  if (!check(`${at}.models`, section.models, (value) => asRecord(value) !== undefined, 'an object of models')) return;
  for (const [ref, entry] of Object.entries(asRecord(section.models) ?? {}))
    if (check(`${at}.models["${ref}"]`, entry, (value) => asRecord(value) !== undefined, 'an object'))
      check(`${at}.models["${ref}"].alias`, asRecord(entry)?.alias, isString, 'a name');
}

function kindOf(value: unknown): string {
  // A setting's word ("bogus" for an API) is shown; other text by its kind: it may be a pasted key.
  if (typeof value === 'string' && /^[a-z][a-z0-9-]{0,30}$/.test(value)) return `"${value}"`;
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `gateway.bind` as OpenClaw 2026.5 and 2026.9 take it. */
const GATEWAY_BINDS = ['auto', 'lan', 'loopback', 'custom', 'tailnet'];
