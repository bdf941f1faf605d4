import { describe, expect, it } from 'vitest';
import { describeProfile } from '../../src/services/profiles/credential-view.js';
import type { HealthStatus } from '../../src/services/status/health.js';
import { type OrderInputs, resolveEffectiveOrder } from '../../src/services/status/order.js';

const NOW = 1_000_000;
const SECRET_FIELD: Record<string, string> = { api_key: 'key', token: 'token', oauth: 'access' };
const entry = (id: string, type: string, status: HealthStatus = type === 'api_key' ? 'static' : 'ok') => ({
  view: describeProfile(
    id,
    {
      type,
      provider: 'anthropic',
      [SECRET_FIELD[type] ?? 'key']: 'fake',
      ...(status === 'expired' ? { expires: 1 } : {}),
    },
    {},
  ),
  status,
});
const inputs = (overrides: Partial<OrderInputs>): OrderInputs => ({
  provider: 'anthropic',
  profiles: [entry('anthropic:key', 'api_key'), entry('anthropic:tok', 'token'), entry('anthropic:oa', 'oauth')],
  configProfiles: {},
  usageStats: {},
  nowMs: NOW,
  ...overrides,
});

describe('resolveEffectiveOrder', () => {
  it('orders oauth, token, api key when nothing is explicit, least recently used first', () => {
    expect(resolveEffectiveOrder(inputs({})).ids).toEqual(['anthropic:oa', 'anthropic:tok', 'anthropic:key']);
    const two = inputs({
      profiles: [entry('anthropic:a', 'token'), entry('anthropic:b', 'token')],
      usageStats: { 'anthropic:a': { lastUsed: 50 }, 'anthropic:b': { lastUsed: 10 } },
    });
    expect(resolveEffectiveOrder(two)).toMatchObject({ ids: ['anthropic:b', 'anthropic:a'], source: 'auto' });
  });

  it('follows the agent override over the config order, and leaves unlisted ones out', () => {
    const result = resolveEffectiveOrder(
      inputs({ agentOrder: ['anthropic:key', 'anthropic:tok'], configOrder: ['anthropic:oa'] }),
    );
    expect(result).toMatchObject({ ids: ['anthropic:key', 'anthropic:tok'], source: 'agent' });
    expect(resolveEffectiveOrder(inputs({ configOrder: ['anthropic:oa'] }))).toMatchObject({
      ids: ['anthropic:oa'],
      source: 'config',
    });
    expect(resolveEffectiveOrder(inputs({ baseOrder: ['anthropic:tok'] }))).toMatchObject({
      ids: ['anthropic:tok'],
      source: 'main',
    });
  });

  it('puts cooldown and disabled profiles last, soonest back first, and drops unusable ones', () => {
    const result = resolveEffectiveOrder(
      inputs({
        profiles: [
          entry('anthropic:key', 'api_key'),
          entry('anthropic:tok', 'token'),
          entry('anthropic:oa', 'oauth'),
          entry('anthropic:dead', 'token', 'expired'),
        ],
        usageStats: { 'anthropic:oa': { cooldownUntil: NOW + 500 }, 'anthropic:tok': { disabledUntil: NOW + 100 } },
      }),
    );
    expect(result.ids).toEqual(['anthropic:key', 'anthropic:tok', 'anthropic:oa']);
  });

  it('uses the config profile list as the candidates when it names the provider', () => {
    const listed = (...ids: string[]) =>
      Object.fromEntries(
        ids.map((id) => [id, { provider: 'anthropic', mode: id.endsWith('key') ? 'api_key' : 'token' }]),
      );
    expect(resolveEffectiveOrder(inputs({ configProfiles: listed('anthropic:tok') })).ids).toEqual(['anthropic:tok']);
    expect(resolveEffectiveOrder(inputs({ configProfiles: listed('anthropic:gone') })).ids).toHaveLength(3);
  });
});

