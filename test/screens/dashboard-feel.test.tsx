import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentState } from '../../src/services/profiles/agent-state.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { anthropicPair, createFakeServices, fakeState, holdSetOrder, NOW } from '../helpers/fake-services.js';
import { renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

const profiles = {
  'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w'), expires: NOW + 9e9 },
  'groq:main': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey() },
};

function withEnv(state: AgentState): AgentState {
  return { ...state, daemonEnv: { OPENAI_API_KEY: fakeSecrets.openaiKey() } };
}

async function openDashboard(state = fakeState(profiles)) {
  const services = createFakeServices({ state });
  const app = await renderApp(services, { name: 'dashboard' });
  await waitForFrame(app, 'anthropic:work');
  return { app, services };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard: keys never do nothing silently', () => {
  it('says why d does not remove an environment variable', async () => {
    const { app, services } = await openDashboard(withEnv(fakeState(profiles)));
    await waitForFrame(app, 'env OPENAI_API_KEY');
    // Move to the env row: it is the last row.
    for (let i = 0; i < 4; i++) await app.type('j');
    expect(app.frame()).toMatch(/▸ .*env OPENAI_API_KEY/);
    await app.type('d');
    expect(app.frame().replace(/\s*\n\s*/g, ' ')).toContain(
      'OPENAI_API_KEY is not a profile: it comes from /home/me/.openclaw/.env; `authdeck env unset OPENAI_API_KEY` removes it',
    );
    expect(services.calls).toEqual([]);
  });

  it('d of a profile whose key the daemon .env also holds says the gateway keeps using it, as remove does', async () => {
    const state = { ...fakeState(profiles), daemonEnv: { GROQ_API_KEY: fakeSecrets.groqKey() } };
    const { app } = await openDashboard(state);
    await app.type('j');
    await waitForFrame(app, /▸ .*groq:main/);
    await app.type('d');
    await waitForFrame(app, 'Remove groq:main');
    await app.type('y');
    const said = (await waitForFrame(app, 'Removed groq:main')).replace(/\s*\n\s*/g, ' ');
    expect(said).toContain(
      '/home/me/.openclaw/.env still holds this key as GROQ_API_KEY, so the gateway keeps using it; `authdeck env unset GROQ_API_KEY` removes it',
    );
  });

  it('a write that runs a while (OpenClaw making the store) says for how long so far', async () => {
    const services = createFakeServices({ state: fakeState(anthropicPair()) });
    let clock = NOW;
    services.now = () => clock;
    const release = holdSetOrder(services);
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:default');
    await app.type('G');
    await app.type('K');
    await waitForFrame(app, 'Writing the anthropic order');
    // Three seconds on by the screen's clock: its next tick (within a second) shows them.
    clock += 3_000;
    await waitForFrame(app, /Writing the anthropic order.* 3s/);
    // The write lands and the screen says so: inside act(), as every change a test makes.
    await act(async () => release());
    await waitForFrame(app, /anthropic order:/);
  });

  it('says why J does nothing to a lone profile, and the message goes after a while', async () => {
    const { app, services } = await openDashboard();
    await app.type('j');
    expect(app.frame()).toMatch(/▸ .*groq:main/);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await app.type('J');
    expect(app.frame()).toContain('groq:main is the only groq profile: nothing to reorder');
    expect(services.calls).toEqual([]);
    await act(async () => {
      vi.advanceTimersByTime(9000);
    });
    await app.settle();
    expect(app.frame()).not.toContain('nothing to reorder');
  });

  it('J and K move the selected profile, and the cursor goes with it', async () => {
    const two = {
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey() },
      'anthropic:work': profiles['anthropic:work'],
    };
    const ordered = (ids: string[]) => fakeState(two, { order: { anthropic: ids } });
    const services = createFakeServices({ state: ordered(['anthropic:default', 'anthropic:work']) });
    services.setOrder = async (provider, ids) => {
      services.calls.push(['setOrder', provider, ids]);
      services.state = ordered(ids ?? []);
      return { path: '/x', changed: true, layer: 'local', gateway: { status: 'skipped', reason: 'fake' } };
    };
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, /▸\s+1\*?\s+anthropic:default/);
    // The cursor was never moved: it is on the first row without having chosen it.
    await app.type('J');
    const moved = await waitForFrame(app, /1\*?\s+anthropic:work[\s\S]*2\s+anthropic:default/);
    expect(moved).toMatch(/▸\s+2\s+anthropic:default/);
    await app.type('K');
    const back = await waitForFrame(app, /1\*?\s+anthropic:default[\s\S]*2\s+anthropic:work/);
    expect(back).toMatch(/▸\s+1\*?\s+anthropic:default/);
  });

  it('shows the keys that work in details (and the one that closes it), not the list keys', async () => {
    const { app } = await openDashboard();
    await app.press('enter');
    const frame = await waitForFrame(app, 'enter/esc close');
    expect(frame).not.toContain('e explain');
    await app.press('enter');
    await waitForFrame(app, 'e explain');
  });

  it("D shows the doctor's findings; f applies the safe fixes and checks again", async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.doctorFindings = [
      {
        code: 'permissions',
        severity: 'warning',
        subject: '/home/me/.openclaw/agents/main/agent/auth-profiles.json',
        problem: 'mode 644: readable by other users',
        why: 'secrets',
        fix: 'chmod 600 …',
        safeFix: { kind: 'chmod', path: '/x', mode: 0o600 },
      },
    ];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('D');
    await waitForFrame(app, 'mode 644: readable by other users');
    expect(app.frame()).toContain('f apply the safe fixes');
    await app.type('f');
    await waitForFrame(app, '✔ nothing to fix');
    expect(app.frame()).toContain('Fixed: fixed /home/me/.openclaw/agents/main/agent/auth-profiles.json');
    expect(app.frame()).not.toContain('f apply the safe fixes');
    expect(services.calls.map((call) => call[0])).toEqual(['runDoctor', 'applyDoctorFixes', 'runDoctor']);
    await app.press('escape');
    await waitForFrame(app, 'e explain');
  });

  it('D offers f only when a finding has a safe fix; f then says there is none', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.doctorFindings = [
      {
        code: 'order-missing',
        severity: 'warning',
        subject: 'auth.order.anthropic',
        problem: 'names a profile that does not exist',
        why: 'the gateway skips it',
        fix: 'remove it from the order by hand',
      },
    ];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('D');
    const panel = await waitForFrame(app, 'names a profile that does not exist');
    expect(panel).toContain('esc/q close');
    expect(panel).not.toContain('apply the safe fixes');
    await app.type('f');
    await waitForFrame(app, 'Nothing here has a safe fix.');
    expect(services.calls.map((call) => call[0])).toEqual(['runDoctor']);
  });

  it('p probes every key and shows the last result in each row and in details', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.probeOutcomes = [
      {
        id: 'groq:main',
        provider: 'groq',
        result: 'ok',
        httpStatus: 200,
        latencyMs: 212,
        detail: 'key accepted (HTTP 200)',
      },
      {
        id: 'anthropic:work',
        provider: 'anthropic',
        result: 'not_probed',
        httpStatus: null,
        latencyMs: null,
        detail: 'a setup-token',
      },
    ];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('p');
    const frame = await waitForFrame(app, 'Probed 1 key: 1 ok; 1 profile not probed (a setup-token)');
    expect(frame).toMatch(/groq:main .*✓ 212ms/);
    expect(frame).toMatch(/anthropic:work .*· skipped$/m);
    // Whole at 80 columns too, where the last column is cut at the edge.
    await app.resize(80);
    expect(app.frame()).toMatch(/anthropic:work .*· skipped$/m);
    await app.type('j');
    await app.press('enter');
    await waitForFrame(app, 'ok in 212 ms: key accepted (HTTP 200)');
  });

  it('p with no key it can check says why, in words', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    services.probeOutcomes = [
      {
        id: 'anthropic:work',
        provider: 'anthropic',
        result: 'not_probed',
        httpStatus: null,
        latencyMs: null,
        detail: 'no free check for this provider',
      },
    ];
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('p');
    await waitForFrame(app, 'Nothing to probe: 1 profile not probed (no free check for this provider)');
    expect(app.frame()).not.toContain('Probed 0 keys');
    // An environment variable is counted as one, not as a profile (a newcomer's walk).
    services.probeOutcomes = [
      ...services.probeOutcomes,
      {
        id: 'env:XAI_API_KEY',
        provider: 'xai',
        result: 'not_probed',
        httpStatus: null,
        latencyMs: null,
        detail: 'no free check for this provider',
      },
    ];
    await app.type('p');
    await waitForFrame(app, 'Nothing to probe: 1 profile and 1 env key not probed');
    await app.press('enter');
    const details = await waitForFrame(app, 'not probed: no free check for this provider');
    expect(details).not.toContain('not_probed');
  });

  it('a filter that matches nothing: a key for the row says there is none, rather than nothing', async () => {
    const { app } = await openDashboard(withEnv(fakeState(profiles)));
    await app.type('/');
    await app.type('zzz');
    await app.press('enter');
    await waitForFrame(app, 'filter: zzz');
    const said = 'no row matches the filter "zzz", so there is nothing to act on (esc clears it)';
    for (const key of ['d', 'c', 'r', 'K']) {
      await app.type(key);
      await waitForFrame(app, said);
      // A key that moves (nowhere) clears the message, so the next key's is its own.
      await app.type('j');
      await waitUntil(() => !app.frame().includes(said), `the message after ${key} to clear`);
    }
  });

  it('back from the wizard or setup-token, the filter and the row are where they were', async () => {
    const { app } = await openDashboard(withEnv(fakeState(profiles)));
    await app.type('j');
    await waitForFrame(app, /▸ .*groq:main/);
    await app.type('/');
    await app.type('o');
    await app.press('enter');
    await waitForFrame(app, 'filter: o');
    await app.type('j');
    await waitForFrame(app, /▸ .*env OPENAI_API_KEY/);
    for (const [key, screen] of [
      ['a', 'Welcome'],
      ['s', 'setup-token'],
    ] as const) {
      await app.type(key);
      await waitForFrame(app, screen);
      await app.press('escape');
      const back = await waitForFrame(app, 'filter: o');
      expect(back).toMatch(/▸ .*env OPENAI_API_KEY/);
    }
  });

  it('opens the wizard with "esc back", and selects the profile it added on the way back', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const save = services.saveCredential;
    services.saveCredential = async (input) => {
      const result = await save(input);
      services.state = fakeState({
        ...profiles,
        [input.profileId]: { type: 'api_key', provider: input.provider, key: input.secret },
      });
      for (const listener of services.changeListeners) listener();
      return result;
    };
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    // A filter the new profile does not match goes, so that it is there to be selected.
    await app.type('/');
    await app.type('groq');
    await app.press('enter');
    await waitForFrame(app, 'filter: groq');
    await app.type('a');
    const welcome = await waitForFrame(app, 'Welcome');
    expect(welcome).toContain('esc back');
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    await app.type('xai');
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in');
    await app.press('enter');
    await waitForFrame(app, 'Paste the');
    await app.type(fakeSecrets.xaiKey());
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    await app.press('enter');
    await waitForFrame(app, "daemon's .env?");
    await app.type('n');
    await waitForFrame(app, 'Saved xai:default');
    await app.press('enter');
    const back = await waitForFrame(app, /▸ .*xai:default/);
    expect(back).toContain('e explain');
    expect(back).not.toContain('filter: groq');
  });

  it('a filter starts the cursor on its first row, not at the place in the list before it', async () => {
    const many = {
      ...profiles,
      'anthropic:b': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('b') },
      'groq:second': { type: 'api_key', provider: 'groq', key: fakeSecrets.groqKey('second') },
      'openai:x': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('x') },
      'openai:y': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('y') },
    };
    const { app } = await openDashboard(fakeState(many));
    await app.type('G');
    await waitForFrame(app, /▸ .*openai:y/);
    await app.type('/');
    await app.type('groq');
    await app.press('enter');
    const frame = await waitForFrame(app, 'filter: groq');
    const groqRows = frame.split('\n').filter((line) => /groq:\w+ +api_key/.test(line));
    expect(groqRows[0]).toMatch(/▸/);
  });
});

