import { describe, expect, it } from 'vitest';
import { createFakeServices, sharedSqliteState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

/** The wizard at Cloudflare AI Gateway's first question, the account id. */
async function atCloudflareIds() {
  const app = await renderApp(createFakeServices(), {
    name: 'onboard',
    provider: 'cloudflare-ai-gateway',
    method: 'api-key',
  });
  await waitForFrame(app, 'Cloudflare account id:');
  return app;
}

// A step with questions of its own: answers typed faster than the screen redraws arrive in one
// read, and each Enter moves to the next question — the keys after it answer that one.

describe('onboarding wizard: answers typed ahead in one read', () => {
  it("Cloudflare's account and gateway ids, in one chunk, are two answers", async () => {
    const app = await atCloudflareIds();
    await app.type('acct123\rgw1\r');
    const frame = await waitForFrame(app, 'Paste the');
    expect(frame).not.toContain('acct123gw1');
    // Back from the key: each answer where it was given.
    await app.press('escape');
    expect(await waitForFrame(app, 'Cloudflare account id:')).toMatch(/acct123\n/);
    await app.press('enter');
    expect(await waitForFrame(app, 'Cloudflare AI Gateway id:')).toContain('gw1');
  });

  it("Microsoft Foundry's endpoint and the default deployment, in one chunk, reach the family question", async () => {
    const services = createFakeServices();
    services.state = sharedSqliteState();
    const app = await renderApp(services, { name: 'onboard', provider: 'microsoft-foundry', method: 'api-key' });
    await waitForFrame(app, 'Microsoft Foundry endpoint URL:');
    await app.type('https://myres.openai.azure.com\r\r');
    const frame = await waitForFrame(app, 'Model family:');
    expect(frame).not.toContain('Default model/deployment name:');
  });

  it('Enter on an empty Cloudflare id says which id is needed', async () => {
    const app = await atCloudflareIds();
    await app.press('enter');
    await waitForFrame(app, 'The account id (Cloudflare dashboard, Account home) is needed here.');
    await app.type('acct1');
    expect(app.frame()).not.toContain('is needed here');
    await app.press('enter');
    expect(await waitForFrame(app, 'Cloudflare AI Gateway id:')).not.toContain('is needed here');
    await app.press('enter');
    await waitForFrame(app, 'The AI Gateway id is needed here.');
  });
});
