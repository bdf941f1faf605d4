import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError } from '../../src/services/errors.js';
import { writeFileAtomic } from '../../src/services/files/atomic-write.js';
import { acquireFileLock, withFileLock } from '../../src/services/files/lock.js';
import { makeTempHome } from '../helpers/temp-state.js';

function target() {
  const { stateDir } = makeTempHome();
  const dir = join(stateDir, 'agents', 'main', 'agent');
  mkdirSync(dir, { recursive: true });
  return { file: join(dir, 'auth-profiles.json'), lock: join(dir, 'auth-profiles.json.lock') };
}

function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('file lock', () => {
  it('creates <file>.lock with the pid and an ISO time, and removes it after', async () => {
    const { file, lock } = target();
    await withFileLock(file, async () => {
      const body = JSON.parse(readFileSync(lock, 'utf8'));
      expect(body.pid).toBe(process.pid);
      expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    });
    expect(existsSync(lock)).toBe(false);
  });

  it('fails with a clear message when a live process holds it', async () => {
    const { file, lock } = target();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
    const error = await acquireFileLock(file, { waitMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as Error).message).toContain(`held by process ${process.pid}`);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));
  });

  it('the next write removes what a taker killed mid-takeover left aside, and nothing a live taker holds', async () => {
    const { file, lock } = target();
    const dead = `${lock}.stale-${await deadPid()}-mabc123`;
    const live = `${lock}.stale-${process.ppid}-mdef456`;
    writeFileSync(dead, JSON.stringify({ pid: 1, createdAt: new Date().toISOString() }));
    writeFileSync(live, JSON.stringify({ pid: 1, createdAt: new Date().toISOString() }));
    await withFileLock(file, () => writeFileAtomic(file, '{}\n'));
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('takes over a lock whose process is dead', async () => {
    const { file, lock } = target();
    writeFileSync(lock, JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() }));
    const release = await acquireFileLock(file, { waitMs: 500 });
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('takes over a lock older than 30 s even when its process lives', async () => {
    const { file, lock } = target();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, createdAt: new Date(Date.now() - 31_000).toISOString() }));
    const old = new Date(Date.now() - 31_000);
    utimesSync(lock, old, old);
    const release = await acquireFileLock(file, { waitMs: 500 });
    await release();
    expect(existsSync(lock)).toBe(false);
  });

  it('treats an old gateway directory lock as held unless older than 30 s', async () => {
    const { file, lock } = target();
    mkdirSync(lock);
    await expect(acquireFileLock(file, { waitMs: 120 })).rejects.toThrow(/older gateway \(directory lock\)/);
    const old = new Date(Date.now() - 40_000);
    utimesSync(lock, old, old);
    const release = await acquireFileLock(file, { waitMs: 500 });
    await release();
  });

  it("a waiter marks itself beside the lock while it waits, and only then; a dead waiter's mark is swept", async () => {
    const { file, lock } = target();
    const dir = dirname(lock);
    const marks = () => readdirSync(dir).filter((name) => name.startsWith('auth-profiles.json.lock.wait-'));
    const dead = `${lock}.wait-${(await deadPid()).toString(36)}-abc`;
    writeFileSync(dead, '');
    const release = await acquireFileLock(file);
    expect(marks()).toEqual([basename(dead)]);
    const second = acquireFileLock(file, { waitMs: 5_000 });
    await new Promise((done) => setTimeout(done, 200));
    // Counting the waiters (on the first wait, then once a second) sweeps the dead one's mark.
    expect(marks()).toHaveLength(1);
    expect(marks()[0]).toMatch(new RegExp(`\\.wait-${process.pid.toString(36)}-`));
    await release();
    await (await second)();
    expect(marks()).toEqual([]);
  });

  it('waits for a holder that lets go', async () => {
    const { file } = target();
    const release = await acquireFileLock(file);
    const order: string[] = [];
    const second = withFileLock(file, async () => order.push('second'), { waitMs: 5000 });
    await new Promise((done) => setTimeout(done, 80));
    order.push('first done');
    await release();
    await second;
    expect(order).toEqual(['first done', 'second']);
  });
});
