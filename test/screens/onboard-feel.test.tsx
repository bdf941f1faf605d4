import { describe, expect, it } from 'vitest';
import type { ProbeOutcome } from '../../src/services/probe/probe-runner.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { enterGroqKey, openProviderList, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const tokenProfile = {
  'anthropic:default': {
    type: 'token',
    provider: 'anthropic',
    token: fakeSecrets.setupToken('t'),
    expires: NOW + 86_400_000 * 30,
  },
};

async function toSecretStep(services: ReturnType<typeof createFakeServices>, provider: string, method: string) {
  const app = await renderApp(services, { name: 'onboard', provider, method: method as 'api-key' });
  await waitForFrame(app, 'Paste the');
  return app;
}

/** A Groq key pasted and taken: the profile name's question. */
async function pasteGroqKey(app: Awaited<ReturnType<typeof renderApp>>, key = fakeSecrets.groqKey()) {
  await app.type(key);
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
}

/** A Groq key pasted, the profile named (Enter: the suggestion), the .env declined: the summary. */
async function saveGroqKey(app: Awaited<ReturnType<typeof renderApp>>, name?: string) {
  await enterGroqKey(app, name);
  return waitForFrame(app, `Saved groq:${name ?? 'default'}`);
}

/** A Groq key through the wizard to its live check, which answers `outcome`. */
async function groqKeyChecked(outcome: Omit<ProbeOutcome, 'id' | 'provider'>) {
  const services = createFakeServices();
  services.probeOutcomes = [{ id: 'groq:default', provider: 'groq', ...outcome }];
  return groqKeyToCheck(services);
}

/** A Groq key through the wizard to its live check. */
async function groqKeyToCheck(services: ReturnType<typeof createFakeServices>) {
  const app = await toSecretStep(services, 'groq', 'api-key');
  await enterGroqKey(app);
  return app;
}

