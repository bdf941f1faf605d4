/**
 * Whether a provider's plugin is where the gateway loads it from. Bundled plugins ship with
 * OpenClaw; one from the external catalog is installed by `openclaw plugins install` under the
 * state directory: a managed npm project (`npm/projects/<name>/node_modules/<package>`) or a
 * path install (`extensions/<id>`), as OpenClaw 2026.9's install-paths lays them out.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CatalogPlugin } from './catalog.js';

/** What the gateway still lacks to use a provider: its plugin, and the command that installs it. */
export interface PluginNeed {
  id: string;
  installCommand: string;
  reason: string;
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

export async function pluginInstalled(plugin: CatalogPlugin, roots: readonly string[]): Promise<boolean> {
  const name = plugin.npmSpec ? packageName(plugin.npmSpec) : undefined;
  for (const root of new Set(roots)) {
    if (await isDirectory(join(root, 'extensions', plugin.id))) return true;
    if (!name) continue;
    const projects = join(root, 'npm', 'projects');
    const entries = await readdir(projects).catch(() => [] as string[]);
    for (const entry of entries)
      if (await isDirectory(join(projects, entry, 'node_modules', ...name.split('/')))) return true;
  }
  return false;
}

/** The plugin still to install for `plugin` (undefined: bundled, or installed already). */
export async function pluginNeed(
  plugin: CatalogPlugin | null | undefined,
  where: { stateDir: string; configPath: string },
): Promise<PluginNeed | undefined> {
  if (plugin?.status !== 'external-catalog' || !plugin.installCommand) return undefined;
  if (await pluginInstalled(plugin, [where.stateDir, dirname(where.configPath)])) return undefined;
  return { id: plugin.id, installCommand: plugin.installCommand, reason: 'it comes from npm, not with OpenClaw' };
}
