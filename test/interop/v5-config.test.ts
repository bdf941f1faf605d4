import { describe, expect, it } from 'vitest';
import { type CatalogChoice, catalog } from '../../src/services/providers/catalog.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import { NO_GATEWAY_PORT, openclaw, openclawBinDir } from './openclaw-harness.js';

// The catalog's setups were observed on OpenClaw 2026.9; a home of 2026.5.20 must still start
// after authdeck writes them (its config schema is strict: a key it does not know stops it). Every
// key choice is onboarded onto one 2026.5.20 home, then OpenClaw validates the config.

const VERSION = '2026.5.20';

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
    const made = await openclaw(VERSION, home, [
      'onboard',
      '--non-interactive',
      '--accept-risk',
      '--auth-choice',
      'skip',
      '--skip-health',
      '--skip-channels',
      '--skip-skills',
      '--skip-search',
      '--skip-daemon',
    ]);
    expect(made.code).toBe(0);
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const failed: string[] = [];
    const choices = keyChoices();
    for (const choice of choices) {
      const secret = SHAPED[choice.provider ?? '']?.() ?? `fake-${choice.id}-${'k'.repeat(32)}`;
      const done = await runCli(['onboard', '--non-interactive', '--auth-choice', choice.id, '--set-default-model'], {
        home,
        env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
        input: secret,
      });
      if (done.code !== 0) failed.push(`${choice.id}: ${done.stderr.trim().slice(-160)}`);
    }
    expect(failed).toEqual([]);
    expect(choices.length).toBeGreaterThan(30);
    const validated = await openclaw(VERSION, home, ['config', 'validate']);
    expect(`${validated.stdout}${validated.stderr}`).toContain('Config valid');
  });
});
