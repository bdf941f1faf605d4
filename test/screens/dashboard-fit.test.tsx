import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/services/doctor/doctor-types.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, fakeWorkspace, NOW } from '../helpers/fake-services.js';
import { type Rendered, renderApp, waitForFrame } from '../helpers/ink.js';

/** Enough profiles that no small terminal holds them all. */
function manyProfiles(): Record<string, Record<string, unknown>> {
  const profiles: Record<string, Record<string, unknown>> = {
    'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w'), expires: NOW + 9e9 },
    'openai:me@example.com': {
      type: 'oauth',
      provider: 'openai',
      access: 'eyJhbGciOi.fake.access',
      refresh: 'rt-fake',
      expires: NOW + 3_600_000,
    },
  };
  for (let index = 0; index < 10; index++)
    profiles[`groq:key-${index}`] = { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(String(index)) };
  return profiles;
}

/** A home whose path is as long as real ones get (a user name, a nested home). */
const longWorkspace = fakeWorkspace({
  home: '/home/someone-with-a-long-name',
  stateDir: '/home/someone-with-a-long-name/.openclaw',
  agentDir: '/home/someone-with-a-long-name/.openclaw/agents/main/agent',
  mainAgentDir: '/home/someone-with-a-long-name/.openclaw/agents/main/agent',
});

async function openDashboard(options: { columns?: number; rows?: number; long?: boolean; findings?: Finding[] } = {}) {
  const workspace = options.long ? longWorkspace : fakeWorkspace();
  const services = createFakeServices({ state: fakeState(manyProfiles(), {}, workspace), workspace });
  if (options.findings) services.doctorFindings = options.findings;
  const app = await renderApp(services, { name: 'dashboard' });
  await waitForFrame(app, 'anthropic:work');
  if (options.columns !== undefined || options.rows !== undefined)
    await app.resize(options.columns ?? 100, options.rows);
  return { app, services };
}

/** The frame fits a terminal of this size: no more lines than its rows less one, none wider, the title first. */
function expectFits(app: Rendered, columns: number, rows: number) {
  const lines = app.frame().split('\n');
  expect(lines.length, app.frame()).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(columns);
  expect(lines[0]).toMatch(/^authdeck · dashboard/);
  return lines;
}

