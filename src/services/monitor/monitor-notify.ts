import { type ChildProcess, spawn as nodeSpawn } from 'node:child_process';
import { formatDateTime, formatDuration } from '../durations.js';
import { errorMessage } from '../errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { readTextIfExists } from '../files/fs-read.js';
import { shown } from '../terminal-text.js';
import { readKeptTarget } from './monitor-kept-target.js';
import { maskUrl, type NotifyTarget, type RunTarget, scrubSecrets } from './monitor-target.js';

export type { NotifyTarget, RunTarget };

export interface CheckOutcome {
  exitCode: 0 | 1 | 2 | 3;
  reasons: string[];
  /** The line after the reasons that says what to do about them (never cut with them). */
  next?: string;
  /** What the run did or left alone without anything to notify (the keep-alive's lines): recorded, never sent. */
  notes?: string[];
  /** Told whether the notification got out (what was alerted is remembered only then); a throw is recorded. */
  afterNotify?: (notified: boolean) => Promise<void>;
}

export interface NotifyDeps {
  spawn?: typeof nodeSpawn;
  fetch?: typeof fetch;
  /** 30 s for a command, 10 s for ntfy. */
  timeoutMs?: number;
  /** Applied to every reason (and to what a failing command said) before it leaves the process. */
  redact?: (text: string) => string;
  /** The notify command's environment; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface NotifyResult {
  notified: boolean;
  detail: string;
}

const TITLES: Record<1 | 2 | 3, string> = {
  1: 'authdeck: credentials expired, missing or refused',
  2: 'authdeck: credentials expiring',
  3: 'authdeck: cannot read the auth store',
};
const MAX_REASONS = 20;
const MAX_LINE = 300;

export interface Notification {
  title: string;
  body: string;
  priority: 'high' | 'default';
}

const identity = (text: string) => text;

function cleanReasons(reasons: readonly string[], redact: (text: string) => string): string[] {
  return (
    reasons
      // Ids in a reason come from the store: a control or bidi mark would act on the reader's terminal (or phone).
      .map((reason) => shown(scrubSecrets(redact(reason)).replace(/\s+/g, ' ').trim(), MAX_LINE))
      .filter((line) => line !== '')
  );
}

export function buildNotification(outcome: CheckOutcome, redact: (text: string) => string = identity): Notification {
  const code = outcome.exitCode === 0 ? 1 : outcome.exitCode;
  const lines = cleanReasons(outcome.reasons, redact);
  const kept = lines.slice(0, MAX_REASONS);
  if (lines.length > kept.length) kept.push(`…and ${lines.length - kept.length} more`);
  if (kept.length === 0) kept.push(`authdeck status --check exited ${outcome.exitCode}`);
  if (outcome.next) kept.push(...cleanReasons([outcome.next], redact));
  return { title: TITLES[code], body: kept.join('\n'), priority: code === 2 ? 'default' : 'high' };
}

/** Exit 0 sends nothing; 1, 2 and 3 go to the command's stdin or to the ntfy topic. */
export async function notifyIfNeeded(
  outcome: CheckOutcome,
  target: RunTarget | undefined,
  deps: NotifyDeps = {},
): Promise<NotifyResult> {
  if (outcome.exitCode === 0) return { notified: false, detail: 'nothing to report' };
  // A run by hand names no target even where an installed one passes its own: said, so it does not look lost.
  if (target === undefined)
    return {
      notified: false,
      detail: 'this run was given no --notify or --ntfy (an installed monitor passes its own)',
    };
  const message = buildNotification(outcome, deps.redact);
  // A target kept in a file is read only now, when there is something to send.
  const kept = await readKeptTarget(target);
  if ('unreadable' in kept) return { notified: false, detail: kept.unreadable };
  if ('ntfyUrl' in kept.target) return postToNtfy(kept.target.ntfyUrl, message, deps);
  // A kept command may hold a credential (why it is in a file): nothing it says is repeated.
  return runNotifyCommand(kept.target.command, message, outcome.exitCode, deps, kept.file !== undefined);
}

function shortTime(ms: number): string {
  return ms < 1000 ? `${ms}ms` : formatDuration(ms);
}

function runNotifyCommand(
  command: string,
  message: Notification,
  exitCode: number,
  deps: NotifyDeps,
  /** A kept command: what it says on stderr may quote it ("sh: https://…: not found"), so it is not repeated. */
  kept = false,
): Promise<NotifyResult> {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const redact = deps.redact ?? identity;
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // Its own process group, so that a timeout kills what the shell started too.
      child = (deps.spawn ?? nodeSpawn)('/bin/sh', ['-c', command], {
        stdio: ['pipe', 'ignore', 'pipe'],
        detached: true,
        env: { ...(deps.env ?? process.env), AUTHDECK_CHECK_EXIT: String(exitCode) },
      });
    } catch (error) {
      // Node's message quotes the command, which may hold a credential: its code says enough.
      const code = (error as NodeJS.ErrnoException).code ?? 'refused';
      resolve({ notified: false, detail: `could not run the notify command (${code})` });
      return;
    }
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    let done = false;
    const finish = (detail: string, notified = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ notified, detail });
    };
    const settle = (code: number | null, signal: NodeJS.Signals | null) => {
      if (timedOut) return finish(`the notify command timed out after ${shortTime(timeoutMs)} and was killed`);
      if (code === 0) return finish('the notify command exited 0', true);
      const said = kept ? undefined : stderr.trim().split('\n').pop()?.trim();
      const how = code === null ? `was killed by ${signal}` : `exited ${code}`;
      finish(`the notify command ${how}${said ? `: ${scrubSecrets(redact(said)).slice(0, MAX_LINE)}` : ''}`);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4096);
    });
    child.on('error', (error) =>
      finish(
        `could not run the notify command${kept ? ` (${(error as NodeJS.ErrnoException).code ?? 'refused'})` : `: ${error.message}`}`,
      ),
    );
    child.on('exit', (code, signal) => {
      const stream = child.stderr;
      if (!stream || stream.closed) return settle(code, signal);
      // Something the command left in the background may hold stderr open: do not wait for it.
      const grace = setTimeout(() => stream.destroy(), 200);
      stream.once('close', () => {
        clearTimeout(grace);
        settle(code, signal);
      });
    });
    child.stdin?.on('error', () => {}); // a command that ignores its stdin closes it early
    child.stdin?.end(`${message.title}\n${message.body}\n`);
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

