import { describe, expect, it } from 'vitest';
import { endpointChoices } from '../../src/screens/onboard/onboard-flow.js';
import { findChoice } from '../../src/services/providers/catalog.js';
import type { ProviderSetUp } from '../../src/services/providers/provider-setup.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { type Rendered, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// A ClawHub plugin the catalog never saw installed (Groq) has no default model in the catalog:
// once `i` has installed it, the summary sets the one its manifest names, as `onboard
// --auth-choice` does (README "External plugins"). A region or plan choice of such a plugin
// (Z.AI CN) picks an endpoint authdeck cannot know, and the summary says so.

const MANIFEST = 'groq/llama-3.3-70b-versatile';

/** What saving a Groq key writes before its plugin is installed: the plugin enabled, no default model. */
function groqSetup(configPath: string): ProviderSetUp {
  const plugin = findChoice('groq-api-key')!.plugin!;
  return {
    config: { path: configPath, files: [configPath], changed: true, created: false, applied: [] },
    defaultModel: { status: 'none' },
    enabled: ['groq'],
    setup: { plugins: ['groq'], providers: {} },
    alternatives: [],
    plugin: { id: 'groq', installCommand: plugin.installCommand!, reason: 'from ClawHub', source: plugin },
  };
}

function groqServices(options: { manifest?: string; current?: string } = {}): FakeServices {
  const services = createFakeServices();
  services.canInstallPlugin = () => true;
  services.setupAnswer = groqSetup(services.workspace.configPath);
  if (options.manifest) services.manifestDefault = options.manifest;
  if (options.current) services.currentDefault = options.current;
  return services;
}

