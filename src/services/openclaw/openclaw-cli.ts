import type { Workspace } from '../config/workspace.js';
import { AuthdeckError } from '../errors.js';
import { findOnPath } from '../find-program.js';
import { runInGroup } from '../process-group.js';
import { withoutColours } from '../terminal-text.js';

/** OpenClaw's CLI takes several seconds to start (and longer on a loaded machine). */
export const OPENCLAW_TIMEOUT_MS = 180_000;

export interface OpenclawRun {
  code: number | null;
  /** Set when a signal ended it (Ctrl+C reaches it too: it is in the terminal's process group). */
  signal?: NodeJS.Signals | null;
  /** Ctrl+C (or a SIGINT) came while it ran: however it then ended, that is why. */
  interrupted?: boolean;
  /** It ran past OPENCLAW_TIMEOUT_MS and was stopped. */
  timedOut?: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `openclaw` for this workspace (same state dir and config). A secret goes to its stdin,
 * never its arguments. Used only where OpenClaw must create its own database.
 */
export async function runOpenclaw(workspace: Workspace, args: string[], stdin?: string): Promise<OpenclawRun> {
  const bin = findOnPath('openclaw', workspace.env.PATH);
  if (!bin) throw new AuthdeckError('openclaw is not on PATH');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...workspace.env,
    OPENCLAW_STATE_DIR: workspace.stateDir,
    OPENCLAW_CONFIG_PATH: workspace.configPath,
    NO_COLOR: '1',
    // Its start-up installs a configured plugin that is missing through npm: not for a command
    // run only to create a database (that install is onboarding's, asked for), and with no
    // network npm retries for over a minute first (79 s against 9 s measured for `order set`).
    npm_config_offline: 'true',
  };
  // Ctrl+C (and a SIGINT sent to authdeck alone: kill, a supervisor) is passed on to OpenClaw's
  // process group, so it stops at once instead of finishing a minute later; a signal that ends
  // authdeck ends it too.
  const run = await runInGroup({
    bin,
    args: [...args, ...(workspace.agentFrom === 'env' ? [] : ['--agent', workspace.agentId])],
    env,
    stdin: stdin ?? '',
    timeoutMs: OPENCLAW_TIMEOUT_MS,
    ctrlC: 'SIGINT',
  });
  if (run.startError !== undefined) throw new AuthdeckError(`could not run ${bin}: ${run.startError}`);
  return {
    code: run.code,
    signal: run.signal,
    interrupted: run.stopped === 'interrupt' || run.stopped === 'ending',
    ...(run.stopped === 'timeout' ? { timedOut: true } : {}),
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

export function hasOpenclaw(workspace: Workspace): boolean {
  return findOnPath('openclaw', workspace.env.PATH) !== undefined;
}

/**
 * The last meaningful line OpenClaw printed on failure, for a one-line reason. The secret went
 * on stdin, never in the arguments, but OpenClaw may repeat it ("invalid API key sk-…"): `secret`
 * is taken out of what is said.
 */
export function openclawFailure(run: OpenclawRun, secret?: string): string {
  const said = `${run.stderr}\n${run.stdout}`;
  const hidden = secret && secret.trim().length >= 8 ? withoutSecret(said, secret.trim()) : said;
  const lines = withoutColours(hidden)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/could not be verified|gateway status --deep/.test(line));
  return (
    lines.find((line) => /error|refus|invalid|not /i.test(line)) ?? lines[lines.length - 1] ?? `exit code ${run.code}`
  );
}

/** A run of this many characters of the secret (longer than any public prefix, `sk-ant-api03-`) is taken for it. */
const SECRET_RUN = 16;

/**
 * `text` with the secret taken out, whole or in part: a program that repeats it without its
 * prefix ("rejected aaaa…", the key less `sk-ant-api03-`) still gave most of it away.
 */
export function withoutSecret(text: string, secret: string): string {
  const whole = text.replaceAll(secret, '[the secret]');
  const run = Math.min(SECRET_RUN, secret.length);
  const pieces = new Set<string>();
  for (let at = 0; at + run <= secret.length; at += 1) pieces.add(secret.slice(at, at + run));
  let out = '';
  let at = 0;
  while (at < whole.length) {
    if (!pieces.has(whole.slice(at, at + run))) {
      out += whole[at];
      at += 1;
      continue;
    }
    // As long a piece of the secret as the text holds here.
    let end = at + run;
    while (end < whole.length && secret.includes(whole.slice(at, end + 1))) end += 1;
    out += '[part of the secret]';
    at = end;
  }
  return out;
}
