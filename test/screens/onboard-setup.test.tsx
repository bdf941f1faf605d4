import { describe, expect, it } from 'vitest';
import { endpointChoices } from '../../src/screens/onboard/onboard-flow.js';
import type { ProviderSetUp } from '../../src/services/providers/provider-setup.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

// The wizard's summary says what onboarding wrote beside the secret, and `d` makes the
// provider's model the default when another provider's is kept (README "Providers").

function keptSetup(configPath: string): ProviderSetUp {
  return {
    config: { path: configPath, files: [configPath], changed: true, created: false, applied: [] },
    defaultModel: { status: 'kept', ref: 'xai/grok-4', current: 'anthropic/claude-opus-5' },
    enabled: ['xai'],
    setup: { plugins: ['xai'], providers: {}, defaultModel: { ref: 'xai/grok-4', entry: {} } },
    alternatives: [],
  };
}

/** xai's plugin as the external catalog serves it: still to install. */
const XAI_PLUGIN: NonNullable<ProviderSetUp['plugin']> = {
  id: 'xai',
  installCommand: 'openclaw plugins install @openclaw/xai-provider',
  reason: 'npm',
  source: {
    id: 'xai',
    status: 'external-catalog',
    npmSpec: '@openclaw/xai-provider',
    clawhubSpec: null,
    minHostVersion: null,
    installCommand: 'openclaw plugins install @openclaw/xai-provider',
  },
};

async function saveXaiKey(services: ReturnType<typeof createFakeServices>) {
  const app = await renderApp(services, { name: 'onboard', provider: 'xai', method: 'api-key' });
  await waitForFrame(app, 'Paste the');
  await app.type(fakeSecrets.xaiKey());
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  await app.press('enter');
  await waitForFrame(app, "Also set XAI_API_KEY in the daemon's .env?");
  await app.type('n');
  return app;
}

describe('onboarding wizard: the provider set up beside the secret', () => {
  it("names the plugin enabled, keeps another provider's default model, and d makes this one the default", async () => {
    const services = createFakeServices();
    services.setupAnswer = keptSetup(services.workspace.configPath);
    const app = await saveXaiKey(services);
    const summary = await waitForFrame(app, 'Saved xai:default');
    // openclaw.json once, with everything written to it.
    expect(summary).toContain('/home/me/.openclaw/openclaw.json (auth.profiles entry; xai plugin enabled)');
    expect(summary.split('• /home/me/.openclaw/openclaw.json')).toHaveLength(2);
    expect(summary.replace(/\s*\n\s*/g, ' ')).toContain(
      'the default model stays anthropic/claude-opus-5; press d to make it xai/grok-4',
    );
    expect(summary).toContain('d make it the default');
    // `d` is the way out: the hand edit of agents.defaults.model is not said beside it.
    expect(summary).not.toContain('No model uses xai yet');
    await app.type('d');
    const after = (await waitForFrame(app, /default model\s+xai\/grok-4/)).replace(/\s*\n\s*/g, ' ');
    expect(after).toContain('(auth.profiles entry; xai plugin enabled; default model xai/grok-4)');
    expect(after).not.toContain('the default model stays');
    expect(after).not.toContain('d make it the default');
    expect(services.calls).toContainEqual(['setDefaultModel', { provider: 'xai', kind: 'api_key' }]);
  });

  it('says which plugin is still to install, and that a save without a setup error stays a save', async () => {
    const services = createFakeServices();
    services.setupAnswer = {
      ...keptSetup(services.workspace.configPath),
      defaultModel: { status: 'set', ref: 'xai/grok-4' },
      plugin: XAI_PLUGIN,
    };
    const app = await saveXaiKey(services);
    const summary = (await waitForFrame(app, 'Saved xai:default')).replace(/\s*\n\s*/g, ' ');
    expect(summary).toContain('xai plugin enabled; default model xai/grok-4');
    expect(summary).toContain('until its plugin is installed: openclaw plugins install @openclaw/xai-provider');
    expect(summary).not.toContain('d make it the default');
  });

  it('shows the highlighted endpoint whole at 80 columns: its host tells the plans apart', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'qwen', method: 'api-key' });
    await app.resize(80, 30);
    await waitForFrame(app, 'Which Qwen Cloud endpoint or plan is the key for?');
    await app.press('down');
    const frame = await waitForFrame(app, /❯ Coding Plan API Key for Global/);
    // Wrapped under its label, every line within the width; the rows not highlighted are cut.
    expect(frame.replace(/\s*\n\s*/g, ' ')).toContain('Endpoint: coding-intl.dashscope.aliyuncs.com');
    expect(frame).toMatch(/\n {2}coding-intl\.dashscope\.aliyuncs\.com/);
    expect(frame).toContain('Endpoint: coding.dashscope.aliy…');
    expect(Math.max(...frame.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('asks which endpoint a Z.AI key is for, and saves with that auth choice', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'zai', method: 'api-key' });
    const step = await waitForFrame(app, 'Which Z.AI endpoint or plan is the key for?');
    expect(step).toContain('Global');
    expect(step).toContain('CN');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.press('escape');
    // Back at the question, the cursor is on the answer given, not on the first choice.
    const again = await waitForFrame(app, 'Which Z.AI endpoint or plan is the key for?');
    const chosen = endpointChoices('zai', 'api-key')[1]!.label;
    expect(again).toContain(`❯ ${chosen}`);
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type('z'.repeat(40));
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "Also set ZAI_API_KEY in the daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved zai:default');
    const save = services.calls.find(([name]) => name === 'saveCredential')?.[1] as { authChoice?: string };
    expect(save.authChoice).toBe(endpointChoices('zai', 'api-key')[1]?.id);
  });

  it('a key check that cannot reach the provider says to check the connection, not the account', async () => {
    const services = createFakeServices();
    services.probeOutcomes = [
      {
        id: 'xai:default',
        provider: 'xai',
        result: 'network',
        httpStatus: null,
        latencyMs: 5,
        // As probe-runner words it (services/network-failure.ts).
        detail: 'could not reach api.x.ai: check your internet connection (or proxy) (host name not found, ENOTFOUND)',
      },
    ];
    const app = await saveXaiKey(services);
    // Straight on to the summary: nothing to decide, the key is saved.
    const summary = (await waitForFrame(app, 'key check: network (could not reach api.x.ai')).replace(/\s*\n\s*/g, ' ');
    expect(summary).toContain('check your internet connection (or proxy)');
    expect(summary).not.toContain('fix the account');
  });

  it('says on the welcome step which OpenClaw the saves are written for, and why', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    const welcome = await waitForFrame(app, 'Welcome');
    expect(welcome).toMatch(/writes for\s+JSON files \(OpenClaw ≤ 2026\.6\.1\)/);
    expect(welcome).toMatch(/because\s+\S/);
  });
});

