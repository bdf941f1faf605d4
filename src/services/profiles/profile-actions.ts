import type { Workspace } from '../config/workspace.js';
import { AuthdeckError, CancelledError, UsageError } from '../errors.js';
import { reportProgress } from '../progress.js';
import { resolveAuthProvider } from '../providers/catalog.js';
import { normalizeProviderId } from '../providers.js';
import { flagWord, shellWord } from '../shell-word.js';
import type { AgentLayers } from '../store/agent-store.js';
import {
  type AgentStore,
  type LayerRole,
  openAgentStoreForWrite,
  type StoreLayer,
  StoreMissingError,
} from '../store/agent-store.js';
import type { AuthStoreSnapshot, JsonObject } from '../store/documents.js';
import { hasUnsafeCharacters, shown } from '../terminal-text.js';
import { storedProfileType } from './credential-view.js';

/**
 * ` --profile-id <name>` for a command that makes `profileId` again (`anthropic:work` → `work`),
 * or nothing for the default one: the inverse of resolveProfileId, for the commands we print.
 */
export function profileIdFlag(profileId: string | undefined): string {
  const name = profileId?.slice(profileId.indexOf(':') + 1);
  return name && name !== 'default' ? ` ${flagWord('--profile-id', name)}` : '';
}

/** `--profile-id work` means `<provider>:work`; a full id must belong to the provider. */
export function resolveProfileId(provider: string, requested?: string, flag = '--profile-id'): string {
  const id = normalizeProviderId(provider);
  if (requested === undefined) return `${id}:default`;
  const value = requested.trim();
  const where = flag ? `${flag}: ` : '';
  if (value === '') throw new UsageError(`${where}the profile name is empty; leave the flag out for "${id}:default"`);
  refuseUnsafeId(value, requested, where);
  if (!value.includes(':')) return `${id}:${value}`;
  const [prefix, ...rest] = value.split(':');
  if (normalizeProviderId(prefix!) !== id) {
    throw new UsageError(`${where}"${value}" belongs to provider "${prefix}", not "${id}"`);
  }
  if (rest.join(':') === '') throw new UsageError(`${where}"${value}" has no name after the ":"`);
  return `${id}:${rest.join(':')}`;
}

/** An id is shown in terminals and typed by people: no controls, escapes, bidi, invisible marks or spaces. */
export function refuseUnsafeId(value: string, typed = value, where = ''): void {
  if (hasUnsafeCharacters(value))
    throw new UsageError(
      `${where}"${shown(typed)}" holds control or invisible characters; use letters, digits and punctuation`,
    );
  if (/\s/.test(value)) throw new UsageError(`${where}"${typed}" must not contain spaces`);
}

export class ProfileConflictError extends AuthdeckError {
  constructor(
    readonly profileId: string,
    readonly existingType: string,
  ) {
    super(
      `${profileId} already exists (${existingType}); choose another --profile-id or remove it first with \`authdeck remove ${shellWord(profileId)}\``,
    );
    this.name = 'ProfileConflictError';
  }
}

export interface RemoveResult {
  profileId: string;
  storePath: string;
  type: string;
  layer: LayerRole;
  /** The same id also lives in the layer underneath, which now applies. */
  /** The copy left below; `orderWithout`: the agent's own order, which does not name it (so it is not tried). */
  stillIn?: { layer: LayerRole; path: string; orderWithout?: { provider: string; ids: string[] } };
}

export interface OrderResult {
  path: string;
  changed: boolean;
  layer: LayerRole;
}

/**
 * Removes a profile from the layer that holds it as the agent sees it: its own store first,
 * else the shared store. A profile inherited from the main agent is removed there, not here.
 */
/**
 * The layer a remove takes a profile from, as the agent sees it: its own, else the shared
 * store. One rule (and one message) for the command's question and the removal itself.
 */
export function removalLayer(
  view: { workspace: Workspace; layers: AgentLayers; own: AuthStoreSnapshot; base?: AuthStoreSnapshot },
  profileId: string,
): StoreLayer {
  const { layers, own, base } = view;
  const target = Object.hasOwn(own.profiles, profileId)
    ? layers.own
    : base && Object.hasOwn(base.profiles, profileId)
      ? layers.base
      : undefined;
  if (target?.role === 'inherited') {
    throw new AuthdeckError(
      `${profileId} is inherited from the main agent; remove it there with \`authdeck remove ${shellWord(profileId)} --agent main\``,
    );
  }
  if (!target) {
    const where = `${layers.own.path}${layers.base ? ` or ${layers.base.path}` : ''}`;
    throw new AuthdeckError(`no profile ${profileId} for agent ${view.workspace.agentId} in ${where}`);
  }
  return target;
}

