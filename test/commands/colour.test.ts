import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

const SGR = /\x1b\[[0-9;]*m/;

describe('colours', () => {
  it('a terminal gets them; NO_COLOR, --no-color and TERM=dumb do not', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
    });
    const status = (env: Record<string, string | undefined>, args: string[] = []) =>
      runCommand([...args, 'status'], { home, env: { NO_COLOR: undefined, ...env }, stdoutIsTerminal: true });
    expect((await status({ TERM: 'xterm-256color' })).stdout).toMatch(SGR);
    expect((await status({ TERM: 'dumb' })).stdout).not.toMatch(SGR);
    expect((await status({ TERM: 'xterm-256color', NO_COLOR: '1' })).stdout).not.toMatch(SGR);
    expect((await status({ TERM: 'xterm-256color' }, ['--no-color'])).stdout).not.toMatch(SGR);
  });
});
