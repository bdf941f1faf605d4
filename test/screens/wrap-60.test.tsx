import { describe, expect, it } from 'vitest';
import { LIST_HELP } from '../../src/screens/dashboard/dashboard-keys.js';
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
    for (const [key, help] of LIST_HELP) expect(labelled(lines, key, 10), key).toBe(help);
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
    const left = Number(/… (\d+) more in a taller terminal/.exec(more)?.[1]);
    const keys = lines.slice(1, -1).filter((line) => line.slice(0, 10).trim() !== '');
    expect(keys.length + left).toBe(LIST_HELP.length);
    for (const [key, help] of LIST_HELP.slice(0, keys.length)) expect(labelled(lines, key, 10)).toBe(help);
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
  });
});
