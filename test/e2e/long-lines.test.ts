import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** Rows the terminal had to continue itself: a line longer than its width, broken wherever it ended. */
function softWrappedRows(session: TerminalSession): string[] {
  const buffer = session.terminal.buffer.active;
  const rows: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (line?.isWrapped) rows.push(line.translateToString(true));
  }
  return rows;
}

describe('status and doctor in a real terminal', () => {
  it.each(['status', 'doctor'])('%s breaks its long lines itself, at word boundaries', async (command) => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const storePath = join(mainAgentDir, 'auth-profiles.json');
    writeJsonFile(storePath, {
      version: 1,
      profiles: {
        'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken(), expires: 1 },
      },
    });
    chmodSync(storePath, 0o644);
    writeText(`${storePath}.abcdefghijkl1234.tmp`, '{}');
    writeJsonFile(configPath, { agents: { defaults: { model: 'anthropic/claude-opus-4-6' } } });
    const session = TerminalSession.launch([command], { home, cols: 100, rows: 60 });
    sessions.push(session);
    await session.waitForExit();
    const rows = session.allLines();
    expect(rows.some((row) => row.length > 90)).toBe(true);
    expect(softWrappedRows(session)).toEqual([]);
    // A path that fits on a row is never split across two.
    expect(rows.join('\n')).toContain(storePath);
  });
});
