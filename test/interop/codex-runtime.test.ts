import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';
import { interopHome } from './interop-home.js';
import { networkEnv, onNpm } from './npm-reach.js';
import { openclaw, parseJsonOutput } from './openclaw-harness.js';

// OpenClaw 2026.9 runs OpenAI's models through its Codex runtime, which the external `codex`
// plugin brings (README "Providers"): a key alone leaves `models status` saying the runtime is
// unavailable. authdeck says what OpenClaw says, and its onboarding installs the plugin.

interface RuntimeRoute {
  provider: string;
  runtime: string;
  status: string;
}

async function openaiRuntime(home: string): Promise<{ check: number | null; route?: RuntimeRoute }> {
  const check = await openclaw('2026.9.6', home, ['models', 'status', '--check']);
  const status = parseJsonOutput<{ auth: { runtimeAuthRoutes: RuntimeRoute[] } }>(
    await openclaw('2026.9.6', home, ['models', 'status', '--json']),
  );
  return { check: check.code, route: status.auth.runtimeAuthRoutes.find((route) => route.provider === 'openai') };
}

/** Settings that change where OpenAI's models run, or whether they can: OpenClaw's check decides. */
const ROUTES: Array<[string, Record<string, unknown>]> = [
  [
    'the model on its own runtime',
    { agents: { defaults: { models: { 'openai/gpt-6-astra': { agentRuntime: { id: 'openclaw' } } } } } },
  ],
  [
    'the model on auto',
    { agents: { defaults: { models: { 'openai/gpt-6-astra': { agentRuntime: { id: 'auto' } } } } } },
  ],
  ['the provider on codex', { models: { providers: { openai: { agentRuntime: { id: 'codex' }, models: [] } } } }],
  [
    'another model on its own runtime',
    { agents: { defaults: { models: { 'openai/gpt-4.1': { agentRuntime: { id: 'openclaw' } } } } } },
  ],
  [
    'Chat Completions at OpenAI',
    {
      models: {
        providers: { openai: { baseUrl: 'https://api.openai.com/v1', api: 'openai-completions', models: [] } },
      },
    },
  ],
  ['a custom endpoint', { models: { providers: { openai: { baseUrl: 'http://127.0.0.1:9/v1', models: [] } } } }],
  ['plugins switched off', { plugins: { enabled: false } }],
];

describe('OpenAI on OpenClaw 2026.9.6: the Codex runtime plugin', () => {
  it('without it both say OpenAI cannot run; authdeck onboarding installs it, and then both say it can', async (ctx) => {
    const h = interopHome('2026.9.6');
    const fresh = ['onboard', '--non-interactive', '--accept-risk', '--auth-choice', 'skip', '--skip-health'];
    expect(await openclaw('2026.9.6', h.home, fresh)).toMatchObject({ code: 0 });
    const onboard = ['onboard', '--non-interactive', '--auth-choice', 'openai-api-key'];

    const saved = await h.authdeck([...onboard, '--skip-plugin-install'], fakeSecrets.openaiKey());
    expect(saved.stdout).toContain('Saved openai:api-key');
    expect(saved.stdout + saved.stderr).toContain('openclaw plugins install @openclaw/codex');
    expect(saved.code).toBe(1);
    expect(await openaiRuntime(h.home)).toEqual({
      check: 1,
      route: expect.objectContaining({ runtime: 'codex', status: 'unavailable' }),
    });
    const status = await h.authdeck(['status', '--check']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('check: openai: the codex plugin is not installed');

    // Where the config routes OpenAI, or switches plugins off: both checks agree, each home as it is.
    const original = readFileSync(h.configPath, 'utf8');
    const verdicts = [];
    for (const [name, change] of ROUTES) {
      writeJsonFile(h.configPath, { ...JSON.parse(original), ...change });
      const theirs = await openclaw('2026.9.6', h.home, ['models', 'status', '--check']);
      const ours = await h.authdeck(['status', '--check']);
      verdicts.push({ name, openclaw: theirs.code, authdeck: ours.code });
    }
    writeFileSync(h.configPath, original);
    expect(verdicts.filter((row) => row.openclaw !== row.authdeck)).toEqual([]);

    const env = networkEnv(makeTempHome().home);
    if (!onNpm('@openclaw/codex', env)) ctx.skip('npm does not serve @openclaw/codex here');
    // A registry that drops a download is not authdeck's failure: run once more, as the parity
    // suite does (once, under a full interop run, npm gave up beside the parity suite's installs).
    let installed = await h.authdeck(onboard, fakeSecrets.openaiKey(), env);
    if (installed.code !== 0) installed = await h.authdeck(onboard, fakeSecrets.openaiKey(), env);
    expect(installed.stderr).not.toContain('could not');
    expect(installed.code, installed.stderr).toBe(0);
    expect(await openaiRuntime(h.home)).toEqual({
      check: 0,
      route: expect.objectContaining({ runtime: 'codex', status: 'usable' }),
    });
    expect(await h.authdeck(['status', '--check'])).toMatchObject({ code: 0 });
  });
});
