import { readdirSync, readFileSync } from 'node:fs';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { recordProfileInConfig } from '../../src/services/config/config-edit.js';
import { providersInUse, readGatewayConfig } from '../../src/services/config/openclaw-json.js';
import { defaultAgentId } from '../../src/services/config/workspace.js';
import { UnreadableStateError } from '../../src/services/errors.js';
import { fileMode, makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

describe('gateway config', () => {
  it('reads JSON5 and finds the providers in use', async () => {
    const { configPath } = makeTempHome();
    writeText(
      configPath,
      `// comment\n{ auth: { profiles: { 'anthropic:a': { provider: 'anthropic', mode: 'token' } }, order: { anthropic: ['anthropic:a'] } },\n agents: { defaults: { model: { primary: 'anthropic/claude-opus-4', fallbacks: ['openrouter/x/y', 'openai/gpt-5'] } },\n list: [{ id: 'main', default: true }] } }`,
    );
    const config = await readGatewayConfig(configPath);
    expect(config.authProfiles['anthropic:a']).toEqual({ provider: 'anthropic', mode: 'token' });
    expect(config.authOrder).toEqual({ anthropic: ['anthropic:a'] });
    expect(providersInUse(config)).toEqual(['anthropic', 'openrouter', 'openai']);
  });

  it("reads OpenClaw 2026.9's agents keyed by id under agents.entries, which win over agents.list", async () => {
    const { configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: {
        defaults: { model: 'anthropic/claude-opus-5' },
        list: [{ id: 'main' }],
        entries: {
          work: { model: { primary: 'openai/gpt-5', fallbacks: ['groq/llama-4'] }, agentDir: '/srv/work' },
          ops: { default: true, model: 'xai/grok-4.7' },
        },
      },
    });
    const config = await readGatewayConfig(configPath);
    expect(config.agents).toEqual([
      {
        id: 'work',
        default: false,
        agentDir: '/srv/work',
        model: { primary: 'openai/gpt-5', fallbacks: ['groq/llama-4'] },
      },
      // A model named without fallbacks has none of its own (nor the defaults').
      { id: 'ops', default: true, model: { primary: 'xai/grok-4.7', fallbacks: [] } },
    ]);
    expect(providersInUse(config, 'work')).toEqual(['openai', 'groq']);
    expect(providersInUse(config, 'ops')).toEqual(['xai']);
    expect(providersInUse(config, 'main')).toEqual(['anthropic']);
    expect(defaultAgentId(config)).toBe('ops');
  });

  it.each([
    ['no agents configured', {}, 'main'],
    ['a list with one marked default', { list: [{ id: 'main' }, { id: 'Work', default: true }] }, 'work'],
    ['the only agent', { entries: { coder: {} } }, 'coder'],
    [
      'several and none chosen: the first listed, as OpenClaw ≤ 2026.8',
      { list: [{ id: 'ops' }, { id: 'main' }] },
      'ops',
    ],
    [
      "OpenClaw 2026.9's system agent, after its doctor rewrote the roster",
      { ownership: 'explicit', defaults: { systemAgent: { agentId: 'Coder' } }, entries: { main: {}, coder: {} } },
      'coder',
    ],
    [
      'explicit ownership: a default marker no longer chooses',
      { ownership: 'explicit', entries: { ops: {}, main: { default: true } } },
      'ops',
    ],
  ])('the agent a command acts on by default: %s', async (_name, agents, expected) => {
    const { configPath } = makeTempHome();
    writeJsonFile(configPath, { agents });
    expect(defaultAgentId(await readGatewayConfig(configPath))).toBe(expected);
  });

  it.each([
    [{ entries: { main: {}, coder: {} } }, 'multi-agent rosters require agents.ownership="explicit"'],
    [{ entries: { a: { default: true }, b: { default: true } } }, 'at most one default=true entry (found 2)'],
    [
      { ownership: 'explicit', entries: { a: { default: true } } },
      'cannot be combined with a legacy default=true marker',
    ],
    [{ ownership: 'explicit', entries: { a: {}, A: {} } }, 'keys "a" and "A" resolve to the same agent id "a"'],
    [{ ownership: 'explicit', entries: { 'Coder Bot': {} } }, '"Coder Bot" is not a valid agent id'],
  ])('names what OpenClaw 2026.9 refuses in agents %j', async (agents, problem) => {
    const { configPath } = makeTempHome();
    writeJsonFile(configPath, { agents });
    const config = await readGatewayConfig(configPath);
    expect(config.agentProblems.join('\n')).toContain(problem);
  });

  it('finds nothing wrong in rosters OpenClaw 2026.9 takes, nor in the older agents.list', async () => {
    const { configPath } = makeTempHome();
    for (const agents of [
      { ownership: 'explicit', defaults: { systemAgent: { agentId: 'coder' } }, entries: { main: {}, coder: {} } },
      { entries: { main: {}, coder: { default: true } } },
      { entries: { solo: {} } },
      // OpenClaw 2026.9.6 validates and runs with none (its main agent stands in).
      { entries: {} },
      { list: [{ id: 'main' }, { id: 'ops' }] },
    ]) {
      writeJsonFile(configPath, { agents });
      expect((await readGatewayConfig(configPath)).agentProblems, JSON.stringify(agents)).toEqual([]);
    }
  });

  it('spells agent ids as OpenClaw does on disk (lower case, other characters a dash)', async () => {
    const { configPath } = makeTempHome();
    writeJsonFile(configPath, {
      agents: { entries: { Coder: {}, 'My Ops!': {}, '//': {} } },
    });
    const config = await readGatewayConfig(configPath);
    expect(config.agents.map((agent) => agent.id)).toEqual(['coder', 'my-ops']);
  });

  it('records a profile, keeping comments and formatting of a JSONC file', async () => {
    const { configPath } = makeTempHome();
    const original = `{\n    // the gateway settings\n    "gateway": { "port": 18789 },\n    "auth": {\n        "order": { "anthropic": ["anthropic:default"] }, // keep me\n    },\n}\n`;
    writeText(configPath, original);
    const result = await recordProfileInConfig(configPath, {
      id: 'anthropic:work',
      provider: 'anthropic',
      mode: 'token',
    });
    expect(result).toMatchObject({ changed: true });
    expect(result.backupPath).toBeUndefined();
    const text = readFileSync(configPath, 'utf8');
    expect(text).toContain('// the gateway settings');
    expect(text).toContain('// keep me');
    expect(text).toContain('"gateway": { "port": 18789 }');
    const config = await readGatewayConfig(configPath);
    expect(config.authProfiles['anthropic:work']).toEqual({ provider: 'anthropic', mode: 'token' });
    expect(config.authOrder.anthropic).toEqual(['anthropic:default', 'anthropic:work']);
    expect(fileMode(configPath)).toBe(0o600);
  });

  it('adds to auth.order only where that provider already has a list', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, JSON.stringify({ auth: { order: { openai: ['openai:a'] } } }, null, 2));
    await recordProfileInConfig(configPath, { id: 'anthropic:default', provider: 'anthropic', mode: 'api_key' });
    expect(readJson(configPath).auth.order).toEqual({ openai: ['openai:a'] });
  });

  it('rewrites a JSON5-only file as JSON, values kept, and keeps the original as openclaw.json.bak (0600)', async () => {
    const { configPath } = makeTempHome();
    const original = `{ gateway: { mode: 'local', retries: Infinity }, agents: { defaults: { model: 'anthropic/x' } } }`;
    writeText(configPath, original);
    const result = await recordProfileInConfig(configPath, {
      id: 'anthropic:default',
      provider: 'anthropic',
      mode: 'token',
    });
    expect(result.backupPath).toBe(`${configPath}.bak`);
    expect(readFileSync(`${configPath}.bak`, 'utf8')).toBe(original);
    expect(fileMode(`${configPath}.bak`)).toBe(0o600);
    const rewritten = JSON5.parse(readFileSync(configPath, 'utf8'));
    expect(rewritten.gateway).toEqual({ mode: 'local', retries: Infinity });
    expect(rewritten.auth.profiles['anthropic:default']).toEqual({ provider: 'anthropic', mode: 'token' });
  });

  it('rewrites a JSON5-only file once as JSON with its comments, every number as written, so later writes make no backup', async () => {
    const { configPath, stateDir } = makeTempHome();
    const original = `// tuned by hand\n{\n  tools: { dec: 1.50, nz: -0, tiny: 1e-400, huge: 1e400, big: 9007199254740993, e: 1E2, },\n  'gateway': { port: 0x4965, half: .5, up: +3, mode: 'local', \\u0061b: "x" }, /* end */\n}\n`;
    writeText(configPath, original);
    for (const id of ['groq:a', 'groq:b', 'groq:c'])
      await recordProfileInConfig(configPath, { id, provider: 'groq', mode: 'api_key' });
    expect(readdirSync(stateDir).filter((name) => name.endsWith('.bak'))).toEqual(['openclaw.json.bak']);
    expect(readFileSync(`${configPath}.bak`, 'utf8')).toBe(original);
    // jsonc-parser lays out the line an entry is added after; only the spelling is compared.
    const text = readFileSync(configPath, 'utf8').replace(/\s+/g, '');
    expect(text).toContain('"tools":{"dec":1.50,"nz":-0,"tiny":1e-400,"huge":1e400,"big":9007199254740993,"e":1E2}');
    expect(text).toContain('"gateway":{"port":18789,"half":0.5,"up":3,"mode":"local","ab":"x"}');
    expect(Object.keys(JSON5.parse(readFileSync(configPath, 'utf8')).auth.profiles)).toEqual([
      'groq:a',
      'groq:b',
      'groq:c',
    ]);
    // The person's notes stay where they were.
    expect(readFileSync(configPath, 'utf8')).toMatch(/^\/\/ tuned by hand\n\{/);
    expect(readFileSync(configPath, 'utf8')).toContain('/* end */');
  });

  it('a JSON5 key spelled like a literal (null:, Infinity:) is a key, quoted', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, `{ env: { vars: { null: 'a', true: 1, Infinity: 2, x: Infinity } }, meta /* c */ : {} }\n`);
    await recordProfileInConfig(configPath, { id: 'groq:a', provider: 'groq', mode: 'api_key' });
    const text = readFileSync(configPath, 'utf8').replace(/\s+/g, '');
    expect(text).toContain('"vars":{"null":"a","true":1,"Infinity":2,"x":Infinity}');
    expect(JSON5.parse(readFileSync(configPath, 'utf8')).auth.profiles['groq:a']).toEqual({
      provider: 'groq',
      mode: 'api_key',
    });
  });

  it('a // comment ended by U+2028 ends there, as OpenClaw reads it: the section after it is edited, not doubled', async () => {
    const { configPath } = makeTempHome();
    const original = `{\n  // creds\u2028"auth": { "profiles": { "anthropic:a": { "provider": "anthropic", "mode": "token" } } },\n  "note": "a\u2028b"\n}\n`;
    writeText(configPath, original);
    await recordProfileInConfig(configPath, { id: 'groq:a', provider: 'groq', mode: 'api_key' });
    const after = JSON5.parse(readFileSync(configPath, 'utf8'));
    expect(Object.keys(after.auth.profiles)).toEqual(['anthropic:a', 'groq:a']);
    expect(after.note).toBe('a\u2028b');
    expect(readFileSync(configPath, 'utf8')).toContain('// creds');
  });

  it('keeps Infinity, which JSON cannot spell, and backs up nothing when only that is JSON5', async () => {
    const { configPath, stateDir } = makeTempHome();
    writeText(configPath, `{ "gateway": { "retries": Infinity, "floor": -Infinity } }\n`);
    await recordProfileInConfig(configPath, { id: 'groq:a', provider: 'groq', mode: 'api_key' });
    const result = await recordProfileInConfig(configPath, { id: 'groq:b', provider: 'groq', mode: 'api_key' });
    expect(result.backupPath).toBeUndefined();
    expect(readdirSync(stateDir).filter((name) => name.endsWith('.bak'))).toEqual([]);
    const text = readFileSync(configPath, 'utf8');
    expect(text.replace(/\s+/g, '')).toContain('"retries":Infinity,"floor":-Infinity');
    expect(Object.keys(JSON5.parse(text).auth.profiles)).toEqual(['groq:a', 'groq:b']);
  });

  it('creates the config when there is none, and changes nothing when already recorded', async () => {
    const { configPath } = makeTempHome();
    expect((await recordProfileInConfig(configPath, { id: 'groq:a', provider: 'groq', mode: 'api_key' })).created).toBe(
      true,
    );
    const text = readFileSync(configPath, 'utf8');
    expect((await recordProfileInConfig(configPath, { id: 'groq:a', provider: 'groq', mode: 'api_key' })).changed).toBe(
      false,
    );
    expect(readFileSync(configPath, 'utf8')).toBe(text);
  });

  it('refuses an unparsable config with its position and leaves it alone', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, '{\n  auth: {\n    profiles: [}\n}');
    await expect(readGatewayConfig(configPath)).rejects.toThrow(/openclaw\.json: not valid JSON5 at line 3, column/);
    await expect(
      recordProfileInConfig(configPath, { id: 'a:b', provider: 'a', mode: 'api_key' }),
    ).rejects.toBeInstanceOf(UnreadableStateError);
    expect(readFileSync(configPath, 'utf8')).toBe('{\n  auth: {\n    profiles: [}\n}');
  });
});
