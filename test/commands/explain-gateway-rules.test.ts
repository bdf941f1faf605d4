import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { DIGEST, explained, FENCE, HOUR, home, OPUS, reasons, token, xai } from '../helpers/gateway-homes.js';
import { runCommand } from '../helpers/run-command.js';

// Cases where explain once disagreed with OpenClaw 2026.9.6's own resolveAuthProfileOrder
// (test/interop/explain.test.ts holds the same homes to the real thing).

describe('explain follows the gateway', () => {
  it('ignores a cooldown or disabled window past what a Date holds, as OpenClaw does, instead of failing', async () => {
    const at = home(
      {
        profiles: { 'anthropic:default': token('d') },
        usageStats: { 'anthropic:default': { cooldownUntil: 1e16, cooldownReason: 'overloaded', disabledUntil: 9e15 } },
      },
      { agents: { defaults: { model: OPUS } } },
    );
    const [opus] = await explained(at);
    expect(opus).toMatchObject({ order: ['anthropic:default'], next: 'anthropic:default', skipped: null });
    const status = await runCommand(['status'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } });
    expect(status.stdout).not.toMatch(/cooldown|disabled/);
  });

  it("follows OpenClaw's provider auth aliases: x-ai models, x-ai profiles, auth.profiles and order keys count for xai", async () => {
    const at = home(
      {
        profiles: {
          'xai:default': xai('d'),
          'xai:a': xai('a', 'x-ai'),
          'minimax:k': { ...xai('k'), provider: 'minimax' },
        },
        order: { 'X-AI': ['xai:a', 'xai:default'] },
        usageStats: { 'xai:default': { lastUsed: Date.now() } },
      },
      {
        agents: {
          defaults: { model: { primary: 'x-ai/grok-4', fallbacks: ['minimax-cn/MiniMax-M2.7', 'xai/grok-4.7'] } },
        },
        auth: { profiles: { 'xai:a': { provider: 'x-ai', mode: 'api_key' } } },
      },
    );
    const [grok4, minimax, grok47] = await explained(at);
    // The order stored under x-ai is found for a model named x-ai/…, not for xai/… (OpenClaw looks under both names).
    expect(grok4).toMatchObject({ authProvider: 'xai', order: ['xai:a', 'xai:default'], skipped: null });
    expect(minimax).toMatchObject({ authProvider: 'minimax', order: ['minimax:k'] });
    expect(grok47).toMatchObject({ authProvider: 'xai', order: ['xai:a'] });
    expect(reasons(grok47!)['xai:default']).toBe('not-in-auth-profiles');
  });

  it("rejects what OpenClaw's evaluateStoredCredentialEligibility rejects, with the reason", async () => {
    const at = home(
      {
        profiles: {
          'anthropic:fence': {
            type: 'oauth',
            provider: 'anthropic',
            access: `${FENCE}:failed:access:${DIGEST}`,
            refresh: `${FENCE}:failed:refresh:${DIGEST}`,
            expires: 1,
          },
          'anthropic:strexp': token('s', '2099-01-01T00:00:00Z'),
          'anthropic:bigexp': token('b', 1e16),
          'anthropic:mal': { type: 'api_key', provider: 'anthropic', key: 'openclaw onboard --auth-choice apiKey' },
          'anthropic:ref': { type: 'oauth', provider: 'anthropic', oauthRef: { provider: 'anthropic', id: 'ref-1' } },
          'anthropic:good': token('g'),
          'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
        },
        usageStats: { 'anthropic:default': { lastUsed: Date.now() } },
      },
      { agents: { defaults: { model: OPUS } } },
    );
    const [opus] = await explained(at);
    expect(opus?.order).toEqual(['anthropic:good', 'anthropic:default']);
    expect(reasons(opus!)).toMatchObject({
      'anthropic:fence': 'refresh-failed',
      'anthropic:strexp': 'invalid-expires',
      'anthropic:bigexp': 'invalid-expires',
      'anthropic:mal': 'malformed-key',
      'anthropic:ref': 'unresolved-ref',
    });
    const status = JSON.parse(
      (await runCommand(['status', '--json'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } })).stdout,
    );
    const statusOf = Object.fromEntries(
      status.profiles.map((profile: { id: string; status: string }) => [profile.id, profile.status]),
    );
    expect(statusOf).toMatchObject({
      'anthropic:fence': 'expired',
      'anthropic:strexp': 'missing',
      'anthropic:mal': 'missing',
      'anthropic:ref': 'missing',
    });
  });

  it.each([
    [{ deny: ['XAI'] }, 'the xai plugin is denied'],
    [{ enabled: false }, 'plugins are switched off'],
    [{ allow: ['anthropic'] }, 'the xai plugin is not in plugins.allow'],
    [{ entries: { XAI: { enabled: false } } }, 'the xai plugin is switched off'],
  ])('skips a provider whose plugin the plugins section turns off: %j', async (plugins, summary) => {
    const at = home(
      { profiles: { 'xai:default': xai('d') } },
      { agents: { defaults: { model: 'xai/grok-4.7' } }, plugins },
    );
    const [grok] = await explained(at);
    expect(grok?.skipped?.startsWith(`the gateway does not load xai: ${summary} (plugins.`)).toBe(true);
    expect(grok?.next).toBeNull();
  });

  it('keeps a provider whose plugin the allow list names', async () => {
    const at = home(
      { profiles: { 'xai:default': xai('d') } },
      { agents: { defaults: { model: 'xai/grok-4.7' } }, plugins: { allow: ['xai'] } },
    );
    expect((await explained(at))[0]).toMatchObject({ skipped: null, next: 'xai:default' });
  });

  it('still holds back a profile for an ordinary cooldown', async () => {
    const at = home(
      { profiles: { 'xai:default': xai('d') }, usageStats: { 'xai:default': { cooldownUntil: Date.now() + HOUR } } },
      { agents: { defaults: { model: 'xai/grok-4.7' } } },
    );
    expect((await explained(at))[0]?.skipped).toBe('every profile in its order is cooling down or disabled');
  });
});
