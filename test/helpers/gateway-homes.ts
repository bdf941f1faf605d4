import { expect } from 'vitest';
import { fakeSecrets } from './fake-secrets.js';
import { runCommand } from './run-command.js';
import { makeTempHome } from './temp-state.js';
import { type Layer, layOutV9Home } from './v9-layers.js';

// Homes laid out as OpenClaw 2026.9.6 keeps them, and explain's answer on them, for the tests that
// hold authdeck to the gateway's rules (test/commands/explain-gateway-rules, gateway-rules-more).

export const HOUR = 3_600_000;
export const OPUS = 'anthropic/claude-opus-5';
export const FENCE = 'openclaw-oauth-refresh-fence:v1:0123456789abcdef0123456789abcdef';
export const DIGEST = 'a'.repeat(64);

export const xai = (seed: string, provider = 'xai') => ({ type: 'api_key', provider, key: fakeSecrets.xaiKey(seed) });
export const token = (seed: string, expires?: unknown) => ({
  type: 'token',
  provider: 'anthropic',
  token: fakeSecrets.setupToken(seed),
  ...(expires !== undefined ? { expires } : {}),
});

export function home(shared: Layer, config: Record<string, unknown>) {
  const temp = makeTempHome();
  layOutV9Home(temp.stateDir, temp.configPath, shared, {}, config);
  return temp.home;
}

export const run = (at: string, ...args: string[]) =>
  runCommand(['explain', ...args, '--json'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } });

export async function explained(at: string, ...args: string[]) {
  const result = await run(at, ...args);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).models as Array<{
    ref: string;
    authProvider: string;
    order: string[];
    next: string | null;
    skipped: string | null;
    profiles: Array<{ id: string; reason: string | null; notTried: string | null }>;
  }>;
}

export const reasons = (model: { profiles: Array<{ id: string; reason: string | null }> }) =>
  Object.fromEntries(model.profiles.map((profile) => [profile.id, profile.reason]));
