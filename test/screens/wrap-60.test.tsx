import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../src/app-services.js';
import { HELP } from '../../src/screens/dashboard/HelpPanel.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { createFakeServices, fakeState, fakeWorkspace } from '../helpers/fake-services.js';
import { type Rendered, renderApp, waitForFrame } from '../helpers/ink.js';

// At 60 columns (README "The TUI": rows stay whole from 60 columns) what a panel or a step says
// wraps under its own text instead of losing its end at the edge.

const profiles = {
  'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w') },
  'groq:default': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
};

/** The lines inside the frame's box, without its border and padding. */
function inBox(frame: string): string[] {
  const lines = frame.split('\n');
  const top = lines.findIndex((line) => line.startsWith('╭'));
  const bottom = lines.findIndex((line) => line.startsWith('╰'));
  return lines.slice(top + 1, bottom).map((line) => line.replace(/^│ /, '').replace(/ *│$/, ''));
}

/**
 * What a labelled value says over all its lines: the continuation lines are the ones with
 * nothing in the label column; a line that ended after a `/` goes on with no space.
 */
function labelled(lines: readonly string[], label: string, column: number): string {
  const start = lines.findIndex((line) => line.slice(0, column).trim() === label);
  if (start === -1) throw new Error(`no ${label} in:\n${lines.join('\n')}`);
  let value = (lines[start] ?? '').slice(column).trimEnd();
  for (const line of lines.slice(start + 1)) {
    if (line.slice(0, column).trim() !== '') break;
    const more = line.slice(column).trimEnd();
    if (more === '') break;
    value += value.endsWith('/') ? more : ` ${more}`;
  }
  return value;
}

