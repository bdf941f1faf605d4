import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tellGateway } from '../../src/services/actions.js';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { loadAgentState } from '../../src/services/profiles/agent-state.js';
import { openAgentStore, storeOpenCount } from '../../src/services/store/agent-store.js';
import { databaseOpenCount } from '../../src/services/store/sqlite/driver.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { realServices } from '../helpers/real-services.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

async function workspaceOf(home: string) {
  return resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' } });
}

function servicesOf(
  workspace: Awaited<ReturnType<typeof workspaceOf>>,
  preloadedState?: Awaited<ReturnType<typeof loadAgentState>>,
) {
  return realServices(
    workspace,
    { HOME: workspace.home, PATH: '/nonexistent' },
    { ...(preloadedState ? { preloadedState } : {}), reload: true },
  );
}

describe("the wizard summary's d for a choice built from answers", () => {
  it("Microsoft Foundry: d writes the deployment's model as the default, with the same provider block", async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const config = readJson(configPath);
    writeJsonFile(configPath, { ...config, agents: { defaults: { model: { primary: 'openrouter/auto' } } } });
    const workspace = await resolveWorkspace({ env: { HOME: home, PATH: '/nonexistent' } });
    const services = servicesOf(workspace, await loadAgentState(workspace));
    const foundry = {
      endpoint: 'https://acme.openai.azure.com',
      deployment: 'prod',
      family: 'gpt-5' as const,
      api: 'openai-responses' as const,
    };
    const saved = await services.saveCredential({
      profileId: 'microsoft-foundry:default',
      provider: 'microsoft-foundry',
      kind: 'api_key',
      secret: 'a'.repeat(32),
      authChoice: 'microsoft-foundry-apikey',
      foundry,
    });
    expect(readJson(configPath).agents.defaults.model.primary).toBe('openrouter/auto');
    const block = readJson(configPath).models.providers['microsoft-foundry'];
    expect(block).toBeDefined();
    const setUp = await services.setDefaultModel({
      provider: 'microsoft-foundry',
      kind: 'api_key',
      authChoice: 'microsoft-foundry-apikey',
      answers: { profileId: saved.profileId, foundry },
    });
    const after = readJson(configPath);
    expect(after.agents.defaults.model.primary).toBe('microsoft-foundry/prod');
    expect(after.models.providers['microsoft-foundry']).toEqual(block);
    expect(setUp.defaultModel).toMatchObject({ status: 'set' });
  });
});

describe('the action layer', () => {
  it('a wizard save detects the store generation once: the read that showed the screen', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const workspace = await workspaceOf(home);
    const before = storeOpenCount();
    const services = servicesOf(workspace, await loadAgentState(workspace));
    const saved = await services.saveCredential({
      profileId: 'openai:default',
      provider: 'openai',
      kind: 'api_key',
      secret: fakeSecrets.openaiKey('once'),
    });
    expect(saved.storePath).toBe(join(stateDir, 'state', 'openclaw.sqlite'));
    expect(storeOpenCount() - before).toBe(1);
  });

  it('a wizard save for a provider whose plugin the config denies is refused, nothing written', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const config = readJson(configPath);
    writeJsonFile(configPath, { ...config, plugins: { ...(config.plugins ?? {}), allow: ['anthropic'] } });
    const before = readFileSync(configPath, 'utf8');
    const workspace = await workspaceOf(home);
    const services = servicesOf(workspace, await loadAgentState(workspace));
    await expect(
      services.saveCredential({
        profileId: 'openrouter:default',
        provider: 'openrouter',
        kind: 'api_key',
        secret: fakeSecrets.openrouterKey(),
      }),
    ).rejects.toThrow(
      /^nothing saved: the openrouter plugin is not in plugins\.allow .*add openrouter to plugins\.allow first$/,
    );
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    expect(Object.keys((await loadAgentState(workspace)).base?.profiles ?? {})).not.toContain('openrouter:default');
  });

  it('a status opens each database once (the detection reads the cells too)', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', stateDir);
    const workspace = await workspaceOf(home);
    const before = databaseOpenCount();
    const state = await loadAgentState(workspace);
    expect(Object.keys(state.own.profiles).length + Object.keys(state.base?.profiles ?? {}).length).toBeGreaterThan(0);
    // The state database and the main agent's database.
    expect(databaseOpenCount() - before).toBe(2);
  });

  it('tells the gateway only after a change, unless --no-reload, and never a JSON-era gateway', async () => {
    const { home, stateDir } = makeTempHome();
    const json = await openAgentStore(await workspaceOf(home));
    const context = { workspace: json.workspace, reload: true };
    expect((await tellGateway(context, json, true)).gateway).toEqual({
      status: 'skipped',
      reason: 'the gateway reads the files itself',
    });
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const sqlite = await openAgentStore(await workspaceOf(home));
    expect((await tellGateway(context, sqlite, false)).gateway).toEqual({
      status: 'skipped',
      reason: 'nothing changed',
    });
    expect((await tellGateway({ ...context, reload: false }, sqlite, true)).gateway).toEqual({
      status: 'skipped',
      reason: '--no-reload',
    });
  });

  it("a screen's save sets the provider up, and the next read sees openclaw.json as it is now", async () => {
    const { home, configPath } = makeTempHome();
    const workspace = await workspaceOf(home);
    const services = servicesOf(workspace, await loadAgentState(workspace));
    const saved = await services.saveCredential({
      profileId: 'anthropic:default',
      provider: 'anthropic',
      kind: 'api_key',
      secret: fakeSecrets.anthropicApiKey(),
      replace: 'never',
    });
    expect(saved.setup?.defaultModel).toEqual({ status: 'set', ref: 'anthropic/claude-opus-4-7' });
    expect(JSON.parse(readFileSync(configPath, 'utf8')).plugins.entries.anthropic.enabled).toBe(true);
    const state = await services.loadState();
    expect(state.workspace.config.models.defaults.primary).toBe('anthropic/claude-opus-4-7');
  });
});
