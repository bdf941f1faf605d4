import { asRecord, idMap } from '../json-text.js';

/** The `plugins` section of openclaw.json as OpenClaw normalizes it (normalizePluginsConfig). */
export interface PluginPolicy {
  /** `plugins.enabled: false` turns every plugin off. */
  enabled: boolean;
  allow: string[];
  deny: string[];
  /** `plugins.entries.<id>.enabled` where it is a boolean, by normalized id. */
  entries: Record<string, boolean>;
  /**
   * The settings of the section whose type OpenClaw's config schema rejects ("plugins.deny: a
   * string, not a list"): OpenClaw then refuses the whole file, and the gateway does not start.
   */
  invalid: string[];
}

// OpenClaw's normalizePluginId maps these retired plugin ids onto the plugin that replaced them.
const PLUGIN_ID_FALLBACKS: Record<string, string> = {
  'google-gemini-cli': 'google',
  'minimax-portal': 'minimax',
  'minimax-portal-auth': 'minimax',
};

/** A plugin id as policy compares it: trimmed, lowercase, a retired id as its successor. */
export function normalizePluginId(id: string): string {
  const lower = id.trim().toLowerCase();
  return Object.hasOwn(PLUGIN_ID_FALLBACKS, lower) ? (PLUGIN_ID_FALLBACKS[lower] as string) : lower;
}

export function readPluginPolicy(value: unknown): PluginPolicy {
  const plugins = asRecord(value) ?? {};
  const list = (raw: unknown) =>
    Array.isArray(raw)
      ? raw
          .filter((entry): entry is string => typeof entry === 'string')
          .map(normalizePluginId)
          .filter(Boolean)
      : [];
  const entries = idMap<boolean>();
  for (const [id, entry] of Object.entries(asRecord(plugins.entries) ?? {})) {
    const key = normalizePluginId(id);
    const enabled = asRecord(entry)?.enabled;
    // A later key that normalizes the same keeps the earlier one's setting unless it has its own.
    if (key && typeof enabled === 'boolean') entries[key] = enabled;
  }
  return {
    enabled: plugins.enabled !== false,
    allow: list(plugins.allow),
    deny: list(plugins.deny),
    entries,
    invalid: invalidPolicySettings(value),
  };
}

/** What of `plugins` has a type OpenClaw's schema rejects, as "plugins.deny: a string, not a list of plugin ids". */
function invalidPolicySettings(value: unknown): string[] {
  if (value === undefined) return [];
  const plugins = asRecord(value);
  if (!plugins) return [`plugins: ${kindOf(value)}, not an object`];
  const invalid: string[] = [];
  if (plugins.enabled !== undefined && typeof plugins.enabled !== 'boolean')
    invalid.push(`plugins.enabled: ${kindOf(plugins.enabled)}, not true or false`);
  for (const key of ['allow', 'deny'] as const) {
    const list = plugins[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((entry) => typeof entry === 'string')))
      invalid.push(`plugins.${key}: ${kindOf(list)}, not a list of plugin ids`);
  }
  if (plugins.entries !== undefined) {
    const entries = asRecord(plugins.entries);
    if (!entries) invalid.push(`plugins.entries: ${kindOf(plugins.entries)}, not an object`);
    for (const [id, entry] of Object.entries(entries ?? {})) {
      const record = asRecord(entry);
      if (!record) invalid.push(`plugins.entries.${id}: ${kindOf(entry)}, not an object`);
      else if (record.enabled !== undefined && typeof record.enabled !== 'boolean')
        invalid.push(`plugins.entries.${id}.enabled: ${kindOf(record.enabled)}, not true or false`);
    }
  }
  return invalid;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list with other than plugin ids';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why the gateway does not load a plugin, in the order OpenClaw asks (resolvePluginActivationDecisionShared). */
export type PluginOff = 'plugins-disabled' | 'denied' | 'disabled-in-config' | 'not-in-allowlist' | 'not-enabled';

/**
 * Whether the gateway loads the plugin `id` (a bundled or installed one; workspace plugins are
 * not providers' here): off when plugins are off, it is denied, its entry says false, an allow
 * list leaves it out, or it is bundled, off by default and not switched on.
 */
export function pluginOff(policy: PluginPolicy, id: string, bundledOffByDefault: boolean): PluginOff | undefined {
  const block = pluginBlock(policy, id);
  if (block === 'plugins-disabled' || block === 'denied') return block;
  const key = normalizePluginId(id);
  const entry = Object.hasOwn(policy.entries, key) ? policy.entries[key] : undefined;
  if (entry === false) return 'disabled-in-config';
  if (block) return block;
  if (bundledOffByDefault && entry !== true) return 'not-enabled';
  return undefined;
}

/** The reasons the config's policy keeps a plugin off whatever its own entry says. */
export type PluginBlock = Extract<PluginOff, 'plugins-disabled' | 'denied' | 'not-in-allowlist'>;

/**
 * What of the policy blocks the plugin `id` (plugins.enabled false, plugins.deny, an allow list
 * without it), looked at even where its entry is off too: enabling the entry alone would not
 * load it, so the block is what to report and to fix first.
 */
export function pluginBlock(policy: PluginPolicy, id: string): PluginBlock | undefined {
  if (!policy.enabled) return 'plugins-disabled';
  const key = normalizePluginId(id);
  if (policy.deny.includes(key)) return 'denied';
  if (policy.allow.length > 0 && !policy.allow.includes(key)) return 'not-in-allowlist';
  return undefined;
}