export async function removeProfile(store: AgentStore, profileId: string): Promise<RemoveResult> {
  const { workspace, layers } = store;
  const { own, base } = await store.read();
  const target = removalLayer({ workspace, layers, own, ...(base ? { base } : {}) }, profileId);
  const update = await target.update((tx) => {
    const existing = tx.getProfile(profileId);
    if (!existing) return undefined;
    tx.deleteProfile(profileId);
    return storedProfileType(existing);
  });
  if (update.result === undefined) throw new AuthdeckError(`${profileId} was removed by someone else meanwhile`);
  // Gone from the shared store: the agent's own order and stats must not keep naming it.
  // Best effort: an order entry naming a missing profile is skipped by the gateway anyway.
  if (target !== layers.own && layers.own.present && !own.profiles[profileId]) {
    await layers.own.update((tx) => tx.forgetReferences(profileId)).catch(() => undefined);
  }
  // The copy below is the one in force now — unless the agent's own order, which named the
  // removed copy, names others still: then the one below is not tried (OpenClaw's logout alike).
  const kept = base?.profiles[profileId];
  const provider = typeof kept?.provider === 'string' ? resolveAuthProvider(kept.provider) : undefined;
  const orderLeft = provider === undefined ? undefined : update.snapshot.order[provider];
  const below =
    target === layers.own && layers.base && base?.profiles[profileId]
      ? {
          layer: layers.base.role,
          path: layers.base.path,
          ...(provider && orderLeft && !orderLeft.includes(profileId)
            ? { orderWithout: { provider, ids: orderLeft } }
            : {}),
        }
      : undefined;
  return {
    profileId,
    storePath: target.path,
    type: update.result,
    layer: target.role,
    ...(below ? { stillIn: below } : {}),
  };
}

/** Writes (or with `undefined`, clears) the agent's order override for one provider, in its own layer. */
export async function setOrderOverride(
  store: AgentStore,
  provider: string,
  ids: string[] | undefined,
): Promise<OrderResult> {
  const { workspace, layers } = store;
  // Under the provider the credentials serve, as OpenClaw 2026.9 writes it (`--provider claude-cli`
  // is anthropic's order); a key naming it another way (`Anthropic`, `x-ai`) goes, or the gateway
  // could read that one first.
  const id = resolveAuthProvider(provider);
  try {
    const update = await layers.own.update((tx) => tx.replaceOrder(id, ids, (key) => resolveAuthProvider(key) === id));
    return { path: layers.own.stateFile(update.snapshot), changed: update.changed, layer: layers.own.role };
  } catch (error) {
    if (!(error instanceof StoreMissingError)) throw error;
    if (ids === undefined) return { path: layers.own.path, changed: false, layer: layers.own.role };
    // The agent's own database does not exist yet: OpenClaw's `order set` creates it.
    await createStoreWithOpenclaw(
      workspace,
      ['models', 'auth', 'order', 'set', '--provider', id, ...ids],
      undefined,
      error,
      async () => {
        const own = (await openAgentStoreForWrite(workspace)).layers.own;
        return own.present && (await own.read()).order[id]?.join('\n') === ids.join('\n');
      },
    );
    return { path: layers.own.path, changed: true, layer: layers.own.role };
  }
}

/** Ends a cooldown or disabled window early, in whichever layer recorded it. */
export async function clearProfileCooldown(store: AgentStore, profileId: string): Promise<{ changed: boolean }> {
  const { layers } = store;
  let changed = false;
  for (const layer of [layers.own, layers.base]) {
    if (!layer?.present) continue;
    if (!(await layer.read()).usageStats[profileId]) continue;
    const update = await layer.update((tx) => tx.updateUsage(profileId, resetFailureStats));
    changed ||= update.changed;
  }
  return { changed };
}

