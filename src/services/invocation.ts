import { resolve } from 'node:path';
import { type PathEnv, resolveStateDir } from './config/paths.js';
import type { Workspace } from './config/workspace.js';
import { shellWord } from './shell-word.js';

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

/**
 * The `authdeck …` commands quoted in a text, made to act where this one did: `doctor --agent
 * coder` suggests `add-key … --agent coder`, not a command for the main agent. One that names
 * its agent or state dir stays as it is.
 */
export function withWorkspaceFlags(text: string, workspace: Workspace): string {
  const flags = workspaceFlags(workspace);
  if (flags.length === 0) return text;
  return text.replace(/`(authdeck [^`]*)`/g, (whole, command: string) =>
    /--agent\b|--state-dir\b/.test(command) ? whole : `\`${command} ${flags.map(shellWord).join(' ')}\``,
  );
}
