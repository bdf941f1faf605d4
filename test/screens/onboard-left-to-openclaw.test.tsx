import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('onboarding wizard: a key only OpenClaw can set up', () => {
  it("shows Microsoft Foundry's API key as OpenClaw's to set up, says why on Enter, and saves nothing", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'microsoft-foundry' });
    const frame = await waitForFrame(app, 'How do you want to sign in to Microsoft Foundry?');
    expect(frame).toContain('Microsoft Foundry (API key): set up by `openclaw onboard`');
    await app.press('down');
    await app.press('enter');
    const why = await waitForFrame(app, 'only OpenClaw');
    expect(why.replace(/\s+/g, ' ')).toContain('run `openclaw onboard --auth-choice microsoft-foundry-apikey`');
    expect(why).not.toContain('Paste the');
    expect(services.calls.filter(([name]) => name === 'saveCredential')).toEqual([]);
  });
});