describe('dashboard: fits the terminal', () => {
  it.each([
    [32, 12],
    [100, 8],
    [60, 15],
    [80, 10],
    [100, 16],
  ])('at %i×%i the title stays on top, with fewer rows and a "more" line', async (columns, rows) => {
    const { app } = await openDashboard({ columns, rows });
    const lines = expectFits(app, columns, rows);
    expect(lines.some((line) => line.startsWith('▸'))).toBe(true);
    expect(app.frame()).toMatch(/… \d+ more below/);
    // The help key is always there: the help lists what the hint bar had no room for.
    expect(app.frame()).toMatch(/\? help/);
    // Moving to the last row scrolls the table, and the title stays.
    await app.type('G');
    expect(app.frame()).toMatch(/▸ .*openai:me@exam/);
    expectFits(app, columns, rows);
  });

  it('scrolled into a group, the line over the table says how many rows are above and whose group it is', async () => {
    const { app } = await openDashboard({ columns: 60, rows: 17 });
    await app.type('G');
    // The last group's heading is in view; the rows above it are the end of groq's.
    expect(app.frame()).toMatch(/^ … \d+ more above · groq$/m);
    expectFits(app, 60, 17);
    // Back at the top, the first group's heading is in view again, not scrolled past.
    await app.type('g');
    expect(app.frame()).not.toContain('more above');
    expect(
      app
        .frame()
        .split('\n')
        .find((line) => line.includes('▸')),
    ).toBeDefined();
  });

  it('too short for the spacer line, scrolled to the end: the "more below" line\'s room says what is above', async () => {
    for (const [columns, rows] of [
      [100, 8],
      [80, 10],
    ] as const) {
      const { app } = await openDashboard({ columns, rows });
      await app.type('G');
      expect(app.frame()).toMatch(/^ … \d+ more above · groq$/m);
      expect(app.frame()).not.toContain('more below');
      expectFits(app, columns, rows);
    }
  });

  it('keeps fitting with a panel open, a question or a message', async () => {
    const long: Finding = {
      code: 'permissions',
      severity: 'warning',
      subject: '/home/me/.openclaw/agents/main/agent/auth-profiles.json',
      problem: 'mode 644: readable by other users',
      why: 'secrets',
      fix: 'chmod 600 /home/me/.openclaw/agents/main/agent/auth-profiles.json',
    };
    const { app } = await openDashboard({ columns: 60, rows: 14, findings: [long, long, long, long] });
    await app.press('enter');
    await waitForFrame(app, /provider\s+anthropic/);
    expectFits(app, 60, 14);
    await app.press('escape');
    await app.type('?');
    await waitForFrame(app, 'Keys');
    expectFits(app, 60, 14);
    expect(app.frame()).toMatch(/\d+ more below · ↑\/↓ scroll, other keys close/);
    expect(app.frame()).not.toContain('quit');
    // Scrolled partway, the line says both counts and still ends whole at 60 columns (it was cut:
    // "any other key clo…", a newcomer's walk).
    for (let press = 0; press < 3; press++) await app.press('down');
    expect(app.frame()).toMatch(/\d+ above · \d+ more below · ↑\/↓ scroll, other keys close/);
    // ↓ scrolls to the last keys (q quits), still fitting; any other key closes.
    for (let press = 0; press < 30; press++) await app.press('down');
    expect(app.frame()).toMatch(/\d+ above · ↑\/↓ scroll/);
    expect(app.frame()).toMatch(/q\s+quit/);
    expectFits(app, 60, 14);
    await app.type('x');
    await app.type('D');
    await waitForFrame(app, 'mode 644');
    expectFits(app, 60, 14);
    expect(app.frame()).toMatch(/… \d more: `authdeck doctor`/);
    await app.press('escape');
    await app.type('A');
    await waitForFrame(app, 'Switch agent');
    expectFits(app, 60, 14);
    await app.press('escape');
    await app.type('d');
    await waitForFrame(app, 'any other key keep');
    expectFits(app, 60, 14);
    await app.type('y');
    await waitForFrame(app, 'Removed anthropic:work');
    expectFits(app, 60, 14);
    await app.type('/');
    await app.type('groq');
    expectFits(app, 60, 14);
  });

  it('fits again after the terminal shrinks, and grows back', async () => {
    const { app } = await openDashboard();
    expect(app.frame()).not.toContain('more below');
    await app.resize(100, 8);
    expectFits(app, 100, 8);
    await app.resize(100, 40);
    expect(app.frame()).toContain('groq:key-9');
    expect(app.frame()).not.toContain('more below');
  });
});

