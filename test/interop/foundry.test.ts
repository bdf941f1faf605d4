import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foundryFromFlags } from '../../src/commands/onboard-choice-options.js';
import {
  type FoundryAnswers,
  foundryDeployment,
  foundryMetadata,
  foundrySetup,
} from '../../src/services/providers/foundry.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import { NO_GATEWAY_PORT, NODE24, openclaw, openclawBinDir, openclawPackageDir } from './openclaw-harness.js';

// Microsoft Foundry's API key: OpenClaw 2026.9.6 sets it up only in a terminal (its questions have
// no flags), so its own code is run on the same answers (foundry-openclaw.mjs) and what it returns
// is compared with what authdeck writes — the profile's metadata, the provider block with its
// model row, the default (or image) model and the order. A home authdeck sets up is then read
// by OpenClaw itself.

const VERSION = '2026.9.6';
const script = fileURLToPath(new URL('./foundry-openclaw.mjs', import.meta.url));
const AZURE = 'https://res.openai.azure.com';
const AI = 'https://res.services.ai.azure.com';

/** Answers with the API as OpenClaw's question defaults it where the family leaves it open. */
function asked(answers: Omit<FoundryAnswers, 'endpoint'> & { endpoint?: string }): FoundryAnswers {
  const open = answers.family === 'gpt-5' || answers.family === 'other';
  return {
    endpoint: AZURE,
    ...answers,
    ...(open && !answers.api ? { api: answers.family === 'gpt-5' ? 'openai-responses' : 'openai-completions' } : {}),
  };
}

const CASES: FoundryAnswers[] = [
  asked({ deployment: 'gpt-4o', family: 'other' }),
  asked({ deployment: 'gpt-4o', family: 'other', api: 'openai-responses' }),
  asked({ deployment: 'Phi-4-mini-instruct', family: 'other' }),
  asked({ deployment: 'mai-ds-r1', family: 'other' }),
  asked({ deployment: 'deepseek-v4-pro', family: 'other', api: 'openai-responses' }),
  asked({ deployment: 'computer-use-preview', family: 'other', api: 'openai-responses' }),
  asked({ deployment: 'gpt-5-chat-latest', family: 'other' }),
  asked({ deployment: 'my-gpt5', family: 'gpt-5', endpoint: `${AZURE}/openai/v1?x=1` }),
  asked({ deployment: 'gpt-5.4', family: 'gpt-5', endpoint: `${AI}/` }),
  asked({ deployment: 'gpt-5.4-mini', family: 'gpt-5' }),
  asked({ deployment: 'gpt-5.1-codex-max', family: 'gpt-5' }),
  asked({ deployment: 'gpt-5-pro', family: 'gpt-5' }),
  asked({ deployment: 'gpt-5-codex', family: 'gpt-5' }),
  asked({ deployment: 'o3-mini', family: 'gpt-5', api: 'openai-completions' }),
  asked({ deployment: 'o1-mini', family: 'gpt-5', endpoint: `${AZURE}/openai/deployments/o1?api-version=2025` }),
  asked({ deployment: 'claude', family: 'claude', model: 'claude-fable-5', endpoint: `${AI}/anthropic/v1` }),
  asked({ deployment: 'opus', family: 'claude', model: 'claude-opus-4-7', endpoint: AI }),
  asked({ deployment: 'sonnet', family: 'claude', model: 'claude-sonnet-4-5', endpoint: AI }),
  asked({ deployment: 'sonnet46', family: 'claude', model: 'claude-sonnet-4.6', endpoint: AI }),
  asked({ deployment: 'opus41', family: 'claude', model: 'claude-opus-4-1', endpoint: AI }),
  asked({ deployment: 'opus55', family: 'claude', model: 'claude-opus-5-5', endpoint: AI }),
  asked({ deployment: 'haiku', family: 'claude', model: 'claude-haiku-4-5', endpoint: AI }),
  asked({ deployment: 'images', family: 'mai-image', model: 'MAI-Image-2.5-Flash', endpoint: AI }),
  asked({ deployment: 'images2', family: 'mai-image', model: 'MAI-Image-2e', endpoint: AI }),
];

