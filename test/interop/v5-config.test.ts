import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CatalogChoice, catalog, secretOwner } from '../../src/services/providers/catalog.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';
import { NO_GATEWAY_PORT, openclaw, openclawBinDir } from './openclaw-harness.js';

// The catalog's setups were observed on OpenClaw 2026.9; a home of 2026.5.20 must still start
// after authdeck writes them (its config schema is strict: a key it does not know stops it). Every
// key choice is onboarded onto one 2026.5.20 home, then OpenClaw validates the config.

const VERSION = '2026.5.20';
const ONBOARD = [
  'onboard',
  '--non-interactive',
  '--accept-risk',
  '--skip-health',
  '--skip-channels',
  '--skip-skills',
  '--skip-search',
  '--skip-daemon',
];
/** What OpenClaw 2026.5.20's own onboarding set, choice by choice (scripts/catalog/observe-older.mjs). */
const OLDER = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../scripts/catalog/observations-older.json', import.meta.url)), 'utf8'),
) as { openclawVersion: string; choices: Record<string, { defaultModel: string }> };

const SHAPED: Record<string, () => string> = {
  anthropic: () => fakeSecrets.anthropicApiKey('v5'),
  openai: () => fakeSecrets.openaiKey('v5'),
  openrouter: () => fakeSecrets.openrouterKey('v5'),
  google: () => fakeSecrets.googleKey('v5'),
  groq: () => fakeSecrets.groqKey('v5'),
  xai: () => fakeSecrets.xaiKey('v5'),
  mistral: () => fakeSecrets.mistralKey('v5'),
  deepseek: () => fakeSecrets.deepseekKey('v5'),
  cerebras: () => `csk-${'k'.repeat(48)}`,
};

/** Key choices authdeck sets up from a piped key alone (sign-ins, servers and Foundry aside). */
function keyChoices(): CatalogChoice[] {
  return catalog.choices.filter(
    (choice) =>
      choice.provider &&
      choice.credential.kind === 'api_key' &&
      !choice.onboarding.needs.some((need) => need === 'sign-in' || need === 'cli' || need === 'local-server') &&
      choice.method !== 'local' &&
      choice.id !== 'microsoft-foundry-apikey' &&
      choice.id !== 'cloudflare-ai-gateway-api-key' &&
      choice.scopes.includes('text-inference'),
  );
}

describe(`setups written on a home of OpenClaw ${VERSION}`, () => {
  it('leave a config OpenClaw validates, after every key choice', async () => {
    const { home } = makeTempHome();
    const made = await openclaw(VERSION, home, [...ONBOARD, '--auth-choice', 'skip']);
    expect(made.code).toBe(0);
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const failed: string[] = [];
    const defaults = new Map<string, string>();
    const choices = keyChoices();
    for (const choice of choices) {
      // The key the choice takes: its provider's, or another's (Arcee through OpenRouter).
      const secret = SHAPED[secretOwner(choice) ?? '']?.() ?? `fake-${choice.id}-${'k'.repeat(32)}`;
      const done = await runCli(['onboard', '--non-interactive', '--auth-choice', choice.id, '--set-default-model'], {
        home,
        env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
        input: secret,
      });
      if (done.code !== 0) failed.push(`${choice.id}: ${done.stderr.trim().slice(-160)}`);
      const primary = readJson(join(home, '.openclaw', 'openclaw.json')).agents?.defaults?.model?.primary;
      if (/default model: \S+\/\S+/.test(done.stdout) && choice.scopes.includes('text-inference'))
        defaults.set(choice.id, primary);
    }
    expect(failed).toEqual([]);
    expect(choices.length).toBeGreaterThan(30);
    const validated = await openclaw(VERSION, home, ['config', 'validate']);
    expect(`${validated.stdout}${validated.stderr}`).toContain('Config valid');
    // Each default model is the one this OpenClaw's own onboarding sets for the choice (observed
    // in observations-older.json), not 2026.9's newer one (claude-opus-5), which it does not know.
    const differ = [...defaults].filter(([id, ref]) => OLDER.choices[id] && OLDER.choices[id].defaultModel !== ref);
    expect(differ).toEqual([]);
    expect([...defaults.keys()].filter((id) => OLDER.choices[id]).length).toBeGreaterThan(25);
  });

  it.each([
    ['apiKey', fakeSecrets.anthropicApiKey('v5')],
    ['zai-api-key', `fake-zai-${'k'.repeat(32)}`],
    ['zai-coding-cn', `fake-zai-${'c'.repeat(32)}`],
    ['moonshot-api-key-cn', `fake-moonshot-${'k'.repeat(32)}`],
  ])(
    '%s: the default model, its entry and the provider block are what this OpenClaw onboarding writes on a twin home',
    async (id, secret) => {
      const ours = makeTempHome();
      const theirs = makeTempHome();
      const flag = catalog.choices.find((choice) => choice.id === id)?.credential.flag;
      const ran = await openclaw(VERSION, theirs.home, [
        ...ONBOARD,
        '--auth-choice',
        id,
        ...(flag ? [flag, secret] : []),
      ]);
      expect(ran.code).toBe(0);
      const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
      const done = await runCli(['onboard', '--non-interactive', '--auth-choice', id], {
        home: ours.home,
        env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
        input: secret,
      });
      expect(done.code).toBe(0);
      const defaults = (home: string) => {
        const config = readJson(join(home, '.openclaw', 'openclaw.json'));
        const { model, models } = config.agents.defaults;
        // zai-api-key's endpoint is found by trying the key online: offline OpenClaw writes its
        // fallback, which authdeck does not take for the key's endpoint (it says to check it).
        return { model, models, ...(id === 'zai-api-key' ? {} : { providers: config.models?.providers ?? null }) };
      };
      expect(defaults(ours.home)).toEqual(defaults(theirs.home));
    },
  );
});
