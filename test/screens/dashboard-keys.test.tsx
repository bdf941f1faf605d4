import { describe, expect, it } from 'vitest';
import { NO_FLAGS } from '../../src/components/key-chunks.js';
import { actionFor, hintsFor } from '../../src/components/key-table.js';
import { LIST_HELP, LIST_KEYS, type ListContext } from '../../src/screens/dashboard/dashboard-keys.js';
import type { ProfileReport } from '../../src/services/status/report.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w'), expires: NOW + 9e9 },
  'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
  'openai:me@example.com': {
    type: 'oauth',
    provider: 'openai',
    access: 'eyJhbGciOi.fake.access',
    refresh: 'rt-fake',
    expires: NOW + 3_600_000,
  },
};

async function openDashboard() {
  const app = await renderApp(createFakeServices({ state: fakeState(profiles) }), { name: 'dashboard' });
  await waitForFrame(app, 'anthropic:work');
  return app;
}

/** The hint bar: the lines after the table (it wraps at 100 columns). */
const hintLine = (frame: string) => frame.slice(frame.lastIndexOf('↑↓ move'));

describe('one key table feeds the handler, the hint bar and the help', () => {
  it('every key in the table triggers its own action, and every action has a help line', () => {
    const oauthRow = { kind: 'profile', key: 'id:x', profile: { type: 'oauth', usage: 'cooldown' } as ProfileReport };
    const context: ListContext = { row: oauthRow as ListContext['row'], filter: 'x' };
    for (const binding of LIST_KEYS) {
      const [first] = binding.keys;
      const named = { up: 'upArrow', down: 'downArrow', return: 'return', escape: 'escape' } as Record<string, string>;
      const flags = first && first.length > 1 ? { ...NO_FLAGS, [named[first] ?? first]: true } : NO_FLAGS;
      const key = { ...flags, inChunk: false, chunkEnd: true };
      expect(actionFor(LIST_KEYS, first && first.length === 1 ? first : '', key, context), binding.action).toBe(
        binding.action,
      );
    }
    const helped = LIST_HELP.map(([label]) => label);
    for (const [label] of hintsFor(LIST_KEYS, context)) expect(helped).toContain(label);
  });

  it('hints ↑↓ only where there is somewhere to move: not with one row, nor with none', async () => {
    for (const [count, hinted] of [
      [0, false],
      [1, false],
      [2, true],
    ] as const) {
      const some = Object.fromEntries(Object.entries(profiles).slice(0, count));
      const app = await renderApp(createFakeServices({ state: fakeState(some) }), { name: 'dashboard' });
      const frame = await waitForFrame(app, count === 0 ? 'a add' : 'enter details');
      expect(frame.includes('↑↓ move'), `${count} rows`).toBe(hinted);
    }
  });

  it('shows r in the hint bar on a sign-in row only', async () => {
    const app = await openDashboard();
    expect(hintLine(app.frame())).not.toContain('refresh sign-in');
    for (let i = 0; i < 3 && !/▸ .*openai:me@example\.com/.test(app.frame()); i++) await app.type('j');
    expect(app.frame()).toMatch(/▸ .*openai:me@example\.com/);
    expect(hintLine(app.frame())).toContain('r refresh sign-in');
  });

  it('Esc clears a kept filter; Home, End and G move to the first and last row', async () => {
    const app = await openDashboard();
    await app.type('/');
    await app.type('groq');
    await app.press('enter');
    expect(app.frame()).toContain('filter: groq');
    expect(app.frame()).not.toContain('anthropic:work');
    await app.press('escape');
    await waitForFrame(app, 'anthropic:work');
    expect(app.frame()).not.toContain('filter: groq');
    await app.type('G');
    expect(app.frame()).toMatch(/▸ .*openai:me@example\.com/);
    await app.type('g');
    expect(app.frame()).toMatch(/▸ .*anthropic:work/);
  });
});
