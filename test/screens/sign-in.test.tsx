import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { checkPastedRedirect } from '../../src/services/oauth/loopback.js';
import { createFakeServices, fakeState, NOW, signInResult } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const LINK = `https://auth.example.test/oauth/authorize?client_id=app&state=${'s'.repeat(40)}&code_challenge=${'c'.repeat(43)}`;

async function toMethodStep(services: ReturnType<typeof createFakeServices>, provider: string) {
  const app = await renderApp(services, { name: 'onboard', provider });
  await waitForFrame(app, 'How do you want to sign in');
  return app;
}

/** The wizard on `provider`'s browser sign-in (the second method), started: the request it made. */
async function startBrowserSignIn(provider: string) {
  const services = createFakeServices();
  const app = await toMethodStep(services, provider);
  await app.press('down');
  await waitForFrame(app, /❯ .*browser/);
  await app.press('enter');
  await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
  return { app, request: services.signIns[0]!.request };
}

describe('wizard: sign in with a browser or a device code', () => {
  it("OpenRouter's browser sign-in starts openrouter-oauth, the sign-in that saves an openrouter key", async () => {
    const { request } = await startBrowserSignIn('openrouter');
    expect(request).toMatchObject({ provider: 'openrouter-oauth', method: 'browser' });
  });

  it("asks on the screen for a value the sign-in needs (Chutes' client id), as the command line asks it", async () => {
    const { app, request } = await startBrowserSignIn('chutes');
    let answered: Promise<string> | undefined;
    await act(async () => {
      answered = request.ask?.({
        message: 'Chutes OAuth client id',
        placeholder: 'cid_xxx',
        envName: 'CHUTES_CLIENT_ID',
      });
    });
    const frame = await waitForFrame(app, 'Chutes OAuth client id:');
    expect(frame).toContain('Setting CHUTES_CLIENT_ID answers this without asking.');
    await app.type('cid_abc');
    await app.press('enter');
    expect(await answered).toBe('cid_abc');
    await waitForFrame(app, 'Starting the browser sign-in');
  });

  it('GitHub Copilot Enterprise is offered beside GitHub Copilot, and signs in there', async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'github-copilot');
    await app.press('enter');
    await waitForFrame(app, 'Where do you sign in to GitHub Copilot?');
    await app.press('down');
    await waitForFrame(app, /❯ .*Enterprise/);
    await app.press('enter');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    expect(services.signIns[0]?.request).toMatchObject({ provider: 'github-copilot-enterprise', method: 'device' });
  });

  it("MiniMax's sign-in asks where (Global or CN) and signs in there", async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'minimax-portal');
    await app.press('enter');
    const asked = await waitForFrame(app, 'Where do you sign in to MiniMax?');
    expect(asked).toMatch(/Global|CN/);
    await app.press('enter');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    expect(services.calls.at(-1)?.[1]).toMatch(/^minimax-(global|cn)-oauth$/);
    // Failed, back goes one step at a time: where, how, then out (the provider was given).
    await app.resize(100, 30);
    const why =
      'could not reach account.minimax.io: check your internet connection (or proxy) (host name not found, ENOTFOUND)';
    await act(async () => services.signIns[0]!.reject(new Error(why)));
    const failed = await waitForFrame(app, 'did not finish');
    // Broken at spaces, with no line starting on the space it broke at (Ink's own wrap did).
    expect(failed.split('\n').filter((line) => line.startsWith(' '))).toEqual([]);
    expect(failed.replace(/\n/g, ' ')).toContain(why);
    await app.press('enter');
    await waitForFrame(app, 'Where do you sign in to MiniMax?');
    await app.press('escape');
    await waitForFrame(app, 'How do you want to sign in to MiniMax?');
    // Opened with --provider: Esc there leaves, as it did before the sign-in ("esc quit").
    await app.press('escape');
    await waitUntil(() => app.exits.length > 0, 'the wizard to end');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });

  it('offers ChatGPT sign-in for OpenAI, shows the whole link, copies it, and takes a pasted address', async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'openai');
    expect(app.frame()).toContain('Sign in with ChatGPT in a browser');
    await app.type('\x1b[B\r');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    expect(services.calls).toEqual([['signIn', 'openai', 'browser']]);
    const [signIn] = services.signIns;
    await app.settle();
    await act(async () =>
      signIn!.request.onPrompt({
        kind: 'link',
        url: LINK,
        expiresAt: NOW + 900_000,
        checkPaste: (text) => checkPastedRedirect(text, 'xyz'),
      }),
    );
    const frame = (await waitForFrame(app, 'Open this link; sign in')).replace(/\n/g, '');
    expect(frame).toContain(LINK);
    expect(app.frame()).toContain('15:00 left');
    await app.press('tab');
    expect(services.clipboard).toEqual([LINK]);
    await app.type('not a url');
    await app.press('enter');
    await waitForFrame(app, 'that is not a URL');
    // A refused address leaves the field: the next paste is not glued onto it.
    expect(app.frame()).toContain('paste the final address here');
    await app.type('http://localhost:1455/auth/callback?code=abc&state=old');
    await app.press('enter');
    await waitForFrame(app, 'that address belongs to another sign-in');
    expect(app.frame()).toContain('paste the final address here');
    const pasted = 'http://localhost:1455/auth/callback?code=abc&state=xyz';
    await app.type(pasted);
    await app.press('enter');
    expect(await signIn!.request.pastedRedirect).toBe(pasted);
    await act(async () => signIn!.request.onPrompt({ kind: 'exchanging' }));
    await waitForFrame(app, 'getting the tokens');
    await act(async () => signIn!.resolve(signInResult(services, 'openai:me@example.com')));
    await waitForFrame(app, '✔ Signed in as me@example.com: saved openai:me@example.com (oauth)');
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0, select: 'openai:me@example.com' }]);
  });

  it('shows a device code large with a countdown, c copies it, Esc cancels the sign-in and goes back a step', async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'github-copilot');
    await app.press('enter');
    // Copilot and Copilot Enterprise save under one provider: which is asked first.
    const where = await waitForFrame(app, 'Where do you sign in to GitHub Copilot?');
    expect(where).toContain('Enterprise');
    await app.press('enter');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    expect(services.signIns[0]?.request.provider).toBe('github-copilot');
    const [signIn] = services.signIns;
    await app.settle();
    await act(async () =>
      signIn!.request.onPrompt({
        kind: 'device',
        userCode: 'WDJB-MJHT',
        verificationUri: 'https://github.com/login/device',
        expiresAt: NOW + 599_000,
      }),
    );
    const frame = await waitForFrame(app, 'W D J B - M J H T');
    expect(frame).toContain('https://github.com/login/device');
    expect(frame).toContain('the code expires in 9:59');
    await app.type('c');
    expect(services.clipboard).toEqual(['WDJB-MJHT']);
    await app.press('escape');
    await waitForFrame(app, 'Where do you sign in to GitHub Copilot?');
    expect(signIn!.request.signal.aborted).toBe(true);
    expect(app.exits).toEqual([]);
  });

  it('back from the sign-in screen, the method just left is highlighted again', async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'openai');
    await app.type('\x1b[B\x1b[B\r');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    expect(services.calls).toEqual([['signIn', 'openai', 'device']]);
    await app.press('escape');
    const back = await waitForFrame(app, 'How do you want to sign in to OpenAI?');
    expect(back).toMatch(/❯ Sign in with a code/);
    await app.press('enter');
    await waitUntil(() => services.signIns.length === 2, 'the same method again');
    expect(services.calls.at(-1)).toEqual(['signIn', 'openai', 'device']);
  });

  it('says why a sign-in failed and tries again on r', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'sign-in', provider: 'xai', method: 'device' });
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    await act(async () =>
      services.signIns[0]!.reject(new Error('the code expired before it was entered: start again')),
    );
    await waitForFrame(app, 'Sign-in to xAI (Grok) did not finish');
    expect(app.frame()).toContain('the code expired before it was entered');
    await app.type('r');
    await waitUntil(() => services.signIns.length === 2, 'a second sign-in');
    const starting = await waitForFrame(app, 'Starting the device-code sign-in');
    // While the provider is slow to answer, the hint bar says how to get out.
    expect(starting).toContain('esc cancel');
    expect(starting).not.toContain('enter continue');
    await app.press('escape');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    expect(services.signIns[1]!.request.signal.aborted).toBe(true);
  });

  it('opened from the wizard, a failed sign-in says Enter goes back, and it does', async () => {
    const services = createFakeServices();
    const app = await toMethodStep(services, 'openai');
    await app.type('\x1b[B\x1b[B\r');
    await waitUntil(() => services.signIns.length === 1, 'the sign-in to start');
    await act(async () => services.signIns[0]!.reject(new Error('the code expired before it was entered')));
    const failed = await waitForFrame(app, 'did not finish');
    expect(failed).toContain('r tries again; Enter goes back.');
    expect(failed).toContain('enter back');
    expect(failed).not.toContain('leaves');
    expect(failed).not.toContain('enter close');
    await app.press('enter');
    const methods = await waitForFrame(app, 'How do you want to sign in to OpenAI?');
    // …and Esc there leaves, as before the sign-in: the provider was given, never asked.
    expect(methods).toContain('esc quit');
    await app.press('escape');
    await waitUntil(() => app.exits.length > 0, 'the wizard to end');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
  });
});

