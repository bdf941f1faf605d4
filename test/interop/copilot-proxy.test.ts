import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copilotProxyModelIds, copilotProxySetup } from '../../src/services/providers/copilot-proxy.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import { NO_GATEWAY_PORT, NODE24, openclaw, openclawBinDir, openclawPackageDir } from './openclaw-harness.js';

// The Copilot Proxy: OpenClaw 2026.9.6 sets it up only in a terminal, so its bundled plugin's own
// setup is run on the same answers (copilot-proxy-openclaw.mjs) and compared with what authdeck
// writes; then OpenClaw lists the models of a home authdeck set up.

const VERSION = '2026.9.6';
const script = fileURLToPath(new URL('./copilot-proxy-openclaw.mjs', import.meta.url));

const CASES = [
  {
    baseUrl: 'http://localhost:3000/v1',
    modelIds: 'gpt-5-mini, claude-opus-4.6, claude-opus-4.7, claude-sonnet-4.6, gemini-3-flash',
  },
  { baseUrl: 'http://127.0.0.1:3001/', modelIds: 'gpt-5-mini, claude-sonnet-4.6,gpt-5-mini' },
  { baseUrl: '', modelIds: 'a\nb' },
  { baseUrl: 'https://proxy.example/v1///', modelIds: ' x ' },
];

function openclawResults(cases: typeof CASES): Array<Record<string, unknown>> {
  const run = spawnSync(NODE24, [script, openclawPackageDir(VERSION)], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`copilot-proxy-openclaw.mjs failed: ${run.stderr.slice(-800)}`);
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

describe(`the Copilot Proxy against OpenClaw ${VERSION}'s own plugin`, () => {
  it('writes what the plugin returns for the same answers', () => {
    const theirs = openclawResults(CASES);
    const ours = CASES.map(({ baseUrl, modelIds }) => {
      const { setup, credential } = copilotProxySetup({ baseUrl, modelIds });
      return {
        profiles: [
          {
            profileId: credential.profileId,
            credential: { type: 'token', provider: 'copilot-proxy', token: credential.secret },
          },
        ],
        providers: setup.providers,
        modelEntries: setup.modelEntries,
        defaultModel: setup.defaultModel?.ref,
      };
    });
    expect(ours).toEqual(theirs);
  });

  it('refuses an empty model list, as the plugin does', () => {
    const [theirs] = openclawResults([{ baseUrl: '', modelIds: ' , ' }]);
    expect(theirs).toHaveProperty('refused');
    expect(() => copilotProxyModelIds(' , ')).toThrow('name at least one model id');
  });

  it('sets up a home whose models OpenClaw lists, the first the default', async () => {
    const { home } = makeTempHome();
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const done = await runCli(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'copilot-proxy',
        '--custom-model-id',
        'gpt-5-mini,claude-sonnet-4.6',
      ],
      { home, env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT }, input: '' },
    );
    expect(done.stderr).not.toMatch(/authdeck:/);
    expect(done.code).toBe(0);
    const listed = await openclaw(VERSION, home, ['models', 'list', '--provider', 'copilot-proxy'], {
      env: { OPENCLAW_GATEWAY_PORT: '' },
    });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/copilot-proxy\/gpt-5-mini .*default/);
    expect(listed.stdout).toContain('copilot-proxy/claude-sonnet-4.6');
  });
});