describe('onboarding wizard: d waits for the plugin the model needs', () => {
  it('is not offered while the plugin is missing or its install failed, and is once it is in', async () => {
    const services = createFakeServices();
    services.canInstallPlugin = () => true;
    services.setupAnswer = { ...keptSetup(services.workspace.configPath), plugin: XAI_PLUGIN };
    const app = await saveXaiKey(services);
    const flat = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');
    const summary = flat(await waitForFrame(app, 'Saved xai:default'));
    expect(summary).toContain(
      'the default model stays anthropic/claude-opus-5; once the xai plugin is in, d makes it xai/grok-4',
    );
    expect(summary).not.toContain('d make it the default');
    await app.type('d');
    expect(services.calls.filter(([name]) => name === 'setDefaultModel')).toEqual([]);
    // A failed install leaves it so.
    await app.type('i');
    await waitForFrame(app, 'installing the xai plugin');
    services.pluginInstalls[0]!.resolve('npm view failed: SELF_SIGNED_CERT_IN_CHAIN');
    expect(flat(await waitForFrame(app, 'could not install the xai plugin'))).not.toContain('d make it the default');
    await app.type('d');
    expect(services.calls.filter(([name]) => name === 'setDefaultModel')).toEqual([]);
    // Installed: d is offered and acts.
    const installed = createFakeServices();
    installed.canInstallPlugin = () => true;
    installed.setupAnswer = services.setupAnswer;
    const again = await saveXaiKey(installed);
    await waitForFrame(again, 'Saved xai:default');
    await again.type('i');
    await waitForFrame(again, 'installing the xai plugin');
    installed.pluginInstalls[0]!.resolve(undefined);
    expect(flat(await waitForFrame(again, '✔ installed the xai plugin'))).toContain('press d to make it xai/grok-4');
    await again.type('d');
    expect(installed.calls).toContainEqual(['setDefaultModel', { provider: 'xai', kind: 'api_key' }]);
  });
});
