import { stat, writeFile } from 'node:fs/promises';
import { AuthdeckError, fsFailure, UnreadableStateError } from '../errors.js';
import { PRIVATE_FILE_MODE, writeFileAtomic } from '../files/atomic-write.js';
import { danglingLinkTarget, readTextIfExists } from '../files/fs-read.js';
import { type LockOptions, withFileLock } from '../files/lock.js';
import { countedWrite } from '../files/write-activity.js';
import { asRecord, formatJsonDocument } from '../json-text.js';
import { findAuthoringFile, INCLUDE_KEY, resolveIncludes } from './config-include.js';
import { applyConfigEditsToText, type ConfigEdit, type Jsonc } from './config-text-edit.js';
import {
  jsoncTree,
  refuseDuplicateKeys,
  refuseDuplicatesOnSetupPaths,
  refuseMisshapenParents,
} from './duplicate-keys.js';
import { json5AsJson } from './json5-as-json.js';
import { parseConfigText } from './openclaw-json.js';

export type { ConfigEdit } from './config-text-edit.js';

export interface ConfigRecordResult {
  path: string;
  changed: boolean;
  created: boolean;
  /** Set when the file used JSON5-only syntax and had to be rewritten. */
  backupPath?: string;
  /** The profile's `auth.profiles` entry was not there before this write. */
  addedEntry?: boolean;
  /** The provider's other stored profiles recorded with it, so that the gateway still tries them (KeepTried). */
  alsoListed?: string[];
  /** The file as it was and as this write left it: a failed save puts it back byte for byte. */
  undo?: { before: string | undefined; after: string; mode?: number };
}

/**
 * Records a new profile in the config the way `openclaw onboard` does: `auth.profiles[id] =
 * {provider, mode}`, and the id appended to `auth.order[provider]` only where that list exists.
 * Comments and formatting survive when the file is JSONC; JSON5-only syntax cannot be edited
 * in place, so it is spelled as JSON once (json5-as-json.ts) with the original as a backup. An
 * `auth` section brought in with `$include` is edited in the file that holds it. A config
 * that is ambiguous (a key written twice) is not edited: the save stops and says why.
 */
export interface ConfigProfileEntry {
  id: string;
  provider: string;
  mode: string;
  email?: string;
  /** A name OpenClaw shows for it (OpenRouter's sign-in sets one). */
  displayName?: string;
}

export async function recordProfileInConfig(
  path: string,
  profile: ConfigProfileEntry,
  lock?: LockOptions,
  options: {
    /** A save writes the provider's setup next (SETUP_PATHS): what would stop it is checked first. */
    setupFollows?: boolean;
    keepTried?: KeepTried;
  } = {},
): Promise<ConfigRecordResult> {
  return refusingDeepNesting(path, () =>
    recordUnderLock(path, [profile], lock, options.setupFollows === true, options.keepTried),
  );
}

/**
 * The provider's other stored profiles. While `auth.profiles` lists none of the provider's, the
 * gateway tries them all; a first entry alone would leave them untried (an `openai:api-key` made
 * by `openclaw onboard` stopped being used once `add-key` recorded `openai:default`). So they are
 * recorded with it, decided under the config's lock.
 */
export interface KeepTried {
  profiles: ConfigProfileEntry[];
  /** Whether an entry's provider is this provider (an alias counts). */
  isProvider: (provider: string) => boolean;
  /**
   * The provider's ids in a store: an entry of the config naming none of them lists nothing (the
   * gateway then takes the store's, as when none is listed).
   */
  storedIds: ReadonlySet<string>;
}

function alsoListed(asked: ConfigProfileEntry[], recorded: ConfigProfileEntry[]): { alsoListed?: string[] } {
  const ids = recorded.slice(asked.length).map((profile) => profile.id);
  return ids.length > 0 ? { alsoListed: ids } : {};
}

function withKeptTried(doc: Record<string, unknown>, profiles: ConfigProfileEntry[], keep?: KeepTried) {
  if (!keep || keep.profiles.length === 0) return profiles;
  const auth = asRecord(doc.auth);
  // An order in the config decides instead, and recording them would append them to it.
  if (Object.keys(asRecord(auth?.order) ?? {}).some(keep.isProvider)) return profiles;
  const listsProvider = Object.entries(asRecord(auth?.profiles) ?? {}).some(([id, entry]) => {
    const provider = asRecord(entry)?.provider;
    return typeof provider === 'string' && keep.isProvider(provider) && keep.storedIds.has(id);
  });
  return listsProvider ? profiles : [...profiles, ...keep.profiles];
}

