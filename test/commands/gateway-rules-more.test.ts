import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { explained, HOUR, home, OPUS, reasons, token, xai } from '../helpers/gateway-homes.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';
import { layOutV9Home } from '../helpers/v9-layers.js';

// What status, order get, doctor and onboarding say on homes laid out as OpenClaw 2026.9.6 keeps
// them, where they once disagreed with the gateway (see explain-gateway-rules for explain's).

describe("an onboarding's inactive replacement (setup.replacement)", () => {
  // OpenClaw 2026.9.6's onboarding, run on a home that has a key, saves the new one as
  // anthropic:setup-<uuid> marked setup.replacement: setup_inactive until `models auth activate`.
  const SETUP = 'anthropic:setup-431a79a2-2b71-4c6e-8bd3-1368a5f852cd';
  const replacement = {
    type: 'api_key',
    provider: 'anthropic',
    key: fakeSecrets.anthropicApiKey('new'),
    setup: { replacement: true },
  };

  it('is never tried, and says how to activate it, beside the key in use', async () => {
    const at = home(
      { profiles: { 'anthropic:default': token('d'), [SETUP]: replacement } },
      { agents: { defaults: { model: OPUS } } },
    );
    const [opus] = await explained(at);
    expect(opus).toMatchObject({ order: ['anthropic:default'], next: 'anthropic:default' });
    expect(reasons(opus!)[SETUP]).toBe('inactive-setup');
    const status = await runCommand(['status'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } });
    expect(status.stdout).toContain(`not tried: saved, inactive`);
    expect(status.stdout).toContain(`\`openclaw models auth activate ${SETUP} --agent main\``);
    const doctor = await runCommand(['doctor', '--json'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } });
    const findings = JSON.parse(doctor.stdout).findings as Array<{ code: string; subject: string }>;
    expect(findings.filter((finding) => finding.subject === SETUP).map((finding) => finding.code)).toEqual([
      'inactive-setup',
    ]);
  });

  it('alone, leaves the provider with nothing to use: status --check and explain exit 1, as OpenClaw does', async () => {
    const at = home({ profiles: { [SETUP]: replacement } }, { agents: { defaults: { model: OPUS } } });
    const env = { AUTHDECK_STORE_GENERATION: undefined };
    const check = await runCommand(['status', '--check'], { home: at, env });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('has no usable profile');
    expect((await runCommand(['explain'], { home: at, env })).code).toBe(1);
    // Doctor's fix activates it: saving a key over it (add-key --profile-id) would keep it inactive.
    const doctor = JSON.parse((await runCommand(['doctor', '--json'], { home: at, env })).stdout);
    const fails = (doctor.findings as Array<{ code: string; fix: string }>).find(
      (finding) => finding.code === 'credential-fails',
    );
    expect(fails?.fix).toBe(`\`openclaw models auth activate ${SETUP} --agent main\` tests it and puts it in use`);
  });

  it('is an ordinary profile to a JSON-era gateway (2026.5), which knows no replacements', async () => {
    const { home: at, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(configPath, { agents: { defaults: { model: OPUS } } });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), { version: 1, profiles: { [SETUP]: replacement } });
    const check = await runCommand(['status', '--check'], { home: at, env: { AUTHDECK_STORE_GENERATION: 'json' } });
    expect(check.code).toBe(0);
    expect(check.stdout).not.toContain('inactive');
  });
});

describe('doctor on a stored order that names no profile that exists', () => {
  it('says the gateway then tries them all (2026.8+ repairs such a list), as explain shows', async () => {
    const at = home(
      { profiles: { 'xai:k': xai('k') }, order: { xai: ['xai:gone'] } },
      { agents: { defaults: { model: 'xai/grok-4' } } },
    );
    const [grok] = await explained(at);
    expect(grok).toMatchObject({ order: ['xai:k'], next: 'xai:k' });
    const doctor = await runCommand(['doctor', '--json'], { home: at, env: { AUTHDECK_STORE_GENERATION: undefined } });
    const findings = JSON.parse(doctor.stdout).findings as Array<{ code: string; why: string }>;
    const dangling = findings.find((finding) => finding.code === 'dangling-order');
    expect(dangling?.why).toBe(
      "the gateway then tries every one of the provider's profiles instead; the list no longer says what happens",
    );
  });
});