function expectWithin(app: Rendered, columns: number) {
  for (const line of app.frame().split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
}

describe('at 60 columns nothing is cut', () => {
  it('the help wraps what each key does under its text: every word is there, and no …', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 50);
    await app.type('?');
    const frame = await waitForFrame(app, 'Keys');
    expectWithin(app, 60);
    const lines = inBox(frame);
    for (const [key, help] of HELP) expect(labelled(lines, key, 10), key).toBe(help);
    expect(lines.join('\n')).not.toContain('…');
  });

  it('in a short terminal the help shows the keys that fit whole and says how many did not', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 14);
    await app.type('?');
    const frame = await waitForFrame(app, 'Keys');
    expect(frame.split('\n').length).toBeLessThanOrEqual(13);
    const lines = inBox(frame);
    const more = lines.at(-1) ?? '';
    const left = Number(/(\d+) more below · ↑\/↓ scroll/.exec(more)?.[1]);
    const keys = lines.slice(1, -1).filter((line) => line.slice(0, 10).trim() !== '');
    expect(keys.length + left).toBe(HELP.length);
    for (const [key, help] of HELP.slice(0, keys.length)) expect(labelled(lines, key, 10)).toBe(help);
  });

  it('in a short terminal the details scroll: ↓ shows the values below, ↑ brings back the first', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 14);
    await app.press('enter');
    const first = await waitForFrame(app, /provider\s+anthropic/);
    expect(first.split('\n').length).toBeLessThanOrEqual(13);
    const below = Number(/(\d+) more below · ↑\/↓ scroll/.exec(first)?.[1]);
    expect(below).toBeGreaterThan(0);
    expect(first).not.toMatch(/^│ source/m);
    // Down, a value at a time, to the last one: the store path, cut off before.
    let presses = 0;
    while (!/source\s+this agent/.test(app.frame()) && presses < 10) {
      await app.press('down');
      presses++;
    }
    const last = await waitForFrame(app, /source\s+this agent/);
    expect(last).toMatch(/\d+ above · ↑\/↓ scroll/);
    expect(last).not.toMatch(/provider\s+anthropic/);
    // Further down does nothing: the last value stays in view.
    await app.press('down');
    expect(app.frame()).toMatch(/source\s+this agent/);
    // Back up, by arrow and by k: the first value again, nothing above it.
    for (let i = 0; i < presses - 1; i++) await app.press('up');
    await app.type('k');
    const back = await waitForFrame(app, /provider\s+anthropic/);
    expect(back).not.toMatch(/above ·/);
    // Still the details, not the list: Esc closes them.
    await app.press('escape');
    await waitForFrame(app, /▸/);
    expect(app.frame()).not.toMatch(/↑\/↓ scroll/);
  });

  it('the details keep a long store path whole, broken after a `/`, its file name on one line', async () => {
    // A profile the agent inherits from the main agent: the longest source label beside the path.
    const workspace = fakeWorkspace({
      agentId: 'ops',
      agentDir: '/home/someone-with-a-long-name/.openclaw/agents/ops/agent',
      mainAgentDir: '/home/someone-with-a-long-name/.openclaw/agents/main/agent',
      isMain: false,
    });
    const state = fakeState({}, {}, workspace);
    const mainPath = `${workspace.mainAgentDir}/auth-profiles.json`;
    state.base = { ...state.own, path: mainPath, profilesDoc: { version: 1, profiles }, profiles };
    const services = createFakeServices({ state, workspace });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 30);
    await app.press('enter');
    const frame = await waitForFrame(app, /provider\s+anthropic/);
    expectWithin(app, 60);
    const lines = inBox(frame);
    expect(labelled(lines, 'source', 12)).toBe(`inherited from the main agent · ${mainPath}`);
    expect(lines.some((line) => /(^|\/)auth-profiles\.json$/.test(line.slice(12).trim()))).toBe(true);
  });

  it("the welcome step's lines are whole: the store, why, and what needs Claude Code", async () => {
    const workspace = fakeWorkspace({
      home: '/home/someone-with-a-long-name',
      stateDir: '/home/someone-with-a-long-name/.openclaw',
      agentDir: '/home/someone-with-a-long-name/.openclaw/agents/main/agent',
      mainAgentDir: '/home/someone-with-a-long-name/.openclaw/agents/main/agent',
    });
    const state = fakeState({}, {}, workspace);
    const evidence = 'auth.sharedStore = state-db in /home/someone-with-a-long-name/.openclaw/state/openclaw.sqlite';
    state.generation = { ...state.generation, openclawVersion: '2026.9.6', evidence };
    const services = createFakeServices({
      state,
      workspace,
      findClaude: () => {
        throw new Error('claude not found');
      },
    });
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.resize(60, 30);
    const frame = await waitForFrame(app, 'because');
    expectWithin(app, 60);
    const lines = frame.split('\n');
    expect(labelled(lines, 'state dir', 12)).toBe(workspace.stateDir);
    expect(labelled(lines, 'agent', 12)).toBe(`main (${workspace.agentDir})`);
    expect(labelled(lines, 'writes for', 12)).toBe('JSON files (OpenClaw ≤ 2026.6.1), seen 2026.9.6');
    expect(labelled(lines, 'because', 12)).toBe(evidence);
    expect(labelled(lines, 'claude', 12)).toBe('not found (the setup-token method needs Claude Code)');
    expect(frame).not.toContain('…');
    // A short terminal keeps the header and the welcome: the facts least needed give way
    // (the welcome scrolled away at 60×14, the screen starting mid-sentence).
    await app.resize(60, 14);
    await waitForFrame(app, /^(?![\s\S]*because)/);
    const short = app.frame().split('\n');
    expect(short.length).toBeLessThanOrEqual(13);
    expect(short[0]).toContain('authdeck · onboard');
    expect(words(app)).toContain('Welcome. This sets up a credential');
    expect(words(app)).toContain('writes for JSON files');
    expect(short.at(-1)).toMatch(/enter start/);
  });
});

/** Two plugin warnings, each three lines at 60 columns. */
const WARNINGS = [
  'openai: the codex plugin is not installed, so the gateway cannot run its models; fix: `openclaw plugins install @openclaw/codex`, then restart the gateway',
  'groq: the groq plugin is switched off, so the gateway does not use its credentials; fix: `openclaw plugins enable groq`, then restart the gateway',
];

