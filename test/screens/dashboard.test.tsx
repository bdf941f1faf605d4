import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const DAY = 86_400_000;

function richState() {
  return fakeState(
    {
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: 'sk-ant-oat01-aaaaaaaaaaaaaaaaaaaaaaaa',
        expires: NOW + 3 * DAY,
      },
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: 'sk-ant-api03-bbbbbbbbbbbbbbbbbbbbbbbb' },
      'anthropic:old': {
        type: 'token',
        provider: 'anthropic',
        token: 'sk-ant-oat01-cccccccccccccccccccccccc',
        expires: NOW - DAY,
      },
      'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' },
    },
    { usageStats: { 'groq:main': { cooldownUntil: NOW + 5 * 60_000 } } },
  );
}

/** Fake services whose remove takes the profile out of the state they serve. */
function servicesThatRemove() {
  const services = createFakeServices({ state: richState() });
  const remove = services.removeProfile;
  services.removeProfile = async (profileId) => {
    const { [profileId]: _gone, ...rest } = services.state.own.profiles;
    services.state = { ...services.state, own: { ...services.state.own, profiles: rest } };
    return remove(profileId);
  };
  return services;
}

async function open(services = createFakeServices({ state: richState() })) {
  const app = await renderApp(services, { name: 'dashboard' });
  await waitForFrame(app, /anthropic:work|groq:main/);
  return { app, services };
}

