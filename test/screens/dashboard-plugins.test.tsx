import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// The dashboard gives status's warning for a provider whose plugin is off or missing (README
// "Dashboard"): its credentials look fine in the table, yet the gateway does not load them.

const profiles = { 'deepseek:default': { type: 'api_key', provider: 'deepseek', key: fakeSecrets.deepseekKey() } };
const MISSING =
  'deepseek: the deepseek plugin is not installed, so the gateway does not use its credentials; fix: `openclaw plugins install @openclaw/deepseek-provider`, then restart the gateway';

describe('dashboard: plugin warnings', () => {
  it('shows a missing plugin under the summary, its fix whole, and drops it once the files say it is installed', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginWarningLines = [MISSING];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'deepseek:default');
    const frame = await waitForFrame(app, '! deepseek: the deepseek plugin is not installed');
    // Wrapped, not cut at the edge: the fix is the part to copy.
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'fix: `openclaw plugins install @openclaw/deepseek-provider`, then restart the gateway',
    );
    services.pluginWarningLines = [];
    services.state = fakeState(profiles);
    await act(async () => {
      for (const listener of services.changeListeners) listener();
    });
    await waitUntil(() => !app.frame().includes('plugin is not installed'), 'the warning to go');
    expect(app.frame()).toContain('deepseek:default');
  });

  it("the provider's line says the plugin is missing instead of naming the next profile", async () => {
    // It read "deepseek · in use · next deepseek:default" above the warning (a newcomer's walk).
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginWarningLines = [MISSING];
    services.pluginUnserved = { deepseek: 'deepseek plugin not installed' };
    const app = await renderApp(services, { name: 'dashboard' });
    const frame = await waitForFrame(app, /deepseek .*· deepseek plugin not installed/);
    expect(frame).not.toContain('next deepseek:default');
  });

  it("marks none of the provider's profiles as tried next, and the details say why", async () => {
    // "1*" and "order #1 (next)" on a key the gateway cannot use, while explain said "not tried:
    // the codex plugin is not installed" (a newcomer's walk).
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginWarningLines = [MISSING];
    services.pluginUnserved = { deepseek: 'deepseek plugin not installed' };
    services.pluginNotTried = { deepseek: 'the deepseek plugin is not installed' };
    const app = await renderApp(services, { name: 'dashboard' });
    const frame = await waitForFrame(app, /deepseek .*· deepseek plugin not installed/);
    expect(frame).not.toMatch(/1\*\s*deepseek:default/);
    await app.press('enter');
    const details = await waitForFrame(app, 'order');
    expect(details.replace(/\s+/g, ' ')).toContain('#1 · not tried: the deepseek plugin is not installed');
    expect(details).not.toContain('(next)');
  });

  it('at 60 columns the warning still ends with its whole fix', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginWarningLines = [MISSING];
    const app = await renderApp(services, { name: 'dashboard' });
    await app.resize(60, 30);
    const frame = await waitForFrame(app, '! deepseek: the deepseek plugin is not installed');
    expect(frame.replace(/\s+/g, ' ')).toContain('then restart the gateway');
  });
});