/** Refused by both: Mythos takes Entra ID only; a Claude family needs a Claude name; no endpoint. */
const REFUSED: FoundryAnswers[] = [
  asked({ deployment: 'mythos', family: 'claude', model: 'claude-mythos-preview', endpoint: AI }),
  asked({ deployment: 'x', family: 'claude', model: 'gpt-4o', endpoint: AI }),
  asked({ deployment: 'x', family: 'other', endpoint: 'not a url' }),
];

function openclawResults(cases: FoundryAnswers[]): Array<Record<string, unknown>> {
  const run = spawnSync(NODE24, [script, openclawPackageDir(VERSION)], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`foundry-openclaw.mjs failed: ${run.stderr.slice(-800)}`);
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

function authdeckResult(answers: FoundryAnswers): Record<string, unknown> {
  const deployment = foundryDeployment(answers, 'api-key');
  const setup = foundrySetup(deployment, 'microsoft-foundry:default');
  const image = setup.facts?.find((fact) => fact.kind === 'image-model');
  return {
    metadata: foundryMetadata(deployment, 'api-key'),
    provider: JSON.parse(JSON.stringify(setup.providers['microsoft-foundry'])),
    defaultModel: setup.defaultModel?.ref ?? null,
    imageModel: image?.kind === 'image-model' ? image.ref : null,
    order: ['microsoft-foundry:default'],
  };
}

describe(`Microsoft Foundry's API key against OpenClaw ${VERSION}'s own onboarding code`, () => {
  it(`writes what OpenClaw's Foundry plugin returns for the same answers (${CASES.length} deployments)`, () => {
    const theirs = openclawResults(CASES);
    const differing = CASES.flatMap((answers, index) => {
      const ours = authdeckResult(answers);
      return JSON.stringify(ours) === JSON.stringify(theirs[index])
        ? []
        : [{ answers, openclaw: theirs[index], authdeck: ours }];
    });
    expect(differing).toEqual([]);
  });

  it('refuses what OpenClaw refuses', () => {
    const theirs = openclawResults(REFUSED);
    for (const [index, answers] of REFUSED.entries()) {
      expect(theirs[index]).toHaveProperty('refused');
      expect(() => foundryDeployment(answers, 'api-key')).toThrow();
    }
  });

  it('takes the same deployment from flags where the model names its family', () => {
    const theirs = openclawResults([asked({ deployment: 'prod', family: 'gpt-5', model: undefined })]);
    // `--foundry-model gpt-5` for a deployment named otherwise: OpenClaw's GPT-5 family answer.
    const flags = foundryFromFlags({ customBaseUrl: AZURE, customModelId: 'prod', foundryModel: 'gpt-5' }, {});
    expect(foundryMetadata(flags, 'api-key')).toEqual(theirs[0]?.metadata);
  });

  it('sets up a home OpenClaw then reads: the key with its metadata, the model listed, the default', async () => {
    const { home, configPath } = makeTempHome();
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const done = await runCli(
      [
        'onboard',
        '--non-interactive',
        '--auth-choice',
        'microsoft-foundry-apikey',
        '--custom-base-url',
        `${AI}/`,
        '--custom-model-id',
        'gpt-5.4',
      ],
      { home, env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT }, input: `${'f'.repeat(32)}\n` },
    );
    expect(done.stderr).not.toMatch(/authdeck:/);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('default model: microsoft-foundry/gpt-5.4');
    const listed = await openclaw(VERSION, home, ['models', 'list', '--provider', 'microsoft-foundry'], {
      env: { OPENCLAW_GATEWAY_PORT: '' },
    });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('microsoft-foundry/gpt-5.4');
    const status = await openclaw(VERSION, home, ['models', 'status', '--json']);
    const parsed = JSON.parse(status.stdout.slice(status.stdout.indexOf('{'))) as {
      defaultModel: string;
      auth: { providers: Array<{ provider: string; profiles: { count: number } }> };
    };
    expect(parsed.defaultModel).toBe('microsoft-foundry/gpt-5.4');
    expect(parsed.auth.providers.find((entry) => entry.provider === 'microsoft-foundry')?.profiles.count).toBe(1);
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.auth).toMatchObject({ order: { 'microsoft-foundry': ['microsoft-foundry:default'] } });
  });
});
