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
  const isString = (value: unknown) => typeof value === 'string';
  const isStringList = (value: unknown) => Array.isArray(value) && value.every(isString);

  if (check('auth', doc.auth, isObject, 'an object')) {
    const auth = doc.auth as Record<string, unknown>;
    if (check('auth.profiles', auth.profiles, isObject, 'an object of profiles'))
      for (const [id, entry] of Object.entries(auth.profiles as Record<string, unknown>)) {
        if (!check(`auth.profiles.${id}`, entry, isObject, 'an object')) continue;
        const { provider, mode } = entry as Record<string, unknown>;
        if (!isString(provider)) problems.push(`auth.profiles.${id}.provider: ${kindOf(provider)}, not a provider id`);
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
    if (check('models.providers', models.providers, isObject, 'an object of providers'))
      for (const [id, entry] of Object.entries(models.providers as Record<string, unknown>)) {
        if (!check(`models.providers.${id}`, entry, isObject, 'an object')) continue;
        const provider = entry as Record<string, unknown>;
        check(`models.providers.${id}.baseUrl`, provider.baseUrl, isString, 'a URL');
        check(
          `models.providers.${id}.apiKey`,
          provider.apiKey,
          (key) => isString(key) || isObject(key),
          'a key or a ref',
        );
        check(`models.providers.${id}.models`, provider.models, Array.isArray, 'a list of models');
      }
  }

  if (check('agents', doc.agents, isObject, 'an object')) {
    const agents = doc.agents as Record<string, unknown>;
    if (check('agents.defaults', agents.defaults, isObject, 'an object'))
      modelSettingsProblems('agents.defaults', agents.defaults as Record<string, unknown>, problems);
    for (const [id, entry] of Object.entries(asRecord(agents.entries) ?? {})) {
      const record = asRecord(entry);
      if (record) modelSettingsProblems(`agents.entries.${id}`, record, problems);
    }
  }
  return problems;
}

const PROFILE_MODES = ['api_key', 'aws-sdk', 'oauth', 'token'];

/** An agent's `model` (a ref, or `primary` and `fallbacks`) and `models` (ref → `alias`). */
function modelSettingsProblems(at: string, section: Record<string, unknown>, problems: string[]): void {
  const { model, models } = section;
  if (model !== undefined && typeof model !== 'string') {
    const choice = asRecord(model);
    if (!choice) problems.push(`${at}.model: ${kindOf(model)}, not a model ref or an object`);
    else {
      if (choice.primary !== undefined && typeof choice.primary !== 'string')
        problems.push(`${at}.model.primary: ${kindOf(choice.primary)}, not a model ref`);
      const { fallbacks } = choice;
      if (fallbacks !== undefined && !(Array.isArray(fallbacks) && fallbacks.every((ref) => typeof ref === 'string')))
        problems.push(`${at}.model.fallbacks: ${kindOf(fallbacks)}, not a list of model refs`);
    }
  }
  if (models === undefined) return;
  const entries = asRecord(models);
  if (!entries) {
    problems.push(`${at}.models: ${kindOf(models)}, not an object of models`);
    return;
  }
  for (const [ref, entry] of Object.entries(entries)) {
    const record = asRecord(entry);
    if (!record) problems.push(`${at}.models["${ref}"]: ${kindOf(entry)}, not an object`);
    else if (record.alias !== undefined && typeof record.alias !== 'string')
      problems.push(`${at}.models["${ref}"].alias: ${kindOf(record.alias)}, not a name`);
  }
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
