import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfigPath, resolveStateDir } from '../../src/services/config/paths.js';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { makeTempHome, writeText } from '../helpers/temp-state.js';

describe('state dir', () => {
  it('prefers the flag, then OPENCLAW_STATE_DIR, then ~/.openclaw', () => {
    const { home } = makeTempHome();
    expect(resolveStateDir({ HOME: home, OPENCLAW_STATE_DIR: '/x/env' }, '/x/flag')).toBe('/x/flag');
    expect(resolveStateDir({ HOME: home, OPENCLAW_STATE_DIR: '/x/env' })).toBe('/x/env');
    expect(resolveStateDir({ HOME: home })).toBe(join(home, '.openclaw'));
  });

  it('uses OPENCLAW_HOME over HOME and expands ~ against it', () => {
    const { home } = makeTempHome();
    expect(resolveStateDir({ HOME: '/nowhere', OPENCLAW_HOME: home })).toBe(join(home, '.openclaw'));
    expect(resolveStateDir({ HOME: '/nowhere', OPENCLAW_HOME: home, OPENCLAW_STATE_DIR: '~/state' })).toBe(
      join(home, 'state'),
    );
  });

  it('falls back to the first existing legacy dir only when ~/.openclaw is absent', () => {
    const { home } = makeTempHome();
    const legacyHome = join(home, 'legacy');
    mkdirSync(join(legacyHome, '.moltbot'), { recursive: true });
    mkdirSync(join(legacyHome, '.moldbot'), { recursive: true });
    expect(resolveStateDir({ HOME: legacyHome })).toBe(join(legacyHome, '.moldbot'));
    mkdirSync(join(legacyHome, '.clawdbot'));
    expect(resolveStateDir({ HOME: legacyHome })).toBe(join(legacyHome, '.clawdbot'));
    mkdirSync(join(legacyHome, '.openclaw'));
    expect(resolveStateDir({ HOME: legacyHome })).toBe(join(legacyHome, '.openclaw'));
    expect(resolveStateDir({ HOME: join(home, 'empty') })).toBe(join(home, 'empty', '.openclaw'));
  });

  it('reads the config from OPENCLAW_CONFIG_PATH or <state>/openclaw.json', () => {
    expect(resolveConfigPath({ OPENCLAW_CONFIG_PATH: '/etc/oc.json' }, '/s')).toBe('/etc/oc.json');
    expect(resolveConfigPath({}, '/s')).toBe('/s/openclaw.json');
  });
});

describe('agent dir', () => {
  it('uses the default agent from the config, else main', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    let ws = await resolveWorkspace({ env: { HOME: home } });
    expect(ws.agentId).toBe('main');
    expect(ws.agentDir).toBe(join(stateDir, 'agents', 'main', 'agent'));
    expect(ws.isMain).toBe(true);
    writeText(
      configPath,
      `{ agents: { list: [ { id: "main" }, { id: "ops", default: true, agentDir: "~/ops-agent" } ] } }`,
    );
    ws = await resolveWorkspace({ env: { HOME: home } });
    expect(ws.agentId).toBe('ops');
    expect(ws.agentDir).toBe(join(home, 'ops-agent'));
    expect(ws.isMain).toBe(false);
    expect(ws.mainAgentDir).toBe(join(stateDir, 'agents', 'main', 'agent'));
  });

  it('honours --agent: the configured agentDir, else <state>/agents/<id>/agent', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    writeText(configPath, JSON.stringify({ agents: { list: [{ id: 'ops', agentDir: '/srv/ops' }, { id: 'work' }] } }));
    expect((await resolveWorkspace({ env: { HOME: home }, agent: 'ops' })).agentDir).toBe('/srv/ops');
    const work = await resolveWorkspace({ env: { HOME: home }, agent: 'work' });
    expect(work.agentDir).toBe(join(stateDir, 'agents', 'work', 'agent'));
    expect(work.isMain).toBe(false);
  });

  it("follows OpenClaw 2026.9's roster: the system agent by default, ids in any case; the shared store stays main's", async () => {
    const { home, stateDir, configPath } = makeTempHome();
    writeText(
      configPath,
      JSON.stringify({
        agents: {
          ownership: 'explicit',
          defaults: { systemAgent: { agentId: 'coder' }, authInheritance: { agentId: 'coder' } },
          entries: { main: {}, coder: {} },
        },
      }),
    );
    const coder = await resolveWorkspace({ env: { HOME: home } });
    expect(coder.agentId).toBe('coder');
    // OpenClaw 2026.9.6 keeps main's database as the legacy-main shared store whatever
    // authInheritance names (checked against it on a d-v9-legacy-main home).
    expect(coder.isMain).toBe(false);
    expect(coder.mainAgentDir).toBe(join(stateDir, 'agents', 'main', 'agent'));
    const named = await resolveWorkspace({ env: { HOME: home }, agent: 'Coder' });
    expect(named.agentDir).toBe(join(stateDir, 'agents', 'coder', 'agent'));
    const main = await resolveWorkspace({ env: { HOME: home }, agent: 'main' });
    expect(main.isMain).toBe(true);
  });

  it('accepts an agent that only exists on disk, and refuses an unknown one', async () => {
    const { home, stateDir } = makeTempHome();
    mkdirSync(join(stateDir, 'agents', 'side', 'agent'), { recursive: true });
    expect((await resolveWorkspace({ env: { HOME: home }, agent: 'side' })).agentId).toBe('side');
    await expect(resolveWorkspace({ env: { HOME: home }, agent: 'nope' })).rejects.toThrow(
      /unknown agent "nope".*known agents: main, side/,
    );
    await expect(resolveWorkspace({ env: { HOME: home }, agent: '../x' })).rejects.toThrow(/not an agent id/);
  });

  it('takes OPENCLAW_AGENT_DIR, then PI_CODING_AGENT_DIR, as the main agent dir', async () => {
    const { home } = makeTempHome();
    const ws = await resolveWorkspace({ env: { HOME: home, PI_CODING_AGENT_DIR: '/pi', OPENCLAW_AGENT_DIR: '/oc' } });
    expect(ws.agentDir).toBe('/oc');
    expect(ws.agentFrom).toBe('env');
    expect(ws.isMain).toBe(true);
    expect((await resolveWorkspace({ env: { HOME: home, PI_CODING_AGENT_DIR: '/pi' } })).agentDir).toBe('/pi');
  });
});
