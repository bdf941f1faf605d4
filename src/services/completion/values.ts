import type { PathEnv } from '../config/paths.js';
import { hasUnsafeCharacters } from '../terminal-text.js';
import type { DynamicSource } from './model.js';

/** The options on the line being completed that decide where values come from. */
export interface LineOptions {
  stateDir?: string;
  agent?: string;
  provider?: string;
}

const READ = { '--state-dir': 'stateDir', '--agent': 'agent', '--provider': 'provider' } as const;

/** `--state-dir D`, `--agent=A`, `--provider P` as the words stand (the last one given wins, as when run). */
export function lineOptions(words: readonly string[]): LineOptions {
  const found: LineOptions = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    const equals = word.indexOf('=');
    const name = equals > 0 ? word.slice(0, equals) : word;
    const key = Object.hasOwn(READ, name) ? READ[name as keyof typeof READ] : undefined;
    if (!key) continue;
    const value = equals > 0 ? word.slice(equals + 1) : words[++i];
    if (value !== undefined && value !== '') found[key] = value;
  }
  return found;
}

/**
 * A value a shell can put on the line as typed: letters, digits and the punctuation ids, emails
 * and model refs use. bash inserts a reply unquoted, so `$( ) ; | & \` and quotes would run
 * or mangle on Enter (a sign-in server names the profile); such ids are typed, not offered.
 */
const OFFERABLE = /^[\p{L}\p{N}._:@+/=,%-]+$/u;

function offerable(value: string): boolean {
  // One that starts with - would be read as an option once on the line (`remove --yes`).
  return OFFERABLE.test(value) && !value.startsWith('-') && !hasUnsafeCharacters(value);
}

/**
 * The values `authdeck __complete <what>` offers, sorted: ids and names only, never a secret.
 * Each source loads only its own modules: this runs on every Tab.
 */
export async function completionValues(what: DynamicSource, words: readonly string[], env: PathEnv): Promise<string[]> {
  const line = lineOptions(words);
  const values = await valuesOf(what, line, env);
  return [...new Set(values.filter(offerable))].sort();
}

async function valuesOf(what: DynamicSource, line: LineOptions, env: PathEnv): Promise<string[]> {
  switch (what) {
    case 'providers': {
      const [{ PROVIDERS }, { OLDER_PROVIDER_IDS }] = await Promise.all([
        import('../providers.js'),
        import('../providers/catalog.js'),
      ]);
      // With the ids older releases stored under (openai-codex, the README's paste-token example).
      return [...PROVIDERS.map((provider) => provider.id), ...OLDER_PROVIDER_IDS];
    }
    case 'sign-ins': {
      const [{ OAUTH_PROVIDERS }, { PROVIDERS }] = await Promise.all([
        import('../oauth/oauth-providers.js'),
        import('../providers.js'),
      ]);
      // login takes any provider (the wizard opens for those without a sign-in).
      return [
        ...OAUTH_PROVIDERS.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])]),
        ...PROVIDERS.map((provider) => provider.id),
      ];
    }
    case 'auth-choices': {
      const { catalog } = await import('../providers/catalog.js');
      return catalog.choices
        .filter((choice) => !choice.platforms || choice.platforms.includes(process.platform))
        .map((choice) => choice.id);
    }
    case 'agents': {
      const { resolveWorkspace, listKnownAgentIds } = await import('../config/workspace.js');
      const workspace = await resolveWorkspace({ env, ...(line.stateDir ? { stateDir: line.stateDir } : {}) });
      return listKnownAgentIds(workspace.config, workspace.stateDir);
    }
    case 'profiles':
      return profileIds(line, env);
  }
}

/**
 * The profile ids the agent sees (its own, then those underneath), of one provider when the line
 * names it: grouped as status groups them, so `--provider xai` offers `x-ai:old` and
 * `--provider anthropic` offers `claude-cli:cc` and `Anthropic:Up`, as order set takes them.
 */
async function profileIds(line: LineOptions, env: PathEnv): Promise<string[]> {
  const [{ resolveWorkspace }, { openAgentStore }, { resolveAuthProvider }] = await Promise.all([
    import('../config/workspace.js'),
    import('../store/agent-store.js'),
    import('../providers/catalog.js'),
  ]);
  const workspace = await resolveWorkspace({
    env,
    ...(line.stateDir ? { stateDir: line.stateDir } : {}),
    ...(line.agent ? { agent: line.agent } : {}),
  });
  // A home with no store yet has no ids to offer: asking the installed openclaw its version (a
  // shim can take seconds) would hold up every Tab for nothing.
  const { own, base } = await (await openAgentStore(workspace, { filesOnly: true })).read();
  const profiles = { ...base?.profiles, ...own.profiles };
  const provider = line.provider && resolveAuthProvider(line.provider);
  return Object.entries(profiles)
    .filter(([id, profile]) => !provider || resolveAuthProvider(providerOf(id, profile)) === provider)
    .map(([id]) => id);
}

function providerOf(id: string, profile: Record<string, unknown>): string {
  return typeof profile.provider === 'string' ? profile.provider : (id.split(':')[0] ?? '');
}
