import { describe, expect, it } from 'vitest';
import { AgentStore } from '../../src/services/store/agent-store.js';
import { createFakeServices, fakeState, NOW } from '../helpers/fake-services.js';
import { FakeSetupTokenSession, renderApp, waitForFrame } from '../helpers/ink.js';

const URL = 'https://claude.ai/oauth/authorize?Xabcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const _YEAR = 365 * 86_400_000;
const token = () => ['sk', 'ant', 'oat01', `${'x'.repeat(93)}AA`].join('-');

describe('setup-token screen', () => {
  it('shows the link, copies it with Tab, sends a code that starts with c, and saves the token for a year', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    const session = services.sessions[0]!;
    await session.emit({ phase: 'awaiting-code', url: URL, recognised: true });
    expect(app.frame()).toContain(URL);
    expect(app.frame()).toContain('Paste the code the page shows');
    await app.press('tab');
    expect(services.clipboard).toEqual([URL]);
    expect(app.frame()).toContain('Link copied');
    // A code typed by hand may start with "c": it goes into the field, not to the clipboard.
    await app.type('c');
    await app.type('ODE-123456#STATE-abcdef');
    expect(services.clipboard).toEqual([URL]);
    expect(app.frame()).toContain('abcdef');
    expect(app.frame()).not.toContain('cODE-123456');
    await app.press('enter');
    expect(session.codes).toEqual(['cODE-123456#STATE-abcdef']);
    await session.emit({ phase: 'exchanging' });
    expect(app.frame()).toContain('Exchanging the code');
    await session.emit({ phase: 'token', token: token() });
    const saved = await waitForFrame(app, 'Saved anthropic:default');
    expect(saved).toContain('sk-ant-o…xxAA');
    expect(saved).not.toContain(token());
    // In a narrow terminal the file's path breaks after its slashes, never inside a name.
    for (const width of [40, 58]) {
      await app.resize(width, 30);
      const narrow = await waitForFrame(app, 'auth-profiles.json');
      for (const part of ['/home/', 'me/', '.openclaw/', 'agents/', 'main/', 'agent/', 'auth-profiles.json'])
        expect(narrow, `${width}: ${part}`).toContain(part);
    }
    expect(services.calls[0]).toEqual([
      'saveCredential',
      {
        profileId: 'anthropic:default',
        provider: 'anthropic',
        kind: 'token',
        secret: token(),
        replace: 'never',
      },
    ]);
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 0, select: 'anthropic:default' }]);
  });

  it('says when the new token joined the explicit order, as paste-token does', async () => {
    const services = createFakeServices();
    const save = services.saveCredential;
    services.saveCredential = async (input) => ({
      ...(await save(input)),
      orderAppendedIn: ['/home/u/.openclaw/agents/main/agent/auth-profiles.json'],
    });
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    const saved = (await waitForFrame(app, 'Saved anthropic:default')).replace(/\s*\n\s*/g, ' ');
    expect(saved).toContain(
      'added to the end of the anthropic order in /home/u/.openclaw/agents/main/agent/auth-profiles.json, so the gateway tries it after the others',
    );
  });

  it('warns when the new token is already saved under another id, as paste-token does', async () => {
    const services = createFakeServices();
    const save = services.saveCredential;
    services.saveCredential = async (input) => ({ ...(await save(input)), sameSecretAs: ['anthropic:claude'] });
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    const saved = (await waitForFrame(app, 'Saved anthropic:default')).replace(/\s*\n\s*/g, ' ');
    expect(saved).toContain('! the same secret is also saved as anthropic:claude');
  });

  it('lists openclaw.json once, with the profile entry and what the setup wrote beside it', async () => {
    const services = createFakeServices();
    const configPath = services.workspace.configPath;
    services.setupAnswer = {
      config: { path: configPath, files: [configPath], changed: true, created: false, applied: [] },
      defaultModel: { status: 'set', ref: 'anthropic/claude-opus-5' },
      enabled: ['anthropic'],
      setup: { plugins: ['anthropic'], providers: {}, defaultModel: { ref: 'anthropic/claude-opus-5', entry: {} } },
      alternatives: [],
    };
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    const saved = await waitForFrame(app, 'Saved anthropic:default');
    expect(saved.replace(/\s*\n\s*/g, ' ')).toContain(
      `config ${configPath} (auth.profiles entry; anthropic plugin enabled; default model anthropic/claude-opus-5)`,
    );
    expect(saved.split(configPath)).toHaveLength(2);
  });

  it('says OpenClaw is creating the store while a first save on a SQLite-era home waits for it', async () => {
    const services = createFakeServices();
    const store = new AgentStore(services.workspace, { id: 'shared-sqlite', evidence: 'test', certain: true });
    services.state = { ...services.state, store, generation: store.generation, layers: store.layers };
    services.saveCredential = () => new Promise(() => {});
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting claude setup-token');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    const saving = (await waitForFrame(app, 'Saving anthropic:default…')).replace(/\s*\n\s*/g, ' ');
    expect(saving).toContain('The store does not exist yet, so OpenClaw creates it');
    // At 60 columns the spinner keeps its gap and its line; the why wraps under itself.
    await app.resize(60, 30);
    const narrow = await waitForFrame(app, /\S Saving anthropic:default…\n/);
    expect(narrow).toMatch(/^ {2}The store does not exist yet/m);
  });

  it('saves a token claude printed before the screen was there (claude starts before Ink loads)', async () => {
    const services = createFakeServices();
    services.createSetupTokenSession = () => {
      const session = new FakeSetupTokenSession();
      session.current = { phase: 'token', token: token(), recognised: true };
      services.sessions.push(session);
      return session;
    };
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Saved anthropic:default');
    expect(services.calls.filter(([name]) => name === 'saveCredential')).toHaveLength(1);
  });

  it('takes a pasted code that ends in a newline as submitted', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting');
    await services.sessions[0]!.emit({ phase: 'awaiting-code', url: URL, recognised: true });
    await app.type('PASTED-code#state\r');
    expect(services.sessions[0]!.codes).toEqual(['PASTED-code#state']);
  });

  it('shows an OAuth error with retry and cancel', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting');
    const session = services.sessions[0]!;
    await session.emit({ phase: 'oauth-error', error: "OAuth error: That code wasn't accepted.", recognised: true });
    expect(app.frame()).toContain("✘ OAuth error: That code wasn't accepted.");
    await app.press('enter');
    expect(session.retries).toBe(1);
    await session.emit({ phase: 'oauth-error' });
    await app.press('escape');
    expect(session.cancelled).toBe(true);
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    // It leaves on a frame that says so, not on the screen it left with its hints.
    expect(app.frame()).toContain('Cancelled.');
    expect(app.frame()).not.toContain('esc');
  });

  it('asks for a name when anthropic:default is taken, before starting claude', async () => {
    const services = createFakeServices({
      state: fakeState({ 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: 'k' } }),
    });
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Name for the new setup-token profile');
    expect(app.frame()).toContain('anthropic:default already exists (api_key)');
    // The header names no profile while the name is asked (the default is not where it goes).
    expect(app.frame().split('\n')[0]).not.toContain('→');
    expect(app.frame()).toContain('a setup-token never replaces another type');
    // No way to replace an API key with a token: Tab is not offered and does nothing.
    expect(app.frame()).not.toContain('tab replace');
    await app.press('tab');
    expect(services.sessions).toHaveLength(0);
    // The suggested name is typed over; a cursor key keeps it to edit.
    expect(app.frame()).toContain('typing replaces it');
    await app.press('left');
    await app.press('right');
    await app.press('backspace');
    await app.type('x');
    await app.press('enter');
    await waitForFrame(app, 'setup-token → anthropic:claudx');
    expect(services.sessions).toHaveLength(1);
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    await waitForFrame(app, 'Saved anthropic:claudx');
  });

  it('a name that cannot be an id is said under the field; the screen stays (it ended with a stack trace)', async () => {
    const services = createFakeServices({
      state: fakeState({ 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: 'k' } }),
    });
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Name for the new setup-token profile');
    await app.type('\x15');
    await app.type('my token');
    await app.press('enter');
    const frame = await waitForFrame(app, 'must not contain spaces');
    expect(frame).toContain('Name for the new setup-token profile');
    expect(frame).not.toContain('--profile-id');
    expect(app.exits).toEqual([]);
    await app.type('\x15');
    await app.type('openai:x');
    await app.press('enter');
    await waitForFrame(app, 'belongs to provider "openai"');
    expect(services.sessions).toHaveLength(0);
  });

  it('n on "replace it?" offers a free name, not the taken one again', async () => {
    const services = createFakeServices({
      state: fakeState({
        'anthropic:claude': { type: 'token', provider: 'anthropic', token: 't', expires: NOW + 1000 },
      }),
    });
    const app = await renderApp(services, { name: 'setup-token', profileId: 'anthropic:claude' });
    await waitForFrame(app, 'Replace it with the new setup-token?');
    await app.type('n');
    await waitForFrame(app, 'Name for the new setup-token profile');
    await waitForFrame(app, 'claude-2');
    await app.press('enter');
    await waitForFrame(app, 'setup-token → anthropic:claude-2');
  });

  it('asks before overwriting an explicit --profile-id, and --yes does not ask', async () => {
    const taken = fakeState({
      'anthropic:work': { type: 'token', provider: 'anthropic', token: 't', expires: NOW + 1000 },
    });
    const services = createFakeServices({ state: taken });
    const app = await renderApp(services, { name: 'setup-token', profileId: 'anthropic:work' });
    await waitForFrame(app, 'Replace it with the new setup-token?');
    await app.type('o');
    await waitForFrame(app, 'Starting');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    await waitForFrame(app, 'anthropic:work');
    expect(services.calls[0]?.[1]).toMatchObject({ profileId: 'anthropic:work', replace: 'same-type' });

    const quiet = createFakeServices({ state: taken });
    const yes = await renderApp(quiet, { name: 'setup-token', profileId: 'anthropic:work', yes: true });
    await waitForFrame(yes, 'Starting');
    expect(yes.frame()).not.toContain('Replace it');
  });

  it('offers to replace a taken token profile from the name question (Tab), a renewal', async () => {
    const services = createFakeServices({
      state: fakeState({
        'anthropic:default': { type: 'token', provider: 'anthropic', token: 't', expires: NOW + 1000 },
      }),
    });
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Name for the new setup-token profile');
    expect(app.frame()).toContain('tab replace anthropic:default');
    await app.press('tab');
    await waitForFrame(app, 'Starting');
    await services.sessions[0]!.emit({ phase: 'token', token: token() });
    await waitForFrame(app, 'anthropic:default');
    expect(services.calls[0]?.[1]).toMatchObject({ profileId: 'anthropic:default', replace: 'same-type' });
  });

  it('explains a missing claude, and an exit without a token', async () => {
    const missing = createFakeServices({
      findClaude: () => {
        throw new Error('`claude` is not on PATH: install Claude Code with `npm install -g @anthropic-ai/claude-code`');
      },
    });
    const app = await renderApp(missing, { name: 'setup-token' });
    await waitForFrame(app, 'Claude Code is not installed');
    expect(app.frame()).toContain('npm install -g @anthropic-ai/claude-code');
    // No token is coming: the title names no profile it would go to (an API key's, on that home).
    expect(app.frame()).not.toContain('setup-token →');
    await app.press('enter');
    expect(app.exits).toEqual([{ exitCode: 1 }]);

    const services = createFakeServices();
    const exited = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(exited, 'Starting');
    await services.sessions[0]!.emit({ phase: 'exited', exitCode: 1 });
    expect(exited.frame()).toContain('ended without a token (exit code 1)');
    expect(exited.frame()).toContain('authdeck paste-token --provider anthropic');
  });

  it("ended without a token: says claude's own last words, and the paste-token command for the profile asked", async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'setup-token', profileId: 'team' });
    await waitForFrame(app, 'Starting');
    services.sessions[0]!.raw.push(
      'Welcome to Claude Code\r\n',
      'Error: your organisation has disabled setup-token\r\n',
    );
    await services.sessions[0]!.emit({ phase: 'exited', exitCode: 1 });
    const frame = await waitForFrame(app, 'your organisation has disabled setup-token');
    expect(frame).toContain("claude's last words:");
    expect(frame.replace(/\s*\n\s*/g, ' ')).toContain('authdeck paste-token --provider anthropic --profile-id team');
  });

  it('refuses what is not a setup-token, and kills claude when the screen closes', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'setup-token' });
    await waitForFrame(app, 'Starting');
    await services.sessions[0]!.emit({
      phase: 'token',
      token: 'sk-ant-oat01-short',
      tokenProblem: 'this is not a valid token',
    });
    expect(app.frame()).toContain('not a setup-token');
    expect(services.calls).toEqual([]);
    await app.press('ctrl-c');
    expect(app.exits).toEqual([{ exitCode: 130 }]);
    app.unmount();
    expect(services.sessions[0]!.disposed).toBe(true);
  });
});