describe('dashboard screen', () => {
  it('groups profiles by provider with type, masked secret, status, live expiry, order and source', async () => {
    const { app } = await open();
    const frame = app.frame();
    expect(frame).toMatch(/1 ok · 2 static · 0 expiring · 1 expired · 0 missing · 1 in cooldown/);
    expect(frame).toMatch(/anthropic Anthropic · next anthropic:work/);
    expect(frame).toMatch(/1\* anthropic:work\s+token\s+sk-ant-o…aaaa\s+ok\s+3d 00:00:00/);
    expect(frame).toMatch(/2\s+anthropic:default\s+api_key\s+sk-ant-a…bbbb\s+static\s+no expiry/);
    expect(frame).toMatch(/–\s+anthropic:old\s+token .*expired\s+1d ago/);
    expect(frame).toMatch(/groq:main .*cooldown 5m/);
    expect(frame).not.toContain('aaaaaaaaaaaaaaaaaaaa');
    expect(frame).toMatch(/q quit/);
  });

  it('at 80 columns still shows a cooldown (before the type column)', async () => {
    const { app } = await open();
    await app.resize(80);
    const row = app
      .frame()
      .split('\n')
      .find((line) => line.includes('groq:main') && !line.includes('next'));
    expect(row).toMatch(/cooldown 5m/);
    expect(row!.length).toBeLessThanOrEqual(80);
  });

  it('counts down live', async () => {
    let now = NOW;
    const services = createFakeServices({ state: richState(), now: () => now });
    const { app } = await open(services);
    expect(app.frame()).toContain('3d 00:00:00');
    now += 1_000;
    await act(async () => new Promise((done) => setTimeout(done, 1_100)));
    expect(app.frame()).toContain('2d 23:59:59');
  });

  it('shows a profile another process wrote, when the files change', async () => {
    const { app, services } = await open();
    services.state = fakeState({
      ...richState().own.profiles,
      'openai:new': { type: 'api_key', provider: 'openai', key: 'sk-proj-eeeeeeeeeeeeeeeeeeeeeeee' },
    });
    await act(async () => {
      for (const listener of services.changeListeners) listener();
    });
    await waitForFrame(app, 'openai:new');
  });

  it('after a remove the cursor stays where the row was, on the one that took its place', async () => {
    const services = servicesThatRemove();
    const { app } = await open(services);
    await app.press('down');
    await waitForFrame(app, /▸\s+2\s+anthropic:default/);
    await app.type('d');
    await app.type('y');
    await waitForFrame(app, 'Removed anthropic:default');
    await waitUntil(() => !/\d\s+anthropic:default/.test(app.frame()), 'the row to go');
    expect(app.frame()).toMatch(/▸.*anthropic:old/);
  });

  it('after a remove on the row it opened on (never moved), the cursor stays at that place too', async () => {
    const services = servicesThatRemove();
    // As after the wizard: the dashboard opens on the new profile.
    const app = await renderApp(services, { name: 'dashboard', select: 'anthropic:default' });
    await waitForFrame(app, /▸\s+2\s+anthropic:default/);
    await app.type('d');
    await app.type('y');
    await waitForFrame(app, 'Removed anthropic:default');
    await waitUntil(() => !/\d\s+anthropic:default/.test(app.frame()), 'the row to go');
    expect(app.frame()).toMatch(/▸.*anthropic:old/);
  });

  it('a move above a profile tried now, of one that waits or has expired, says why the table still lists it after', async () => {
    const { app, services } = await open();
    // anthropic:old (expired) is listed last, whatever the order.
    await app.type('jj');
    await waitForFrame(app, /▸\s+–\s+anthropic:old/);
    await app.type('K');
    const moved = (
      await waitForFrame(app, /anthropic order: anthropic:work → anthropic:old → anthropic:default/)
    ).replace(/\s*\n\s*/g, ' ');
    expect(services.calls).toContainEqual([
      'setOrder',
      'anthropic',
      ['anthropic:work', 'anthropic:old', 'anthropic:default'],
    ]);
    expect(moved).toContain(
      'anthropic:old expired stays below the others in the table: the gateway tries it after them now',
    );
  });

  it('moves, shows details, removes after asking, reorders, clears a cooldown', async () => {
    const { app, services } = await open();
    await app.press('down');
    expect(app.frame()).toMatch(/▸\s+2\s+anthropic:default/);
    await app.press('enter');
    expect(app.frame()).toMatch(/provider\s+anthropic/);
    await app.press('escape');
    await app.type('K');
    await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work → anthropic:old/);
    expect(services.calls).toContainEqual([
      'setOrder',
      'anthropic',
      ['anthropic:default', 'anthropic:work', 'anthropic:old'],
    ]);
    // The expired one is last in the order too: nothing out of place to explain.
    expect(app.frame()).not.toContain('as the gateway tries them now');
    await app.type('d');
    expect(app.frame().replace(/\s*\n\s*/g, ' ')).toMatch(
      /Remove anthropic:default from .*\? It cannot be undone\. y remove +any other key keep/,
    );
    await app.type('n');
    expect(services.calls.some(([name]) => name === 'removeProfile')).toBe(false);
    await app.type('d');
    await app.type('y');
    await waitForFrame(app, 'Removed anthropic:default');
    expect(services.calls).toContainEqual(['removeProfile', 'anthropic:default']);
    await app.type('j');
    await app.type('j');
    await app.type('j');
    expect(app.frame()).toMatch(/▸.*groq:main/);
    await app.type('c');
    await waitForFrame(app, 'Cleared the cooldown of groq:main');
  });

  it('c on a profile disabled for billing clears the window and says the billing problem is not', async () => {
    const state = fakeState(
      { 'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' } },
      { usageStats: { 'groq:main': { disabledUntil: NOW + 2 * 3_600_000, disabledReason: 'billing' } } },
    );
    const { app } = await open(createFakeServices({ state }));
    // The hint names what the row waits out (it said "clear cooldown" on a disabled row).
    expect(await waitForFrame(app, 'c clear disabled')).not.toContain('clear cooldown');
    await app.type('c');
    const frame = (await waitForFrame(app, 'Cleared the disabled window of groq:main')).replace(/\s*\n\s*/g, ' ');
    expect(frame).toContain('it was disabled for billing: if that is not fixed the gateway disables it again');
  });

  it('d on the only credential a model in use has says what its removal breaks, before asking', async () => {
    const state = fakeState({
      'openai:api-key': { type: 'api_key', provider: 'openai', key: 'sk-proj-dddddddddddddddddddddddddddd' },
      'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' },
    });
    const { app } = await open(createFakeServices({ state }));
    await waitForFrame(app, /▸.*groq:main/);
    // groq: no model uses it, nothing to say.
    await app.type('d');
    const groq = (await waitForFrame(app, 'Remove groq:main')).replace(/\s*\n\s*/g, ' ');
    expect(groq).not.toContain('only credential');
    await app.type('n');
    await app.press('down');
    await waitForFrame(app, /▸.*openai:api-key/);
    await app.type('d');
    const openai = (await waitForFrame(app, 'Remove openai:api-key')).replace(/\s*\n\s*/g, ' ');
    expect(openai).toMatch(
      /! it is the only credential agent main can use for openai: requests to .* fail once it is gone/,
    );
    // Narrow, the question still ends with what is asked: nothing is cut.
    await app.resize(40);
    const narrow = app.frame().replace(/\s*\n\s*/g, ' ');
    expect(narrow).toMatch(/Remove openai:api-key from \/home\/me\/.*auth-profiles\.json\? It cannot be undone\./);
    // The keys once, in the hint bar (the question said them too).
    expect(narrow).toMatch(/y remove +any other key keep/);
    expect(narrow).not.toContain('any other key no');
  });

  it('filters, switches agent, shows help, and quits with q', async () => {
    const { app, services } = await open();
    await app.type('/');
    await app.type('groq');
    expect(app.frame()).toContain('groq:main');
    expect(app.frame()).not.toContain('anthropic:work');
    await app.press('escape');
    expect(app.frame()).toContain('anthropic:work');
    await app.type('?');
    expect(app.frame()).toContain('switch agent');
    await app.type('x');
    await app.type('A');
    expect(app.frame()).toContain('Switch agent');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'agent ops');
    expect(services.calls).toContainEqual(['forAgent', 'ops']);
    await app.type('q');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it('opens the wizard with a and setup-token with s, and comes back', async () => {
    const { app } = await open();
    await app.type('a');
    await waitForFrame(app, 'Welcome');
    await app.press('escape');
    await waitForFrame(app, 'anthropic:work');
    await app.type('s');
    await waitForFrame(app, 'setup-token → anthropic:work');
  });

  it('shows a store that cannot be read as a message, not a crash', async () => {
    const services = createFakeServices({
      loadState: async () => {
        throw new Error('/x/auth-profiles.json: not valid JSON at line 3, column 5 (value expected)');
      },
    });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'not valid JSON at line 3, column 5');
    await app.type('q');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it('keeps one line per row at 60 columns, and the id of every profile whole', async () => {
    const { app } = await open();
    await app.resize(60);
    const frame = app.frame();
    const lines = frame.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.some((line) => line.length > 56)).toBe(true);
    for (const id of ['anthropic:work', 'anthropic:default', 'anthropic:old', 'groq:main']) expect(frame).toContain(id);
  });

  it('at 80 columns keeps the masked secrets (they tell two keys apart) and drops empty columns', async () => {
    const services = createFakeServices({
      state: fakeState({
        'openai:personal-account': { type: 'api_key', provider: 'openai', key: `sk-proj-${'a'.repeat(40)}` },
        'openai:team-shared-key': { type: 'api_key', provider: 'openai', key: `sk-proj-${'b'.repeat(40)}` },
      }),
    });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'openai:personal-account');
    // 81 terminal columns draw in 80: the last column is never written (text-layout.ts usableColumns).
    await app.resize(81);
    const frame = app.frame();
    expect(frame).toMatch(/openai:personal-account\s+api_key\s+sk-proj-…aaaa/);
    expect(frame).toMatch(/openai:team-shared-key\s+api_key\s+sk-proj-…bbbb/);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // At 80 the masked secrets stay (the type gives way first where room runs out), and no line
    // reaches the last column.
    await app.resize(80);
    const narrower = app.frame();
    expect(narrower).toMatch(/openai:personal-account\s+(api_key\s+)?sk-proj-…aaaa/);
    for (const line of narrower.split('\n')) expect(line.length).toBeLessThanOrEqual(79);
  });
});
