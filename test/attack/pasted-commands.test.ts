import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagWord, shellWord } from '../../src/services/shell-word.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempDir, makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// The commands authdeck prints to be pasted name ids and providers read from files: one spelt
// `$(touch …)`, with a backtick or a `;`, must reach the shell as text, not as code.
describe('commands shown to be pasted', () => {
  it('quote hostile profile ids and providers in doctor and status, and pasting one runs nothing', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const marker = join(makeTempDir(), 'pwned');
    const evil = `$(touch ${marker})`;
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        [`anthropic:${evil}`]: {
          type: 'token',
          provider: 'anthropic',
          token: fakeSecrets.setupToken('a'),
          expires: 1000,
        },
        'anthropic:x;id': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('b'), expires: 'bad' },
        'openai-codex:`id`': { type: 'oauth', provider: 'openai-codex', access: 'a', refresh: 'r', expires: 1000 },
      },
      order: { anthropic: [`anthropic:${evil}`, 'anthropic:x;id'] },
    });
    writeJsonFile(configPath, { agents: { defaults: { model: { primary: `evil${evil}/m` } } } });
    const doctor = await runCommand(['doctor'], { home });
    const status = await runCommand(['status'], { home });
    const commands = [...`${doctor.stdout}\n${status.stdout}`.matchAll(/`(authdeck [^`]*)`/g)].map((m) => m[1] ?? '');
    expect(commands.some((command) => command.includes(shellWord(`anthropic:${evil}`)))).toBe(true);
    expect(commands.some((command) => command.includes("'anthropic:x;id'"))).toBe(true);
    for (const command of commands) {
      // Outside single quotes nothing may expand or chain.
      const bare = command.replace(/'[^']*'/g, "''");
      expect(bare, command).not.toMatch(/[$`;|&]/);
      // Pasted into a shell (authdeck itself stubbed out), it runs nothing else.
      spawnSync('bash', ['-c', `authdeck() { :; }; ${command}`], { stdio: 'ignore' });
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe('doctor fixes act where doctor looked', () => {
  it('name the agent and state dir they were computed for, and quote a path', async () => {
    const { home } = makeTempHome();
    const stateDir = join(makeTempDir(), 'st dir $(x)');
    const agentDir = join(stateDir, 'agents', 'coder', 'agent');
    writeJsonFile(join(stateDir, 'openclaw.json'), {
      agents: { list: [{ id: 'main', default: true }, { id: 'coder' }] },
    });
    writeJsonFile(join(agentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:old': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('o'), expires: 1000 },
      },
    });
    chmodSync(stateDir, 0o755);
    const run = await runCommand(['doctor', '--json', '--agent', 'coder', '--state-dir', stateDir], { home });
    const fixes: string[] = JSON.parse(run.stdout).findings.map((finding: { fix?: string }) => finding.fix ?? '');
    const commands = fixes.flatMap((fix) => [...fix.matchAll(/`(authdeck [^`]*)`/g)].map((m) => m[1] ?? ''));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toContain(`--agent coder --state-dir ${shellWord(stateDir)}`);
    expect(fixes).toContain(`chmod 700 ${shellWord(stateDir)}`);
  });
});

describe('a value that starts like a flag', () => {
  it('is given with = so the command reads it as the value', async () => {
    const { home, configPath } = makeTempHome();
    writeJsonFile(configPath, { agents: { defaults: { model: { primary: '-rf/m' } } } });
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toContain('authdeck add-key --provider=-rf');
    expect(flagWord('--provider', '--state-dir=/tmp/x')).toBe('--provider=--state-dir=/tmp/x');
    expect(flagWord('--provider', 'a b')).toBe("--provider 'a b'");
  });
});
