import { resolve } from 'node:path';
import { type PathEnv, resolveStateDir } from './config/paths.js';
import type { Workspace } from './config/workspace.js';

/**
 * How to run another authdeck command from where the person is. Someone who started it with
 * `npm start` in a clone has no `authdeck` on PATH until `npm link`: "authdeck status" would be
 * "command not found" for them, `npm start -- status` works.
 */
export function authdeckCommand(args: string, env: PathEnv): string {
  return env.npm_lifecycle_event === 'start' ? `npm start -- ${args}` : `authdeck ${args}`;
}

/** The flags that make a command act where this one did: its agent, unless main; its state dir, unless the usual. */
export function workspaceFlags(workspace: Workspace): string[] {
  const flags = workspace.isMain ? [] : ['--agent', workspace.agentId];
  const usual = resolve(resolveStateDir({ HOME: workspace.env.HOME, OPENCLAW_HOME: workspace.env.OPENCLAW_HOME }));
  return resolve(workspace.stateDir) === usual ? flags : [...flags, '--state-dir', workspace.stateDir];
}
