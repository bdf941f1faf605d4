import { asRecord, idMap } from '../json-text.js';

/** The `plugins` section of openclaw.json as OpenClaw normalizes it (normalizePluginsConfig). */
export interface PluginPolicy {
  /** `plugins.enabled: false` turns every plugin off. */
  enabled: boolean;
  allow: string[];
  deny: string[];
  /** `plugins.entries.<id>.enabled` where it is a boolean, by normalized id. */
  entries: Record<string, boolean>;
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
  return { enabled: plugins.enabled !== false, allow: list(plugins.allow), deny: list(plugins.deny), entries };
}

/** Why the gateway does not load a plugin, in the order OpenClaw asks (resolvePluginActivationDecisionShared). */
export type PluginOff = 'plugins-disabled' | 'denied' | 'disabled-in-config' | 'not-in-allowlist' | 'not-enabled';

/**
 * Whether the gateway loads the plugin `id` (a bundled or installed one; workspace plugins are
 * not providers' here): off when plugins are off, it is denied, its entry says false, an allow
 * list leaves it out, or it is bundled, off by default and not switched on.
 */
export function pluginOff(policy: PluginPolicy, id: string, bundledOffByDefault: boolean): PluginOff | undefined {
  if (!policy.enabled) return 'plugins-disabled';
  const key = normalizePluginId(id);
  if (policy.deny.includes(key)) return 'denied';
  const entry = Object.hasOwn(policy.entries, key) ? policy.entries[key] : undefined;
  if (entry === false) return 'disabled-in-config';
  if (policy.allow.length > 0 && !policy.allow.includes(key)) return 'not-in-allowlist';
  if (bundledOffByDefault && entry !== true) return 'not-enabled';
  return undefined;
}
