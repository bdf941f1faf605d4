import { describe, expect, it } from 'vitest';
import type { PtyProcess, PtySpawner } from '../../../src/services/setup-token/pty.js';
import { SetupTokenSession, type SetupTokenSnapshot } from '../../../src/services/setup-token/session.js';
import { loadRecording } from '../../fake-claude/recordings.mjs';

class FakePty implements PtyProcess {
  readonly pid = 2 ** 22 + 4242;
  writes: string[] = [];
  killed: string[] = [];
  private dataListener: (data: string) => void = () => {};
  private exitListener: (event: { exitCode: number }) => void = () => {};
  onData(listener: (data: string) => void) {
    this.dataListener = listener;
    return { dispose() {} };
  }
  onExit(listener: (event: { exitCode: number }) => void) {
    this.exitListener = listener;
    return { dispose() {} };
  }
  write(data: string) {
    this.writes.push(data);
  }
  resize() {}
  kill(signal?: string) {
    this.killed.push(signal ?? 'SIGHUP');
    this.exitListener({ exitCode: 143 });
  }
  emit(data: string) {
    this.dataListener(data);
  }
  exit(code: number) {
    this.exitListener({ exitCode: code });
  }
}

function setup(options: { unrecognisedAfterMs?: number } = {}) {
  const pty = new FakePty();
  let spawned: { file: string; args: string[]; env: Record<string, string>; cols: number } | undefined;
  const spawn: PtySpawner = (file, args, spawnOptions) => {
    spawned = { file, args, env: spawnOptions.env, cols: spawnOptions.cols };
    return pty;
  };
  const session = new SetupTokenSession({
    claudeBin: '/usr/bin/claude',
    spawn,
    env: {
      PATH: '/bin',
      CLAUDE_CODE_OAUTH_TOKEN: 'x',
      ANTHROPIC_API_KEY: 'y',
      ANTHROPIC_AUTH_TOKEN: 'z',
      TERM: 'dumb',
    },
    enterDelayMs: 5,
    ...options,
  });
  const phases: string[] = [];
  session.subscribe((snapshot: SetupTokenSnapshot) => {
    if (phases.at(-1) !== snapshot.phase) phases.push(snapshot.phase);
  });
  session.start();
  return { pty, session, phases, spawned: () => spawned! };
}

describe('SetupTokenSession', () => {
  it('spawns claude setup-token wide, with a clean environment', () => {
    const { spawned } = setup();
    expect(spawned().file).toBe('/usr/bin/claude');
    expect(spawned().args).toEqual(['setup-token']);
    expect(spawned().cols).toBeGreaterThanOrEqual(200);
    expect(spawned().env).toEqual({ PATH: '/bin', TERM: 'xterm-256color' });
  });

  it('follows the sign-in, writes the code and Enter separately, and captures the token', async () => {
    const { pty, session, phases } = setup();
    const recording = loadRecording('success-500x40');
    const cut = recording.meta.writes[0]!.afterBytes;
    pty.emit(recording.raw.subarray(0, cut).toString('utf8'));
    expect(session.current).toMatchObject({ phase: 'awaiting-code', url: recording.meta.expected.url });
    await session.submitCode('  FAKECODE-1#STATE\n');
    expect(pty.writes).toEqual(['FAKECODE-1#STATE', '\r']);
    pty.emit(recording.raw.subarray(cut).toString('utf8'));
    pty.exit(0);
    expect(session.current).toMatchObject({ phase: 'token', token: recording.meta.expected.token, exitCode: 0 });
    expect(session.current.tokenProblem).toBeUndefined();
    expect(phases).toEqual(['starting', 'awaiting-code', 'exchanging', 'token']);
  });

  it('surfaces an OAuth error and sends Enter to retry', () => {
    const { pty, session } = setup();
    pty.emit(loadRecording('error-badcode-80x40').raw.toString('utf8'));
    expect(session.current.phase).toBe('oauth-error');
    expect(session.current.error).toMatch(/^OAuth error: That code wasn't accepted/);
    session.retry();
    expect(pty.writes).toEqual(['\r']);
    expect(session.current.phase).toBe('starting');
    pty.emit(loadRecording('signin-80x40').raw.toString('utf8'));
    expect(session.current.phase).toBe('awaiting-code');
  });

  it('takes a token that arrives with no code typed (desktop browser)', () => {
    const { pty, session, phases } = setup();
    pty.emit(loadRecording('success-browser-80x40').raw.toString('utf8'));
    pty.exit(0);
    expect(phases).toEqual(['opening-browser', 'exchanging', 'token']);
    expect(session.current.token).toBe(loadRecording('success-browser-80x40').meta.expected.token);
  });

  it('kills claude on cancel and reports cancelled', () => {
    const { pty, session } = setup();
    pty.emit(loadRecording('signin-80x40').raw.toString('utf8'));
    session.cancel();
    expect(pty.killed).toContain('SIGTERM');
    expect(session.current.phase).toBe('cancelled');
  });

  it('reports an exit without a token, and a screen it does not recognise', async () => {
    const first = setup();
    first.pty.emit('something else entirely\r\n');
    first.pty.exit(1);
    expect(first.session.current).toMatchObject({ phase: 'exited', exitCode: 1 });

    const second = setup({ unrecognisedAfterMs: 20 });
    second.pty.emit('Welcome to a future claude\r\nType the magic word:');
    await new Promise((done) => setTimeout(done, 60));
    expect(second.session.current.phase).toBe('unrecognised');
    second.pty.emit(
      `\r\n\x1b[32mLong-lived authentication token created\r\n\r\n${loadRecording('success-500x40').meta.expected.token}\r\n\r\n`,
    );
    expect(second.session.current.phase).toBe('token');
  });
});
