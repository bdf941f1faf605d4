import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

describe('onboarding wizard: a key set up with questions the wizard does not ask', () => {
  it.each([
    [
      'microsoft-foundry',
      'Microsoft Foundry',
      'Microsoft Foundry (API key): set up by `openclaw onboard`',
      'run `openclaw onboard --auth-choice microsoft-foundry-apikey`',
    ],
    [
      'cloudflare-ai-gateway',
      'Cloudflare AI Gateway',
      'set up by `authdeck onboard --auth-choice`',
      '--cloudflare-ai-gateway-account-id ID --cloudflare-ai-gateway-gateway-id ID',
    ],
  ])(
    '%s: its key is listed as set up elsewhere, Enter says why and how, nothing is saved',
    async (provider, label, row, how) => {
      const services = createFakeServices();
      const app = await renderApp(services, { name: 'onboard', provider });
      const frame = await waitForFrame(app, `How do you want to sign in to ${label}?`);
      expect(frame).toContain(row);
      await app.press('down');
      await app.press('enter');
      const why = await waitForFrame(app, 'needs');
      expect(why.replace(/\s+/g, ' ')).toContain(how);
      expect(why).not.toContain('Paste the');
      expect(services.calls.filter(([name]) => name === 'saveCredential')).toEqual([]);
    },
  );
});