describe('order get and status name as next only a profile the gateway tries now', () => {
  it('puts one cooling down last with why, and names none when every one waits, as explain does', async () => {
    const env = { AUTHDECK_STORE_GENERATION: undefined };
    const soon = Date.now() + HOUR;
    const at = home(
      {
        profiles: { 'xai:a': xai('a'), 'xai:b': xai('b') },
        order: { xai: ['xai:a', 'xai:b'] },
        usageStats: { 'xai:a': { cooldownUntil: soon, cooldownReason: 'auth' } },
      },
      { agents: { defaults: { model: 'xai/grok-4' } } },
    );
    const get = await runCommand(['order', 'get', '--provider', 'xai', '--json'], { home: at, env });
    // The one cooling down goes last, and says why it is there.
    expect(JSON.parse(get.stdout)).toMatchObject({ effective: ['xai:b', 'xai:a'], next: 'xai:b' });
    const text = (await runCommand(['order', 'get', '--provider', 'xai'], { home: at, env })).stdout;
    expect(text).toMatch(/1\. xai:b {2}← next\n {2}2\. xai:a {2}\(cooldown \S+( \S+)? left\)/);
    const [grok] = await explained(at);
    expect(grok?.next).toBe('xai:b');

    const waiting = home(
      {
        profiles: { 'xai:k': xai('k') },
        order: { xai: ['xai:k'] },
        usageStats: { 'xai:k': { cooldownUntil: soon, cooldownReason: 'auth' } },
      },
      { agents: { defaults: { model: 'xai/grok-4' } } },
    );
    const none = await runCommand(['order', 'get', '--provider', 'xai', '--json'], { home: waiting, env });
    expect(JSON.parse(none.stdout)).toMatchObject({ effective: ['xai:k'], next: null });
    const said = (await runCommand(['order', 'get', '--provider', 'xai'], { home: waiting, env })).stdout;
    expect(said).not.toContain('← next');
    expect(said).toContain('every one is cooling down or disabled');
    const status = JSON.parse((await runCommand(['status', '--json'], { home: waiting, env })).stdout);
    expect(status.providers.find((entry: { provider: string }) => entry.provider === 'xai').next).toBe(null);
    const [lone] = await explained(waiting);
    expect(lone?.next).toBe(null);
  });
});

describe('explain with no default model configured', () => {
  it('names the model OpenClaw runs instead, as its models status does (2026.9.6: openai/gpt-6-astra)', async () => {
    const at = home({ profiles: { 'anthropic:default': token('d') } }, {});
    const [first] = await explained(at);
    expect(first).toMatchObject({ ref: 'openai/gpt-6-astra', authProvider: 'openai' });
  });
});

describe('explain with an alias as the default model', () => {
  it('names the model the alias stands for, as OpenClaw resolves it', async () => {
    const at = home(
      { profiles: { 'anthropic:default': token('d') } },
      {
        agents: {
          defaults: { model: 'sonnet', models: { 'anthropic/claude-sonnet-4-6': { alias: 'sonnet' } } },
        },
      },
    );
    const [first] = await explained(at);
    expect(first).toMatchObject({ ref: 'anthropic/claude-sonnet-4-6', authProvider: 'anthropic' });
  });
});

