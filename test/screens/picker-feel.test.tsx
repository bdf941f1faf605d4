import { describe, expect, it } from 'vitest';
import { anthropicPair, createFakeServices, fakeState, holdSetOrder, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = {
  ...anthropicPair(),
};

const oneLine = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');

describe('picker: the frame it ends on says what happened', () => {
  it('says OpenClaw may be run while writing, then ends on "✔ … goes first" with the chosen one', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = holdSetOrder(services);
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('down');
    await app.press('enter');
    const writing = oneLine(await waitForFrame(app, 'Writing the order'));
    expect(writing).toContain('OpenClaw');
    release();
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    const last = app.frame();
    expect(last).toContain('✔ anthropic:default goes first');
    expect(last).not.toMatch(/❯ anthropic:work/);
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it("marks no profile next while the provider's plugin keeps the gateway from it, and says why", async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginNotTried = { anthropic: 'the anthropic plugin is not installed' };
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    const frame = oneLine(await waitForFrame(app, 'the gateway tries none of these until then'));
    expect(frame).toContain('! the anthropic plugin is not installed: the gateway tries none of these until then');
    expect(frame).not.toContain('next now');
    expect(frame).toContain('anthropic:work token');
    expect(frame).toContain('not tried now');
  });

  it('j and k move as on the dashboard', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.type('j');
    await waitForFrame(app, /❯ anthropic:default/);
    await app.type('k');
    await waitForFrame(app, /❯ anthropic:work/);
    await app.type('j');
    await waitForFrame(app, /❯ anthropic:default/);
    await app.press('enter');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(app.frame()).toContain('✔ anthropic:default goes first');
  });

  it('says so when the one picked already goes first, and writes nothing', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile');
    await app.press('enter');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(oneLine(app.frame())).toContain('anthropic:work already goes first; nothing written');
    expect(services.calls).toEqual([]);
  });

  it('stops on a profile that cannot go first and says why on Enter, writing nothing', async () => {
    const expired = { ...profiles, 'anthropic:old': { ...profiles['anthropic:work'], expires: NOW - 1000 } };
    const services = createFakeServices({ state: fakeState(expired) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile');
    for (let i = 0; i < 3 && !/❯ anthropic:old/.test(app.frame()); i++) await app.press('down');
    expect(app.frame()).toMatch(/❯ anthropic:old/);
    await app.press('enter');
    expect(oneLine(await waitForFrame(app, 'cannot go first'))).toContain('anthropic:old is expired');
    expect(services.calls).toEqual([]);
    expect(app.exits).toEqual([]);
  });
});

describe('picker: a profile that waits out a cooldown', () => {
  it('shows its cooldown in the list, and once chosen says the next one serves until it is over', async () => {
    const state = fakeState(profiles, { usageStats: { 'anthropic:default': { cooldownUntil: NOW + 9 * 60_000 } } });
    const services = createFakeServices({ state });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('down');
    const list = await waitForFrame(app, /❯ anthropic:default/);
    expect(list).toMatch(/anthropic:default .*cooldown 9m left/);
    await app.press('enter');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(oneLine(app.frame())).toContain(
      'anthropic:default goes first for anthropic (agent main); for now it waits (cooldown 9m left), and the next in the order serves',
    );
  });
});

describe('picker: every profile waits', () => {
  it('choosing the one already first writes nothing (an override would freeze the order)', async () => {
    const state = fakeState(profiles, {
      usageStats: {
        'anthropic:work': { cooldownUntil: NOW + 60_000 },
        'anthropic:default': { cooldownUntil: NOW + 120_000 },
      },
    });
    const services = createFakeServices({ state });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, /❯ anthropic:work/);
    await app.press('enter');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(app.frame()).toContain('anthropic:work already goes first; nothing written');
    expect(services.calls.some(([name]) => name === 'setOrder')).toBe(false);
  });
});
