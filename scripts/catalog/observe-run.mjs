// One auth choice observed: `openclaw onboard --non-interactive` on fresh throw-away homes, up to
// three times: as a person would run it (adding the flags OpenClaw says are missing), against a
// stand-in local server when it needs one, and with the --custom-* flags to see if it reads them.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLAG_MODEL, SERVED_MODEL } from './fake-local-server.mjs';

const ONBOARD = ['onboard', '--non-interactive', '--accept-risk', '--skip-health', '--skip-channels', '--skip-skills'];
const NO_DAEMON = ['--no-install-daemon'];
const BLOCKED = 'http://127.0.0.1:9';

function baseEnv(home, context) {
  const env = {
    PATH: `${path.dirname(context.node)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    OPENCLAW_STATE_DIR: path.join(home, '.openclaw'),
    // No gateway answers on port 9: nothing reaches another home's gateway.
    OPENCLAW_GATEWAY_PORT: '9',
    OPENCLAW_NO_AUTO_UPDATE: '1',
    OPENCLAW_HIDE_BANNER: '1',
    DO_NOT_TRACK: '1',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
  };
  // Online runs reach npm the way this machine does: its CA bundle, proxy and registry.
  const passed =
    /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|NO_PROXY|npm_config_(registry|cafile))$/i;
  if (context.network) {
    for (const [name, value] of Object.entries(process.env)) if (passed.test(name) && value) env[name] = value;
    return env;
  }
  // Offline means offline: fetch and npm both go through a proxy that does not exist.
  return {
    ...env,
    NODE_USE_ENV_PROXY: '1',
    HTTP_PROXY: BLOCKED,
    HTTPS_PROXY: BLOCKED,
    NO_PROXY: '127.0.0.1,localhost',
    npm_config_proxy: BLOCKED,
    npm_config_https_proxy: BLOCKED,
    npm_config_registry: `${BLOCKED}/`,
    npm_config_offline: 'true',
  };
}

function openclaw(context, home, args, extraEnv) {
  return new Promise((resolve) => {
    const child = spawn(context.node, [context.entry, ...args], {
      env: { ...baseEnv(home, context), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const NOISE = /^(\[|│|◇|├|└|┌|Config warnings|Installed Gateway service state|Doctor warnings)/;

function firstError(run) {
  for (const text of [run.stderr, run.stdout]) {
    const line = plain(text)
      .split('\n')
      .map((entry) => entry.trim())
      .find((entry) => entry && !NOISE.test(entry));
    if (line) return line.slice(0, 240);
  }
  return null;
}

function readJsonOutput(text) {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  try {
    return start < 0 ? undefined : JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/**
 * One onboarding run on a home of its own, then what it left behind. The profiles come from
 * `models auth list` (a failed run can store a key and write no config); it takes seconds, so
 * a probe that looks only at the config skips it.
 */
async function attempt(context, args, env, { listProfiles = true } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'authdeck-observe-'));
  try {
    const run = await openclaw(context, home, [...ONBOARD, ...args, ...NO_DAEMON], env);
    const configFile = path.join(home, '.openclaw', 'openclaw.json');
    const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
    const list = listProfiles ? await openclaw(context, home, ['models', 'auth', 'list', '--json'], {}) : undefined;
    const profiles = (readJsonOutput(list?.stdout ?? '')?.profiles ?? []).map(({ id, type }) => ({ id, type }));
    return { ...run, text: plain(`${run.stderr}\n${run.stdout}`), config, profiles };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function configured(result) {
  const { config } = result;
  return (
    result.profiles.length > 0 ||
    Boolean(config.agents?.defaults?.model?.primary) ||
    Object.keys(config.models?.providers ?? {}).length > 0 ||
    Object.keys(config.auth?.profiles ?? {}).length > 0 ||
    Boolean(config.agents?.defaults?.mediaModels)
  );
}

function classify(result) {
  if (result.code === 0) return { outcome: configured(result) ? 'configured' : 'no-op' };
  const text = result.text;
  const server = text.match(/could not be reached at (\S+?)\.?(?:\s|$)/);
  if (/requires interactive mode/i.test(text)) return { outcome: 'interactive-only' };
  if (server) return { outcome: 'local-server', serverUrl: server[1] };
  if (/runtime is required/i.test(text)) return { outcome: 'runtime-plugin' };
  if (/Unable to install .* plugin|Plugin install failed/i.test(text)) return { outcome: 'plugin-install' };
  if (/fetch failed|ENOTFOUND|getaddrinfo|ETIMEDOUT/i.test(text)) return { outcome: 'network' };
  if (/\bCLI\b/.test(text)) return { outcome: 'cli' };
  return { outcome: 'failed' };
}

function fakeValue(flag, choice, context) {
  if (flag === '--custom-base-url') return `${context.serverOrigin}/v1`;
  if (flag === '--custom-model-id') return SERVED_MODEL;
  if (flag === '--custom-compatibility') return 'openai';
  if (flag === '--token-provider') return choice.provider ?? context.tokenProvider;
  return 'observe';
}

/** Runs, and while OpenClaw names onboarding flags it misses, adds them and runs again. */
async function runAddingMissing(choice, context, args, env) {
  const added = [];
  for (;;) {
    const result = await attempt(context, args, env);
    const named = result.code === 0 ? [] : [...result.text.matchAll(/--[a-z][a-z0-9-]*/g)].map((m) => m[0]);
    const missing = [...new Set(named)].filter((flag) => context.staticFlags.has(flag) && !args.includes(flag));
    if (missing.length === 0 || added.length > 4) return { result, added };
    for (const flag of missing) args = [...args, flag, fakeValue(flag, choice, context)];
    added.push(...missing);
  }
}

function secretArgs(choice, context) {
  const fake = `sk-fake-${choice.id}-0000000000000000000000`;
  const { kind, flag, envVars } = choice.credential;
  if (kind === 'token' && flag) {
    const { prefix, minLength } = context.tokenShape;
    return { args: [flag, `${prefix}${'F'.repeat(minLength)}`], env: {} };
  }
  if (flag) return { args: [flag, fake], env: {} };
  if (kind !== 'oauth' && choice.method !== 'cli' && envVars[0]) return { args: [], env: { [envVars[0]]: fake } };
  return { args: [], env: {} };
}

/**
 * The config one onboarding writes for its choice: plugins it enables, `models` (mode and provider
 * blocks, the fake secret replaced by a marker), the entry under agents.defaults.models for the
 * default model, the other entries it put there (a plugin's model list: Qwen's) and the media
 * models it set (fal's image model). Onboarding's
 * own settings (gateway, workspace, session catalogs) are left out.
 */
function observedWrites(config, primary, secret) {
  const fakes = [...secret.args.filter((_, i) => i % 2 === 1), ...Object.values(secret.env)];
  const masked = JSON.parse(
    JSON.stringify(config.models ?? null, (_, value) => (fakes.includes(value) ? '<secret>' : value)),
  );
  const entries = Object.entries(config.plugins?.entries ?? {});
  return {
    pluginsEnabled: entries
      .filter(([, entry]) => entry?.enabled === true)
      .map(([id]) => id)
      .sort(),
    models: masked,
    defaultModelEntry: primary ? (config.agents?.defaults?.models?.[primary] ?? null) : null,
    modelEntries: Object.fromEntries(
      Object.entries(config.agents?.defaults?.models ?? {}).filter(([ref]) => ref !== primary),
    ),
    // An image or video choice's default (fal's `image.primary`), where onboarding set one.
    ...(config.agents?.defaults?.mediaModels ? { mediaModels: config.agents.defaults.mediaModels } : {}),
  };
}

function writtenProvider(result, providerId) {
  const entry = providerId ? result.config.models?.providers?.[providerId] : undefined;
  return entry ? { baseUrl: entry.baseUrl ?? null, api: entry.api ?? null } : null;
}

/** Anthropic's setup-token rule (prefix, minimum length), so the fake token passes it. */
export function setupTokenShape(pkgDir) {
  const dist = path.join(pkgDir, 'dist');
  for (const name of fs.readdirSync(dist).filter((file) => /^provider-auth-token-.*\.m?js$/.test(file))) {
    const text = fs.readFileSync(path.join(dist, name), 'utf8');
    const prefix = text.match(/_SETUP_TOKEN_PREFIX\s*=\s*"([^"]+)"/);
    const min = text.match(/_SETUP_TOKEN_MIN_LENGTH\s*=\s*(\d+)/);
    if (prefix) return { prefix: prefix[1], minLength: min ? Number(min[1]) : 80 };
  }
  throw new Error('setup-token shape not found in dist/provider-auth-token-*');
}

/**
 * One choice observed. `context.setupOnly` stops after the setup run (no probe of the --custom-*
 * flags): an older OpenClaw is observed for what its setup writes, not for the flags it reads.
 */
export async function runChoice(choice, context) {
  const secret = secretArgs(choice, context);
  const args = ['--auth-choice', choice.id, ...secret.args];
  const first = await runAddingMissing(choice, context, args, secret.env);
  const verdict = classify(first.result);
  const record = { ...verdict, network: context.network, requiredFlags: first.added.sort(), honouredFlags: [] };
  if (first.result.code !== 0) record.error = firstError(first.result);

  // A choice that needs a server is set up against the stand-in; its address is not a default.
  let setup = verdict.outcome === 'configured' ? first : undefined;
  let setupArgs = [...args, ...first.added.flatMap((flag) => [flag, fakeValue(flag, choice, context)])];
  if (verdict.outcome === 'local-server') {
    setupArgs = [...setupArgs, '--custom-base-url', `${context.serverOrigin}/v1`];
    const served = await runAddingMissing(choice, context, setupArgs, secret.env);
    if (classify(served.result).outcome === 'configured') setup = served;
    record.requiredFlags = [...new Set([...record.requiredFlags, ...served.added])].sort();
    setupArgs = [...setupArgs, ...served.added.flatMap((flag) => [flag, fakeValue(flag, choice, context)])];
  }
  record.setupCompleted = Boolean(setup);
  const result = setup?.result;
  const primary = result?.config.agents?.defaults?.model?.primary ?? null;
  // A model the stand-in serves (or a flag named) is no default of the choice's own.
  const fromServer = [SERVED_MODEL, FLAG_MODEL].some((model) => primary?.endsWith(`/${model}`));
  record.defaultModel = fromServer ? null : primary;
  record.alias = primary && !fromServer ? (result.config.agents?.defaults?.models?.[primary]?.alias ?? null) : null;
  record.profiles = (result ?? first.result).profiles.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  const written = result ? writtenProvider(result, choice.provider) : null;
  // Set up against the stand-in, the base URL written is the stand-in's own.
  record.providerConfig = written && setup !== first ? { ...written, baseUrl: null } : written;
  // What the choice writes to openclaw.json, verbatim, when nothing in it came from the stand-in.
  const standIn = args.concat(first.added).some((arg) => String(arg).includes(context.serverOrigin));
  record.writes =
    setup === first && result && !standIn && !first.added.some((flag) => flag.startsWith('--custom-'))
      ? observedWrites(result.config, primary, secret)
      : null;
  if (!setup || context.setupOnly) return record;

  // Which --custom-* flags the choice reads: run again with both and look for them in the config.
  const isCustomFlag = (arg) => arg === '--custom-base-url' || arg === '--custom-model-id';
  const probeArgs = setupArgs.filter((arg, i) => !isCustomFlag(arg) && !isCustomFlag(setupArgs[i - 1] ?? ''));
  const probe = await attempt(
    context,
    [...probeArgs, '--custom-base-url', `${context.serverOrigin}/observe/v1`, '--custom-model-id', FLAG_MODEL],
    secret.env,
    { listProfiles: false },
  );
  const baseUrls = Object.values(probe.config.models?.providers ?? {}).map((entry) => String(entry.baseUrl ?? ''));
  if (baseUrls.some((url) => url.includes('/observe'))) record.honouredFlags.push('--custom-base-url');
  const probePrimary = String(probe.config.agents?.defaults?.model?.primary ?? '');
  if (probePrimary.endsWith(`/${FLAG_MODEL}`) && !primary?.endsWith(`/${FLAG_MODEL}`)) {
    record.honouredFlags.push('--custom-model-id');
  }
  return record;
}