describe('onboarding wizard: what a first-time user trips over', () => {
  it("the first profile's name step says the name can be changed (it showed the suggestion alone)", async () => {
    const app = await toSecretStep(createFakeServices(), 'anthropic', 'api-key');
    await app.type(fakeSecrets.anthropicApiKey());
    await app.press('enter');
    const frame = (await waitForFrame(app, 'Profile name:')).replace(/\s+/g, ' ');
    expect(frame).toContain('Enter uses anthropic:default, or type another name.');
  });

  it('never offers to replace a profile of another type (the rule add-key follows)', async () => {
    const services = createFakeServices({ state: fakeState(tokenProfile) });
    const app = await toSecretStep(services, 'anthropic', 'api-key');
    await app.type(fakeSecrets.anthropicApiKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    // Enter alone takes a free name; the taken one has to be typed.
    await app.type('default');
    await app.press('enter');
    const frame = await waitForFrame(app, 'never replaces another type');
    expect(frame).toContain('anthropic:default holds a token; an API key never replaces another type');
    expect(frame).toContain('Profile name:');
    expect(frame).not.toContain('overwrite');
    await app.type('o');
    expect(services.calls).toEqual([]);
  });

  it("names the Claude CLI's sign-in (the CLI's only) where Claude Code is installed", async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'anthropic' });
    const methods = await waitForFrame(app, 'How do you want to sign in to Anthropic?');
    expect(methods).toContain(
      'Anthropic (Claude CLI): not here; run `authdeck login --provider anthropic-cli` after leaving',
    );
  });

  it('shows setup-token without Claude Code in words; the cursor stops on it and Enter says why', async () => {
    const services = createFakeServices({
      findClaude: () => {
        throw new Error('claude not found');
      },
    });
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic' });
    const methods = await waitForFrame(app, 'How do you want to sign in to Anthropic?');
    expect(methods).toContain('Claude setup-token, made here (needs Claude Code)');
    // The Claude CLI's login needs the Claude CLI: not offered where it is not installed.
    expect(methods).not.toContain('anthropic-cli');
    // ↓ Enter in one chunk: the row the cursor went to, not the one after it.
    await app.type('\x1b[B\r');
    const refused = await waitForFrame(app, 'Claude Code is not installed here');
    expect(refused).toMatch(/❯ Claude setup-token, made here \(needs Claude Code\)/);
    expect(refused).toContain('How do you want to sign in to Anthropic?');
    expect(refused).not.toContain('Paste the');
    await app.press('down');
    expect(app.frame()).not.toContain('Claude Code is not installed here');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
  });

  it('Claude Code installed meanwhile: Enter on the row again finds it and goes on', async () => {
    let installed = false;
    const services = createFakeServices({
      findClaude: () => {
        if (!installed) throw new Error('claude not found');
        return '/usr/local/bin/claude';
      },
    });
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic' });
    await waitForFrame(app, 'How do you want to sign in to Anthropic?');
    await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Claude Code is not installed here');
    installed = true;
    await app.press('enter');
    await waitForFrame(app, 'setup-token →');
    expect(app.frame()).not.toContain('Claude Code is not installed here');
  });

  it('a pasted token outside Anthropic says what it is beside the API key row', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'deepseek' });
    await waitForFrame(app, 'How do you want to sign in to DeepSeek?');
    expect(app.frame()).toMatch(/Paste a token made elsewhere +a bearer token you were given, stored as a token/);
  });

  it('says what to press, not which CLI flag to use, when a secret belongs elsewhere', async () => {
    const services = createFakeServices();
    // Reached through the method question, so Esc goes back to it.
    const app = await renderApp(services, { name: 'onboard', provider: 'anthropic' });
    await waitForFrame(app, 'How do you want to sign in to Anthropic?');
    for (let step = 0; step < 8 && !/❯ API key/.test(app.frame()); step++) await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type(fakeSecrets.setupToken());
    const frame = app.frame().replace(/\s*\n\s*/g, ' ');
    expect(frame).toContain('this is an Anthropic setup-token, not an API key');
    expect(frame).toContain('press Esc and choose "Paste a token made elsewhere"');
    expect(frame).not.toMatch(/`authdeck|--provider/);
    await app.type('\x15');
    await app.type(fakeSecrets.groqKey());
    expect(app.frame().replace(/\s*\n\s*/g, ' ')).toContain('press Esc to go back and choose Groq');
  });

  it('where Esc leaves the wizard (opened with --provider and --method), names the command that takes the secret instead', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'openai', method: 'api-key' });
    await waitForFrame(app, 'Paste the OpenAI API key');
    await app.type(fakeSecrets.anthropicApiKey());
    const frame = (await waitForFrame(app, 'Esc leaves')).replace(/\s*\n\s*/g, ' ');
    expect(frame).toContain('Esc leaves; `authdeck onboard --provider anthropic` takes it');
    expect(frame).not.toContain('press Esc to go back');
    expect(frame).toContain('esc quit');
  });

  it('shows a token that looks cut off with the warning only, and saves it on a second Enter', async () => {
    const services = createFakeServices();
    const app = await toSecretStep(services, 'anthropic', 'paste-token');
    const cut = fakeSecrets.setupToken().slice(0, 100);
    await app.type(cut);
    const frame = app.frame();
    expect(frame).toContain('check that nothing was cut off');
    expect(frame).not.toContain('looks right');
    await app.press('enter');
    await waitForFrame(app, 'Press Enter again to save it anyway');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('clears the header of answers that Esc opened again', async () => {
    const app = await openProviderList(createFakeServices());
    await app.type('openrouter');
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('enter');
    await waitForFrame(app, 'onboard · openrouter · api-key');
    await app.press('escape');
    await waitForFrame(app, 'How do you want to sign in');
    expect(app.frame()).toContain('onboard · openrouter');
    expect(app.frame()).not.toContain('api-key');
    await app.press('escape');
    await waitForFrame(app, 'Which provider?');
    expect(app.frame()).not.toContain('openrouter ·');
    expect(app.frame()).not.toMatch(/onboard · openrouter/);
  });

  it('Esc back to the method question puts the cursor on the method that was chosen', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'openai' });
    const list = await waitForFrame(app, 'How do you want to sign in');
    const rows = list.split('\n').filter((line) => /^\s*[❯ ] (API key|Sign in|Paste)/.test(line));
    const pasteRow = rows.findIndex((line) => /Paste a token/.test(line));
    expect(pasteRow).toBeGreaterThan(0);
    for (let i = 0; i < pasteRow; i++) await app.press('down');
    await app.press('enter');
    await waitForFrame(app, 'onboard · openai · paste-token');
    await app.press('escape');
    const back = await waitForFrame(app, 'How do you want to sign in');
    expect(back.split('\n').find((line) => /Paste a token/.test(line))).toMatch(/^\s*❯/);
  });

  it('clears the provider search with Esc first, and goes back with the next Esc', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    await app.type('groq');
    expect(app.frame()).toContain('esc clear search');
    await app.press('escape');
    expect(app.frame()).toContain('Which provider?');
    expect(app.frame()).toContain('type to narrow the list');
    expect(app.frame()).toContain('esc back');
    await app.press('escape');
    await waitForFrame(app, 'Welcome');
  });

  it('says when .env already holds another key for the variable, which y replaces', async () => {
    const services = createFakeServices({
      state: { ...fakeState(), daemonEnv: { GROQ_API_KEY: fakeSecrets.groqKey('old') } },
    });
    const app = await toSecretStep(services, 'groq', 'api-key');
    await app.type(fakeSecrets.groqKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    const asked = await waitForFrame(app, "GROQ_API_KEY in the daemon's .env is gsk_");
    expect(asked).toContain(': replace it with this key?');
    expect(asked).toContain('y yes, replace it');
    expect(asked).not.toContain(fakeSecrets.groqKey('old'));
  });

  it('wraps the .env question’s note at spaces, whole, with no line starting on the space it broke at', async () => {
    // Widths where Ink's own wrap left a space at the start of a line here.
    for (const width of [55, 72, 100]) {
      const app = await toSecretStep(createFakeServices(), 'groq', 'api-key');
      await app.resize(width, 30);
      await app.type(fakeSecrets.groqKey());
      await app.press('enter');
      await waitForFrame(app, 'Profile name:');
      await app.press('enter');
      const frame = await waitForFrame(app, "daemon's .env?");
      const note = frame.slice(frame.indexOf("daemon's .env?"));
      expect(
        note.split('\n').filter((line) => line.startsWith(' ')),
        String(width),
      ).toEqual([]);
      expect(note.replace(/\n/g, ' ')).toContain('The profile alone is enough for most setups.');
      app.unmount();
    }
  });

  it('wraps the replace question at spaces too (at 60 columns Ink began a line with one)', async () => {
    const services = createFakeServices({
      state: { ...fakeState(), daemonEnv: { GROQ_API_KEY: fakeSecrets.groqKey('old') } },
    });
    const app = await toSecretStep(services, 'groq', 'api-key');
    await app.resize(60, 30);
    await app.type(fakeSecrets.groqKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    const frame = await waitForFrame(app, 'this key?');
    const question = frame.slice(frame.indexOf('GROQ_API_KEY in'), frame.indexOf('this key?') + 9);
    expect(question.split('\n').filter((line) => line.startsWith(' '))).toEqual([]);
    expect(question.replace(/\n/g, ' ')).toMatch(/: replace it with this key\?$/);
  });

  it('names MiniMax as MiniMax in its questions, not by its list label "MiniMax API key"', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'minimax' });
    const asked = await waitForFrame(app, /How do you want to sign in to MiniMax\?|Which MiniMax endpoint/);
    expect(asked).not.toContain('MiniMax API key?');
  });

  it('offers "add another" at the end, and says when no model uses the new provider', async () => {
    const services = createFakeServices();
    const app = await toSecretStep(services, 'groq', 'api-key');
    const summary = await saveGroqKey(app);
    expect(summary).toContain('No model uses groq yet');
    expect(summary).toContain('a add another');
    await app.type('a');
    // Esc here ends the wizard as the summary's Enter does, and the hint says so.
    expect(await waitForFrame(app, 'Which provider?')).toContain('esc done');
    await app.press('escape');
    // Something was saved: leaving now is not a cancel.
    expect(app.exits).toEqual([{ exitCode: 0 }]);
  });

  it('Esc from the .env question comes back to the name typed, not the suggestion', async () => {
    const services = createFakeServices();
    const app = await toSecretStep(services, 'groq', 'api-key');
    await app.type(fakeSecrets.groqKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.type('n2');
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.press('escape');
    await waitForFrame(app, 'Profile name:');
    expect(app.frame()).toMatch(/groq:n2/);
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:n2');
  });

  it('Esc from the profile name keeps the key pasted: Enter takes it on, and it is what is saved', async () => {
    const services = createFakeServices();
    const app = await toSecretStep(services, 'groq', 'api-key');
    const key = fakeSecrets.groqKey();
    await pasteGroqKey(app, key);
    await app.press('escape');
    // The key step again, its key still there (masked) and checked.
    const back = await waitForFrame(app, '✔ looks right');
    expect(back).toContain('enter continue');
    expect(back).not.toContain(key);
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:default');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({ secret: key });
  });

  it('a name typed at the profile step and left with Esc is there again when Enter comes back to it', async () => {
    // Typed "work", Esc, Enter: the field was back to the suggestion (a newcomer's walk).
    const services = createFakeServices();
    const app = await toSecretStep(services, 'groq', 'api-key');
    await pasteGroqKey(app);
    await app.type('work');
    await waitForFrame(app, 'Enter uses groq:work');
    await app.press('escape');
    await waitForFrame(app, '✔ looks right');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    expect(await waitForFrame(app, 'Enter uses groq:work')).toMatch(/groq:work/);
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved groq:work');
  });

  it('the provider list takes the height it has: more rows in a tall terminal, fewer in a short one', async () => {
    const app = await openProviderList(createFakeServices());
    const listed = () => {
      const lines = app.frame().split('\n');
      const from = lines.findIndex((line) => line.startsWith('search:'));
      const to = lines.findIndex((line) => /\d+ in all/.test(line));
      return { count: to - from - 1, lines: lines.length };
    };
    await app.resize(120, 50);
    await waitForFrame(app, 'Which provider?');
    expect(listed().count).toBeGreaterThan(30);
    expect(listed().lines).toBeLessThanOrEqual(49);
    await app.resize(120, 16);
    await waitForFrame(app, 'Which provider?');
    expect(listed().count).toBeLessThanOrEqual(8);
    expect(listed().lines).toBeLessThanOrEqual(15);
    // Narrow, the hints and the "in all" line wrap: the frame still stays under the terminal's
    // height (as tall as it, Ink clears the screen and its scrollback on every key).
    for (const [columns, rows] of [
      [36, 24],
      [60, 20],
      [40, 16],
    ] as const) {
      await app.resize(columns, rows);
      await waitForFrame(app, 'Which provider?');
      expect(app.frame().split('\n').length, `${columns}×${rows}`).toBeLessThan(rows);
    }
  });

  it('opened on the key step by --provider and --method, its hint says Esc quits, as it does', async () => {
    const services = createFakeServices();
    const app = await toSecretStep(services, 'groq', 'api-key');
    expect(app.frame()).toContain('esc quit');
    expect(app.frame()).not.toContain('esc back');
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });

  it('with only --provider, the method list says Esc quits; one step in, the key step says back', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq' });
    expect(await waitForFrame(app, 'How do you want to sign in')).toContain('esc quit');
    await app.press('enter');
    expect(await waitForFrame(app, 'Paste the')).toContain('esc back');
  });

  it('a key already saved under another id is said on the key step, before the save, and takes a second Enter', async () => {
    const key = fakeSecrets.groqKey('twin');
    const services = createFakeServices({
      state: fakeState({ 'groq:default': { type: 'api_key', provider: 'groq', key } }),
    });
    const app = await toSecretStep(services, 'groq', 'api-key');
    await app.type(key);
    const warned = (await waitForFrame(app, 'the same secret is already saved as')).replace(/\s+/g, ' ');
    expect(warned).toContain('the same secret is already saved as groq:default');
    expect(warned).not.toContain('looks right');
    await app.press('enter');
    await waitForFrame(app, 'Press Enter again to save it anyway');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('keys typed after the second-Enter question are not saved into the secret unseen', async () => {
    // A Cohere key has no shape authdeck knows: "two" typed ahead for the name step made it 3 longer.
    const key = `co-${'k'.repeat(40)}`;
    const services = createFakeServices({
      state: fakeState({ 'cohere:default': { type: 'api_key', provider: 'cohere', key } }),
    });
    const app = await toSecretStep(services, 'cohere', 'api-key');
    await app.type(key);
    await app.press('enter');
    await waitForFrame(app, 'Press Enter again to save it anyway');
    await app.type('two');
    await app.press('enter');
    const asked = (await waitForFrame(app, 'The secret changed after that question')).replace(/\s+/g, ' ');
    expect(asked).toContain('it is now 46 characters');
    expect(asked).not.toContain('Profile name:');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('a key pasted anew after Ctrl+U is not asked about twice', async () => {
    const key = fakeSecrets.groqKey('twin');
    const services = createFakeServices({
      state: fakeState({ 'groq:default': { type: 'api_key', provider: 'groq', key } }),
    });
    const app = await toSecretStep(services, 'groq', 'api-key');
    await app.type(key);
    await app.press('enter');
    await waitForFrame(app, 'Press Enter again to save it anyway');
    await app.press('ctrl-u');
    await waitForFrame(app, 'paste the API key here');
    await app.type(fakeSecrets.groqKey('other'));
    await waitForFrame(app, '✔ looks right');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
  });

  it('Esc back past the key to the method forgets the key', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq' });
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await pasteGroqKey(app);
    await app.press('escape');
    await waitForFrame(app, '✔ looks right');
    await app.press('escape');
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('enter');
    const again = await waitForFrame(app, 'paste the API key here');
    expect(again).not.toContain('looks right');
  });

  it('from `authdeck` on an empty home, Esc after "add another" goes on to the dashboard, as Enter on the summary does', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key', home: true });
    await waitForFrame(app, 'Paste the');
    await saveGroqKey(app);
    await app.type('a');
    await waitForFrame(app, 'Which provider?');
    await app.press('escape');
    await waitForFrame(app, /dashboard/);
    expect(app.exits).toEqual([]);
  });

  it('from `authdeck` on an empty home, a custom endpoint added after a save ends on the dashboard too (it left to the shell)', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key', home: true });
    await waitForFrame(app, 'Paste the');
    await saveGroqKey(app);
    await app.type('a');
    await waitForFrame(app, 'Which provider?');
    await app.type('custom');
    await waitForFrame(app, '❯ Custom endpoint (OpenAI- or Anthropic-compatible)…');
    await app.press('enter');
    await waitForFrame(app, 'Base URL of the endpoint');
    await app.type('http://127.0.0.1:8080/v1');
    await app.press('enter');
    await waitForFrame(app, 'Model id');
    await app.type('llama3');
    await app.press('enter');
    await waitForFrame(app, 'Which API does it speak?');
    await app.press('enter');
    await waitForFrame(app, 'Its API key');
    await app.press('enter');
    await waitForFrame(app, 'set up for the gateway');
    await app.press('enter');
    await waitForFrame(app, /dashboard/);
    expect(app.exits).toEqual([]);
  });

  it('offline, the key check goes on to the summary, which says once what to check and how to check the key later', async () => {
    const app = await groqKeyChecked({
      result: 'network',
      httpStatus: null,
      latencyMs: 5,
      detail: 'could not reach api.groq.com: check your internet connection (or proxy)',
    });
    // No screen of its own to press Enter on: nothing to decide, the key is saved.
    const summary = (await waitForFrame(app, 'Saved groq:default')).replace(/\s+/g, ' ');
    expect(summary.split('check your internet connection')).toHaveLength(2);
    expect(summary).toContain(
      'key check: network (could not reach api.groq.com: check your internet connection (or proxy)); once the provider can be reached, `authdeck status --probe --state-dir /home/me/.openclaw` checks it',
    );
  });

  it('checks a saved API key live before the summary, and s skips the wait', async () => {
    const app = await groqKeyChecked({
      result: 'auth',
      httpStatus: 401,
      latencyMs: 80,
      detail: 'HTTP 401: the provider rejected the key',
    });
    const verify = await waitForFrame(app, 'auth: HTTP 401: the provider rejected the key');
    expect(verify).toContain('The key is saved all the same');
    await app.press('enter');
    const summary = await waitForFrame(app, 'Saved groq:default');
    expect(summary).toContain('key check: auth (HTTP 401: the provider rejected the key)');
  });

  it('s skips a check that does not answer, and stops it: left running, it kept authdeck from exiting for seconds', async () => {
    const services = createFakeServices();
    let asked: AbortSignal | undefined;
    services.probe = async (_ids, signal) => {
      asked = signal;
      return new Promise<never>(() => {});
    };
    const app = await groqKeyToCheck(services);
    await waitForFrame(app, 'Checking the key with Groq');
    expect(asked?.aborted).toBe(false);
    await app.type('s');
    await waitForFrame(app, 'Saved groq:default');
    expect(asked?.aborted).toBe(true);
  });

  it('tells what the gateway needs for a provider it does not ship', async () => {
    const app = await openProviderIdStep();
    await app.type('my-proxy');
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type('proxy-secret-1234567890');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    const summary = await waitForFrame(app, 'Saved my-proxy:default');
    const said = summary.replace(/\s*\n\s*/g, ' ');
    expect(said).toContain('The gateway does not know my-proxy yet');
    // The way that writes the endpoint for you, not only JSON to type into the file by hand.
    expect(said).toContain('authdeck onboard --auth-choice custom-api-key --custom-provider-id my-proxy');
    expect(said).toContain('models.providers.my-proxy (baseUrl, api, models)');
  });

  it('the provider id step points at "Custom endpoint…" for an endpoint of your own', async () => {
    const app = await openProviderIdStep();
    await app.type('my-proxy');
    const said = (await waitForFrame(app, 'An endpoint of your own')).replace(/\s*\n\s*/g, ' ');
    expect(said).toContain('Esc, then "Custom endpoint (OpenAI- or Anthropic-compatible)…": it asks for its URL');
  });

  it('esc after "is close to" goes back to the list on the provider it was close to', async () => {
    const app = await openProviderIdStep();
    await app.type('opneai');
    await app.press('enter');
    await waitForFrame(app, 'is close to');
    await app.press('escape');
    const list = await waitForFrame(app, 'Which provider?');
    expect(list).toMatch(/search: openai/);
    expect(list).toMatch(/❯ OpenAI/);
  });

  it('a provider a plugin serves with nothing to onboard says what it needs before a key is asked', async () => {
    // "amazon-bedrock" went straight on to an API key, and the summary then advised a
    // models.providers block (a newcomer's walk): Bedrock signs with AWS credentials.
    const app = await openProviderIdStep();
    await app.type('amazon-bedrock');
    await app.press('enter');
    const said = (await waitForFrame(app, 'amazon-bedrock anyway')).replace(/\s*\n\s*/g, ' ');
    expect(said).toContain("OpenClaw's onboarding stores no credential for Amazon Bedrock");
    expect(said).toContain('openclaw plugins install @openclaw/amazon-bedrock-provider');
    expect(said).not.toContain('is close to');
    await app.press('enter');
    await waitForFrame(app, 'amazon-bedrock');
    expect(app.frame()).not.toContain('Provider id');
  });

  it('a key pasted as the provider id is not shown, not taken as an id, and says where it goes', async () => {
    // It stood in clear, and Enter made it a provider: "How do you want to sign in to sk-ant-api03-…?"
    const key = fakeSecrets.anthropicApiKey();
    const app = await openProviderIdStep();
    await app.type(key);
    const said = (await waitForFrame(app, 'not a provider id')).replace(/\s*\n\s*/g, ' ');
    expect(said).toContain('That is an Anthropic API key, not a provider id, so it is not shown');
    expect(app.frame()).not.toContain(key.slice(0, 20));
    await app.press('enter');
    expect(app.frame()).toContain('Provider id');
    expect(app.frame()).not.toContain('How do you want to sign in');
    await app.type('\x15');
    await app.type(`${'ab12'.repeat(10)}XYZ`);
    expect(await waitForFrame(app, 'That looks like a key, not a provider id')).not.toContain('ab12ab12');
  });

  it('a typo of a known id is asked about once; a known id typed there is that provider', async () => {
    const app = await openProviderIdStep();
    await app.type('opneai');
    await app.press('enter');
    const asked = await waitForFrame(app, 'is close to');
    expect(asked.replace(/\s*\n\s*/g, ' ')).toContain(
      'opneai is close to openai: esc to choose it from the list, or enter again to use opneai as a provider of your own',
    );
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('escape');
    await waitForFrame(app, 'Provider id');
    await app.type('\x15');
    await app.type('OpenAI');
    await app.press('enter');
    // OpenAI's own methods (its sign-in among them), not a custom provider's API key alone.
    expect(await waitForFrame(app, 'ChatGPT')).toContain('How do you want to sign in');
  });
});

/** The wizard at "Another provider…": its provider id question, the search typed before it cleared. */
async function openProviderIdStep() {
  const app = await renderApp(createFakeServices(), { name: 'onboard' });
  await waitForFrame(app, 'Welcome');
  await app.press('enter');
  await waitForFrame(app, 'Which provider?');
  await app.type('zzz');
  await app.press('enter');
  // What was searched for is where the id starts.
  expect(await waitForFrame(app, 'Provider id')).toMatch(/\n\s*zzz/);
  await app.type('\x15');
  return app;
}

describe('back from a sign-in the wizard handed over to', () => {
  it('with --provider given, Esc at the method question leaves, as it did before the sign-in (it opened a provider list never seen)', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'github-copilot' });
    const methods = await waitForFrame(app, 'GitHub Copilot');
    expect(methods).toContain('esc quit');
    await app.press('enter');
    await waitForFrame(app, 'Where do you sign in to GitHub Copilot?');
    await app.press('enter');
    await waitForFrame(app, 'sign in · ');
    // Back: the question it came from, then the method question, which still leaves.
    await app.press('escape');
    await waitForFrame(app, 'Where do you sign in to GitHub Copilot?');
    await app.press('escape');
    const back = await waitForFrame(app, 'esc quit');
    expect(back).not.toContain('Which provider?');
    await app.press('escape');
    await waitUntil(() => app.exits.length > 0, 'the wizard to end');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });
});

describe('wizard summary: what was written comes before the gateway line', () => {
  it('the order bullet is with the other files, not after "no gateway is running"', async () => {
    const services = createFakeServices();
    const save = services.saveCredential;
    services.saveCredential = async (input) => ({
      ...(await save(input)),
      orderAppendedIn: ['/home/me/.openclaw/agents/main/agent/openclaw-agent.sqlite'],
      gatewayNote: {
        line: 'no gateway is running at ws://127.0.0.1:18789; it reads the store when it starts',
        warning: false,
      },
    });
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    await app.type(fakeSecrets.groqKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "in the daemon's .env?");
    await app.type('n');
    const frame = await waitForFrame(app, 'no gateway is running');
    expect(frame.indexOf('added last to the explicit order')).toBeGreaterThan(-1);
    expect(frame.indexOf('added last to the explicit order')).toBeLessThan(frame.indexOf('no gateway is running'));
  });
});
