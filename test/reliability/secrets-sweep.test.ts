import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRecording } from '../fake-claude/recordings.mjs';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// Every command and screen run with known fake secrets: no whole secret may appear in any
// output but `authdeck token`'s, nor in any file but the store (and the daemon .env it was
// asked to write). A secret is "whole" from 24 characters of it on.
const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

const fragment = (secret: string) => secret.slice(6, 30);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secrets sweep', () => {
  it('no command, screen or stray file shows a whole secret', async () => {
    const { home, stateDir, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: { defaults: { model: { primary: 'anthropic/claude', fallbacks: ['openai/gpt'] } } },
    });
    // Distinct seeds: secrets made from one seed share their random part.
    const key = fakeSecrets.anthropicApiKey('sweep-key');
    const token = fakeSecrets.setupToken('sweep-token');
    const openai = fakeSecrets.openaiKey('sweep-openai');
    const groq = fakeSecrets.groqKey('sweep-groq');
    const setupToken = loadRecording('success-500x40').meta.expected.token!;
    const secrets = [key, token, openai, groq, setupToken];
    const outputs: string[] = [];
    const run = async (args: string[], input?: string) => {
      const result = await runCli(['--no-reload', ...args], { home, ...(input !== undefined ? { input } : {}) });
      outputs.push(`${result.stdout}${result.stderr}`);
      return result;
    };

    await run(['add-key', '--provider', 'anthropic', '--profile-id', 'key'], key);
    await run(['add-key', '--provider', 'openai', '--env', '--json'], openai);
    await run(['paste-token', '--provider', 'anthropic', '--profile-id', 'work', '--json'], token);
    await run(['onboard', '--non-interactive', '--provider', 'groq', '--method', 'api-key'], groq);
    await run(['add-key', '--provider', 'openai'], `${openai}\n${fakeSecrets.openaiKey('second')}`);
    await run(['add-key', '--provider', 'openai', '--profile-id', 'typo'], `${openai.slice(0, -3)}!!!`);
    await run(['paste-token', '--provider', 'anthropic', '--profile-id', 'wrongflow'], key);
    for (const args of [
      ['status'],
      ['status', '--json'],
      ['status', '--check'],
      ['status', '--check', '--json'],
      ['order', 'get', '--provider', 'anthropic', '--json'],
      ['models', 'status'],
      ['migrate'],
      ['doctor'],
      ['doctor', '--json'],
      ['env', 'list'],
      ['env', 'list', '--json'],
      ['monitor', 'run', '--within', '400d'],
    ])
      await run(args);
    // Probes send the keys somewhere: a closed local port here; what comes back must not echo them.
    const closed = 'http://127.0.0.1:2';
    const probeEnv = {
      AUTHDECK_PROBE_BASE_URL_ANTHROPIC: closed,
      AUTHDECK_PROBE_BASE_URL_OPENAI: closed,
      AUTHDECK_PROBE_BASE_URL_GROQ: closed,
    };
    for (const args of [
      ['status', '--probe'],
      ['status', '--probe', '--json'],
    ]) {
      const result = await runCli(['--no-reload', ...args], { home, env: probeEnv });
      outputs.push(`${result.stdout}${result.stderr}`);
    }
    await run(['env', 'set', 'GROQ_API_KEY'], groq);
    await run(['order', 'set', '--provider', 'anthropic', 'work', 'key']);
    await run(['token', 'anthropic:work']).then((result) => expect(result.stdout).toBe(`${token}\n`));
    outputs.pop();
    await run(['paste-token', '--provider', 'anthropic', token]);
    await run([key]);

    // Screens: the wizard (a masked secret), the dashboard with details, setup-token (claude's token).
    const wizard = TerminalSession.launch(['--no-reload', 'onboard', '--provider', 'openai', '--method', 'api-key'], {
      home,
    });
    sessions.push(wizard);
    await wizard.waitFor('Paste the OpenAI API key');
    await wizard.type(openai);
    // The same key was saved above: the step says so (naming the profile, not the key).
    await wizard.waitFor('the same secret is already saved as openai:default');
    outputs.push(wizard.screen());
    await wizard.press('enter');
    await wizard.waitFor('Press Enter again to save it anyway');
    await wizard.press('enter');
    await wizard.waitFor('Profile name:');
    await wizard.type('\x15');
    await wizard.type('tui');
    await wizard.press('enter');
    await wizard.waitFor("daemon's .env?");
    await wizard.type('n');
    // The check goes to a closed local port: the summary says so, and is swept.
    outputs.push(await wizard.waitFor((screen) => /Saved openai:tui[\s\S]*key check:\s+network/.test(screen)));
    await wizard.press('enter');
    await wizard.waitForExit();

    const dashboard = TerminalSession.launch(['--no-reload', 'dashboard'], { home });
    sessions.push(dashboard);
    outputs.push(await dashboard.waitFor('anthropic:work'));
    await dashboard.press('enter');
    outputs.push(await dashboard.waitFor('provider'));
    await dashboard.type('q');

    const setup = TerminalSession.launch(['--no-reload', 'setup-token', '--profile-id', 'claude'], { home });
    sessions.push(setup);
    await setup.waitFor('Paste the code the page shows');
    await setup.type('FAKECODE-sweep#FAKESTATE');
    await setup.press('enter');
    outputs.push(await setup.waitFor('Saved anthropic:claude'));
    await setup.press('enter');
    await setup.waitForExit();

    const everything = outputs.join('\n');
    for (const secret of secrets) expect(everything).not.toContain(fragment(secret));

    const allowed = new Set([join(mainAgentDir, 'auth-profiles.json'), join(stateDir, '.env')]);
    const leaks = filesUnder(home).filter(
      (path) => !allowed.has(path) && secrets.some((secret) => readFileSync(path, 'latin1').includes(fragment(secret))),
    );
    expect(leaks).toEqual([]);
    // .env holds only what it was asked to hold.
    const dotenv = readFileSync(join(stateDir, '.env'), 'utf8');
    expect(secrets.filter((secret) => dotenv.includes(fragment(secret)))).toEqual([openai, groq]);
  }, 120_000);

  it('the SQLite store is the only file that holds the secrets of a 2026.9 home', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const key = fakeSecrets.openaiKey('sqlite-sweep');
    const result = await runCli(['--no-reload', 'add-key', '--provider', 'openai'], { home, input: key });
    expect(`${result.stdout}${result.stderr}`).not.toContain(fragment(key));
    const holders = filesUnder(home).filter((path) => readFileSync(path, 'latin1').includes(fragment(key)));
    expect(holders.every((path) => path.startsWith(join(stateDir, 'state', 'openclaw.sqlite')))).toBe(true);
  });
});