describe('dashboard: what was cut', () => {
  it('D wraps a long finding inside the box: the whole fix can be read', async () => {
    const fix = 'chmod 600 /home/someone-with-a-long-name/.openclaw/agents/main/agent/auth-profiles.json';
    const { app } = await openDashboard({
      findings: [
        {
          code: 'permissions',
          severity: 'warning',
          subject: '/home/someone-with-a-long-name/.openclaw/agents/main/agent/auth-profiles.json',
          problem: 'mode 644: readable by other users of this machine',
          why: 'secrets',
          fix,
        },
      ],
    });
    await app.type('D');
    await waitForFrame(app, 'mode 644');
    const lines = app.frame().split('\n');
    const top = lines.findIndex((line) => line.startsWith('╭'));
    const bottom = lines.findIndex((line) => line.startsWith('╰'));
    const inside = lines.slice(top + 1, bottom).map((line) => line.replace(/^│ /, '').replace(/ *│$/, '').trim());
    for (const line of lines.slice(top, bottom + 1)) expect(line.length).toBeLessThanOrEqual(100);
    const text = inside.join(' ');
    expect(text).toContain(
      '! /home/someone-with-a-long-name/.openclaw/agents/main/agent/auth-profiles.json: mode 644: readable by other users of this machine',
    );
    expect(text).toContain(`→ ${fix}`);
    expect(text).not.toContain('…');
  });

  it('a long message at 60×14, with the filter kept, leaves the hint bar (? help) and fits', async () => {
    const services = createFakeServices({ state: fakeState(manyProfiles()) });
    const long = Array.from({ length: 150 }, (_, index) => `word${index}`).join(' ');
    services.removeProfile = async (profileId) => ({
      profileId,
      storePath: `/x/${long}`,
      type: 'api_key',
      layer: 'local',
      config: { status: 'none' },
      gateway: { status: 'skipped', reason: 'fake services' },
    });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 14);
    await app.type('/');
    await app.type('groq');
    await app.press('enter');
    await app.type('d');
    await app.type('y');
    await waitForFrame(app, 'Removed groq:key-0');
    const lines = expectFits(app, 60, 14);
    expect(lines.join('\n')).toContain('? help');
  });

  it('keeps the file name of a long store path in view at 100 columns (header, details, messages)', async () => {
    const { app } = await openDashboard({ long: true });
    const storeLine = app.frame().split('\n')[3] ?? '';
    expect(storeLine).toMatch(/^JSON files \(OpenClaw ≤ 2026\.6\.1\) · …\/.*agents\/main\/agent\/auth-profiles\.json$/);
    await app.resize(60);
    expect(app.frame()).toContain('JSON files (OpenClaw ≤ 2026.6.1) · …/auth-profiles.json');
    await app.resize(100);
    await app.press('enter');
    // The details wrap the path whole under its label, after a `/`: the file name on one line.
    const details = await waitForFrame(app, /source\s+this agent · \/home\//);
    expect(details).toMatch(/\/agent\/ *│\n│ {13}auth-profiles\.json/);
    await app.press('escape');
    await app.type('d');
    await app.type('y');
    // The message says where it was removed from, whole, over more lines when it must.
    const frame = await waitForFrame(app, 'Removed anthropic:work');
    expect(frame.replace(/\n/g, ' ')).toContain(
      'Removed anthropic:work from /home/someone-with-a-long-name/.openclaw/agents/main/agent/auth-profiles.json',
    );
  });

  it('Esc on a kept filter clears it and keeps the row in hand; Home and End go to the first and last row', async () => {
    const { app } = await openDashboard({ rows: 40 });
    await app.type('/');
    await app.type('key-3');
    await app.press('enter');
    expect(app.frame()).toMatch(/▸ .*groq:key-3/);
    expect(app.frame()).toContain('filter: key-3');
    await app.press('escape');
    await waitForFrame(app, 'anthropic:work');
    expect(app.frame()).not.toContain('filter: key-3');
    expect(app.frame()).toMatch(/▸ .*groq:key-3/);
    await app.press('home');
    expect(app.frame()).toMatch(/▸ .*anthropic:work/);
    expect(app.frame()).not.toContain('r refresh sign-in');
    await app.press('end');
    expect(app.frame()).toMatch(/▸ .*openai:me@example\.com/);
    expect(app.frame()).toContain('r refresh sign-in');
  });

  it('Esc while the filter is being typed clears it and keeps the row in hand too', async () => {
    const { app } = await openDashboard({ rows: 40 });
    await app.type('/');
    await app.type('key-3');
    expect(app.frame()).toMatch(/▸ .*groq:key-3/);
    await app.press('escape');
    await waitForFrame(app, 'anthropic:work');
    expect(app.frame()).toContain('↑↓ move');
    expect(app.frame()).toMatch(/▸ .*groq:key-3/);
  });
});

describe('dashboard: a long id is cut before a column goes', () => {
  it('at 100 columns a 60-character id leaves the masked secret, the type and a cooldown on every row', async () => {
    const long = `anthropic:${'x'.repeat(50)}`;
    const profiles = {
      'anthropic:a': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('A') },
      'anthropic:k': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('K') },
      [long]: { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('L') },
    };
    const workspace = fakeWorkspace();
    const state = fakeState(
      profiles,
      { usageStats: { 'anthropic:k': { cooldownUntil: NOW + 60 * 60_000 } } },
      workspace,
    );
    const app = await renderApp(createFakeServices({ state, workspace }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:k');
    const row = app
      .frame()
      .split('\n')
      .find((line) => /anthropic:k\b/.test(line));
    expect(row).toContain('api_key');
    expect(row).toMatch(/sk-ant-a…/);
    expect(row).toContain('cooldown');
    // The long id is there, cut with an ellipsis.
    expect(app.frame()).toMatch(/anthropic:x+…/);
  });
});

