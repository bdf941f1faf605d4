import { describe, expect, it } from 'vitest';
import { findChoice } from '../../src/services/providers/catalog.js';
import type { ProviderSetUp } from '../../src/services/providers/provider-setup.js';
import { WritesInFlight } from '../../src/writes-in-flight.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, type FakeServices } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// A provider whose plugin comes from npm (DeepSeek) cannot be used by the gateway until the
// plugin is installed: the summary's `i` runs the install OpenClaw's onboarding runs, and says
// how it went (README "The TUI").

const INSTALL = 'openclaw plugins install @openclaw/deepseek-provider';

function deepseekSetup(configPath: string, withPlugin = true): ProviderSetUp {
  const plugin = findChoice('deepseek-api-key')!.plugin!;
  return {
    config: { path: configPath, files: [configPath], changed: true, created: false, applied: [] },
    defaultModel: { status: 'set', ref: 'deepseek/deepseek-v4-pro' },
    enabled: ['deepseek'],
    setup: { plugins: ['deepseek'], providers: {} },
    alternatives: [],
    ...(withPlugin
      ? {
          plugin: {
            id: 'deepseek',
            installCommand: plugin.installCommand!,
            reason: 'it comes from npm or ClawHub, not with OpenClaw',
            source: plugin,
          },
        }
      : {}),
  };
}

function deepseekServices(options: { withPlugin?: boolean; openclaw?: boolean } = {}): FakeServices {
  const services = createFakeServices();
  services.canInstallPlugin = () => options.openclaw !== false;
  services.setupAnswer = deepseekSetup(services.workspace.configPath, options.withPlugin !== false);
  return services;
}

/** The wizard through a DeepSeek key to its summary. */
async function saveDeepseekKey(services: FakeServices) {
  const app = await renderApp(services, { name: 'onboard', provider: 'deepseek', method: 'api-key' });
  await waitForFrame(app, 'Paste the');
  await app.type(fakeSecrets.deepseekKey());
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  await app.press('enter');
  await waitForFrame(app, "Also set DEEPSEEK_API_KEY in the daemon's .env?");
  await app.type('n');
  await waitForFrame(app, 'Saved deepseek:default');
  return app;
}

const flat = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');
const installs = (services: FakeServices) => services.calls.filter(([name]) => name === 'installPlugin');