/** Records many profiles in one write under one lock (a migration's thousands: one read, one write). */
export async function recordProfilesInConfig(
  path: string,
  profiles: ConfigProfileEntry[],
): Promise<ConfigRecordResult> {
  if (profiles.length === 0) return { path, changed: false, created: false };
  return refusingDeepNesting(path, () => recordUnderLock(path, profiles, undefined, false));
}

/** An edit of `path`, with a file too deeply nested to parse refused in one line, not a stack overflow. */
export async function refusingDeepNesting<T>(path: string, edit: () => Promise<T>): Promise<T> {
  try {
    return await edit();
  } catch (error) {
    // The JSON parsers recurse per level: a file nested hundreds of thousands deep overflows them.
    if (error instanceof RangeError)
      throw new UnreadableStateError(
        `${path} is nested too deeply for authdeck to edit (${error.message}); nothing was written`,
        path,
      );
    throw error;
  }
}

async function recordUnderLock(
  path: string,
  profiles: ConfigProfileEntry[],
  lock: LockOptions | undefined,
  setupFollows: boolean,
  keepTried?: KeepTried,
): Promise<ConfigRecordResult> {
  return withFileLock(
    path,
    async () => {
      const text = await readTextIfExists(path);
      if (text === undefined) refuseDanglingLink(path);
      // What a failed save puts back is the file as it was, its mode too (a write makes it 0600).
      const modeBefore = text === undefined ? undefined : (await stat(path).catch(() => undefined))?.mode;
      if (text === undefined) {
        const recorded = withKeptTried({}, profiles, keepTried);
        const entries = Object.fromEntries(recorded.map((profile) => [profile.id, newConfigEntry(profile)]));
        const after = formatJsonDocument({ auth: { profiles: entries } }, path);
        await writeFileAtomic(path, after);
        return {
          path,
          changed: true,
          created: true,
          addedEntry: true,
          ...alsoListed(profiles, recorded),
          undo: { before: undefined, after },
        };
      }
      const root = await parseConfigText(path, text);
      if (setupFollows) await refuseDuplicatesOnSetupPaths(text, path);
      const resolved = text.includes(INCLUDE_KEY) ? await resolveIncludes(root, path, parseConfigText) : root;
      const recorded = withKeptTried(resolved, profiles, keepTried);
      const edits = plannedConfigEdits(resolved, recorded);
      if (edits.length === 0) return { path, changed: false, created: false };
      const owner = await findAuthoringFile(root, path, ['auth', 'profiles'], parseConfigText);
      const ordered = edits.find((edit) => edit.path[1] === 'order');
      const orderOwner = ordered ? await findAuthoringFile(root, path, ['auth', 'order'], parseConfigText) : owner;
      if (orderOwner.file !== owner.file)
        throw new AuthdeckError(
          `auth.profiles and auth.order come from different files (${owner.file}, ${orderOwner.file}), and authdeck writes one file at a time; nothing was saved: keep both in one file, then save again`,
        );
      // Paths inside the file that holds them (the root file, or an included one).
      const local = edits.map((edit) => ({
        ...edit,
        path: [...(edit.path[1] === 'order' ? orderOwner : owner).path, ...edit.path.slice(2)],
      }));
      const write = () => editConfigFile(owner.file, owner.file === path ? text : undefined, local);
      const written = await (owner.file === path ? write() : withFileLock(owner.file, write, lock));
      const added = edits.some((edit) => edit.path.length === 3 && edit.path[1] === 'profiles');
      const { writtenText, ...result } = written;
      return {
        ...result,
        ...(added ? { addedEntry: true } : {}),
        ...alsoListed(profiles, recorded),
        ...(owner.file === path && writtenText !== undefined
          ? { undo: { before: text, after: writtenText, ...(modeBefore !== undefined ? { mode: modeBefore } : {}) } }
          : {}),
      };
    },
    lock,
  );
}

