import { describe, expect, it } from 'vitest';
import { anthropicPair, createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('the picker’s last frame', () => {
  it('wraps what it says at spaces, with no line starting on the space it broke at', async () => {
    const services = createFakeServices({ state: fakeState(anthropicPair()) });
    const setOrder = services.setOrder;
    services.setOrder = async (provider, ids) => ({
      ...(await setOrder(provider, ids)),
      gatewayNote: {
        line: 'no gateway is running at ws://127.0.0.1:18789; it reads the store when it starts',
        warning: false,
      },
    });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await app.resize(60, 20);
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('down');
    await app.press('enter');
    const frame = await waitForFrame(app, 'starts');
    const said = frame.slice(frame.indexOf('✔'));
    expect(said.split('\n').filter((line) => line.startsWith(' '))).toEqual([]);
    expect(said.replace(/\n/g, ' ')).toContain('it reads the store when it starts');
  });
});