/** The wizard through a key of `provider` (and the endpoint `authChoice`, where it asks) to its summary. */
async function saveKey(services: FakeServices, provider: string, secret: string, authChoice?: string, env = 'n') {
  const app = await renderApp(services, { name: 'onboard', provider, method: 'api-key' });
  if (authChoice) {
    await waitForFrame(app, 'endpoint or plan is the key for?');
    const index = endpointChoices(provider, 'api-key').findIndex((choice) => choice.id === authChoice);
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < index; step++) await app.press('down');
    await app.press('enter');
  }
  await waitForFrame(app, 'Paste the');
  await app.type(secret);
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  await app.press('enter');
  // A provider with a variable of its own is asked about the .env; one without saves at once.
  if ((await waitForFrame(app, /daemon's \.env\?|Saved /)).includes("daemon's .env?")) await app.type(env);
  await waitForFrame(app, `Saved ${provider}:default`);
  return app;
}

/** `i`, and the fake install answering that it landed. */
async function install(app: Rendered, services: FakeServices) {
  await app.type('i');
  await waitForFrame(app, 'installing the groq plugin');
  services.pluginInstalls[0]!.resolve(undefined);
  await waitForFrame(app, '✔ installed the groq plugin');
}

const flat = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');
const setterCalls = (services: FakeServices) => services.calls.filter(([name]) => name === 'setInstalledPluginDefault');

describe('onboarding wizard: after i, the default model the installed plugin names', () => {
  it("sets the manifest's default model once, and lists it with what was written to openclaw.json", async () => {
    const services = groqServices({ manifest: MANIFEST });
    const app = await saveKey(services, 'groq', fakeSecrets.groqKey());
    expect(flat(app.frame())).not.toContain('default model groq');
    expect(setterCalls(services)).toEqual([]);

    await install(app, services);
    const done = flat(await waitForFrame(app, /default model\s+groq\//));
    expect(done).toContain(`(auth.profiles entry; groq plugin enabled; default model ${MANIFEST})`);
    expect(done).not.toContain('d make it the default');
    expect(setterCalls(services)).toEqual([
      ['setInstalledPluginDefault', { choice: 'groq-api-key', provider: 'groq', policy: 'auto' }],
    ]);
    await app.type('d');
    await app.type('i');
    expect(setterCalls(services)).toHaveLength(1);
    expect(services.calls.filter(([name]) => name === 'setDefaultModel')).toEqual([]);
  });

  it("keeps another provider's default, offers d, and d makes the manifest's model the default", async () => {
    const services = groqServices({ manifest: MANIFEST, current: 'anthropic/claude-opus-5' });
    const app = await saveKey(services, 'groq', fakeSecrets.groqKey());
    await install(app, services);
    const kept = flat(await waitForFrame(app, 'the default model stays'));
    expect(kept).toContain(`! the default model stays anthropic/claude-opus-5; press d to make it ${MANIFEST}`);
    expect(kept).toContain('d make it the default');
    expect(kept).not.toContain(`default model ${MANIFEST})`);

    await app.type('d');
    const after = flat(await waitForFrame(app, /default model\s+groq\//));
    expect(after).toContain(`groq plugin enabled; default model ${MANIFEST})`);
    expect(after).not.toContain('the default model stays');
    expect(after).not.toContain('d make it the default');
    expect(setterCalls(services).map(([, input]) => (input as { policy: string }).policy)).toEqual(['auto', 'set']);
    // The catalog has no model for Groq: `d` is not the catalog's setDefaultModel here.
    expect(services.calls.filter(([name]) => name === 'setDefaultModel')).toEqual([]);
  });

  it('a manifest that names no default model changes nothing on the summary', async () => {
    const services = groqServices();
    const app = await saveKey(services, 'groq', fakeSecrets.groqKey());
    await install(app, services);
    await waitUntil(() => setterCalls(services).length === 1, 'the manifest to be read');
    await app.settle();
    const done = flat(app.frame());
    expect(done).toContain('(auth.profiles entry; groq plugin enabled)');
    expect(done).not.toContain('default model groq');
    expect(done).not.toContain('the default model stays');
    expect(done).not.toContain('d make it the default');
  });

  it('reads the manifest only once an install has landed, and only for a choice the catalog has no model for', async () => {
    const failing = groqServices({ manifest: MANIFEST });
    const failed = await saveKey(failing, 'groq', fakeSecrets.groqKey());
    await failed.type('i');
    await waitForFrame(failed, 'installing the groq plugin');
    failing.pluginInstalls[0]!.resolve('clawhub unreachable');
    await waitForFrame(failed, 'could not install the');
    await failed.settle();
    expect(setterCalls(failing)).toEqual([]);
    expect(flat(failed.frame())).not.toContain('default model groq');

    // DeepSeek's default model is the catalog's, written with the save already.
    const deepseek = createFakeServices();
    const plugin = findChoice('deepseek-api-key')!.plugin!;
    deepseek.canInstallPlugin = () => true;
    deepseek.manifestDefault = 'deepseek/other';
    deepseek.setupAnswer = {
      ...groqSetup(deepseek.workspace.configPath),
      defaultModel: { status: 'set', ref: 'deepseek/deepseek-v4-pro' },
      enabled: ['deepseek'],
      plugin: { id: 'deepseek', installCommand: plugin.installCommand!, reason: 'npm', source: plugin },
    };
    const catalogDefault = await saveKey(deepseek, 'deepseek', fakeSecrets.deepseekKey());
    await catalogDefault.type('i');
    await waitForFrame(catalogDefault, 'installing the deepseek plugin');
    deepseek.pluginInstalls[0]!.resolve(undefined);
    await waitForFrame(catalogDefault, '✔ installed the deepseek plugin');
    await catalogDefault.settle();
    expect(setterCalls(deepseek)).toEqual([]);
    expect(flat(catalogDefault.frame())).toContain('default model deepseek/deepseek-v4-pro');

    const landing = groqServices({ manifest: MANIFEST });
    const landed = await saveKey(landing, 'groq', fakeSecrets.groqKey());
    await install(landed, landing);
    await waitUntil(() => setterCalls(landing).length === 1, 'the manifest to be read');
  });

  it('Ctrl+C while the install runs waits for the default model too, and leaves saying both', async () => {
    const services = groqServices({ manifest: MANIFEST });
    const app = await saveKey(services, 'groq', fakeSecrets.groqKey());
    await app.type('i');
    await waitForFrame(app, 'installing the groq plugin');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    services.pluginInstalls[0]!.resolve(undefined);
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(setterCalls(services)).toHaveLength(1);
    expect(flat(app.frame())).toContain(
      `✔ installed the groq plugin; a running gateway loads it after a restart (\`openclaw gateway restart\`); default model ${MANIFEST} set (left with Ctrl+C)`,
    );
  });
});

describe('onboarding wizard: an endpoint authdeck cannot know', () => {
  it("warns for Xiaomi's China token plan, naming the baseUrl to check; not for Z.AI's CN, Qwen's China plan nor DeepSeek", async () => {
    const xiaomi = await saveKey(createFakeServices(), 'xiaomi-token-plan', 'x'.repeat(40), 'xiaomi-token-plan-cn');
    const summary = flat(xiaomi.frame());
    expect(summary).toContain(
      "! xiaomi-token-plan-cn (Xiaomi: Xiaomi Token Plan (China)) picks one of xiaomi-token-plan's endpoints, and authdeck does not know which: this OpenClaw's own setup of it was never observed (authdeck's catalog comes from 2026.9).",
    );
    expect(summary).toContain(
      'set models.providers.xiaomi-token-plan.baseUrl to it (https://docs.openclaw.ai/providers/xiaomi)',
    );
    // Z.AI's regions were seen set up by OpenClaw 2026.5.20, which built the plugin in: that endpoint is written.
    const zai = await saveKey(createFakeServices(), 'zai', 'z'.repeat(40), 'zai-cn');
    expect(flat(zai.frame())).not.toContain('picks one of');
    // Qwen's plans were seen set up (their endpoints are written); DeepSeek has one endpoint.
    const qwen = await saveKey(createFakeServices(), 'qwen', `sk-${'q'.repeat(32)}`, 'qwen-api-key-cn');
    expect(flat(qwen.frame())).not.toContain('picks one of');
    const deepseek = await saveKey(createFakeServices(), 'deepseek', fakeSecrets.deepseekKey());
    expect(flat(deepseek.frame())).not.toContain('picks one of');
  });
});

describe('the summary lists what it wrote together', () => {
  it('the .env line stands with the other files written, before what is still to do', async () => {
    const app = await saveKey(groqServices(), 'groq', fakeSecrets.groqKey(), undefined, 'y');
    const lines = app.frame().split('\n');
    const envLine = lines.findIndex((line) => line.includes('(GROQ_API_KEY'));
    const firstWarning = lines.findIndex((line) => /^\s*!/.test(line));
    expect(envLine).toBeGreaterThan(0);
    expect(firstWarning).toBeGreaterThan(envLine);
  });
});