describe('onboarding whose setup cannot be written where the config $includes it', () => {
  it('says the credential was saved and none of its setup, instead of only why the setup stopped', async () => {
    const temp = makeTempHome();
    layOutV9Home(
      temp.stateDir,
      temp.configPath,
      { profiles: {} },
      {},
      {
        agents: {
          ownership: 'explicit',
          defaults: { systemAgent: { agentId: 'main' } },
          entries: { $include: ['./e-main.json', './e-coder.json'] },
        },
      },
    );
    writeJsonFile(join(temp.stateDir, 'e-main.json'), { main: { model: { primary: OPUS } } });
    writeJsonFile(join(temp.stateDir, 'e-coder.json'), { coder: { model: { primary: OPUS } } });
    const result = await runCommand(
      ['--no-reload', 'onboard', '--non-interactive', '--auth-choice', 'gemini-api-key', '--agent', 'coder'],
      { home: temp.home, input: fakeSecrets.googleKey(), env: { AUTHDECK_STORE_GENERATION: undefined } },
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/saved google:\S+, but none of its setup in openclaw\.json was written/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a replacement marker on a JSON-era home', () => {
  it('hides none of the profile’s own problems (a key that is an onboard command line)', async () => {
    const { home: at, mainAgentDir, configPath } = makeTempHome();
    writeJsonFile(configPath, { agents: { defaults: { model: OPUS } } });
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:x': {
          type: 'api_key',
          provider: 'anthropic',
          key: 'openclaw onboard --auth-choice apiKey',
          setup: { replacement: true },
        },
      },
    });
    const status = await runCommand(['status'], { home: at, env: { AUTHDECK_STORE_GENERATION: 'json' } });
    expect(status.stdout).toContain('openclaw onboard` command line');
    expect(status.stdout).not.toContain('inactive');
  });
});

describe("remove: the agent's own copy of a profile the shared store also holds", () => {
  const key = (seed: string) => ({ type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey(seed) });

  function v9Home(localOrder: string[]) {
    const temp = makeTempHome();
    layOutV9Home(
      temp.stateDir,
      temp.configPath,
      { profiles: { 'openai:a': key('shared-a'), 'openai:c': key('shared-c') } },
      { main: { profiles: { 'openai:a': key('local-a') }, order: { openai: localOrder } } },
      {},
    );
    return temp;
  }

  it("says the shared copy is not tried while the agent's order names others, and how to put it back", async () => {
    const temp = v9Home(['openai:a', 'openai:c']);
    const env = { AUTHDECK_STORE_GENERATION: undefined };
    const removed = await runCommand(['--no-reload', 'remove', 'openai:a', '--agent', 'main', '--yes'], {
      home: temp.home,
      env,
    });
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain(
      "but this agent's order (openai:c) does not name it, so it is not tried; `authdeck order set --agent main --provider openai openai:c openai:a` puts it back",
    );
    expect(removed.stderr).not.toContain('that one applies now');
    const status = await runCommand(['status', '--provider', 'openai'], { home: temp.home, env });
    expect(status.stdout).toMatch(/openai:a .*not tried: not in this agent's order/);
  });

  it('says the shared copy applies now where no order of the agent is left to leave it out', async () => {
    const temp = v9Home(['openai:a']);
    const removed = await runCommand(['--no-reload', 'remove', 'openai:a', '--agent', 'main', '--yes'], {
      home: temp.home,
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('that one applies now');
  });
});

describe('a save whose setup goes into an included JSON5 file', () => {
  it('says that file was rewritten as JSON, and where its original is', async () => {
    const { home: at, configPath, stateDir } = makeTempHome();
    writeFileSync(configPath, '{ "models": { "$include": "./models.json5" } }\n');
    const included = join(stateDir, 'models.json5');
    writeFileSync(included, "// providers here\n{ mode: 'merge', providers: {}, }\n");
    const result = await runCommand(['--no-reload', 'add-key', '--provider', 'xai'], {
      home: at,
      input: fakeSecrets.xaiKey(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${included} used JSON5-only syntax, so it was rewritten; the original is in ${included}.bak`,
    );
    expect(readFileSync(`${included}.bak`, 'utf8')).toContain("mode: 'merge'");
  });
});
