import { chmod, copyFile } from 'node:fs/promises';
import type { FormattingOptions, ParseError } from 'jsonc-parser';
import { PRIVATE_FILE_MODE, writeFileAtomic } from './atomic-write.js';
import { UnreadableStateError } from './errors.js';
import { readTextIfExists } from './fs-read.js';
import { asRecord, formatJsonDocument } from './json-text.js';
import { withFileLock } from './lock.js';

export interface ConfigAgentEntry {
  id: string;
  default: boolean;
  agentDir?: string;
}

export interface ConfigProfileEntry {
  provider: string;
  mode: string;
  email?: string;
}

/** What authdeck reads from `openclaw.json` (SPEC §2); the rest of the file is left alone. */
export interface GatewayConfig {
  path: string;
  exists: boolean;
  authProfiles: Record<string, ConfigProfileEntry>;
  authOrder: Record<string, string[]>;
  agents: ConfigAgentEntry[];
  /** `agents.defaults.model.primary` then its fallbacks, as written. */
  modelRefs: string[];
  /** `meta.lastTouchedVersion`: the OpenClaw version that last wrote the file. */
  lastTouchedVersion?: string;
  /** The `gateway` section as written (port, TLS, auth): how to reach the running gateway. */
  gateway?: Record<string, unknown>;
}

export async function readGatewayConfig(path: string): Promise<GatewayConfig> {
  const text = await readTextIfExists(path);
  if (text === undefined) return emptyConfig(path, false);
  return interpretConfig(path, await parseConfigText(path, text));
}

/** The providers the default model and its fallbacks name: the part of each ref before `/`. */
export function providersInUse(config: GatewayConfig): string[] {
  const providers = config.modelRefs
    .map((ref) => ref.split('/')[0]?.trim().toLowerCase() ?? '')
    .filter((provider) => provider !== '');
  return [...new Set(providers)];
}

async function parseConfigText(path: string, text: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    // Plain JSON is the common case and needs no parser to be loaded.
    value = JSON.parse(text);
  } catch {
    value = await parseJson5(path, text);
  }
  const doc = asRecord(value);
  if (!doc) throw new UnreadableStateError(`${path}: the top level is not an object`, path);
  return doc;
}

async function parseJson5(path: string, text: string): Promise<unknown> {
  const { default: JSON5 } = await import('json5');
  try {
    return JSON5.parse(text);
  } catch (error) {
    const where = error as { lineNumber?: number; columnNumber?: number };
    const position =
      where.lineNumber !== undefined ? ` at line ${where.lineNumber}, column ${where.columnNumber ?? 0}` : '';
    throw new UnreadableStateError(
      `${path}: not valid JSON5${position}; fix or move the file aside, authdeck will not overwrite it`,
      path,
    );
  }
}

function interpretConfig(path: string, doc: Record<string, unknown>): GatewayConfig {
  const auth = asRecord(doc.auth) ?? {};
  const authProfiles: Record<string, ConfigProfileEntry> = {};
  for (const [id, entry] of Object.entries(asRecord(auth.profiles) ?? {})) {
    const record = asRecord(entry);
    if (!record || typeof record.provider !== 'string') continue;
    authProfiles[id] = {
      provider: record.provider,
      mode: typeof record.mode === 'string' ? record.mode : '',
      ...(typeof record.email === 'string' ? { email: record.email } : {}),
    };
  }
  const authOrder: Record<string, string[]> = {};
  for (const [provider, ids] of Object.entries(asRecord(auth.order) ?? {})) {
    if (Array.isArray(ids)) authOrder[provider] = ids.filter((id): id is string => typeof id === 'string');
  }
  const agentsSection = asRecord(doc.agents) ?? {};
  const agents: ConfigAgentEntry[] = [];
  for (const entry of Array.isArray(agentsSection.list) ? agentsSection.list : []) {
    const record = asRecord(entry);
    if (!record || typeof record.id !== 'string' || record.id.trim() === '') continue;
    agents.push({
      id: record.id.trim(),
      default: record.default === true,
      ...(typeof record.agentDir === 'string' && record.agentDir.trim() !== '' ? { agentDir: record.agentDir } : {}),
    });
  }
  const lastTouchedVersion = asRecord(doc.meta)?.lastTouchedVersion;
  return {
    path,
    exists: true,
    authProfiles,
    authOrder,
    agents,
    modelRefs: readModelRefs(agentsSection),
    ...(typeof lastTouchedVersion === 'string' ? { lastTouchedVersion } : {}),
    ...(asRecord(doc.gateway) ? { gateway: asRecord(doc.gateway) } : {}),
  };
}

