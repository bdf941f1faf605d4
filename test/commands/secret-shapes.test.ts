import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSecret } from '../../src/services/profiles/credentials.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeText } from '../helpers/temp-state.js';

describe('a secret pasted into another provider’s field names where it belongs', () => {
  it('add-key --provider anthropic with an OpenAI key says so and names --provider openai; nothing saved', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const result = await runCommand(['--no-reload', 'add-key', '--provider', 'anthropic'], {
      home,
      input: `${fakeSecrets.openaiKey()}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/looks like an OpenAI API key.*use --provider openai/);
    expect(result.stderr).not.toContain('copy it again');
    expect(result.stderr).not.toContain(fakeSecrets.openaiKey());
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
  });

  it('a setup-token given to add-key names the command that takes it, with the profile id that was asked for', async () => {
    const { home } = makeTempHome();
    const result = await runCommand(['--no-reload', 'add-key', '--provider', 'anthropic', '--profile-id', 'work'], {
      home,
      input: `${fakeSecrets.setupToken()}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`authdeck paste-token --provider anthropic --profile-id work`');
  });

  it('every provider’s distinctive shape is recognised in every other provider’s field', () => {
    const samples: Array<[string, string]> = [
      ['openai', fakeSecrets.openaiKey()],
      ['openai', `sk-${'A1b2C3d4'.repeat(6)}`],
      ['openrouter', fakeSecrets.openrouterKey()],
      ['google', fakeSecrets.googleKey()],
      ['groq', fakeSecrets.groqKey()],
      ['xai', fakeSecrets.xaiKey()],
      ['anthropic', fakeSecrets.anthropicApiKey()],
      ['anthropic', fakeSecrets.setupToken()],
    ];
    for (const field of ['anthropic', 'openai', 'google', 'groq', 'xai', 'openrouter', 'mistral']) {
      for (const [owner, secret] of samples) {
        if (owner === field) continue;
        const check = checkSecret(field, 'api_key', secret);
        expect({ field, owner, ok: check.ok, fits: check.fits?.provider }).toEqual({
          field,
          owner,
          ok: false,
          fits: owner,
        });
        expect(check.error).not.toContain('copy it again');
      }
    }
  });

  it('env set OPENAI_API_KEY refuses a setup-token with the reason, exits 1 and keeps the old key', async () => {
    const { home, stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    const good = fakeSecrets.openaiKey('good');
    writeText(path, `OPENAI_API_KEY=${good}\n`);
    const result = await runCommand(['env', 'set', 'OPENAI_API_KEY'], { home, input: `${fakeSecrets.setupToken()}\n` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /OPENAI_API_KEY: this looks like an Anthropic setup-token, but the provider is openai/,
    );
    expect(result.stderr).toMatch(/ANTHROPIC_/);
    expect(result.stderr).not.toContain(fakeSecrets.setupToken());
    expect(readFileSync(path, 'utf8')).toBe(`OPENAI_API_KEY=${good}\n`);
    // A good key still goes in.
    const ok = await runCommand(['env', 'set', 'OPENAI_API_KEY'], { home, input: `${fakeSecrets.openaiKey('new')}\n` });
    expect(ok.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain(fakeSecrets.openaiKey('new'));
  });
});

describe('two keys in one paste, and a key another provider issues', () => {
  it('two keys on one line (or one pasted twice) are refused, not saved as one', async () => {
    const { home } = makeTempHome();
    for (const input of [
      `${fakeSecrets.openaiKey('a')} ${fakeSecrets.openaiKey('b')}`,
      `${fakeSecrets.openaiKey('a')}${fakeSecrets.openaiKey('a')}`,
    ]) {
      const run = await runCommand(['add-key', '--provider', 'openai', '--profile-id', 'two'], { home, input });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('this paste holds two secrets run together; paste one at a time');
    }
    const status = await runCommand(['status', '--json'], { home });
    expect(status.stdout).not.toContain('openai:two');
  });

  it("Arcee through OpenRouter takes an OpenRouter key in add-key and env set, as onboarding's choice does", async () => {
    const { home, stateDir } = makeTempHome();
    const key = fakeSecrets.openrouterKey('arcee');
    const added = await runCommand(['add-key', '--provider', 'arcee'], { home, input: key });
    expect(added.stderr).not.toContain('looks like');
    expect(added.code).toBe(0);
    const set = await runCommand(['env', 'set', 'ARCEEAI_API_KEY'], { home, input: key });
    expect(set.code).toBe(0);
    expect(readFileSync(join(stateDir, '.env'), 'utf8')).toContain(key);
    // Another provider's key is still refused there.
    const groq = await runCommand(['add-key', '--provider', 'arcee'], { home, input: fakeSecrets.groqKey() });
    expect(groq.code).not.toBe(0);
  });
});

describe('the same key saved again', () => {
  it('says it was already saved, not replaced; a new key is a replacement', async () => {
    const { home } = makeTempHome();
    const key = fakeSecrets.deepseekKey('same');
    expect((await runCommand(['add-key', '--provider', 'deepseek'], { home, input: key })).stdout).toContain(
      '✔ Saved deepseek:default',
    );
    const again = await runCommand(['add-key', '--provider', 'deepseek'], { home, input: key });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('✔ Already saved deepseek:default');
    const other = await runCommand(['add-key', '--provider', 'deepseek'], {
      home,
      input: fakeSecrets.deepseekKey('new'),
    });
    expect(other.stdout).toContain('✔ Replaced deepseek:default');
  });

  it('the same token with a new expiry says the expiry changed, not "Already saved"', async () => {
    const { home } = makeTempHome();
    const token = fakeSecrets.setupToken('same');
    const paste = (args: string[]) =>
      runCommand(['--no-reload', 'paste-token', '--provider', 'anthropic', ...args], { home, input: token });
    expect((await paste([])).stdout).toContain('✔ Saved anthropic:default');
    expect((await paste([])).stdout).toContain('✔ Already saved anthropic:default');
    const longer = await paste(['--expires-in', '1d12h']);
    expect(longer.code).toBe(0);
    expect(longer.stdout).toContain('✔ Updated the expiry of anthropic:default');
  });
});
