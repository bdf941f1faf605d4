import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import type { Workspace } from '../config/workspace.js';
import { DOTENV_SKIPPED, daemonEnvSkipped } from '../env-file.js';
import { inspectFileLock } from '../files/lock.js';
import { findOnPath } from '../find-program.js';
import { preferencesDir } from '../prefs.js';
import { type AgentState, listAgentProfiles } from '../profiles/agent-state.js';
import { shellWord } from '../shell-word.js';
import type { StoreLayer } from '../store/agent-store.js';
import { awaitingImport, importFix } from './awaiting-import.js';
import type { Finding } from './doctor-types.js';

/** The files that hold secrets or decide which are used: they must be the user's alone. */
export function credentialFiles(workspace: Workspace, layers: StoreLayer[]): string[] {
  const files = new Set([workspace.configPath, workspace.daemonEnvPath]);
  for (const layer of layers) for (const path of layer.files) files.add(path);
  return [...files];
}

/** A daemon `.env` the gateway skips whole: every key and `${NAME}` in it is unset for it. */
export function checkDaemonEnvSize(workspace: Workspace): Finding[] {
  if (daemonEnvSkipped(workspace.daemonEnvPath) === undefined) return [];
  return [
    {
      code: 'env-file-too-large',
      severity: 'error',
      subject: workspace.daemonEnvPath,
      problem: 'is larger than 1 MiB',
      why: DOTENV_SKIPPED,
      fix: `move what is not a variable (certificates, long notes) out of ${shellWord(workspace.daemonEnvPath)} until it is under 1 MiB`,
    },
  ];
}

/** Permissions and owners: a credential file others can read is a leaked secret. */
export async function checkPermissions(workspace: Workspace, files: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const uid = process.getuid?.();
  const dirs = [
    {
      path: workspace.stateDir,
      what: 'the state dir',
      why: 'it holds the credential stores and the daemon .env',
      variable: 'OPENCLAW_STATE_DIR',
    },
    {
      path: preferencesDir(workspace.env),
      what: "authdeck's own settings dir",
      why: 'whoever can write in it can change what authdeck does (its preferences)',
      variable: 'XDG_CONFIG_HOME',
    },
  ];
  for (const dir of dirs) {
    const dirStats = await stat(dir.path).catch(() => undefined);
    if (!dirStats || (dirStats.mode & 0o077) === 0) continue;
    const target = (await lstat(dir.path).catch(() => undefined))?.isSymbolicLink()
      ? await realpath(dir.path).catch(() => undefined)
      : undefined;
    const named = target ? `${dir.what} (a link to ${target})` : dir.what;
    const others = `other users can look inside${(dirStats.mode & 0o022) !== 0 ? ' and write in it' : ''}`;
    // A sticky or someone else's directory is shared (/tmp, a team dir): chmod 700 would lock
    // its other users out, so the fix is to move the state, not to change the directory.
    const shared = (dirStats.mode & 0o1000) !== 0 || (uid !== undefined && dirStats.uid !== uid);
    findings.push({
      code: 'permissions',
      severity: 'warning',
      subject: dir.path,
      problem: `${named} is mode ${octal(dirStats.mode, shared)}: ${others}`,
      why: dir.why,
      ...(shared
        ? {
            fix: `it is a shared directory${(dirStats.mode & 0o1000) !== 0 ? ' (sticky)' : ''}, so authdeck leaves its mode alone: move what is in it to a directory of your own (mkdir -m 700) and ${target ? `point the link ${dir.path} there` : `set ${dir.variable} to it`}`,
          }
        : {
            fix: `chmod 700 ${shellWord(dir.path)}`,
            safeFix: { kind: 'chmod' as const, path: dir.path, mode: 0o700 },
          }),
    });
  }
  // A database's -wal and -shm hold its latest writes: they count as the database does.
  const withSidecars = new Set(
    files.flatMap((path) => (path.endsWith('.sqlite') ? [path, `${path}-wal`, `${path}-shm`] : [path])),
  );
  for (const path of withSidecars) {
    // A file kept elsewhere and linked here (a dotfiles repo) is read through the link: its
    // target's mode is what lets others read it, and chmod through the link changes that.
    const stats = await stat(path).catch(() => undefined);
    const isLink = (await lstat(path).catch(() => undefined))?.isSymbolicLink() === true;
    if (!stats && isLink) {
      // The gateway reads nothing through it (its realpath fails), and says nothing either.
      const target = await readlink(path).catch(() => '?');
      findings.push({
        code: 'dangling-link',
        severity: 'warning',
        subject: path,
        problem: `a link to ${target}, which does not exist`,
        why: 'the gateway reads nothing there: what you keep in that file is not in use',
        fix: `point the link at the file (\`ln -sfn <file> ${shellWord(path)}\`) or remove it`,
      });
      continue;
    }
    if (!stats?.isFile()) continue;
    const linked = isLink ? await realpath(path).catch(() => undefined) : undefined;
    const named = linked ? `a link to ${linked}, ` : '';
    if (/\.sqlite-(wal|shm)$/.test(path) && (stats.mode & 0o200) === 0) {
      // SQLite makes them with the database's mode: a read of a 0400 database leaves them so.
      findings.push({
        code: 'permissions',
        severity: 'error',
        subject: path,
        problem: `${named}mode ${octal(stats.mode)}: not writable, so no one can write ${path.replace(/-(wal|shm)$/, '')}`,
        why: 'SQLite writes through this file: the gateway, OpenClaw and authdeck all fail to save',
        fix: `chmod 600 ${shellWord(path)}`,
        safeFix: { kind: 'chmod', path, mode: 0o600 },
      });
      continue;
    }
    if ((stats.mode & 0o077) !== 0) {
      findings.push({
        code: 'permissions',
        severity: 'warning',
        subject: path,
        problem: `${named}mode ${octal(stats.mode)}: readable by other users`,
        why: 'it holds secrets (or decides which are used); anyone who can read it can use them',
        fix: `chmod 600 ${shellWord(path)}`,
        safeFix: { kind: 'chmod', path, mode: 0o600 },
      });
    }
    if (uid !== undefined && stats.uid !== uid) {
      findings.push({
        code: 'owner',
        severity: 'warning',
        subject: path,
        problem: `${named}owned by uid ${stats.uid}, not by you (uid ${uid})`,
        why: 'the gateway running as you may fail to rewrite it, and its owner can read your secrets',
        fix: `sudo chown ${uid} ${path} (after checking why it changed owner)`,
      });
    }
  }
  return findings;
}

