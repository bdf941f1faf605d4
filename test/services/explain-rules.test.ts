import { describe, expect, it } from 'vitest';
import { pluginOff, readPluginPolicy } from '../../src/services/config/plugin-policy.js';
import { asDateMs, formatDate, formatDateTime } from '../../src/services/durations.js';
import { describeProfile } from '../../src/services/profiles/credential-view.js';
import { storedCredentialProblem } from '../../src/services/profiles/eligibility.js';
import { resolveAuthProvider } from '../../src/services/providers/catalog.js';

const FENCE = 'openclaw-oauth-refresh-fence:v1:0123456789abcdef0123456789abcdef';
const DIGEST = 'b'.repeat(64);

describe('times no Date holds', () => {
  it('are absent to asDateMs and formatted as words, never thrown', () => {
    expect([8.64e15, -8.64e15, 0].map(asDateMs)).toEqual([8.64e15, -8.64e15, 0]);
    expect([8.64e15 + 1, 1e16, Number.NaN, Number.POSITIVE_INFINITY, '1'].map(asDateMs)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(formatDateTime(1e16)).toBe('an invalid time');
    expect(formatDate(Number.NaN)).toBe('an invalid time');
    expect(formatDateTime(0)).toBe('1970-01-01 00:00 UTC');
  });
});

describe("OpenClaw's stored-credential eligibility", () => {
  it.each([
    [{ key: 'openclaw onboard --auth-choice apiKey' }, 'api_key', 'malformed-key'],
    [{ key: '  OpenClaw   onboard --non-interactive --auth-choice=xai-api-key' }, 'api_key', 'malformed-key'],
    [{ key: 'openclaw onboard' }, 'api_key', undefined],
    [{ token: 't', expires: '2099-01-01' }, 'token', 'invalid-expires'],
    [{ token: 't', expires: 1e16 }, 'token', 'invalid-expires'],
    [{ token: 't', expires: 0 }, 'token', 'invalid-expires'],
    [{ token: 't', expires: null }, 'token', 'invalid-expires'],
    [{ token: 't', expires: 8.64e15 }, 'token', undefined],
    [{ token: 't' }, 'token', undefined],
    [
      { access: `${FENCE}:failed:access:${DIGEST}`, refresh: `${FENCE}:failed:refresh:${DIGEST}`, expires: 1 },
      'oauth',
      'refresh-failed',
    ],
    [
      { access: `${FENCE}:access:${DIGEST}`, refresh: `${FENCE}:refresh:${DIGEST}`, expires: 1 },
      'oauth',
      'refresh-pending',
    ],
    // Not the exact marker (states differ, or expires is not 1): an ordinary sign-in to OpenClaw.
    [
      { access: `${FENCE}:access:${DIGEST}`, refresh: `${FENCE}:failed:refresh:${DIGEST}`, expires: 1 },
      'oauth',
      undefined,
    ],
    [
      { access: `${FENCE}:failed:access:${DIGEST}`, refresh: `${FENCE}:failed:refresh:${DIGEST}`, expires: 2 },
      'oauth',
      undefined,
    ],
    [{ oauthRef: { provider: 'anthropic', id: 'x' } }, 'oauth', 'unresolved-oauth-ref'],
    [{ oauthRef: { id: 'x' }, refresh: 'r' }, 'oauth', undefined],
  ])('%j as %s: %s', (raw, type, problem) => {
    expect(storedCredentialProblem(raw, type)).toBe(problem);
  });

  it('a fenced or ref-only sign-in is not refreshable, and keyRef is not a sign-in secret', () => {
    const view = describeProfile('anthropic:o', { type: 'oauth', provider: 'anthropic', oauthRef: { id: 'r1' } }, {});
    expect(view).toMatchObject({ problem: 'unresolved-oauth-ref', oauthRef: 'oauthRef r1' });
    expect(view.secretRef).toBeUndefined();
    const withKeyRef = describeProfile(
      'anthropic:k',
      { type: 'oauth', keyRef: { source: 'env', id: 'K' } },
      { K: 'v' },
    );
    expect(withKeyRef.secret).toBeUndefined();
  });
});

describe('provider auth aliases', () => {
  it("are OpenClaw's manifest aliases and deprecated choice ids, not the catalog's naming aliases", () => {
    expect(
      ['x-ai', 'X-AI ', 'minimax-cn', 'minimax-portal-cn', 'claude-cli', 'xai', 'z.ai'].map(resolveAuthProvider),
    ).toEqual(['xai', 'xai', 'minimax', 'minimax-portal', 'anthropic', 'xai', 'z.ai']);
    expect(describeProfile('x:1', { type: 'api_key', provider: 'x-ai', key: 'k' }, {}).provider).toBe('xai');
  });
});

describe('plugin policy', () => {
  const off = (plugins: unknown, id = 'xai', bundledOffByDefault = false) =>
    pluginOff(readPluginPolicy(plugins), id, bundledOffByDefault);

  it('turns a plugin off as resolvePluginActivationDecisionShared does, ids lowercase', () => {
    expect(off(undefined)).toBeUndefined();
    expect(off({ enabled: false, entries: { xai: { enabled: true } } })).toBe('plugins-disabled');
    expect(off({ deny: [' XAI '], entries: { xai: { enabled: true } } })).toBe('denied');
    expect(off({ entries: { XAI: { enabled: false } } })).toBe('disabled-in-config');
    expect(off({ allow: ['anthropic'], entries: { xai: { enabled: true } } })).toBe('not-in-allowlist');
    expect(off({ allow: ['Xai'] })).toBeUndefined();
    expect(off({}, 'google', true)).toBe('not-enabled');
    expect(off({ entries: { 'google-gemini-cli': { enabled: true } } }, 'google', true)).toBeUndefined();
    expect(off({ deny: ['minimax-portal'] }, 'minimax')).toBe('denied');
  });
});