describe('onboarding wizard: i installs the plugin a provider still lacks', () => {
  it('offers i on the plugin line and in the hint bar, runs the install once, and says it landed', async () => {
    const services = deepseekServices();
    const app = await saveDeepseekKey(services);
    const summary = flat(app.frame());
    expect(summary).toContain(
      `! the gateway cannot use deepseek until its plugin is installed: press i to run \`${INSTALL}\``,
    );
    expect(summary).toContain('i install plugin');
    // A wrapped `!` line continues under its text, not at the screen's edge.
    const lines = app.frame().split('\n');
    const warning = lines.findIndex((line) => line.includes('! the gateway cannot use deepseek'));
    expect(lines[warning + 1]).toMatch(/^ {3}\S/);

    await app.type('i');
    const installing = flat(await waitForFrame(app, 'installing the deepseek plugin'));
    expect(installing).toContain('installing the deepseek plugin (OpenClaw fetches it from npm or ClawHub)…');
    expect(installing).not.toContain('i install plugin');
    expect(installing).not.toContain('press i to run');
    await app.type('i');
    expect(installs(services)).toEqual([['installPlugin', 'deepseek']]);
    expect(services.pluginInstalls[0]?.need.source.npmSpec).toBe('@openclaw/deepseek-provider');

    services.pluginInstalls[0]!.resolve(undefined);
    const done = flat(await waitForFrame(app, '✔ installed the deepseek plugin'));
    expect(done).toContain(
      '✔ installed the deepseek plugin; a running gateway loads it after a restart (`openclaw gateway restart`)',
    );
    // Its wrapped line continues under its text too.
    const doneLines = app.frame().split('\n');
    const installed = doneLines.findIndex((line) => line.includes('✔ installed the deepseek plugin'));
    expect(doneLines[installed + 1]).toMatch(/^ {3}\S/);
    expect(done).not.toContain('cannot use deepseek');
    expect(done).not.toContain('installing the deepseek plugin');
    expect(done).not.toContain('i install plugin');
    await app.type('i');
    expect(installs(services)).toHaveLength(1);
  });

  it('a failed install says why (escapes shown as text), keeps the credential and names the command', async () => {
    const services = deepseekServices();
    const app = await saveDeepseekKey(services);
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    services.pluginInstalls[0]!.resolve('npm error \x1b]52;c;cHduZWQ=\x07\x1b[2Jnetwork ENOTFOUND');
    const failed = flat(await waitForFrame(app, 'could not install the deepseek plugin'));
    expect(failed).toContain(
      `! could not install the deepseek plugin: npm error \\x1b]52;c;cHduZWQ=\\x07\\x1b[2Jnetwork ENOTFOUND; the credential is kept — i tries again, or run \`${INSTALL}\` later`,
    );
    expect(app.frame()).not.toContain('\x1b]52');
    // i tries again (the network may be back): it did nothing and said nothing (a newcomer's walk).
    expect(failed).toContain('i try the install again');
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    expect(installs(services)).toHaveLength(2);
    services.pluginInstalls[1]!.resolve(undefined);
    await waitForFrame(app, '✔ installed the deepseek plugin');
  });

  it('without openclaw on PATH the line names the command to run, and i is no key', async () => {
    const services = deepseekServices({ openclaw: false });
    const app = await saveDeepseekKey(services);
    const summary = flat(app.frame());
    expect(summary).toContain(`! the gateway cannot use deepseek until its plugin is installed: ${INSTALL}`);
    expect(summary).not.toContain('press i');
    expect(summary).not.toContain('i install plugin');
    await app.type('i');
    expect(installs(services)).toEqual([]);
  });

  it('no plugin to install: no plugin line, no i hint, and i does nothing', async () => {
    const services = deepseekServices({ withPlugin: false });
    const app = await saveDeepseekKey(services);
    const summary = flat(app.frame());
    expect(summary).not.toContain('until its plugin is installed');
    expect(summary).not.toContain('i install plugin');
    await app.type('i');
    expect(installs(services)).toEqual([]);
  });

  it('Enter while the install runs still leaves, and the install answering afterwards breaks nothing', async () => {
    const services = deepseekServices();
    const app = await saveDeepseekKey(services);
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0, select: 'deepseek:default' }]);
    services.pluginInstalls[0]!.resolve(undefined);
    await app.settle();
  });

  it('says how long the install has run; x stops it, and i runs it again', async () => {
    const services = deepseekServices();
    const app = await saveDeepseekKey(services);
    await app.type('i');
    const running = flat(await waitForFrame(app, 'installing the deepseek plugin'));
    expect(running).toMatch(/installing the deepseek plugin \(OpenClaw fetches it from npm or ClawHub\)… \d+s/);
    expect(running).toContain('x stop the install');
    await app.type('x');
    const stopped = flat(await waitForFrame(app, 'install stopped'));
    expect(stopped).toContain(`press i to run \`${INSTALL}\``);
    expect(stopped).not.toContain('x stop the install');
    // Stopped is not failed: i runs it again.
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    expect(installs(services)).toHaveLength(2);
  });

  it('Ctrl+C while the install runs waits for it and leaves on how it went', async () => {
    const services = deepseekServices();
    const app = await saveDeepseekKey(services);
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    expect(app.exits).toEqual([]);
    services.pluginInstalls[0]!.resolve('npm error network');
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(app.exits).toEqual([{ exitCode: 1 }]);
    expect(flat(app.frame())).toContain(
      '✘ could not install the deepseek plugin: npm error network (left with Ctrl+C)',
    );
  });
});

describe('setup-token outcome: the same i', () => {
  it('offers i where the saved token leaves a plugin to install', async () => {
    const services = deepseekServices();
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: fakeSecrets.setupToken('t') });
    const saved = flat(await waitForFrame(app, 'Saved anthropic:default'));
    expect(saved).toContain('press i to run');
    expect(saved).toContain('i install plugin');
    await app.type('i');
    await waitForFrame(app, 'installing the deepseek plugin');
    expect(installs(services)).toHaveLength(1);
  });
});

describe('writes in flight: a plugin install', () => {
  it('is counted while it runs, says what leaving waits for, and lands as a failure when it answers why not', async () => {
    const writes = new WritesInFlight();
    const fake = deepseekServices();
    const services = writes.track(fake);
    const running = services.installPlugin(deepseekSetup('/x/openclaw.json').plugin!);
    expect(writes.busy).toBe(true);
    expect(writes.underWay).toBe(`\`${INSTALL}\` to finish (Ctrl+C stops it)`);
    const idle = new Promise<boolean>((done) => writes.whenIdle(done));
    fake.pluginInstalls[0]!.resolve('offline');
    await running;
    expect(await idle).toBe(true);
    expect(writes.landed).toBe('✘ could not install the deepseek plugin: offline');
    expect(writes.underWay).toBeUndefined();
  });
});

describe('onboarding wizard: a runtime the config keeps off', () => {
  it('the summary names the block and its fix, and offers no install', async () => {
    const services = deepseekServices({ withPlugin: false });
    const blocked =
      'deepseek: the codex plugin is denied, so the gateway cannot run its models; fix: remove codex from plugins.deny';
    services.setupAnswer = { ...deepseekSetup(services.workspace.configPath, false), blocked };
    const app = await saveDeepseekKey(services);
    const summary = flat(app.frame());
    expect(summary).toContain(`! ${blocked}`);
    expect(summary).not.toContain('i install plugin');
  });
});
