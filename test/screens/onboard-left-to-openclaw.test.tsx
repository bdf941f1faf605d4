import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('onboarding wizard: a key set up with more than the key', () => {
  it("lists Microsoft Foundry's API key as set up by openclaw onboard, says why on Enter, saves nothing", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'microsoft-foundry' });
    const frame = await waitForFrame(app, 'How do you want to sign in to Microsoft Foundry?');
    expect(frame).toContain('Microsoft Foundry (API key): set up by `openclaw onboard`');
    await app.press('down');
    await app.press('enter');
    const why = await waitForFrame(app, 'needs');
    expect(why.replace(/\s+/g, ' ')).toContain('run `openclaw onboard --auth-choice microsoft-foundry-apikey`');
    expect(why).not.toContain('Paste the');
    expect(services.calls.filter(([name]) => name === 'saveCredential')).toEqual([]);
  });

  it("asks Cloudflare AI Gateway's account and gateway ids before its key, and saves them with it", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'cloudflare-ai-gateway', method: 'api-key' });
    await waitForFrame(app, 'Cloudflare account id:');
    await app.type('acc/1');
    await waitForFrame(app, 'letters, digits, - and _ only');
    await app.press('enter');
    expect(app.frame()).toContain('Cloudflare account id:');
    await app.type('\x15');
    await app.type('acc1');
    await app.press('enter');
    await waitForFrame(app, 'Cloudflare AI Gateway id:');
    await app.type('gw-2');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type(`sk-${'c'.repeat(40)}`);
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "in the daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({
      profileId: 'cloudflare-ai-gateway:default',
      authChoice: 'cloudflare-ai-gateway-api-key',
      metadata: { accountId: 'acc1', gatewayId: 'gw-2' },
    });
  });
});
