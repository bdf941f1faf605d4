import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import {
  NO_GATEWAY_PORT,
  type OpenclawVersion,
  openclaw,
  openclawBinDir,
  parseJsonOutput,
} from './openclaw-harness.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** Runs at the end of the current test (a gateway to stop, a PTY to kill), before its home is removed. */
export function onCleanup(cleanup: () => void | Promise<void>): void {
  cleanups.push(cleanup);
}

/** A temp home with `openclaw` (and its Node 24) on PATH, and authdeck run there as a user would. */
export function interopHome(version: OpenclawVersion) {
  const temp = makeTempHome();
  const PATH = `${openclawBinDir(version)}:${process.env.PATH ?? ''}`;
  const authdeck = (args: string[], input?: string, extra: Record<string, string> = {}) =>
    runCli(args, {
      home: temp.home,
      env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT, ...extra },
      ...(input !== undefined ? { input } : {}),
    });
  return {
    ...temp,
    PATH,
    authdeck,
    stateDb: join(temp.stateDir, 'state', 'openclaw.sqlite'),
    mainDb: join(temp.mainAgentDir, 'openclaw-agent.sqlite'),
  };
}

export const listIds = async (version: OpenclawVersion, homeDir: string) =>
  parseJsonOutput<{ profiles: Array<{ id: string }> }>(
    await openclaw(version, homeDir, ['models', 'auth', 'list', '--json']),
  )
    .profiles.map((profile) => profile.id)
    .sort();

export const jsonAuthFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => /^auth(-profiles|-state)?\.json$/.test(name)) : [];