/**
 * A first write on a fresh install: OpenClaw makes its databases on its first write, and only it
 * may. Clearing an order that cannot exist yet (the agent has no database either) is a write that
 * changes nothing else; run before anything is written, no secret goes to another program, a
 * sign-in can be the first save, and OpenClaw does not see a new auth.profiles entry (for a
 * provider it does not bundle it went to npm for the plugin first: 86 s offline, where this takes
 * 2). Returns the command run; undefined when `target` is there, the agent's own database is (an
 * order clear would change it), or openclaw is not on PATH.
 */
export async function makeStoreFirst(
  workspace: Workspace,
  store: AgentStore,
  target: StoreLayer,
  provider: string,
): Promise<string | undefined> {
  const problem = target.writeProblem();
  if (!(problem instanceof StoreMissingError) || store.layers.own.present) return undefined;
  const { hasOpenclaw } = await import('../openclaw/openclaw-cli.js');
  if (!hasOpenclaw(workspace)) return undefined;
  return createStoreWithOpenclaw(
    workspace,
    ['models', 'auth', 'order', 'clear', '--provider', provider],
    undefined,
    problem,
  );
}

/** The store is missing and no openclaw is on PATH to create it: the exact command to run instead. */
export function noOpenclawToCreate(missing: StoreMissingError, args: string[], readsSecret: boolean): AuthdeckError {
  return new AuthdeckError(
    `${missing.message}. Create it with \`openclaw ${args.join(' ')}\`${readsSecret ? ' (it reads the secret from stdin)' : ''}, or put openclaw on PATH and authdeck will run it for you`,
  );
}

/**
 * Has OpenClaw create a store that does not exist yet, with the same change authdeck was about
 * to make. Without openclaw on PATH, stops with the exact command to run.
 */
export async function createStoreWithOpenclaw(
  workspace: Workspace,
  args: string[],
  stdin: string | undefined,
  missing: StoreMissingError,
  /** Whether the change is in the store: a Ctrl+C that came as OpenClaw finished did not stop it. */
  landed: () => Promise<boolean> = async () => false,
  /** Whether Ctrl+C came since the change began (before anything could take it): OpenClaw is not run. */
  cancelledMeanwhile: () => boolean = () => false,
): Promise<string> {
  const command = `openclaw ${args.join(' ')}`;
  // Only the first write of a fresh install gets here: child_process is not loaded before.
  const { hasOpenclaw, OPENCLAW_TIMEOUT_MS, openclawFailure, runOpenclaw } = await import(
    '../openclaw/openclaw-cli.js'
  );
  if (!hasOpenclaw(workspace)) throw noOpenclawToCreate(missing, args, stdin !== undefined);
  // Checked with nothing awaited before the run takes Ctrl+C itself: none falls between the two.
  if (cancelledMeanwhile()) throw new CancelledError(`cancelled before \`${command}\` ran to create the store`);
  reportProgress(`the store does not exist yet: running \`${command}\` to create it (OpenClaw can take a minute)…`);
  const run = await runOpenclaw(workspace, args, stdin);
  // Interrupted early, OpenClaw may die of another signal, or none it reports (exit code null),
  // or answer Ctrl+C by exiting 0 with nothing made.
  if (run.interrupted || (run.code !== 0 && (run.code === 130 || run.signal === 'SIGINT'))) {
    // Once it is written the outcome is decided (README "Exit codes"): said as saved, not cancelled.
    if (await landed().catch(() => false)) return command;
    throw new CancelledError(`cancelled while \`${command}\` was creating the store`);
  }
  if (run.timedOut)
    throw new AuthdeckError(
      `\`${command}\` did not finish within ${Math.round(OPENCLAW_TIMEOUT_MS / 60_000)} minutes and was stopped`,
    );
  if (run.code !== 0) throw new AuthdeckError(`\`${command}\` failed: ${openclawFailure(run, stdin)}`);
  return command;
}

/** Forgets failures and the windows they caused; `lastUsed` stays for round-robin order. */
export function resetFailureStats(stats: JsonObject): void {
  // The same fields OpenClaw 2026.9 clears when it resets a profile's failures.
  for (const key of [
    'cooldownUntil',
    'cooldownReason',
    'cooldownClassification',
    'cooldownModel',
    'blockedUntil',
    'blockedReason',
    'blockedSource',
    'blockedModel',
    'blockedScope',
    'disabledUntil',
    'disabledReason',
    'errorCount',
    'failureCounts',
    'lastFailureAt',
  ])
    delete stats[key];
}
