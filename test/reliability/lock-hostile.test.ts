import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError, UnreadableStateError } from '../../src/services/errors.js';
import { acquireFileLock } from '../../src/services/files/lock.js';
import type { TakeoverStep } from '../../src/services/files/lock-takeover.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

function target() {
  const temp = makeTempHome();
  mkdirSync(temp.mainAgentDir, { recursive: true });
  return {
    ...temp,
    file: join(temp.mainAgentDir, 'auth-profiles.json'),
    lock: join(temp.mainAgentDir, 'auth-profiles.json.lock'),
  };
}

function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid!));
  });
}

const age = (path: string, ms: number) => {
  const then = new Date(Date.now() - ms);
  utimesSync(path, then, then);
};

/** Starts A taking the lock with its takeover stalled at `step`; resolves once it is stalled there. */
async function stalledTaker(file: string, step: TakeoverStep) {
  let resume!: () => void;
  let stalled!: () => void;
  const isStalled = new Promise<void>((done) => (stalled = done));
  const acquired = acquireFileLock(file, {
    waitMs: 5_000,
    onTakeover: async (at) => {
      if (at !== step) return;
      stalled();
      await new Promise<void>((done) => (resume = done));
    },
  });
  await isStalled;
  return { acquired, resume: () => resume() };
}

describe('taking over a stale lock', () => {
  it.each(['claimed', 'verified'] as const)(
    'a taker stalled holding its claim (%s) keeps every other taker off that lock; it then takes it alone',
    async (step) => {
      const { file, lock } = target();
      const stale = JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() });
      writeFileSync(lock, stale);
      const a = await stalledTaker(file, step);
      await expect(acquireFileLock(file, { waitMs: 300 })).rejects.toBeInstanceOf(LockBusyError);
      expect(readFileSync(lock, 'utf8')).toBe(stale);
      // Once A goes on, A and B both get the lock, one after the other.
      const b = acquireFileLock(file, { waitMs: 5_000 });
      a.resume();
      const holding = new Set<string>();
      const overlaps: string[] = [];
      const hold = async (name: string, acquired: Promise<() => Promise<void>>) => {
        const release = await acquired;
        holding.add(name);
        if (holding.size > 1) overlaps.push([...holding].join(' and '));
        await new Promise((done) => setTimeout(done, 50));
        holding.delete(name);
        await release();
      };
      await Promise.all([hold('A', a.acquired), hold('B', b)]);
      expect(overlaps).toEqual([]);
      expect(existsSync(lock)).toBe(false);
      expect(readdirSync(dirname(lock)).filter((name) => name.includes('.takeover-'))).toEqual([]);
    },
  );

  it('a taker killed holding its claim does not block the lock: the next one claims the next level', async () => {
    const { file, lock } = target();
    writeFileSync(lock, JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() }));
    const stats = lstatSync(lock, { bigint: true });
    const dead = await deadPid();
    const claim = `${lock}.takeover-${[stats.dev, stats.ino, stats.birthtimeNs].map((n) => n.toString(36)).join('-')}.0`;
    writeFileSync(claim, JSON.stringify({ pid: dead, createdAt: new Date().toISOString() }));
    const release = await acquireFileLock(file, { waitMs: 1_000 });
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    // The taker's claims (the dead one's included) went with the lock they were on.
    expect(existsSync(claim)).toBe(false);
    await release();
  });

  it.each(['judged-stale'] as const)(
    'never lets two writers hold it when one stalls mid-takeover (%s)',
    async (step) => {
      const { file, lock } = target();
      writeFileSync(lock, JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() }));
      let resumeA!: () => void;
      let aStalled!: () => void;
      const stalled = new Promise<void>((done) => (aStalled = done));
      const a = acquireFileLock(file, {
        waitMs: 5_000,
        onTakeover: async (at) => {
          if (at !== step) return;
          aStalled();
          await new Promise<void>((done) => (resumeA = done));
        },
      });
      await stalled;
      // Meanwhile B gets the lock (taking over the stale one itself, or finding the name free).
      const releaseB = await acquireFileLock(file, { waitMs: 1_000 });
      const bBody = readFileSync(lock, 'utf8');
      resumeA();
      await new Promise((done) => setTimeout(done, 150));
      // A acted on its old judgement without touching B's lock: B still holds it, A waits.
      expect(readFileSync(lock, 'utf8')).toBe(bBody);
      let aHolds = false;
      void a.then(() => (aHolds = true));
      await new Promise((done) => setTimeout(done, 100));
      expect(aHolds).toBe(false);
      await releaseB();
      const releaseA = await a;
      expect(aHolds).toBe(true);
      await releaseA();
      expect(existsSync(lock)).toBe(false);
    },
  );
});

