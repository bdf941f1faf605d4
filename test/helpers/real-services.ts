import { createAppServices, type RealServicesOptions } from '../../src/create-app-services.js';
import type { Workspace } from '../../src/services/config/workspace.js';

/**
 * The services the screens use, on real files, with no terminal: what a screen's key does, run
 * in a test (no PTY, no watcher, nothing drawn).
 */
export function realServices(
  workspace: Workspace,
  env: Record<string, string | undefined>,
  more: Pick<RealServicesOptions, 'preloadedState' | 'reload'> = {},
) {
  return createAppServices({
    workspace,
    warnWithinMs: 86_400_000,
    spawnPty: () => {
      throw new Error('no PTY here');
    },
    watch: () => () => {},
    writeToTerminal: () => {},
    env,
    ...more,
  });
}
