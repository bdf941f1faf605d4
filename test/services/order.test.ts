import { describe, expect, it } from 'vitest';
import { describeProfile } from '../../src/services/profiles/credential-view.js';
import type { HealthStatus } from '../../src/services/status/health.js';
import { type OrderInputs, resolveEffectiveOrder } from '../../src/services/status/order.js';

const NOW = 1_000_000;
const entry = (id: string, type: string, status: HealthStatus = type === 'api_key' ? 'static' : 'ok') => ({
  view: describeProfile(id, { type, provider: 'anthropic' }, {}),
  status,
});
const inputs = (overrides: Partial<OrderInputs>): OrderInputs => ({
  provider: 'anthropic',
  profiles: [entry('anthropic:key', 'api_key'), entry('anthropic:tok', 'token'), entry('anthropic:oa', 'oauth')],
  configProfileIds: [],
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
    expect(resolveEffectiveOrder(inputs({ configProfileIds: ['anthropic:tok'] })).ids).toEqual(['anthropic:tok']);
    expect(resolveEffectiveOrder(inputs({ configProfileIds: ['anthropic:gone'] })).ids).toHaveLength(3);
  });
});