export async function editConfigFile(
  file: string,
  knownText: string | undefined,
  edits: ConfigEdit[],
): Promise<ConfigRecordResult & { writtenText?: string }> {
  const found = knownText ?? (await readTextIfExists(file));
  if (found === undefined) refuseDanglingLink(file);
  const text = found ?? '{}\n';
  const jsonc = await import('jsonc-parser');
  const tree = jsoncTree(jsonc, text, true);
  if (tree) {
    const writtenText = editedText(jsonc, text, file, edits, tree);
    await writeFileAtomic(file, writtenText);
    return { path: file, changed: true, created: false, writtenText };
  }
  // JSON5-only syntax (unquoted keys, single quotes) cannot be edited in place: it is spelled as
  // JSON first, and kept that way, so this is the only write that needs a backup.
  await parseConfigText(file, text);
  const spelled = await json5AsJson(text, file);
  const edited = spelled.restore(editedText(jsonc, spelled.text, file, edits));
  const backupPath = spelled.restore(spelled.text) === text ? undefined : await backupConfig(file, text);
  await writeFileAtomic(file, edited);
  return { path: file, changed: true, created: false, writtenText: edited, ...(backupPath ? { backupPath } : {}) };
}

function editedText(
  jsonc: Jsonc,
  text: string,
  file: string,
  edits: ConfigEdit[],
  tree = jsoncTree(jsonc, text),
): string {
  if (!tree) throw new AuthdeckError(`${file} could not be spelled as JSON for editing; nothing was written`);
  for (const edit of edits) {
    refuseDuplicateKeys(tree, text, file, edit.path);
    refuseMisshapenParents(tree, file, edit.path);
  }
  return applyConfigEditsToText(jsonc, text, edits);
}

/** As OpenClaw's login writes it: provider and mode, and the email of a sign-in. */
function newConfigEntry(profile: ConfigProfileEntry): Record<string, string> {
  return {
    provider: profile.provider,
    mode: profile.mode,
    ...(profile.email ? { email: profile.email } : {}),
    ...(profile.displayName ? { displayName: profile.displayName } : {}),
  };
}

/** The edits that record these profiles, each planned as if the ones before it were written. */
function plannedConfigEdits(doc: Record<string, unknown>, profiles: ConfigProfileEntry[]): ConfigEdit[] {
  const auth = asRecord(doc.auth);
  const stored = asRecord(auth?.profiles);
  const orders = asRecord(auth?.order);
  const added = new Set<string>();
  const appended = new Map<string, string[]>();
  const edits: ConfigEdit[] = [];
  for (const profile of profiles) {
    const existing = stored && Object.hasOwn(stored, profile.id) ? asRecord(stored[profile.id]) : undefined;
    if (!existing) {
      if (!added.has(profile.id))
        edits.push({ path: ['auth', 'profiles', profile.id], value: newConfigEntry(profile) });
      added.add(profile.id);
    } else {
      if (existing.provider !== profile.provider)
        edits.push({ path: ['auth', 'profiles', profile.id, 'provider'], value: profile.provider });
      if (existing.mode !== profile.mode)
        edits.push({ path: ['auth', 'profiles', profile.id, 'mode'], value: profile.mode });
    }
    const order = orders && Object.hasOwn(orders, profile.provider) ? orders[profile.provider] : undefined;
    const after = appended.get(profile.provider) ?? [];
    if (Array.isArray(order) && !order.includes(profile.id) && !after.includes(profile.id)) {
      const at = order.length + after.length;
      edits.push({ path: ['auth', 'order', profile.provider, at], value: profile.id, arrayInsert: true });
      appended.set(profile.provider, [...after, profile.id]);
    }
  }
  return edits;
}

export function setAtPath(doc: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  const last = path.at(-1);
  if (last === undefined) return;
  let node: Record<string | number, unknown> = doc;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  Object.defineProperty(node, last, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * openclaw.json missing behind a link (a dotfiles repo moved): a new file made at the link's
 * target would hold only what this save writes, where the person's own settings were meant to
 * be. Refused, with the way out; the credential itself is saved or not by the caller's rule.
 */
function refuseDanglingLink(path: string): void {
  const target = danglingLinkTarget(path);
  if (target === undefined) return;
  throw new AuthdeckError(
    `${path} is a link to ${target}, which does not exist: put the file back there (or remove the link, and a new openclaw.json is made); openclaw.json was not written`,
  );
}

async function backupConfig(path: string, text: string): Promise<string> {
  const preferred = `${path}.bak`;
  const previous = await readTextIfExists(preferred);
  if (previous === text) return preferred;
  const target = previous === undefined ? preferred : `${path}.${timestampForFileName()}.bak`;
  // Made 0600 from the start: the config may hold a gateway token. Counted as a write, so a
  // signal waits for it: one between its creation and its text left a 0-byte backup.
  await countedWrite(() =>
    writeFile(target, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' }).catch((error: unknown) => {
      throw fsFailure(error, target, 'write');
    }),
  );
  return target;
}

export function timestampForFileName(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
