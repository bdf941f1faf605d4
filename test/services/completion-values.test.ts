import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionValues, lineOptions } from '../../src/services/completion/values.js';
import { PROVIDERS } from '../../src/services/providers.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile, writeText } from '../helpers/temp-state.js';

const KEY = fakeSecrets.openaiKey();
const TOKEN = fakeSecrets.setupToken();

/** A JSON-era home: main holds three profiles, agent `work` one of its own. */
function seededHome() {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'openai:team': { type: 'api_key', provider: 'openai', key: KEY },
      'anthropic:work': { type: 'token', provider: 'anthropic', token: TOKEN },
      'openai:default': { type: 'api_key', provider: 'openai', key: `${KEY}2` },
    },
  });
  writeJsonFile(join(temp.stateDir, 'agents', 'work', 'agent', 'auth-profiles.json'), {
    version: 1,
    profiles: { 'groq:ci': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } },
  });
  writeJsonFile(temp.configPath, { agents: { list: [{ id: 'main', default: true }, { id: 'review' }] } });
  const env = { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' };
  return { ...temp, env };
}

/** Every file under a dir with its content hash: what a read-only answer must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

describe('completion values (authdeck __complete)', () => {
  it("offers the agent's profile ids, sorted, and never a secret", async () => {
    const { env, home } = seededHome();
    const before = snapshot(home);
    const ids = await completionValues('profiles', ['remove'], env);
    expect(ids).toEqual(['anthropic:work', 'openai:default', 'openai:team']);
    expect(ids.join('\n')).not.toContain(KEY.slice(0, 12));
    expect(snapshot(home)).toEqual(before);
  });

  it('narrows the ids to the provider the line names, as order set takes them', async () => {
    const { env } = seededHome();
    expect(await completionValues('profiles', ['order', 'set', '--provider', 'OpenAI'], env)).toEqual([
      'openai:default',
      'openai:team',
    ]);
    expect(await completionValues('profiles', ['order', 'set', '--provider=anthropic'], env)).toEqual([
      'anthropic:work',
    ]);
  });

  it('narrows by the provider as status groups profiles: aliases and case followed', async () => {
    const { env, mainAgentDir } = seededHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:work': { type: 'token', provider: 'anthropic', token: TOKEN },
        'Anthropic:Up': { type: 'api_key', provider: 'Anthropic', key: KEY },
        'claude-cli:cc': { type: 'token', provider: 'claude-cli', token: TOKEN },
        'x-ai:old': { type: 'api_key', provider: 'x-ai', key: fakeSecrets.xaiKey() },
        'xai:new': { type: 'api_key', provider: 'xai', key: fakeSecrets.xaiKey('new') },
      },
    });
    for (const provider of ['xai', 'x-ai'])
      expect(await completionValues('profiles', ['order', 'set', '--provider', provider], env)).toEqual([
        'x-ai:old',
        'xai:new',
      ]);
    for (const provider of ['anthropic', 'claude-cli'])
      expect(await completionValues('profiles', ['order', 'set', '--provider', provider], env)).toEqual([
        'Anthropic:Up',
        'anthropic:work',
        'claude-cli:cc',
      ]);
  });

  it('reads the agent and state dir the line names, wherever they stand', async () => {
    const { env, stateDir } = seededHome();
    // A JSON-era agent sees its own profiles and the main agent's under them.
    expect(await completionValues('profiles', ['--agent', 'work', 'remove'], env)).toEqual([
      'anthropic:work',
      'groq:ci',
      'openai:default',
      'openai:team',
    ]);
    const other = makeTempHome();
    writeJsonFile(join(other.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'xai:elsewhere': { type: 'api_key', provider: 'xai', key: fakeSecrets.xaiKey() } },
    });
    expect(await completionValues('profiles', ['remove', `--state-dir=${other.stateDir}`], env)).toEqual([
      'xai:elsewhere',
    ]);
    expect(await completionValues('agents', ['--state-dir', stateDir], env)).toEqual(['main', 'review', 'work']);
  });

  it("reads OpenClaw 2026.9's SQLite store without changing a byte of it", async () => {
    const temp = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', temp.stateDir);
    const before = snapshot(temp.stateDir);
    const env = { HOME: temp.home, PATH: '/nonexistent' };
    expect(await completionValues('profiles', ['token'], env)).toEqual(['anthropic:manual', 'anthropic:work']);
    // Any reader of a WAL database (OpenClaw too) leaves its -wal and -shm beside it; the rest is as it was.
    const after = snapshot(temp.stateDir);
    for (const [path, hash] of Object.entries(before)) expect(after[path], path).toBe(hash);
  });

  it('leaves out ids a shell could not offer as typed (controls, escapes, blanks, shell syntax, a leading -)', async () => {
    const temp = makeTempHome();
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'openai:ok': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:\u001b]52;c;aGk=\u0007': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:two words': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:line\nbreak': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:\u202eevil': { type: 'api_key', provider: 'openai', key: KEY },
        // bash inserts a reply unquoted: these would run a command or mangle the line on Enter.
        'openai:$(touch${IFS}pwned)': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:`id`': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:a;b|c&d': { type: 'api_key', provider: 'openai', key: KEY },
        "openai:it's": { type: 'api_key', provider: 'openai', key: KEY },
        'openai:back\\slash': { type: 'api_key', provider: 'openai', key: KEY },
        'openai:me+work@example.com': { type: 'api_key', provider: 'openai', key: KEY },
        // A hand-edited store can hold these: on the line they would be options, not ids.
        '--yes': { type: 'api_key', provider: 'openai', key: KEY },
        '-rf': { type: 'api_key', provider: 'openai', key: KEY },
      },
    });
    expect(await completionValues('profiles', [], { HOME: temp.home, PATH: '/nonexistent' })).toEqual([
      'openai:me+work@example.com',
      'openai:ok',
    ]);
  });

  it('offers the catalog: providers, auth choices, and the sign-ins login takes', async () => {
    const env = { HOME: makeTempHome().home };
    expect(await completionValues('providers', [], env)).toEqual(
      [...PROVIDERS.map((provider) => provider.id), 'openai-codex'].sort(),
    );
    expect(await completionValues('auth-choices', [], env)).toEqual(
      expect.arrayContaining(['deepseek-api-key', 'openai-api-key', 'custom-api-key']),
    );
    const signIns = await completionValues('sign-ins', [], env);
    expect(signIns).toEqual(expect.arrayContaining(['anthropic-cli', 'claude-cli', 'openrouter-oauth', 'groq']));
  });

  it('reads the options of the line as the parser would: last one wins, nothing after --', () => {
    expect(lineOptions(['--agent', 'a', 'remove', '--agent=b', '--provider', 'x', '--', '--state-dir', 'no'])).toEqual({
      agent: 'b',
      provider: 'x',
    });
    expect(lineOptions(['--state-dir'])).toEqual({});
  });
});

describe('authdeck __complete', () => {
  it('on a home with no store yet offers nothing without running the installed openclaw', async () => {
    const temp = makeTempHome();
    const bin = join(temp.home, 'bin');
    const ran = join(temp.home, 'openclaw-ran');
    writeText(join(bin, 'openclaw'), `#!/bin/sh\n/usr/bin/touch '${ran}'\necho 2026.9.6\n`);
    chmodSync(join(bin, 'openclaw'), 0o755);
    const ids = await completionValues('profiles', ['remove'], { HOME: temp.home, PATH: bin });
    expect(ids).toEqual([]);
    expect(existsSync(ran)).toBe(false);
  });

  it('prints one id per line and exits 0', async () => {
    const { home } = seededHome();
    const result = await runCommand(['__complete', 'profiles', 'remove'], { home });
    expect(result).toEqual({ code: 0, stdout: 'anthropic:work\nopenai:default\nopenai:team\n', stderr: '' });
  });

  it('prints nothing and exits 0 when anything is wrong: a broken store, an unknown agent or source', async () => {
    const { home, mainAgentDir } = seededHome();
    for (const args of [
      ['__complete', 'profiles', '--agent', 'nobody', 'remove'],
      ['__complete', 'bogus'],
      ['__complete'],
      ['__complete', 'profiles', '--state-dir', join(home, 'missing', '\u0000')],
    ]) {
      expect(await runCommand(args, { home }), args.join(' ')).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    writeText(join(mainAgentDir, 'auth-profiles.json'), '{ "version": 1, "profiles": {');
    expect(await runCommand(['__complete', 'profiles', 'remove'], { home })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    // A secret typed on the line is not refused there (that would print), nor echoed.
    const typed = await runCommand(['__complete', 'providers', 'add-key', KEY], { home });
    expect(typed.code).toBe(0);
    expect(typed.stdout).not.toContain(KEY);
    expect(typed.stderr).toBe('');
  });
});
