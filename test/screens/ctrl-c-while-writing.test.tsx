import { describe, expect, it } from 'vitest';
import { takeInterrupts } from '../../src/interrupts.js';
import { CancelledError } from '../../src/services/errors.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import {
  anthropicPair,
  createFakeServices,
  fakeState,
  holdSaveCredential,
  holdSetOrder,
} from '../helpers/fake-services.js';
import { enterGroqKey, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = anthropicPair();

/** The picker with anthropic:default chosen and its order still being written. */
async function pickWhileWriting(services: ReturnType<typeof createFakeServices>) {
  const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
  await waitForFrame(app, 'Which anthropic profile should agent main use first?');
  await app.press('down');
  await app.press('enter');
  await waitForFrame(app, 'Writing the order');
  await app.press('ctrl-c');
  const waiting = (await waitForFrame(app, 'leaving once this write has landed')).replace(/\s+/g, ' ');
  // OpenClaw making the store is stopped, not waited for: the line never promised it "lands anyway".
  expect(waiting).toContain('or, if OpenClaw is still creating the store, once it is stopped with nothing written');
  expect(waiting).not.toContain('lands anyway');
  return app;
}

/** The wizard with a Groq key pasted, its default name taken, no .env: its save starts. */
async function saveGroqKeyInWizard(services: ReturnType<typeof createFakeServices>) {
  const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
  await waitForFrame(app, 'Paste the');
  await enterGroqKey(app);
  return app;
}

// A write that runs OpenClaw can take seconds; it lands whatever the keys say, so Ctrl+C in the
// middle waits for it and leaves on the frame that says what was written.
describe('Ctrl+C while a write is under way', () => {
  it('waits for the write, then leaves on its outcome with exit 0', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = holdSetOrder(services);
    const app = await pickWhileWriting(services);
    expect(app.exits).toEqual([]);
    release();
    // Ink writes the last frame after React commits it: on a loaded machine that can come just
    // after the exit is recorded, so what the person is left with is waited for, not sampled.
    await waitUntil(
      () => app.exits.length > 0 && !app.frame().includes('leaving once'),
      'the app to leave on the frame that says what was written',
      10_000,
    );
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame()).toContain('✔ anthropic:default goes first');
  });

  it('a second Ctrl+C leaves the screen at once (130 for the screen), saying the write still lands', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = holdSetOrder(services);
    const app = await pickWhileWriting(services);
    await app.press('ctrl-c');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    await waitForFrame(app, 'Left; the write under way still lands.');
    expect(app.frame()).not.toContain('Cancelled.');
    release();
  });

  it('with no write under way, Ctrl+C leaves at once with 130', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic' });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.press('ctrl-c');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });

  it('says what was saved when the screen had no time to (setup-token saving, Ctrl+C)', async () => {
    const services = createFakeServices();
    const release = holdSaveCredential(services);
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: fakeSecrets.setupToken('t') });
    await waitForFrame(app, 'Saving anthropic:default');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    release();
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame().replace(/\s*\n\s*/g, ' ')).toContain(
      '✔ Saved anthropic:default in /home/me/.openclaw/agents/main/agent/auth-profiles.json (left with Ctrl+C)',
    );
    // The spinner of the save that landed is not left above its outcome.
    expect(app.frame()).not.toContain('Saving');
  });

  it('the wizard left mid-step leaves no spinner above the outcome (its save, then the key check)', async () => {
    const services = createFakeServices();
    const release = holdSaveCredential(services);
    const app = await saveGroqKeyInWizard(services);
    await waitForFrame(app, 'Saving');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    release();
    await waitUntil(() => app.exits.length > 0 && app.frame().includes('(left with Ctrl+C)'), 'the app to leave');
    expect(app.frame()).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|Saving|Checking/);
  });

  it('the dashboard left during an order write says which order it wrote, its path whole at 60 columns', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const release = holdSetOrder(services);
    const app = await renderApp(services, { name: 'dashboard' });
    await app.resize(60, 30);
    await waitForFrame(app, 'anthropic:default');
    await app.type('G');
    await app.type('K');
    await waitForFrame(app, 'Writing the anthropic order');
    await app.press('ctrl-c');
    await waitForFrame(app, 'leaving once this write has landed');
    release();
    await waitUntil(() => app.exits.length > 0 && app.frame().includes('(left with Ctrl+C)'), 'the app to leave');
    const frame = app.frame();
    expect(frame.replace(/\s*\n\s*/g, ' ')).toMatch(/✔ anthropic order: anthropic:\w+, anthropic:\w+ \(written in \//);
    // The file's name is on one line, whatever the width.
    expect(frame).toContain('auth-profiles.json');
  });

  it("on the wizard's summary, after the save landed, Ctrl+C leaves the summary on screen with exit 0", async () => {
    const services = createFakeServices();
    const app = await saveGroqKeyInWizard(services);
    await waitForFrame(app, '✔ Saved groq:default');
    await app.press('ctrl-c');
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(app.exits).toEqual([{ exitCode: 0 }]);
    expect(app.frame()).toContain('✔ Saved groq:default');
    expect(app.frame()).not.toContain('Cancelled.');
  });
});

describe('Ctrl+C while OpenClaw makes the store for a save', () => {
  // The wizard's save ran OpenClaw to create the store; Ctrl+C waited for it, a second one left
  // the screen, and the process held the terminal until OpenClaw's 3-minute timeout (nothing was
  // written yet). The plain commands stop it: so does the TUI now (an adversarial run).
  it('stops the OpenClaw run, and leaves with 130 once the save says nothing was saved', async () => {
    const services = createFakeServices();
    let stopped = false;
    services.saveCredential = () =>
      new Promise((_, reject) => {
        const release = takeInterrupts(() => {
          stopped = true;
          release();
          reject(
            new CancelledError(
              'cancelled while `openclaw models auth order clear` was creating the store. Nothing was saved',
            ),
          );
        });
      });
    const app = await saveGroqKeyInWizard(services);
    await waitForFrame(app, 'Saving');
    await app.press('ctrl-c');
    await waitUntil(() => app.exits.length > 0, 'the app to leave');
    expect(stopped).toBe(true);
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });
});