describe('dashboard: a cooldown near the edge', () => {
  it('at 80 columns says it whole; where the edge is nearer, "cooldown ~3h", never "cooldown 3h …"', async () => {
    const profiles = {
      'anthropic:work': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('W') },
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('D') },
    };
    const workspace = fakeWorkspace();
    const cooldownUntil = NOW + (3 * 60 + 2) * 60_000;
    const state = fakeState(profiles, { usageStats: { 'anthropic:default': { cooldownUntil } } }, workspace);
    const app = await renderApp(createFakeServices({ state, workspace }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:default');
    const row = () =>
      app
        .frame()
        .split('\n')
        .find((line) => /anthropic:default\b/.test(line)) ?? '';
    // "static" and "no expiry" take their own width, not a fixed one: the time fits at 80.
    await app.resize(80);
    await waitForFrame(app, 'cooldown 3h 2m');
    expect(row()).toMatch(/sk-ant-a…\S+ +static +no expiry +cooldown 3h 2m$/);
    await app.resize(69);
    await waitForFrame(app, 'cooldown ~3h');
    expect(row()).toMatch(/sk-ant-a…\S+ +static +no expiry +cooldown ~3h$/);
  });
});

describe('dashboard: columns that follow their texts', () => {
  it('do not move back and forth as an expired time grows ("12m 5s ago" → "12m 15s ago")', async () => {
    const profiles = {
      'anthropic:old': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('o'),
        expires: NOW - 725_000,
      },
      'anthropic:work': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('W') },
    };
    const workspace = fakeWorkspace();
    const state = fakeState(
      profiles,
      { usageStats: { 'anthropic:work': { cooldownUntil: NOW + 3_600_000 } } },
      workspace,
    );
    const services = createFakeServices({ state, workspace });
    let now = NOW;
    services.now = () => now;
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, '12m 5s ago');
    const column = () =>
      (
        app
          .frame()
          .split('\n')
          .find((line) => line.includes('anthropic:work')) ?? ''
      ).indexOf('cooldown');
    const before = column();
    expect(before).toBeGreaterThan(0);
    now = NOW + 10_000;
    await waitForFrame(app, '12m 15s ago');
    expect(column()).toBeGreaterThanOrEqual(before);
    // Once wider, it stays so: the time back to a shorter text does not pull the columns in.
    const wider = column();
    now = NOW + 55_000;
    await waitForFrame(app, '13m ago');
    expect(column()).toBe(wider);
  });
});

describe('dashboard: ids in wide characters', () => {
  it('keep the columns after them aligned, short or cut with …', async () => {
    const key = (seed: string) => ({ type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey(seed) });
    const state = fakeState({
      'groq:ascii-key': key('a'),
      'groq:日本語キー': key('b'),
      [`groq:${'日本語'.repeat(10)}`]: key('c'),
      'groq:x\u0301\u0301y': key('d'),
    });
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    const frame = await waitForFrame(app, 'ascii-key');
    // A CJK character takes two columns of the terminal, a combining mark none.
    const columnsOf = (text: string) =>
      [...text.replace(/\p{M}/gu, '')].length + (text.match(/[\u3000-\u9fff]/g)?.length ?? 0);
    const rows = frame.split('\n').filter((line) => line.includes('groq:') && line.includes('static'));
    expect(rows).toHaveLength(4);
    const statusAt = rows.map((line) => columnsOf(line.slice(0, line.indexOf('static'))));
    expect(new Set(statusAt).size, rows.join('\n')).toBe(1);
    expect(rows.some((line) => line.includes('…'))).toBe(true);
  });
});
