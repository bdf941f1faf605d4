import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { anthropicPair, createFakeServices, fakeState, holdSetOrder } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// The hint bar shows the keys that act on the selected row (README "Dashboard"); a key that
// cannot act says why; a write says it is running, and a key pressed again does not start another.

const profiles = {
  ...anthropicPair(),
  'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
};

async function openDashboard(hold = false) {
  const state = { ...fakeState(profiles), daemonEnv: { GROQ_API_KEY: fakeSecrets.groqKey() } };
  const services = createFakeServices({ state });
  const release = hold ? holdSetOrder(services) : () => {};
  const app = await renderApp(services, { name: 'dashboard' });
  await waitForFrame(app, 'env GROQ_API_KEY');
  return { app, services, release };
}

/** Moves the cursor down until the selected row matches. */
async function selectRow(app: Awaited<ReturnType<typeof renderApp>>, row: RegExp) {
  for (let i = 0; i < 8 && !row.test(app.frame()); i++) await app.type('j');
  expect(app.frame()).toMatch(row);
}

describe('dashboard: the hint bar follows the row', () => {
  it('an Anthropic profile with a sibling: reorder, remove, setup-token, explain', async () => {
    const { app } = await openDashboard();
    await selectRow(app, /▸ .*anthropic:work/);
    const frame = app.frame();
    for (const hint of ['K/J reorder', 'd remove', 's setup-token', 'e explain']) expect(frame).toContain(hint);
  });

  it('a lone OpenAI key: no reorder, no setup-token', async () => {
    const { app } = await openDashboard();
    await selectRow(app, /▸ .*openai:default/);
    const frame = app.frame();
    expect(frame).toContain('d remove');
    expect(frame).not.toContain('K/J reorder');
    expect(frame).not.toContain('s setup-token');
  });

  it('an environment variable: neither remove nor reorder is offered, and K says why', async () => {
    const { app, services } = await openDashboard();
    await selectRow(app, /▸ .*env GROQ_API_KEY/);
    expect(app.frame()).not.toContain('d remove');
    expect(app.frame()).not.toContain('K/J reorder');
    await app.type('K');
    expect(app.frame()).toContain('GROQ_API_KEY is an environment variable: an order lists profiles only');
    expect(app.frame()).not.toContain('enter details');
    await app.press('enter');
    expect(app.frame()).toContain(
      "GROQ_API_KEY is an environment variable, not a profile: it comes from the daemon's .env",
    );
    expect(services.calls).toEqual([]);
  });
});

/** K on anthropic:default with setOrder held: the order write under way, as the screen says. */
async function startHeldOrderWrite() {
  const opened = await openDashboard(true);
  await selectRow(opened.app, /▸ .*anthropic:default/);
  await opened.app.type('K');
  await waitForFrame(opened.app, 'Writing the anthropic order…');
  return opened;
}

/** How many times the screens called this service. */
function callsOf(services: { calls: Array<[string, ...unknown[]]> }, name: string): number {
  return services.calls.filter((call) => call[0] === name).length;
}

describe('dashboard: a write under way', () => {
  it('says so until it lands; K pressed again starts no second write, d is refused at once', async () => {
    const { app, services, release } = await startHeldOrderWrite();
    await app.type('K');
    await waitForFrame(app, 'Writing the anthropic order… Wait for it to finish.');
    // d meanwhile is refused at once, not asked and then dropped.
    await selectRow(app, /▸ .*openai:default/);
    await app.type('d');
    expect(app.frame()).not.toContain('Remove openai:default');
    expect(app.frame()).toContain('Wait for it to finish.');
    release();
    const landed = await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work/);
    // Its "wait" is gone with the write: the landing says the keys did nothing.
    expect(landed.replace(/\s*\n\s*/g, ' ')).toContain('(a key pressed while it ran did nothing: press it again)');
    expect(callsOf(services, 'setOrder')).toBe(1);
    expect(callsOf(services, 'removeProfile')).toBe(0);
  });

  it('a write no key interrupted lands with its own words alone', async () => {
    const { app, release } = await startHeldOrderWrite();
    release();
    const landed = await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work/);
    expect(landed).not.toContain('did nothing');
  });

  it('J on the row being moved says the write is under way, not where the row sits in the old order', async () => {
    const { app, release } = await startHeldOrderWrite();
    await app.type('J');
    const frame = await waitForFrame(app, 'Writing the anthropic order… Wait for it to finish.');
    expect(frame).not.toContain('already last');
    release();
    await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work/);
  });

  it('a write started before the wizard was opened and closed still blocks a second', async () => {
    const { app, services, release } = await startHeldOrderWrite();
    await app.type('a');
    await waitForFrame(app, 'Welcome');
    await app.press('escape');
    await waitForFrame(app, 'env GROQ_API_KEY');
    await selectRow(app, /▸ .*anthropic:default/);
    await app.type('K');
    await waitForFrame(app, 'Wait for it to finish.');
    const orders = () => callsOf(services, 'setOrder');
    // Held: the first write has not reached the service yet, and no second one started.
    expect(orders()).toBe(0);
    release();
    await waitUntil(() => orders() === 1, 'the first write to land');
    // Once it has landed (its count settles a turn later), K writes again.
    for (let tries = 0; tries < 20 && orders() < 2; tries++) {
      await app.settle();
      await app.type('K');
    }
    expect(orders()).toBe(2);
  });
});

describe('dashboard: ↑↓ scroll is hinted only on a panel taller than its room', () => {
  it('details, help and explain that fit hint only how to close; in a short terminal they hint scroll', async () => {
    const { app } = await openDashboard();
    await app.resize(100, 60);
    await app.press('enter');
    const details = await waitForFrame(app, /provider\s+anthropic/);
    expect(details).toContain('enter/esc close');
    expect(details).not.toContain('↑↓ scroll');
    await app.press('escape');
    await app.type('?');
    const help = await waitForFrame(app, 'any other key close');
    expect(help).not.toContain('↑↓ scroll');
    await app.type('x');
    await app.type('e');
    const explain = await waitForFrame(app, 'A request now goes to');
    expect(explain).toContain('esc/q close');
    expect(explain).not.toContain('↑↓ scroll');
    await app.press('escape');
    await app.resize(100, 12);
    await app.type('?');
    const shortHelp = await waitForFrame(app, /more below/);
    expect(shortHelp).toContain('↑↓ scroll');
  });
});