describe('hostile lock files', () => {
  it('reports a lock path that is a dangling symlink or a FIFO at once (exit 3), and never follows or opens it', async () => {
    const { file, lock } = target();
    symlinkSync(join(target().stateDir, 'nowhere'), lock);
    const started = Date.now();
    const error = (await acquireFileLock(file, { waitMs: 5_000 }).catch((e: unknown) => e)) as UnreadableStateError;
    expect(error).toBeInstanceOf(UnreadableStateError);
    expect(error.message).toMatch(/auth-profiles\.json\.lock is not a regular file \(a symbolic link\)/);
    expect(Date.now() - started).toBeLessThan(1_000);

    const fifo = target();
    execFileSync('mkfifo', [fifo.lock]);
    const fifoError = (await acquireFileLock(fifo.file, { waitMs: 5_000 }).catch(
      (e: unknown) => e,
    )) as UnreadableStateError;
    expect(fifoError.message).toMatch(/is not a regular file \(a FIFO\)/);
  });

  it('takes over an empty lock left by a crash once it is a few seconds old, and waits for a fresh one', async () => {
    const { file, lock } = target();
    writeFileSync(lock, '');
    await expect(acquireFileLock(file, { waitMs: 100 })).rejects.toBeInstanceOf(LockBusyError);
    age(lock, 6_000);
    const release = await acquireFileLock(file, { waitMs: 1_000 });
    await release();
  });

  it('does not believe a createdAt in the future: such a lock still goes stale by its file time', async () => {
    const { file, lock } = target();
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, createdAt: new Date(Date.now() + 365 * 86_400_000).toISOString() }),
    );
    await expect(acquireFileLock(file, { waitMs: 100 })).rejects.toBeInstanceOf(LockBusyError);
    age(lock, 31_000);
    const release = await acquireFileLock(file, { waitMs: 1_000 });
    await release();
  });

  it('every command ends within the lock deadline with one line when the lock stays held', async () => {
    const { home, lock } = target();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
    const started = Date.now();
    const result = await runCli(['add-key', '--provider', 'groq'], {
      home,
      input: fakeSecrets.groqKey(),
      env: { AUTHDECK_LOCK_TIMEOUT_MS: '700' },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`held by process ${process.pid}`);
  });
});

describe('waiting writers do not starve', () => {
  it('eight processes adding profiles at once all succeed within the deadline, none lost', async () => {
    const { home, mainAgentDir, configPath } = target();
    const workers = Array.from({ length: 8 }, (_, worker) =>
      (async () => {
        const codes: Array<number | null> = [];
        for (let i = 0; i < 6; i++) {
          const run = await runCli(['add-key', '--provider', 'groq', '--profile-id', `w${worker}-${i}`], {
            home,
            input: fakeSecrets.groqKey(`w${worker}-${i}`),
          });
          codes.push(run.code);
        }
        return codes;
      })(),
    );
    const codes = (await Promise.all(workers)).flat();
    expect(codes.filter((code) => code !== 0)).toEqual([]);
    const ids = Object.keys(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles);
    expect(ids).toHaveLength(48);
    expect(Object.keys(readJson(configPath).auth.profiles)).toHaveLength(48);
  }, 120_000);
});
