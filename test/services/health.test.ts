import { describe, expect, it } from 'vitest';
import { describeProfile } from '../../src/services/profiles/credential-view.js';
import { classifyProfileHealth, classifyUsage } from '../../src/services/status/health.js';

const NOW = Date.UTC(2026, 10, 26);
const HOUR = 3_600_000;
const WARN = 24 * HOUR;
const health = (raw: Record<string, unknown>) => classifyProfileHealth(describeProfile('p:x', raw, {}), NOW, WARN);

describe('classifyProfileHealth', () => {
  it('classifies tokens by expiry against the warn window', () => {
    expect(health({ type: 'token', provider: 'p', token: 't', expires: NOW + 48 * HOUR })).toMatchObject({
      status: 'ok',
      remainingMs: 48 * HOUR,
    });
    expect(health({ type: 'token', provider: 'p', token: 't', expires: NOW + 2 * HOUR }).status).toBe('expiring');
    expect(health({ type: 'token', provider: 'p', token: 't', expires: NOW - 1 }).status).toBe('expired');
    expect(health({ type: 'token', provider: 'p', token: 't' }).status).toBe('static');
    expect(health({ type: 'token', provider: 'p' }).status).toBe('missing');
  });

  it('tells refreshable oauth apart from ok and expired', () => {
    const oauth = { type: 'oauth', provider: 'p', access: 'a', refresh: 'r' };
    expect(health({ ...oauth, expires: NOW + 48 * HOUR }).status).toBe('ok');
    expect(health({ ...oauth, expires: NOW - HOUR }).status).toBe('refreshable');
    // The gateway renews it before the access token runs out: healthy, not expiring.
    expect(health({ ...oauth, expires: NOW + HOUR }).status).toBe('ok');
    expect(health({ type: 'oauth', provider: 'p', access: 'a', expires: NOW - HOUR }).status).toBe('expired');
    expect(health({ type: 'oauth', provider: 'p', access: 'a', expires: NOW + HOUR }).status).toBe('expiring');
    expect(health({ ...oauth }).status).toBe('missing');
  });

  it('calls API keys static, a missing key missing, and an unknown type unknown', () => {
    expect(health({ type: 'api_key', provider: 'p', key: 'k' }).status).toBe('static');
    expect(health({ type: 'api_key', provider: 'p', keyRef: { source: 'exec', id: 'pass x' } }).status).toBe('static');
    expect(health({ type: 'api_key', provider: 'p', keyRef: { source: 'env', id: 'UNSET_VAR' } }).status).toBe(
      'missing',
    );
    expect(health({ type: 'aws-sdk', provider: 'p' }).status).toBe('unknown');
  });

  it('honours the warn window it is given', () => {
    const token = { type: 'token', provider: 'p', token: 't', expires: NOW + 36 * HOUR };
    expect(classifyProfileHealth(describeProfile('p:x', token, {}), NOW, 48 * HOUR).status).toBe('expiring');
  });
});

describe('classifyUsage', () => {
  it('reports a running cooldown or disabled window, disabled first', () => {
    expect(classifyUsage({ cooldownUntil: NOW + 1000 }, NOW)).toEqual({ state: 'cooldown', until: NOW + 1000 });
    expect(classifyUsage({ cooldownUntil: NOW - 1 }, NOW)).toBeUndefined();
    expect(
      classifyUsage({ cooldownUntil: NOW + 1000, disabledUntil: NOW + 5000, disabledReason: 'billing' }, NOW),
    ).toEqual({
      state: 'disabled',
      until: NOW + 5000,
      reason: 'billing',
    });
  });
});