/** Locks left by a crash block every writer for 30 s; a non-file at a lock path blocks them for good. */
export async function checkLocks(files: string[], nowMs: number): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const lock = await inspectFileLock(file, nowMs);
    if (lock.state === 'stale') {
      findings.push({
        code: 'stale-lock',
        severity: 'warning',
        subject: lock.lockPath,
        problem: `a lock left by ${lock.holder.pid ? `process ${lock.holder.pid}, which is gone` : 'a process that is gone'}`,
        why: 'writers (the gateway, OpenClaw, authdeck) wait for it before they can take it over',
        fix: `remove ${lock.lockPath}: its process is gone, so the lock protocol lets a writer take it over`,
        safeFix: { kind: 'stale-lock', lockedFile: file },
      });
    } else if (lock.state === 'foreign') {
      findings.push({
        code: 'foreign-lock',
        severity: 'error',
        subject: lock.lockPath,
        problem: lock.reason,
        why: 'no writer can take a lock path that is not a lock file: every save of this file fails',
        fix: `remove ${lock.lockPath} when no OpenClaw or authdeck is running`,
      });
    }
  }
  return findings;
}

export function checkTempFiles(state: AgentState): Finding[] {
  return state.leftoverTempFiles.map((path) => ({
    code: 'temp-file',
    severity: 'warning' as const,
    subject: path,
    problem: 'a temp file an interrupted write left behind',
    why: 'it holds a copy of the credentials outside the store',
    fix: 'delete it; the store itself is intact',
    safeFix: { kind: 'temp-file' as const, path, lockedFile: path.replace(/\.[0-9a-z]{12,}\.tmp$/, '') },
  }));
}

/** Which generation of OpenClaw's store is in force, and JSON files a SQLite-era gateway ignores. */
export function checkGeneration(state: AgentState, describe: string): Finding[] {
  // With a shared store, that is where the credentials are; the agent's own holds overrides.
  const layer = state.layers.base?.role === 'shared' ? state.layers.base : state.layers.own;
  // No store yet (a home OpenClaw was never set up on): that is what there is to do.
  // (JSON files are a layer that is always there: an absent file is what says none; an agent
  // that sees the main agent's profiles has a store, its own file or not.)
  const none =
    listAgentProfiles(state).length === 0 && (!layer.present || (layer === state.layers.own && !state.own.exists));
  const waiting = awaitingImport(state).length;
  const findings: Finding[] = [
    {
      code: 'store-generation',
      severity: 'info',
      subject: layer.path,
      problem: !none
        ? `the agent's store: ${describe}`
        : state.generation.certain
          ? `no credential store yet; it will be ${describe}`
          : 'no credential store yet, and nothing here says which kind OpenClaw will want',
      why: !none
        ? state.generation.evidence
        : waiting > 0
          ? `${state.generation.evidence}; ${waiting} profile(s) wait in the JSON files for their import`
          : `${state.generation.evidence}; the first credential saved creates it${state.store.readsJsonFiles ? '' : ' (OpenClaw makes its databases)'}`,
      fix: !none
        ? 'nothing to do'
        : waiting > 0
          ? importFix(state)
          : '`authdeck onboard` adds a first credential (or `openclaw onboard`)',
    },
  ];
  for (const file of state.legacyFiles) {
    findings.push({
      code: 'legacy-file',
      severity: 'warning',
      subject: file.path,
      problem: file.credentials
        ? `a JSON credential file${file.profileCount !== undefined ? ` with ${file.profileCount} profile(s)` : ''} that this OpenClaw no longer reads`
        : 'a JSON auth state file (orders, usage) that this OpenClaw no longer reads',
      why: file.credentials
        ? 'the gateway reads only the SQLite store; profiles only in this file are not used (and beside an empty store 2026.8+ refuses to start)'
        : 'the gateway reads orders and usage only from the SQLite store, and warns of this file on every start',
      fix: importFix(state),
    });
  }
  return findings;
}

export function checkClaude(pathEnv: string | undefined): Finding[] {
  if (findOnPath('claude', pathEnv)) return [];
  return [
    {
      code: 'claude-missing',
      severity: 'info',
      subject: 'claude',
      problem: '`claude` (Claude Code) is not on PATH',
      why: 'only `authdeck setup-token` needs it, to make an Anthropic setup-token here',
      fix: 'npm install -g @anthropic-ai/claude-code (or paste a token made elsewhere with `authdeck paste-token`)',
    },
  ];
}

function octal(mode: number, special = false): string {
  return (mode & (special ? 0o7777 : 0o777)).toString(8).padStart(3, '0');
}
