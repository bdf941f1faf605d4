import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CatalogChoice, catalog } from '../../src/services/providers/catalog.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';
import { networkEnv, onNpm } from './npm-reach.js';
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
  // authdeck checks the shape of these providers' keys (OpenClaw does not).
  'deepseek-api-key': fakeSecrets.deepseekKey('parity'),
  'mistral-api-key': fakeSecrets.mistralKey('parity'),
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
  /** The main agent's own model and entries (2026.9 keeps them there once a second agent exists). */
  agentModels: unknown;
  /** The image or video models onboarding made the default (fal's image model). */
  mediaModels: unknown;
  listAccepts: boolean;
  /** An external plugin's package where `openclaw plugins install` puts it (null: none needed). */
  pluginInstalled: boolean | null;
}

function installedUnder(home: string, npmSpec: string | undefined): boolean | null {
  if (!npmSpec) return null;
  const projects = join(home, '.openclaw', 'npm', 'projects');
  const entries = existsSync(projects) ? readdirSync(projects) : [];
  return entries.some((entry) => existsSync(join(projects, entry, 'node_modules', ...npmSpec.split('/'))));
}

async function stateOf(home: string, provider: string | null, secret: string, npmSpec?: string): Promise<GatewayState> {
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
    agentModels: {
      model: config.agents?.entries?.main?.model ?? null,
      models: config.agents?.entries?.main?.models ?? null,
    },
    mediaModels: defaults.mediaModels ?? null,
    listAccepts: list ? list.code === 0 && !/Unknown model catalog provider/.test(list.stderr + list.stdout) : false,
    pluginInstalled: installedUnder(home, npmSpec),
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

/** OpenClaw's own onboarding of `choice` on a home (the first provider of a home, on both sides). */
function openclawOnboard(home: string, choice: CatalogChoice, network: Record<string, string> = {}) {
  return openclaw(
    VERSION,
    home,
    [
      ...ONBOARD,
      '--auth-choice',
      choice.id,
      ...openclawSecretArgs(choice),
      ...paramsFor(choice),
      '--no-install-daemon',
    ],
    { env: network },
  );
}

async function compare(
  choice: CatalogChoice,
  network: Record<string, string> = {},
  /** Onboarded first on both homes, by OpenClaw: the choice compared is then a second provider. */
  first?: CatalogChoice,
  /** More for authdeck's side (--set-default-model where OpenClaw replaces the first default). */
  oursArgs: string[] = [],
  /** Run by OpenClaw on both homes after the first onboarding (`agents add coder`). */
  prepare: string[] = [],
): Promise<{ id: string; equal: boolean; detail: string }> {
  const secret = secretFor(choice);
  const ours = makeTempHome();
  const theirs = makeTempHome();
  for (const home of first ? [ours.home, theirs.home] : []) {
    const ran = await openclawOnboard(home, first!, network);
    if (ran.code !== 0) return { id: choice.id, equal: false, detail: `openclaw onboard ${first!.id} failed` };
    if (prepare.length === 0) continue;
    const prepared = await openclaw(
      VERSION,
      home,
      prepare.map((arg) => arg.replaceAll('<home>', home)),
    );
    if (prepared.code !== 0) return { id: choice.id, equal: false, detail: `openclaw ${prepare.join(' ')} failed` };
  }
  {
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const params = paramsFor(choice);
    const ran = await openclawOnboard(theirs.home, choice, network);
    if (ran.code !== 0)
      return { id: choice.id, equal: false, detail: `openclaw onboard failed: ${ran.stderr.slice(-200)}` };
    const done = await runCli(['onboard', '--non-interactive', '--auth-choice', choice.id, ...params, ...oursArgs], {
      home: ours.home,
      env: { ...network, PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
      input: secret,
    });
    if (done.code !== 0)
      return { id: choice.id, equal: false, detail: `authdeck exit ${done.code}: ${done.stderr.trim().slice(-200)}` };
    const provider = choice.provider ?? (choice.id === 'token' ? 'anthropic' : null);
    const npmSpec = choice.plugin?.npmSpec ?? undefined;
    const [a, b] = await Promise.all([
      stateOf(theirs.home, provider, secret, npmSpec),
      stateOf(ours.home, provider, secret, npmSpec),
    ]);
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

function printTable(rows: Array<{ id: string; equal: boolean; detail: string }>, notCompared: string[], why: string) {
  const equal = rows.filter((row) => row.equal).length;
  console.log(
    [
      ...rows.map((row) => `${row.equal ? '=' : '≠'} ${row.id.padEnd(30)} ${row.detail}`),
      `${equal}/${rows.length} choices equal`,
      `not compared here (${notCompared.length}: ${why}):`,
      ...notCompared,
    ].join('\n'),
  );
}

describe(`onboarding parity with openclaw ${VERSION}`, () => {
  it('sets up every choice OpenClaw completes offline to the same gateway state', async () => {
    // PARITY_CHOICES=vllm,sglang compares only those (while working on them).
    const only = process.env.PARITY_CHOICES?.split(',');
    const offline = catalog.choices.filter(
      (choice) => choice.onboarding.offline && choice.onboarding.nonInteractive && (!only || only.includes(choice.id)),
    );
    const rows = await inPool(offline, 2, (choice) => compare(choice));
    const network = catalog.choices
      .filter((choice) => !choice.onboarding.offline)
      .map((choice) => `  ${choice.id.padEnd(30)} ${choice.onboarding.needs.join(', ') || 'interactive only'}`);
    printTable(rows, network, 'they need the network, a sign-in, a server or a CLI; plugin installs below');
    expect(rows.filter((row) => !row.equal)).toEqual([]);
  }, 1_800_000);

  it('a second provider on a home onboarded for Anthropic: the first default kept, the new model named as OpenClaw names it', async () => {
    const anthropic = catalog.choices.find((choice) => choice.id === 'apiKey')!;
    // OpenClaw keeps the first default for xAI and replaces it for Together (as for Qwen):
    // authdeck keeps it unless told, so Together's side is asked with --set-default-model.
    const second = [
      ['xai-api-key', []],
      ['together-api-key', ['--set-default-model']],
    ] as const;
    const rows = await inPool([...second], 2, ([id, args]) =>
      compare(catalog.choices.find((choice) => choice.id === id)!, {}, anthropic, [...args]),
    );
    printTable(rows, [], 'only these');
    expect(rows.filter((row) => !row.equal)).toEqual([]);
  }, 600_000);

  it("with a second agent (an explicit roster) the new default goes to the main agent's own entry on both sides", async () => {
    const anthropic = catalog.choices.find((choice) => choice.id === 'apiKey')!;
    const together = catalog.choices.find((choice) => choice.id === 'together-api-key')!;
    const addCoder = ['agents', 'add', 'coder', '--non-interactive', '--workspace', '<home>/ws-coder'];
    const row = await compare(together, {}, anthropic, ['--set-default-model'], addCoder);
    printTable([row], [], 'only this');
    expect(row).toMatchObject({ equal: true });
  }, 600_000);

  it('--secret-input-mode ref: both store the same reference to ANTHROPIC_API_KEY and no key', async () => {
    const key = secretFor(catalog.choices.find((choice) => choice.id === 'apiKey')!);
    const env = { ANTHROPIC_API_KEY: key };
    const ours = makeTempHome();
    const theirs = makeTempHome();
    const ran = await openclaw(
      VERSION,
      theirs.home,
      [...ONBOARD, '--auth-choice', 'apiKey', '--secret-input-mode', 'ref', '--no-install-daemon'],
      { env },
    );
    expect(ran.code, ran.stderr).toBe(0);
    const PATH = `${openclawBinDir(VERSION)}:${process.env.PATH ?? ''}`;
    const done = await runCli(
      ['onboard', '--non-interactive', '--auth-choice', 'apiKey', '--secret-input-mode', 'ref'],
      {
        home: ours.home,
        env: { ...env, PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
      },
    );
    expect(done.code, done.stderr).toBe(0);
    // Each store as authdeck reads it (both are OpenClaw 2026.9's SQLite), and as OpenClaw judges it.
    const stored = async (home: string) => {
      const status = await runCli(['status', '--json'], { home, env: { ...env, PATH } });
      const profile = JSON.parse(status.stdout).profiles.find(
        (entry: { id: string }) => entry.id === 'anthropic:default',
      );
      const check = await openclaw(VERSION, home, ['models', 'status', '--check'], { env });
      return { secretRef: profile?.secretRef ?? null, masked: profile?.masked ?? null, check: check.code };
    };
    const [a, b] = await Promise.all([stored(theirs.home), stored(ours.home)]);
    expect(b).toEqual(a);
    expect(a.secretRef).toBe('env:ANTHROPIC_API_KEY');
    // Not a byte of the key in any file authdeck's side wrote (databases and their journals too).
    const files = readdirSync(join(ours.home, '.openclaw'), { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile()))
      expect(readFileSync(join(file.parentPath, file.name)).includes(key), file.name).toBe(false);
    const [stateA, stateB] = await Promise.all([
      stateOf(theirs.home, 'anthropic', key),
      stateOf(ours.home, 'anthropic', key),
    ]);
    expect(differences(stateA, stateB)).toEqual([]);
  }, 300_000);

  // Both programs install the plugin from npm, as OpenClaw's onboarding does. Only the choices
  // whose package npm serves here are compared (the others come from ClawHub, which this machine
  // cannot reach); with no registry at all the test says so and is skipped.
  it('sets up every external choice whose plugin npm serves here, the plugin installed, to the same state', async (ctx) => {
    const only = process.env.PARITY_CHOICES?.split(',');
    const env = networkEnv(makeTempHome().home);
    const external = catalog.choices.filter(
      (choice) =>
        choice.onboarding.needs.join() === 'plugin-install' &&
        choice.onboarding.nonInteractive &&
        choice.plugin?.npmSpec &&
        (!only || only.includes(choice.id)),
    );
    const specs = [...new Set(external.map((choice) => choice.plugin!.npmSpec!))];
    const served = new Set(specs.filter((spec) => onNpm(spec, env)));
    if (served.size === 0) ctx.skip(`npm serves none of the ${specs.length} external provider plugins here`);
    const reachable = external.filter((choice) => served.has(choice.plugin!.npmSpec!));
    const rows = await inPool(reachable, 2, async (choice) => {
      // A registry that drops one download is not a difference: a pair that differs runs once more.
      const first = await compare(choice, env);
      const row = first.equal ? first : await compare(choice, env);
      return { ...row, detail: row.detail || `plugin ${choice.plugin!.npmSpec} installed on both` };
    });
    const left = external
      .filter((choice) => !served.has(choice.plugin!.npmSpec!))
      .map((choice) => `  ${choice.id.padEnd(30)} ${choice.plugin!.npmSpec}`);
    printTable(rows, left, 'npm does not serve their plugin here; OpenClaw would ask ClawHub');
    expect(rows.filter((row) => !row.equal)).toEqual([]);
    // The installed plugin is what makes the gateway know the provider.
    expect(rows.length).toBeGreaterThan(0);
  }, 1_800_000);
});
