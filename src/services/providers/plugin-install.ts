/**
 * Whether a provider's plugin is where the gateway loads it from. Bundled plugins ship with
 * OpenClaw; one from the external catalog is installed by `openclaw plugins install` under the
 * state directory: a managed npm project (`npm/projects/<name>/node_modules/<package>`) or a
 * path install (`extensions/<id>`), as OpenClaw 2026.9's install-paths lays them out.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GatewayConfig } from '../config/openclaw-json.js';
import { pluginBlock } from '../config/plugin-policy.js';
import { readTextIfExists } from '../files/fs-read.js';
import { findOnPath } from '../find-program.js';
import { asRecord, jsonObject } from '../json-text.js';
import { couldNotReach, TLS_CODES } from '../network-failure.js';
import { runInGroup } from '../process-group.js';
import { shown, withoutColours } from '../terminal-text.js';
import type { CatalogPlugin } from './catalog.js';
import { isWritableModelId } from './model-id.js';
import { CODEX_RUNTIME_REASON, runtimePluginFor } from './runtime-plugin.js';

/** What the gateway still lacks to use a provider: its plugin, and the command that installs it. */
export interface PluginNeed {
  id: string;
  installCommand: string;
  reason: string;
  /** The catalog's plugin: what `installPlugin` installs. */
  source: CatalogPlugin;
  /** What the gateway cannot do without it, where not "use <id>" (a runtime plugin: needWords). */
  lacks?: string;
}

/** "the gateway cannot use deepseek until its plugin is installed", or what a runtime plugin holds back. */
export function needWords(need: PluginNeed, provider = need.id): string {
  return need.lacks ?? `the gateway cannot use ${provider} until its plugin is installed`;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** `@openclaw/deepseek-provider@1.2.0` → `@openclaw/deepseek-provider`. */
function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at > 0 ? spec.slice(0, at) : spec;
}

/** Where the gateway looks for installed plugins: the state dir, and the config's dir when elsewhere. */
interface PluginHome {
  stateDir: string;
  configPath: string;
}

/** Where an external plugin is installed, or undefined. */
async function installedPluginDir(plugin: CatalogPlugin, where: PluginHome): Promise<string | undefined> {
  const name = plugin.npmSpec ? packageName(plugin.npmSpec) : undefined;
  for (const root of new Set([where.stateDir, dirname(where.configPath)])) {
    const extension = join(root, 'extensions', plugin.id);
    if (await isDirectory(extension)) return extension;
    if (!name) continue;
    const projects = join(root, 'npm', 'projects');
    const entries = await readdir(projects).catch(() => [] as string[]);
    for (const entry of entries) {
      const dir = join(projects, entry, 'node_modules', ...name.split('/'));
      if (await isDirectory(dir)) return dir;
    }
  }
  return undefined;
}

async function pluginInstalled(plugin: CatalogPlugin, where: PluginHome): Promise<boolean> {
  return (await installedPluginDir(plugin, where)) !== undefined;
}

/** A plugin manifest is small: a bigger one (or a FIFO, a device) is not read. */
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The default model an installed external plugin names for `provider` in its manifest
 * (`modelCatalog.providers.<provider>.defaultModel`), as `<provider>/<model>`. The catalog has
 * the defaults OpenClaw's onboarding set only for plugins observed installed; where a manifest
 * names one it is the one onboarding sets (DeepSeek, Mistral and Venice agree with their runs).
 */
export async function installedDefaultModel(
  plugin: CatalogPlugin,
  provider: string,
  where: PluginHome,
): Promise<string | undefined> {
  const dir = await installedPluginDir(plugin, where);
  if (!dir) return undefined;
  const text = await readTextIfExists(join(dir, 'openclaw.plugin.json'), MANIFEST_MAX_BYTES).catch(() => undefined);
  const manifest = text ? jsonObject(text) : undefined;
  const model = asRecord(asRecord(manifest?.modelCatalog)?.providers)?.[provider];
  const named = asRecord(model)?.defaultModel;
  // The manifest is the package's text: a model id with a control, an escape, a bidi mark (or
  // a runaway length) is not one to make the gateway's default.
  return typeof named === 'string' && isWritableModelId(named) ? `${provider}/${named}` : undefined;
}

/** The plugin still to install for `plugin` (undefined: bundled, or installed already). */
export async function pluginNeed(
  plugin: CatalogPlugin | null | undefined,
  where: PluginHome,
  reason = 'it comes from npm or ClawHub, not with OpenClaw',
): Promise<PluginNeed | undefined> {
  if (plugin?.status !== 'external-catalog' || !plugin.installCommand) return undefined;
  if (await pluginInstalled(plugin, where)) return undefined;
  return { id: plugin.id, installCommand: plugin.installCommand, reason, source: plugin };
}

/**
 * What the gateway lacks to answer with `provider`'s models: the provider's own plugin, else the
 * runtime plugin its models run on (Codex for OpenAI: runtime-plugin.ts).
 */
