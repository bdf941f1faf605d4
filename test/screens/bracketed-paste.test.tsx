import { describe, expect, it } from 'vitest';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

// The TUI turns on bracketed paste: the terminal marks a paste's start and end, so a line break
// inside it is text, however the terminal cut the paste into reads, and only a break at its very
// end (or Enter typed after it) submits.
const START = '\x1b[200~';
const END = '\x1b[201~';
const first = `gsk_${'a'.repeat(40)}`;
const second = `gsk_${'b'.repeat(40)}`;

async function keyField() {
  const services = createFakeServices();
  const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
  await waitForFrame(app, 'Paste the Groq API key');
  return { app, services };
}

describe('bracketed paste', () => {
  it('a line break inside a paste that ends a read is text, not Enter', async () => {
    const { app } = await keyField();
    await app.type(`${START}${first}\r`);
    await app.type(`${second}${END}`);
    expect(app.frame()).toContain('Paste the Groq API key');
    expect(app.frame()).not.toContain('Profile name:');
    await app.press('enter');
    await waitForFrame(app, 'this paste holds 2 secrets on separate lines; paste one at a time');
  });

  it('a paste cut into reads is one value; its trailing line break submits it', async () => {
    const { app } = await keyField();
    await app.type(`${START}${first.slice(0, 20)}`);
    await app.type(first.slice(20));
    await app.type(`\r${END}`);
    await waitForFrame(app, 'Profile name:');
  });

  it('the markers themselves never reach the field', async () => {
    const { app } = await keyField();
    await app.type(`${START}${first}${END}`);
    expect(app.frame()).toContain('44 characters');
  });
});

describe('bracketed paste in the dashboard', () => {
  const profiles = {
    'anthropic:soon': { type: 'api_key', provider: 'anthropic', key: `sk-ant-api03-${'s'.repeat(95)}` },
    'groq:main': { type: 'api_key', provider: 'groq', key: first },
  };

  it('a paste into the filter stays text: a line break in it does not end the filter and run the rest as keys', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:soon');
    await app.type('/');
    await waitForFrame(app, 'type to filter');
    await app.type(`${START}soon\rdy${END}`);
    await waitForFrame(app, '/ soondy');
    expect(services.calls.filter(([name]) => name === 'removeProfile')).toEqual([]);
    expect(app.frame()).not.toContain('Remove');
  });

  it('a paste in the list is not keys either', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:soon');
    await app.type(`${START}dy${END}`);
    await app.settle();
    expect(services.calls.filter(([name]) => name === 'removeProfile')).toEqual([]);
    expect(app.frame()).not.toContain('Remove');
  });
});