describe('resolveEffectiveOrder, as OpenClaw 2026.9 decides', () => {
  const shared = (overrides: Partial<OrderInputs>) => inputs({ sharedEra: true, ...overrides });

  it('leaves out a profile whose auth.profiles mode or provider differs from what it is', () => {
    const result = resolveEffectiveOrder(
      inputs({
        configProfiles: {
          'anthropic:key': { provider: 'anthropic', mode: 'token' },
          'anthropic:tok': { provider: 'anthropic', mode: 'oauth' },
          'anthropic:oa': { provider: 'openai', mode: 'oauth' },
        },
      }),
    );
    // A token where the config says oauth is accepted (a setup-token is an Anthropic sign-in).
    expect(result.ids).toEqual(['anthropic:tok']);
    expect(result.notTried).toEqual({
      'anthropic:key': { why: 'mode-mismatch', mode: 'token', type: 'api_key' },
      'anthropic:oa': { why: 'not-in-config' },
    });
  });

  it("puts the agent's own profiles ahead of the shared order it does not override", () => {
    const result = resolveEffectiveOrder(
      shared({ baseOrder: ['anthropic:key'], baseSource: 'shared', ownIds: new Set(['anthropic:tok']) }),
    );
    expect(result).toMatchObject({ ids: ['anthropic:tok', 'anthropic:key'], source: 'shared' });
    expect(result.notTried).toEqual({ 'anthropic:oa': { why: 'not-in-order', source: 'shared' } });
  });

  it('takes every profile, sorted, when a stored order names none that exists', () => {
    const result = resolveEffectiveOrder(shared({ agentOrder: ['anthropic:gone'] }));
    expect(result).toMatchObject({ ids: ['anthropic:oa', 'anthropic:tok', 'anthropic:key'], repaired: true });
    // Before 2026.8 only a config profile list was repaired so.
    expect(resolveEffectiveOrder(inputs({ agentOrder: ['anthropic:gone'] })).ids).toEqual([]);
  });

  it('holds a profile back only for the model its rate limit was about', () => {
    const usageStats = {
      'anthropic:oa': { cooldownUntil: NOW + 500, cooldownReason: 'rate_limit', cooldownModel: 'claude-opus-4-6' },
    };
    const forOpus = resolveEffectiveOrder(inputs({ usageStats, forModel: 'claude-opus-4-6' }));
    expect(forOpus.ids).toEqual(['anthropic:tok', 'anthropic:key', 'anthropic:oa']);
    expect(forOpus.waiting['anthropic:oa']).toEqual({ state: 'cooldown', until: NOW + 500, reason: 'rate_limit' });
    expect(resolveEffectiveOrder(inputs({ usageStats, forModel: 'claude-sonnet-4-6' })).ids[0]).toBe('anthropic:oa');
    // Without a model (as `models status` looks) every window counts.
    expect(resolveEffectiveOrder(inputs({ usageStats })).ids.at(-1)).toBe('anthropic:oa');
  });

  it('keeps an env ref that is not set in the order, marked as skipped', () => {
    const ref = {
      view: describeProfile(
        'anthropic:ref',
        { type: 'api_key', provider: 'anthropic', keyRef: { source: 'env', id: 'NOPE' } },
        {},
      ),
      status: 'missing' as const,
    };
    const result = resolveEffectiveOrder(
      inputs({ profiles: [ref, entry('anthropic:tok', 'token')], agentOrder: ['anthropic:ref', 'anthropic:tok'] }),
    );
    expect(result.ids).toEqual(['anthropic:ref', 'anthropic:tok']);
    expect(result.unresolved).toEqual({ 'anthropic:ref': { why: 'unresolved-ref', ref: 'env:NOPE' } });
  });

  it('ignores cooldowns of providers that manage their own limits', () => {
    const router = {
      view: describeProfile('openrouter:k', { type: 'api_key', provider: 'openrouter', key: 'k' }, {}),
      status: 'static' as const,
    };
    const result = resolveEffectiveOrder(
      inputs({
        provider: 'openrouter',
        profiles: [router],
        usageStats: { 'openrouter:k': { cooldownUntil: NOW + 9 } },
      }),
    );
    expect(result.waiting).toEqual({});
  });
});