describe('dashboard: a provider whose every profile waits', () => {
  it('says "all waiting" on its heading instead of naming no next', async () => {
    const profiles = {
      'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w') },
      'anthropic:spare': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('s') },
    };
    const usageStats = {
      'anthropic:work': { cooldownUntil: NOW + 20 * 60_000, cooldownReason: 'rate_limit' },
      'anthropic:spare': { disabledUntil: NOW + 3 * 3_600_000, disabledReason: 'billing' },
    };
    const app = await renderApp(createFakeServices({ state: fakeState(profiles, { usageStats }) }), {
      name: 'dashboard',
    });
    const frame = await waitForFrame(app, 'anthropic:work');
    expect(frame).toMatch(/anthropic Anthropic · all waiting\n/);
  });
});

describe('dashboard: K on a profile first in the written order but waiting', () => {
  it('says it waits, not only that it is already first (the table shows it second)', async () => {
    const profiles = {
      'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('w') },
      'anthropic:spare': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken('s') },
    };
    const state = fakeState(profiles, {
      order: { anthropic: ['anthropic:work', 'anthropic:spare'] },
      usageStats: { 'anthropic:work': { disabledUntil: NOW + 5 * 3_600_000, disabledReason: 'billing' } },
    });
    const app = await renderApp(createFakeServices({ state }), { name: 'dashboard' });
    await waitForFrame(app, /1\* anthropic:spare/);
    await app.type('j');
    await waitForFrame(app, /▸ +2 +anthropic:work/);
    await app.type('K');
    const frame = await waitForFrame(app, 'already first');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'anthropic:work is already first in the written anthropic order, but it waits (disabled 5h left): the gateway tries the others first (c clears the window if its cause is gone)',
    );
  });
});