describe('dashboard: r refreshes an OAuth sign-in', () => {
  it('refreshes the selected oauth profile and says so; says why for anything else', async () => {
    const services = createFakeServices({
      state: fakeState({
        'openai-codex:me@example.com': {
          type: 'oauth',
          provider: 'openai-codex',
          access: 'a'.repeat(40),
          refresh: 'r'.repeat(40),
          expires: NOW + 120_000,
        },
        'zgroq:main': { type: 'api_key', provider: 'groq', key: `gsk_${'d'.repeat(30)}` },
      }),
    });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'openai-codex:me@example.com');
    // groq sorts first: the cursor starts on its key.
    await app.type('r');
    await waitForFrame(app, 'only OAuth sign-ins refresh; zgroq:main is an API key');
    expect(services.calls).toEqual([]);
    await app.type('jr');
    await waitForFrame(app, 'Refreshed openai-codex:me@example.com: access expires in 1h');
    expect(services.calls).toEqual([['refreshProfile', 'openai-codex:me@example.com']]);
  });
});

describe('wizard: what each browser sign-in gives', () => {
  it("OpenRouter's issues a key (nothing to renew); ChatGPT's is renewed by the gateway", async () => {
    const openrouter = await renderApp(createFakeServices(), { name: 'onboard', provider: 'openrouter' });
    const frame = await waitForFrame(openrouter, 'in a browser');
    expect(frame).toContain('it issues an API key for you: nothing to renew');
    expect(frame).not.toContain('renews the sign-in');
    const openai = await renderApp(createFakeServices(), { name: 'onboard', provider: 'openai' });
    expect(await waitForFrame(openai, 'in a browser')).toContain('the gateway renews the sign-in itself');
  });
});
