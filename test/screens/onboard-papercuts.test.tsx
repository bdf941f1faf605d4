import { describe, expect, it } from 'vitest';
import { readPluginPolicy } from '../../src/services/config/plugin-policy.js';
import { AgentStore } from '../../src/services/store/agent-store.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, fakeWorkspace } from '../helpers/fake-services.js';
import { renderApp, waitForFrame } from '../helpers/ink.js';

const oneLine = (frame: string) => frame.replace(/\s*\n\s*/g, ' ');

async function toProfileName(services: ReturnType<typeof createFakeServices>) {
  const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
  await waitForFrame(app, 'Paste the Groq API key');
  await app.type(fakeSecrets.groqKey());
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  return app;
}

async function saveGroq(services: ReturnType<typeof createFakeServices>) {
  const app = await toProfileName(services);
  await app.press('enter');
  await waitForFrame(app, "Also set GROQ_API_KEY in the daemon's .env?");
  await app.type('n');
  return waitForFrame(app, 'Saved groq:');
}

describe('onboarding wizard: small things a first-time user trips over', () => {
  it('after `npm start`, says the next command as `npm start -- status`', async () => {
    const services = createFakeServices({ workspace: fakeWorkspace({ env: { npm_lifecycle_event: 'start' } }) });
    const summary = await saveGroq(services);
    expect(summary).toContain('npm start -- status');
    expect(summary).toContain('npm start -- dashboard');
    expect(summary).not.toMatch(/• authdeck status/);
  });

  it('for another agent, its next commands act on that agent (--agent coder)', async () => {
    const workspace = fakeWorkspace({ env: { HOME: '/home/me' }, agentId: 'coder', isMain: false });
    const summary = await saveGroq(createFakeServices({ workspace }));
    expect(summary).toMatch(/• `authdeck status --agent coder`: see it with the others/);
    expect(summary).toMatch(/• `authdeck dashboard --agent coder`: the live view/);
  });

  it('started as `authdeck`, says `authdeck status`', async () => {
    const summary = await saveGroq(createFakeServices());
    expect(summary).toContain('• `authdeck status');
  });

  it('a long item of the summary wraps under its own text, not back at the edge', async () => {
    const services = createFakeServices();
    const app = await toProfileName(services);
    await app.resize(50, 30);
    await app.press('enter');
    await waitForFrame(app, "Also set GROQ_API_KEY in the daemon's .env?");
    await app.type('n');
    const summary = await waitForFrame(app, 'Saved groq:');
    const lines = summary.split('\n');
    const item = lines.findIndex((line) => line.startsWith(' • /home/me/.openclaw/'));
    expect(item).toBeGreaterThan(-1);
    // The next line continues the path under the item's text (three columns in).
    expect(lines[item + 1]).toMatch(/^ {3}\S/);
  });

  it('on a short terminal the summary keeps its title and outcome on screen and says what it left out', async () => {
    const services = createFakeServices();
    const app = await toProfileName(services);
    await app.resize(60, 14);
    await app.press('enter');
    await waitForFrame(app, "Also set GROQ_API_KEY in the daemon's .env?");
    await app.type('n');
    const summary = await waitForFrame(app, /more lines? below: ↓ scrolls/);
    const lines = summary.split('\n');
    expect(lines.length).toBeLessThanOrEqual(13);
    expect(lines[0]).toMatch(/^authdeck · onboard/);
    expect(summary).toContain('✔ Saved groq:default');
    expect(summary).toContain('enter done');
    expect(summary).not.toContain('Next:');
    // ↓ brings what was left out (the last lines: what to do next) into the window.
    for (let press = 0; press < 30; press++) await app.press('down');
    const scrolled = await waitForFrame(app, 'Next:');
    expect(scrolled).toMatch(/… \d+ more lines? above \(↑\)/);
    expect(scrolled.split('\n').length).toBeLessThanOrEqual(13);
    expect(scrolled.split('\n')[0]).toMatch(/^authdeck · onboard/);
    expect(scrolled).toContain('enter done');
    // Narrower, the header takes two lines: still all on screen.
    for (const [columns, height] of [
      [40, 12],
      [30, 10],
    ] as const) {
      await app.resize(columns, height);
      const narrow = await waitForFrame(app, /more lines?/);
      const shown = narrow.split('\n');
      expect(shown.length, `${columns}×${height}`).toBeLessThanOrEqual(height - 1);
      expect(shown[0], `${columns}×${height}`).toMatch(/^authdeck/);
    }
    // Taller again, all of it.
    await app.resize(60, 40);
    const whole = await waitForFrame(app, 'Next:');
    expect(whole).not.toMatch(/more lines?/);
  });

  it('holds "default" as a placeholder: typing a name replaces it', async () => {
    const services = createFakeServices();
    const app = await toProfileName(services);
    await app.type('personal');
    expect(app.frame()).not.toContain('defaultpersonal');
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:personal');
  });

  it('suggests a free name when <provider>:default is taken, and Enter takes it', async () => {
    const services = createFakeServices({
      state: fakeState({ 'groq:default': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('old') } }),
    });
    const app = await toProfileName(services);
    expect(oneLine(app.frame())).toContain('groq:default is taken; Enter uses groq:default-2');
    // The suggestion in the field reads as the id it is: the cursor on its first letter, no gap.
    expect(app.frame()).toMatch(/^groq:default-2 *$/m);
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:default-2');
  });

  it('once a name is typed, says what Enter does with it, not the suggestion', async () => {
    const services = createFakeServices({
      state: fakeState({
        'groq:default': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('old') },
        'groq:old': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('older') },
      }),
    });
    const app = await toProfileName(services);
    await app.type('work');
    expect(oneLine(app.frame())).toContain('Enter uses groq:work.');
    expect(app.frame()).not.toContain('groq:default-2');
    // A whole id typed is not shown under the provider's prefix again ("groq:groq:work").
    await app.type('\x15');
    await app.type('groq:work');
    expect(oneLine(app.frame())).toContain('Enter uses groq:work.');
    expect(app.frame()).not.toContain('groq:groq:');
    await app.type('\x15');
    await app.type('\x7f\x7f\x7f\x7fold');
    expect(oneLine(app.frame())).toContain('Enter uses groq:old, which exists (api_key): it asks before replacing it.');
    await app.type(' x');
    expect(oneLine(app.frame())).toContain('"old x" must not contain spaces');
    await app.type('\x7f\x7f\x7f\x7f\x7f');
    expect(oneLine(app.frame())).toContain('groq:default is taken; Enter uses groq:default-2');
    // Refused on Enter, then emptied with Ctrl+U: Enter would take the suggestion, so the
    // refusal no longer shows.
    await app.type('Work Key');
    await app.press('enter');
    await waitForFrame(app, '"Work Key" must not contain spaces');
    await app.type('\x15');
    await waitForFrame(app, 'Enter uses groq:default-2');
    expect(app.frame()).not.toContain('must not contain spaces');
  });

  it('says why Enter does nothing on an empty or impossible secret', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic', method: 'api-key' });
    await waitForFrame(app, 'Paste the Anthropic API key');
    expect(app.frame()).not.toContain('enter continue');
    await app.press('enter');
    // Opened on this step (--provider and --method), Esc leaves the wizard: it says so.
    await waitForFrame(app, 'Nothing to save yet: paste the API key (Esc leaves).');
    await app.type('nope');
    expect(app.frame()).not.toContain('Nothing to save yet');
    await app.press('enter');
    expect(oneLine(await waitForFrame(app, 'Not saved'))).toContain(
      'Not saved: this API key cannot be right (see above); Ctrl+U clears it, Esc leaves.',
    );
    expect(app.frame()).toContain('Paste the Anthropic API key');
  });

  it('names a model ref in words that read: an "anthropic/…" model ref', async () => {
    const summary = oneLine(await saveGroq(createFakeServices()));
    expect(summary).toContain('to a "groq/…" model ref');
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'anthropic', method: 'api-key' });
    await waitForFrame(app, 'Paste the Anthropic API key');
    await app.type(fakeSecrets.anthropicApiKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    expect(oneLine(await waitForFrame(app, 'Saved anthropic:'))).toContain('to an "anthropic/…" model ref');
  });
});