/** The dashboard's frame as one line of words: what wrapped reads as it was written. */
const words = (app: Rendered) => app.frame().replace(/\s+/g, ' ');

/** With a key for OpenAI (the provider in use when no model is set), the counts take one line. */
const withOpenai = {
  ...profiles,
  'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
};

describe('the dashboard at 60 columns', () => {
  it('the counts move whole to a second line rather than lose the one to read', async () => {
    const app = await renderApp(createFakeServices({ state: fakeState(profiles) }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 30);
    const lines = app.frame().split('\n');
    expect(lines).toContain('1 provider in use without a credential');
    expect(app.frame()).not.toMatch(/1 pr…/);
  });

  it('the store line keeps which OpenClaw it writes for whole, the path on a line of its own', async () => {
    const state = fakeState(profiles);
    state.generation = { ...state.generation, openclawVersion: '2026.9.6' };
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 30);
    const lines = app.frame().split('\n');
    const at = lines.findIndex((line) => line.startsWith('JSON files'));
    expect(lines[at]).toBe('JSON files (OpenClaw ≤ 2026.6.1), seen 2026.9.6');
    expect(lines[at + 1]).toBe('· /home/me/.openclaw/agents/main/agent/auth-profiles.json');
  });

  it('a message is whole, however many lines it takes', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const remove = services.removeProfile;
    const note = 'no gateway is running at ws://127.0.0.1:18789; it reads the store when it starts';
    services.removeProfile = (async (id: string) => ({
      ...(await remove(id)),
      gatewayNote: { line: note, warning: false },
    })) as AppServices['removeProfile'];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 30);
    await app.type('d');
    await app.type('y');
    await waitForFrame(app, 'Removed anthropic:work');
    await waitForFrame(app, 'when it starts');
    expect(words(app)).toContain(
      `Removed anthropic:work from /home/me/.openclaw/agents/main/agent/auth-profiles.json; ${note}`,
    );
  });

  it('at 60×14 both warnings show whole: the rest of the hints and the store give way first', async () => {
    const services = createFakeServices({ state: fakeState(withOpenai) });
    services.pluginWarningLines = WARNINGS;
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 14);
    await waitForFrame(app, '! groq:');
    expectWithin(app, 60);
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(13);
    for (const warning of WARNINGS) expect(words(app)).toContain(`! ${warning}`);
    // The hint bar is down to its first line, `? help` at its end; the table keeps its rows.
    expect(app.frame().split('\n').at(-1)).toMatch(/\? help$/);
    expect(app.frame()).toMatch(/▸ .*anthropic:work/);
    expect(app.frame()).toMatch(/… \d+ more below/);
    expect(app.frame()).not.toContain('JSON files');
  });

  it('beside a panel a warning shows whole or a line says it is there, never half of it', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.pluginWarningLines = WARNINGS;
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.resize(60, 20);
    await waitForFrame(app, '! groq:');
    await app.press('enter');
    await waitForFrame(app, /provider\s+anthropic/);
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(19);
    const said = words(app);
    for (const warning of WARNINGS) {
      const start = warning.slice(0, 30);
      if (said.includes(start)) expect(said).toContain(warning);
    }
    expect(said).toMatch(/! (1 more warning|2 warnings): `authdeck status`/);
  });
});

describe('at 60 columns, a highlighted method that wraps', () => {
  it('keeps the space between ❯ and its label ("❯Sign in…" lost it)', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'openai' });
    await app.resize(60, 30);
    await waitForFrame(app, 'How do you want to sign in to OpenAI?');
    await app.press('down');
    const frame = await waitForFrame(app, /❯ ?Sign in with ChatGPT/);
    expect(frame).toMatch(/❯ Sign in with ChatGPT in a browser/);
    expect(frame).toMatch(/\n {2}the gateway renews/);
    expect(frame).not.toMatch(/❯\S/);
  });
});
