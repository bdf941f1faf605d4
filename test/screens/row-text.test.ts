import { describe, expect, it } from 'vitest';
import { buildDashboardRows } from '../../src/screens/dashboard/dashboard-rows.js';
import { rowSegments } from '../../src/screens/dashboard/row-text.js';
import type { ProbeOutcome } from '../../src/services/probe/probe-runner.js';
import { buildStatusReport } from '../../src/services/status/report.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { fakeState, NOW } from '../helpers/fake-services.js';

const ok = (id: string): ProbeOutcome => ({
  id,
  provider: 'groq',
  result: 'ok',
  httpStatus: 200,
  latencyMs: 212,
  detail: 'key accepted (HTTP 200)',
});

describe('dashboard rows', () => {
  it('a probe result sits in the same column on a profile row and an env row, with the source column off', () => {
    const state = {
      ...fakeState({ 'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() } }),
      daemonEnv: { GROQ_API_KEY: fakeSecrets.groqKey('env') },
    };
    const report = buildStatusReport(state, { nowMs: NOW, warnWithinMs: 86_400_000 });
    const rows = buildDashboardRows(report);
    const columns = {
      id: 20,
      type: true,
      secret: true,
      source: false,
      usage: true,
      usageRoom: 40,
      status: 12,
      expiry: 15,
    };
    const line = (index: number, probe: ProbeOutcome) =>
      rowSegments(rows[index]!, { selected: false, columns, now: NOW, store: report.store, probe })
        .map((segment) => segment.text)
        .join('');
    const profile = line(
      rows.findIndex((row) => row.kind === 'profile'),
      ok('groq:main'),
    );
    const env = line(
      rows.findIndex((row) => row.kind === 'env'),
      ok('env:GROQ_API_KEY'),
    );
    expect(env.indexOf('✓ 212ms')).toBe(profile.indexOf('✓ 212ms'));
  });
});