describe('onboarding wizard: a provider whose plugin the config blocks', () => {
  it('is marked in the list, and choosing it says why and stays, before a secret is typed', async () => {
    const workspace = fakeWorkspace();
    workspace.config.plugins = readPluginPolicy({ deny: ['anthropic'] });
    const state = fakeState({}, {}, workspace);
    state.store = new AgentStore(workspace, {
      id: 'shared-sqlite',
      layout: 'state-db',
      evidence: 'test',
      certain: true,
    });
    const services = createFakeServices({ state, preloadedState: state });
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    await app.type('anthropic');
    const listed = await waitForFrame(app, 'Anthropic anthropic');
    expect(listed).toContain('Anthropic anthropic · its plugin is blocked');
    await app.press('enter');
    const refused = oneLine(await waitForFrame(app, 'plugins.deny'));
    expect(refused).toContain(
      'anthropic: the anthropic plugin is denied (plugins.deny in /home/me/.openclaw/openclaw.json)',
    );
    expect(refused).toContain('Which provider?');
    expect(refused).not.toContain('How do you want');
    expect(services.calls).toEqual([]);

    // Its key pasted into the search is refused the same way, before any question.
    await app.type('\x15');
    await app.type(fakeSecrets.anthropicApiKey());
    await waitForFrame(app, 'That is an Anthropic API key');
    await app.press('enter');
    const pasted = oneLine(await waitForFrame(app, 'plugins.deny'));
    expect(pasted).toContain('Which provider?');
    expect(pasted).not.toContain('Paste the Anthropic');
  });
});