async function postToNtfy(rawUrl: string, message: Notification, deps: NotifyDeps): Promise<NotifyResult> {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { notified: false, detail: 'the ntfy URL does not parse' };
  }
  const headers: Record<string, string> = { Title: message.title, Priority: message.priority, Tags: 'warning' };
  // fetch refuses a URL with user:password in it; ntfy takes the same as Basic auth.
  if (url.username !== '' || url.password !== '') {
    const user = `${decodedUserinfo(url.username)}:${decodedUserinfo(url.password)}`;
    headers.Authorization = `Basic ${Buffer.from(user, 'utf8').toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const where = maskUrl(rawUrl);
  try {
    const response = await (deps.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body: message.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return { notified: ok, detail: `${where} answered HTTP ${response.status}` };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { notified: false, detail: `${where} did not answer within ${shortTime(timeoutMs)}` };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { notified: false, detail: `could not reach ${where}: ${scrubSecrets(`${errorMessage(error)}${cause}`)}` };
  }
}

/** What `monitor run` leaves for `monitor status`: reasons as they were sent, never more. */
export interface MonitorRunRecord {
  at: string;
  exitCode: CheckOutcome['exitCode'];
  reasons: string[];
  notified: boolean;
  detail: string;
  notes?: string[];
}

export interface MonitorRunInput {
  /** The equivalent of `authdeck status --check --within W`. A throw counts as exit 3: the monitor must not fail silently. */
  check: () => Promise<CheckOutcome>;
  target: RunTarget | undefined;
  /** `monitorLocation(...).statusPath`. */
  statusPath: string;
  deps?: NotifyDeps;
  nowMs?: number;
}

export async function runMonitor(input: MonitorRunInput): Promise<MonitorRunRecord> {
  let outcome: CheckOutcome;
  try {
    outcome = await input.check();
  } catch (error) {
    outcome = { exitCode: 3, reasons: [errorMessage(error)] };
  }
  const sent = await notifyIfNeeded(outcome, input.target, input.deps);
  const record: MonitorRunRecord = {
    at: new Date(input.nowMs ?? Date.now()).toISOString(),
    exitCode: outcome.exitCode,
    reasons: cleanReasons(outcome.reasons, input.deps?.redact ?? identity),
    ...sent,
  };
  const notes = cleanReasons(outcome.notes ?? [], input.deps?.redact ?? identity);
  if (notes.length > 0) record.notes = notes;
  try {
    await outcome.afterNotify?.(sent.notified);
  } catch (error) {
    record.detail += `; ${errorMessage(error)}`;
  }
  try {
    await writeFileAtomic(input.statusPath, `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    // The notification has gone out already; losing the record must not hide that.
    record.detail += `; could not record the run: ${errorMessage(error)}`;
  }
  return record;
}

export async function readMonitorRunRecord(path: string): Promise<MonitorRunRecord | undefined> {
  try {
    const value = JSON.parse((await readTextIfExists(path, 1024 * 1024)) ?? 'null') as Partial<MonitorRunRecord>;
    const known = typeof value.exitCode === 'number' && [0, 1, 2, 3].includes(value.exitCode);
    if (typeof value.at !== 'string' || !known || typeof value.detail !== 'string') return undefined;
    const { notes: stored, ...rest } = value;
    const notes = Array.isArray(stored) ? stored.filter((note) => typeof note === 'string') : [];
    return { reasons: [], notified: false, ...rest, ...(notes.length > 0 ? { notes } : {}) } as MonitorRunRecord;
  } catch {
    return undefined;
  }
}

/** One line for the log and for `monitor status`. */
export function describeRun(record: MonitorRunRecord): string {
  const when = formatDateTime(Date.parse(record.at));
  // Exit 0 with notes: a sign-in told about before (a refused refresh) is not news, but not fine either.
  if (record.exitCode === 0)
    return record.notes?.length
      ? `${when}: nothing new to notify (exit 0); ${record.notes.length === 1 ? 'one note' : `${record.notes.length} notes`}: ${record.notes[0]}${record.notes.length > 1 ? ' …' : ''}`
      : `${when}: credentials fine (exit 0)`;
  const what = TITLES[record.exitCode].replace('authdeck: ', '');
  return `${when}: ${what} (exit ${record.exitCode}); ${record.notified ? 'notified' : 'not notified'}: ${record.detail}`;
}

/** `monitor run` fails (and the unit shows failed) only when there was something to say and it did not get out. */
export function monitorRunExitCode(record: MonitorRunRecord): 0 | 1 {
  return record.exitCode === 0 || record.notified ? 0 : 1;
}

/** A URL's user or password as typed: percent-escapes decoded, a `%` that starts none kept as it is (`50%off`). */
function decodedUserinfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
