import { describe, expect, it } from 'vitest';
import { checkSecret, maskSecret, normalizeSecret } from '../../src/services/profiles/credentials.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';

describe('normalizeSecret', () => {
  it('drops bracketed paste, ANSI, every kind of whitespace and invisible characters', () => {
    const token = fakeSecrets.setupToken();
    const messy = `\x1b[200~  ${token.slice(0, 30)}\r\n${token.slice(30, 60)}\u00a0\u2028\u200b\t${token.slice(60, 90)}\x1b[38;5;220m${token.slice(90)}\x1b[39m\u2029\ufeff\n\x1b[201~`;
    expect(normalizeSecret(messy)).toBe(token);
    expect(normalizeSecret(`"${token}"`)).toBe(token);
  });
});

describe('checkSecret', () => {
  it('says a secret that starts right is cut off (or not all typed), not that its prefix is wrong', () => {
    expect(checkSecret('openai', 'api_key', 'sk-pr')).toMatchObject({
      ok: false,
      error:
        'this OpenAI API key looks cut off: one starts with sk- (often sk-proj-) and has at least 23 characters, this has 5 characters; copy all of it',
    });
    // A shape that names no length says the least one takes: "this has 9 characters" alone said nothing.
    expect(checkSecret('groq', 'api_key', 'gsk_short').error).toBe(
      'this Groq API key looks cut off: one starts with gsk_ and has at least 24 characters, this has 9 characters; copy all of it',
    );
    expect(checkSecret('groq', 'api_key', 'abc.def').error).toBe(
      'this is not a valid Groq API key: one starts with gsk_; this has some not letters, digits, - or _; copy it again',
    );
    expect(checkSecret('anthropic', 'api_key', 'sk-ant-api03-').error).toContain('cut off');
    expect(checkSecret('openai', 'api_key', 'pk-12345').error).toContain('one starts with sk-');
  });

  it("takes an Anthropic key for Cloudflare AI Gateway, the key its step asks for (it refused it as Anthropic's)", () => {
    expect(checkSecret('cloudflare-ai-gateway', 'api_key', fakeSecrets.anthropicApiKey()).ok).toBe(true);
    expect(checkSecret('cloudflare-ai-gateway', 'api_key', fakeSecrets.openaiKey()).ok).toBe(false);
  });

  it('accepts the known shapes', () => {
    expect(checkSecret('anthropic', 'api_key', fakeSecrets.anthropicApiKey()).ok).toBe(true);
    expect(checkSecret('anthropic', 'token', fakeSecrets.setupToken())).toMatchObject({ ok: true, warnings: [] });
    expect(checkSecret('openai', 'api_key', fakeSecrets.openaiKey()).ok).toBe(true);
    expect(checkSecret('openrouter', 'api_key', fakeSecrets.openrouterKey()).ok).toBe(true);
    expect(checkSecret('google', 'api_key', fakeSecrets.googleKey()).ok).toBe(true);
    expect(checkSecret('groq', 'api_key', fakeSecrets.groqKey()).ok).toBe(true);
    expect(checkSecret('xai', 'api_key', fakeSecrets.xaiKey()).ok).toBe(true);
    expect(checkSecret('mistral', 'api_key', fakeSecrets.mistralKey()).ok).toBe(true);
    expect(checkSecret('deepseek', 'api_key', fakeSecrets.deepseekKey()).ok).toBe(true);
  });

  it('refuses a refresh token with an explanation', () => {
    const check = checkSecret('anthropic', 'token', fakeSecrets.refreshToken());
    expect(check.ok).toBe(false);
    expect(check.error).toMatch(/refresh token.*sk-ant-oat01-/);
  });

  it('says which flow fits when an API key is pasted as a token, and the reverse', () => {
    const asToken = checkSecret('anthropic', 'token', fakeSecrets.anthropicApiKey());
    expect(asToken.error).toBe('this is an Anthropic API key, not a token');
    expect(asToken.fits).toEqual({ kind: 'api_key' });
    const asKey = checkSecret('anthropic', 'api_key', fakeSecrets.setupToken());
    expect(asKey.error).toBe('this is an Anthropic setup-token, not an API key');
    expect(asKey.fits).toEqual({ kind: 'token' });
  });

  it('names the right provider for a key pasted under the wrong one', () => {
    const check = checkSecret('openai', 'api_key', fakeSecrets.openrouterKey());
    expect(check.error).toMatch(/OpenRouter key, but the provider is openai/);
    expect(check.fits).toEqual({ provider: 'openrouter' });
    expect(checkSecret('openai', 'api_key', fakeSecrets.anthropicApiKey()).fits).toEqual({ provider: 'anthropic' });
  });

  it('explains a truncated key without echoing it', () => {
    const key = fakeSecrets.anthropicApiKey().slice(0, 60);
    const check = checkSecret('anthropic', 'api_key', key);
    expect(check.error).toMatch(
      /one starts with sk-ant-api03- and is about 108 characters long, this has 60 characters/,
    );
    expect(check.error).not.toContain(key.slice(14));
  });

  it('warns about a setup-token or an API key of unusual length, rather than refuse it', () => {
    const check = checkSecret('anthropic', 'token', `${fakeSecrets.setupToken()}xyz`);
    expect(check.ok).toBe(true);
    expect(check.warnings[0]).toMatch(/usually 108 characters; this one has 111/);
    // OpenClaw takes any sk-ant-api03- key of 80+ characters: a longer one is asked about.
    const key = checkSecret('anthropic', 'api_key', `${fakeSecrets.anthropicApiKey()}xy`);
    expect(key.ok).toBe(true);
    expect(key.warnings[0]).toMatch(/Anthropic API keys are usually 108 characters; this one has 110/);
  });

  it('accepts any non-empty secret for an unknown provider, and nothing empty anywhere', () => {
    expect(checkSecret('my-proxy', 'api_key', 'anything-goes').ok).toBe(true);
    expect(checkSecret('my-proxy', 'api_key', ' \r\n\t\u00a0').error).toBe('the secret is empty');
    expect(checkSecret('openai', 'api_key', '').ok).toBe(false);
  });
});

describe("another provider's secret under a provider of your own", () => {
  it('is saved (a proxy may take it) with a warning that names the provider it looks like', () => {
    const key = fakeSecrets.anthropicApiKey('c');
    const checked = checkSecret('claude', 'api_key', key);
    expect(checked).toMatchObject({ ok: true, secret: key });
    expect(checked.ok && checked.warnings).toEqual([
      'this looks like an Anthropic API key: for Anthropic itself save it under anthropic (a provider of your own named claude is what this save makes)',
    ]);
  });
});

describe('maskSecret', () => {
  it('shows the first 8 and last 4, less for short secrets', () => {
    expect(maskSecret(fakeSecrets.setupToken())).toMatch(/^sk-ant-o…[A-Za-z0-9]{2}AA$/);
    expect(maskSecret('abcdefghijkl')).toBe('abc…kl');
    expect(maskSecret('short')).toBe('…');
  });
});
