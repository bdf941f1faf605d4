import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': {
    type: 'token',
    provider: 'anthropic',
    token: fakeSecrets.setupToken('w'),
    expires: NOW + 86_400_000 * 30,
  },
  'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
};

function heldOrder(services: ReturnType<typeof createFakeServices>) {
  const setOrder = services.setOrder;
  let release!: () => void;
  const released = new Promise<void>((done) => {
    release = done;
  });
  services.setOrder = async (provider, ids) => {
    await released;
    return setOrder(provider, ids);
  };
  return () => release();
}

// A write that runs OpenClaw can take seconds; it lands whatever the keys say, so Ctrl+C in the
// middle waits for it and leaves on the frame that says what was written.
describe('Ctrl+C while a write is under way', () => {
  it('waits for the write, then leaves on its outcome with exit 0', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = heldOrder(services);
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Writing the order');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    expect(app.exits).toEqual([]);
    release();
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame()).toContain('✔ anthropic:default goes first');
  });

  it('a second Ctrl+C leaves at once with 130', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = heldOrder(services);
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Writing the order');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    await app.press('ctrl-c');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    release();
  });

  it('with no write under way, Ctrl+C leaves at once with 130', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('ctrl-c');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });
});
