import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CatalogChoice, catalog } from '../../src/services/providers/catalog.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import { NO_GATEWAY_PORT, openclaw, openclawBinDir, parseJsonOutput } from './openclaw-harness.js';

// Every auth choice OpenClaw 2026.9.6 completes offline, set up twice on twin empty homes: by
// `openclaw onboard --non-interactive` on one, by `authdeck onboard --non-interactive` on the
// other (the secret on stdin). The gateway state must be the same: profiles as OpenClaw lists
// them, the plugins enabled, `models.providers`, the default model and its entry, and whether
// `openclaw models list --provider` accepts the provider.

const VERSION = '2026.9.6';
const ONBOARD = ['onboard', '--non-interactive', '--accept-risk', '--skip-health', '--skip-channels', '--skip-skills'];
const SERVER = 'http://127.0.0.1:9/v1';

const SECRETS: Record<string, string> = {
  apiKey: fakeSecrets.anthropicApiKey('parity'),
  'setup-token': fakeSecrets.setupToken('parity'),
  token: fakeSecrets.setupToken('parity'),
  'openrouter-api-key': fakeSecrets.openrouterKey('parity'),
  'gemini-api-key': fakeSecrets.googleKey('parity'),
  'xai-api-key': fakeSecrets.xaiKey('parity'),
};

/** The flags both programs get besides the secret (OpenClaw's spelling). */
function paramsFor(choice: CatalogChoice): string[] {
  if (choice.id === 'custom-api-key') return ['--custom-base-url', SERVER, '--custom-model-id', 'my-model'];
  if (choice.id === 'vllm' || choice.id === 'sglang')
    return ['--custom-base-url', SERVER, '--custom-model-id', 'my-model'];
  if (choice.id === 'token') return ['--token-provider', 'anthropic'];
  return [];
}

function secretFor(choice: CatalogChoice): string {
  return SECRETS[choice.id] ?? `fake-${choice.id}-${'k'.repeat(32)}`;
}

/** OpenClaw takes the secret as a flag (or its env var); authdeck takes it on stdin. */
function openclawSecretArgs(choice: CatalogChoice): string[] {
  const secret = secretFor(choice);
  if (choice.id === 'vllm' || choice.id === 'sglang') return ['--custom-api-key', secret];
  return choice.credential.flag ? [choice.credential.flag, secret] : [];
}

interface GatewayState {
  profiles: string[];
  plugins: string[];
  providers: unknown;
  model: unknown;
  modelEntries: unknown;
  listAccepts: boolean;
}

async function stateOf(home: string, provider: string | null, secret: string): Promise<GatewayState> {
  const listed = parseJsonOutput<{ profiles: Array<{ id: string; provider: string; type: string }> }>(
    await openclaw(VERSION, home, ['models', 'auth', 'list', '--json']),
  );
  // biome-ignore lint/suspicious/noExplicitAny: openclaw.json as OpenClaw wrote it, read by path.
  let config: Record<string, any> = {};
  try {
    config = JSON.parse(readFileSync(join(home, '.openclaw', 'openclaw.json'), 'utf8'));
  } catch {
    // No config: nothing written.
  }
  const entries = Object.entries<Record<string, unknown>>(config.plugins?.entries ?? {});
  const masked = JSON.parse(JSON.stringify(config.models?.providers ?? null).replaceAll(secret, '<secret>'));
  const defaults = config.agents?.defaults ?? {};
  // With no gateway to ask, `models list` reads the catalog locally (the gateway's port is free).
  const list = provider
    ? await openclaw(VERSION, home, ['models', 'list', '--provider', provider], {
        env: { OPENCLAW_GATEWAY_PORT: '' },
      })
    : undefined;
  return {
    profiles: listed.profiles.map((profile) => `${profile.id} ${profile.provider} ${profile.type}`).sort(),
    plugins: entries
      .filter(([, entry]) => entry?.enabled === true)
      .map(([id]) => id)
      .sort(),
    providers: masked,
    model: defaults.model ?? null,
    modelEntries: defaults.models ?? null,
    listAccepts: list ? list.code === 0 && !/Unknown model catalog provider/.test(list.stderr + list.stdout) : false,
  };
}

/** JSON with keys sorted: the order of keys in a file means nothing to the gateway. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, entry) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b)))
      : entry,
  );
}

function differences(a: GatewayState, b: GatewayState): Array<keyof GatewayState> {
  return (Object.keys(a) as Array<keyof GatewayState>).filter((key) => canonical(a[key]) !== canonical(b[key]));
}

async function compare(choice: CatalogChoice): Promise<{ id: string; equal: boolean; detail: string }> {
  const secret = secretFor(choice);
  const ours = makeTempHome();
  const theirs = makeTempHome();
  {
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const params = paramsFor(choice);
    const ran = await openclaw(VERSION, theirs.home, [
      ...ONBOARD,
      '--auth-choice',
      choice.id,
      ...openclawSecretArgs(choice),
      ...params,
      '--no-install-daemon',
    ]);
    if (ran.code !== 0)
      return { id: choice.id, equal: false, detail: `openclaw onboard failed: ${ran.stderr.slice(-200)}` };
    const done = await runCli(['onboard', '--non-interactive', '--auth-choice', choice.id, ...params], {
      home: ours.home,
      env: { PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
      input: secret,
    });
    if (done.code !== 0)
      return { id: choice.id, equal: false, detail: `authdeck exit ${done.code}: ${done.stderr.trim().slice(-200)}` };
    const provider = choice.provider ?? (choice.id === 'token' ? 'anthropic' : null);
    const [a, b] = await Promise.all([stateOf(theirs.home, provider, secret), stateOf(ours.home, provider, secret)]);
    const differ = differences(a, b);
    const detail = differ
      .map((key) => `${key}: openclaw ${JSON.stringify(a[key])} · authdeck ${JSON.stringify(b[key])}`)
      .join('; ');
    return { id: choice.id, equal: differ.length === 0, detail };
  }
}

/** Two at a time: each run starts OpenClaw four times, and the machine has two cores. */
async function inPool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

describe(`onboarding parity with openclaw ${VERSION}`, () => {
  it('sets up every choice OpenClaw completes offline to the same gateway state', async () => {
    // PARITY_CHOICES=vllm,sglang compares only those (while working on them).
    const only = process.env.PARITY_CHOICES?.split(',');
    const offline = catalog.choices.filter(
      (choice) => choice.onboarding.offline && choice.onboarding.nonInteractive && (!only || only.includes(choice.id)),
    );
    const rows = await inPool(offline, 2, compare);
    const equal = rows.filter((row) => row.equal).length;
    const table = rows.map((row) => `${row.equal ? '=' : '≠'} ${row.id.padEnd(30)} ${row.detail}`);
    const network = catalog.choices
      .filter((choice) => !choice.onboarding.offline)
      .map((choice) => `  ${choice.id.padEnd(30)} ${choice.onboarding.needs.join(', ') || 'interactive only'}`);
    console.log(
      [
        ...table,
        `${equal}/${rows.length} choices equal`,
        `not compared here (${network.length}: they need the network, a sign-in, a server or a CLI):`,
        ...network,
      ].join('\n'),
    );
    expect(rows.filter((row) => !row.equal)).toEqual([]);
  }, 1_800_000);
});