function readModelRefs(agentsSection: Record<string, unknown>): string[] {
  const model = asRecord(agentsSection.defaults)?.model;
  if (typeof model === 'string') return [model];
  const record = asRecord(model);
  if (!record) return [];
  const refs: string[] = [];
  if (typeof record.primary === 'string') refs.push(record.primary);
  if (Array.isArray(record.fallbacks)) {
    for (const ref of record.fallbacks) if (typeof ref === 'string') refs.push(ref);
  }
  return refs;
}

function emptyConfig(path: string, exists: boolean): GatewayConfig {
  return { path, exists, authProfiles: {}, authOrder: {}, agents: [], modelRefs: [] };
}

export interface ConfigRecordResult {
  path: string;
  changed: boolean;
  created: boolean;
  /** Set when the file used JSON5-only syntax and had to be rewritten as plain JSON. */
  backupPath?: string;
}

/**
 * Records a new profile in the config the way `openclaw onboard` does: `auth.profiles[id] =
 * {provider, mode}`, and the id appended to `auth.order[provider]` only where that list exists.
 * Comments and formatting survive when the file is JSONC; JSON5-only syntax cannot be edited in
 * place, so the original is kept as a backup before the rewrite.
 */
export async function recordProfileInConfig(
  path: string,
  profile: { id: string; provider: string; mode: string },
): Promise<ConfigRecordResult> {
  return withFileLock(path, async () => {
    const text = await readTextIfExists(path);
    if (text === undefined) {
      const doc = { auth: { profiles: { [profile.id]: { provider: profile.provider, mode: profile.mode } } } };
      await writeFileAtomic(path, formatJsonDocument(doc));
      return { path, changed: true, created: true };
    }
    const doc = await parseConfigText(path, text);
    const edits = plannedConfigEdits(doc, profile);
    if (edits.length === 0) return { path, changed: false, created: false };
    const jsonc = await import('jsonc-parser');
    const jsoncErrors: ParseError[] = [];
    jsonc.parse(text, jsoncErrors, { allowTrailingComma: true, disallowComments: false });
    if (jsoncErrors.length === 0) {
      await writeFileAtomic(path, applyConfigEditsToText(jsonc, text, edits));
      return { path, changed: true, created: false };
    }
    const backupPath = await backupConfig(path, text);
    for (const edit of edits) setAtPath(doc, edit.path, edit.value);
    await writeFileAtomic(path, formatJsonDocument(doc));
    return { path, changed: true, created: false, backupPath };
  });
}

interface ConfigEdit {
  path: (string | number)[];
  value: unknown;
  arrayInsert?: boolean;
}

function plannedConfigEdits(
  doc: Record<string, unknown>,
  profile: { id: string; provider: string; mode: string },
): ConfigEdit[] {
  const auth = asRecord(doc.auth);
  const existing = asRecord(asRecord(auth?.profiles)?.[profile.id]);
  const edits: ConfigEdit[] = [];
  if (!existing) {
    edits.push({ path: ['auth', 'profiles', profile.id], value: { provider: profile.provider, mode: profile.mode } });
  } else {
    if (existing.provider !== profile.provider) edits.push({ path: ['auth', 'profiles', profile.id, 'provider'], value: profile.provider });
    if (existing.mode !== profile.mode) edits.push({ path: ['auth', 'profiles', profile.id, 'mode'], value: profile.mode });
  }
  const order = asRecord(auth?.order)?.[profile.provider];
  if (Array.isArray(order) && !order.includes(profile.id)) {
    edits.push({ path: ['auth', 'order', profile.provider, order.length], value: profile.id, arrayInsert: true });
  }
  return edits;
}

function applyConfigEditsToText(jsonc: typeof import('jsonc-parser'), text: string, edits: ConfigEdit[]): string {
  const formattingOptions = detectFormatting(text);
  let result = text;
  for (const edit of edits) {
    const changes = jsonc.modify(result, edit.path, edit.value, {
      formattingOptions,
      ...(edit.arrayInsert ? { isArrayInsertion: true } : {}),
    });
    result = jsonc.applyEdits(result, changes);
  }
  return result;
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

function setAtPath(doc: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const container = node as Record<string | number, unknown>;
    const next = container[key];
    if (next === null || typeof next !== 'object') container[key] = {};
    node = container[key] as Record<string, unknown>;
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}

async function backupConfig(path: string, text: string): Promise<string> {
  const preferred = `${path}.bak`;
  const previous = await readTextIfExists(preferred);
  const target = previous === undefined || previous === text ? preferred : `${path}.${timestampForFileName()}.bak`;
  await copyFile(path, target);
  await chmod(target, PRIVATE_FILE_MODE);
  return target;
}

export function timestampForFileName(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