export async function providerPluginNeed(
  plugin: CatalogPlugin | null | undefined,
  provider: string,
  where: PluginHome & { config: GatewayConfig; agentId?: string },
): Promise<PluginNeed | undefined> {
  const own = await pluginNeed(plugin, where);
  if (own) return own;
  const runtime = runtimePluginFor(where.config, provider, where.agentId);
  // A runtime plugin the config's policy blocks is not installed: that would not load it (the
  // save says what blocks it instead: runtimeBlockedWarning).
  if (!runtime || pluginBlock(where.config.plugins, runtime.id)) return undefined;
  const need = await pluginNeed(runtime, where, CODEX_RUNTIME_REASON);
  return (
    need && { ...need, lacks: `the gateway cannot run ${provider} models until the ${need.id} plugin is installed` }
  );
}

/** What a landed install says on a screen and after the TUI has left (the CLI quotes the command). */
export function pluginInstalledWords(id: string): string {
  return `installed the ${id} plugin; a running gateway loads it after a restart (\`openclaw gateway restart\`)`;
}

/**
 * The error codes of a request that got no answer (no network, no DNS, refused, dropped, too
 * slow) or reached something this machine does not trust (a proxy that reads TLS).
 */
const NETWORK_CODE = String.raw`\b(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|${TLS_CODES.join('|')})\b`;
/** npm's or ClawHub's line that names the failed connection. */
const NETWORK_LINE = new RegExp(String.raw`\b(connect|getaddrinfo|reason:).*${NETWORK_CODE}`);
const NETWORK_ANY = new RegExp(NETWORK_CODE);
/** The code, and the host (or address) after it where the line names one: `ENOTFOUND clawhub.ai`. */
const NETWORK_HOST = new RegExp(String.raw`${NETWORK_CODE}(?:\s+([\w-]+(?:\.[\w-]+)+(?::\d+)?))?`);
/** A line of a box drawn around a panel: its border, or text inside it. */
const BOX_DRAWN = /^[\u2500-\u257f\u25c6\u25c7]/;

/** OpenClaw's npm install of a plugin can take minutes on a slow link. */
export const INSTALL_TIMEOUT_MS = 300_000;

/**
 * Runs `openclaw plugins install <spec>` for this state dir (what OpenClaw's onboarding runs);
 * undefined when the plugin is then where the gateway loads it, else a one-line reason.
 *
 * OpenClaw runs npm: the install gets a process group of its own, so the timeout and Ctrl+C
 * (which authdeck takes while it runs) end all of it, not only `openclaw` while npm holds the
 * output pipes open (which kept the wait going for as long as npm did).
 */
export async function installPlugin(
  where: PluginHome & { env: Record<string, string | undefined> },
  plugin: CatalogPlugin,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string | undefined> {
  const bin = findOnPath('openclaw', where.env.PATH);
  if (!bin) return 'openclaw is not on PATH';
  const spec = plugin.npmSpec ?? plugin.id;
  const timeoutMs = options.timeoutMs ?? INSTALL_TIMEOUT_MS;
  const run = await runInGroup({
    bin,
    args: ['plugins', 'install', spec],
    env: {
      ...process.env,
      ...where.env,
      OPENCLAW_STATE_DIR: where.stateDir,
      OPENCLAW_CONFIG_PATH: where.configPath,
      NO_COLOR: '1',
    },
    timeoutMs,
    ctrlC: 'SIGTERM',
    ...(options.signal ? { abort: options.signal } : {}),
    keepChars: 16_384,
  });
  if (run.stopped === 'interrupt') return 'stopped by Ctrl+C';
  if (run.stopped === 'ending') return 'stopped: authdeck was ended';
  // Stopped just as it finished: installed is installed.
  if (run.stopped === 'cancel') return (await pluginInstalled(plugin, where)) ? undefined : 'stopped';
  if (run.stopped === 'timeout') return `stopped after ${Math.round(timeoutMs / 1000)} s without finishing`;
  if (run.code === 0 && (await pluginInstalled(plugin, where))) return undefined;
  if (run.code === 0)
    return shown(
      `openclaw exited with 0 but the plugin is not in ${where.stateDir} (extensions/ or npm/projects/)`,
      300,
    );
  // OpenClaw frames its doctor's warnings in boxes, wrapped mid-sentence (a ClawHub fallback's
  // "Failed to install … from" panel); the error it ends on is a plain line.
  const lines = withoutColours(run.output)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !BOX_DRAWN.test(line));
  // A network failure is the reason whatever else failed with it (OpenClaw's own doctor notes
  // come first and name npm's error in passing); else the first line that says it failed.
  const reason =
    run.startError ??
    lines.findLast((line) => NETWORK_LINE.test(line)) ??
    lines.findLast((line) => NETWORK_ANY.test(line)) ??
    lines.find((line) => /error|fail|refus|not found|ENOTFOUND|ECONN/i.test(line)) ??
    lines.at(-1);
  // No network is said as every other offline answer says it, with the host npm or ClawHub named.
  const network = reason?.match(NETWORK_HOST);
  const host = network?.[2] ?? lines.join(' ').match(/https?:\/\/([\w.-]+)/)?.[1];
  if (network?.[1])
    return shown(
      couldNotReach(host ?? 'the plugin registry', Object.assign(new Error(reason), { code: network[1] })),
      300,
    );
  return shown(reason ?? `openclaw exited with ${run.code ?? 'a signal'}`, 300);
}
