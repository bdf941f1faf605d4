import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { describeKeepAlive, keepSignInsAlive } from '../../src/services/oauth/keep-alive.js';
import { saveSignIn } from '../../src/services/oauth/oauth-profiles.js';
import { signIn } from '../../src/services/oauth/sign-in.js';
import { loadAgentState } from '../../src/services/profiles/agent-state.js';
import { type FakeAuthServer, startFakeAuthServer } from '../helpers/fake-oauth-server.js';
import { installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { makeTempHome, readJson, writeJsonFile } from '../helpers/temp-state.js';

const MINUTE = 60_000;
const ID = 'openai-codex:me@example.com';

/** A ChatGPT sign-in stored as the JSON-era gateway keeps it, its access token expiring in 20 minutes. */
async function signedIn() {
  const server = await startFakeAuthServer();
  const temp = makeTempHome();
  const workspace = await resolveWorkspace({
    env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' },
  });
  const signedIn = await signIn('openai', 'device', { env: server.env, onPrompt: () => {}, sleep: async () => {} });
  await saveSignIn(workspace, 'openai-codex', signedIn);
  const storePath = join(temp.mainAgentDir, 'auth-profiles.json');
  const store = readJson(storePath);
  store.profiles[ID].expires = Date.now() + 20 * MINUTE;
  writeJsonFile(storePath, store);
  return { server, workspace, storePath };
}

/** What a gateway does to the profile between our read and our lock. */
function gatewayWrites(storePath: string, change: Record<string, unknown>) {
  const store = readJson(storePath);
  Object.assign(store.profiles[ID], change);
  writeJsonFile(storePath, store);
}

const keepAlive = (server: FakeAuthServer) => ({ env: server.env, withinMs: 35 * MINUTE });

describe('the keep-alive leaves alone what changed since it decided', () => {
  it('a renewed access token and expiry with the same refresh token (a provider that does not rotate)', async () => {
    const { server, workspace, storePath } = await signedIn();
    const state = await loadAgentState(workspace);
    const renewed = { access: 'gateway-access', expires: Date.now() + 60 * MINUTE };
    gatewayWrites(storePath, renewed);
    const report = await keepSignInsAlive(state, keepAlive(server));
    expect(report.results).toEqual([expect.objectContaining({ profileId: ID, status: 'refreshed-meanwhile' })]);
    expect(server.refreshCalls).toBe(0);
    expect(readJson(storePath).profiles[ID]).toMatchObject(renewed);
  });

  it('an expiry moved and nothing else', async () => {
    const { server, workspace, storePath } = await signedIn();
    const state = await loadAgentState(workspace);
    gatewayWrites(storePath, { expires: Date.now() + 90 * MINUTE });
    const report = await keepSignInsAlive(state, keepAlive(server));
    expect(report.results.map((result) => result.status)).toEqual(['refreshed-meanwhile']);
    expect(server.refreshCalls).toBe(0);
  });

  it('a profile fenced by the gateway’s refresh in flight', async () => {
    const { server, workspace, storePath } = await signedIn();
    // As OpenClaw 2026.9 leaves it while it refreshes: both tokens fenced, the expiry a placeholder.
    const fence = (kind: string) => `openclaw-oauth-refresh-fence:v1:${'a'.repeat(32)}:${kind}:${'b'.repeat(64)}`;
    gatewayWrites(storePath, { access: fence('access'), refresh: fence('refresh'), expires: 1 });
    const report = await keepSignInsAlive(await loadAgentState(workspace), keepAlive(server));
    expect(report.results).toEqual([
      expect.objectContaining({ status: 'fenced', reason: 'the gateway is refreshing it right now' }),
    ]);
    expect(describeKeepAlive(report.results[0]!, Date.now())).toBe(
      `${ID} not refreshed: the gateway is refreshing it right now`,
    );
    expect(server.refreshCalls).toBe(0);
  });

  it('a refresh the gateway saw fail is a refusal (OpenClaw keeps no usable token), without asking the provider', async () => {
    const { server, workspace, storePath } = await signedIn();
    const fence = (kind: string) =>
      `openclaw-oauth-refresh-fence:v1:${'a'.repeat(32)}:failed:${kind}:${'b'.repeat(64)}`;
    gatewayWrites(storePath, { access: fence('access'), refresh: fence('refresh'), expires: 1 });
    const report = await keepSignInsAlive(await loadAgentState(workspace), keepAlive(server));
    expect(report.results).toEqual([expect.objectContaining({ status: 'refused', code: 'gateway_refresh_failed' })]);
    expect(describeKeepAlive(report.results[0]!, Date.now())).toBe(
      `${ID}: the gateway's last refresh of it failed, which leaves no usable token; sign in again: authdeck login --provider openai --method device --profile-id ${ID}`,
    );
    expect(Object.keys(report.refused)).toEqual([ID]);
    expect(server.refreshCalls).toBe(0);
  });

  it('and refreshes the same profile when nothing changed', async () => {
    const { server, workspace, storePath } = await signedIn();
    const before = readJson(storePath).profiles[ID];
    const report = await keepSignInsAlive(await loadAgentState(workspace), keepAlive(server));
    expect(report.results.map((result) => result.status)).toEqual(['refreshed']);
    expect(readJson(storePath).profiles[ID].refresh).not.toBe(before.refresh);
  });
});

describe('the keep-alive in the shared SQLite store of OpenClaw 2026.9', () => {
  it('refreshes a sign-in of the shared store and keeps the rotated token there', async () => {
    const server = await startFakeAuthServer();
    const temp = makeTempHome();
    installOpenclawFixture('b-v9-shared-with-agent-override', temp.stateDir);
    const workspace = await resolveWorkspace({
      env: { HOME: temp.home, PATH: '/nonexistent', AUTHDECK_STORE_GENERATION: 'json' },
    });
    const signedIn = await signIn('openai', 'device', { env: server.env, onPrompt: () => {}, sleep: async () => {} });
    await saveSignIn(workspace, 'openai-codex', signedIn);
    const read = () =>
      (
        readCell(
          join(temp.stateDir, 'state', 'openclaw.sqlite'),
          `select value_json from config_machine_state where state_key = 'authProfiles.store'`,
        ) as { profiles: Record<string, Record<string, unknown>> }
      ).profiles['openai:me@example.com'];
    // The access token lasts an hour: due in a 2h window.
    const report = await keepSignInsAlive(await loadAgentState(workspace), { env: server.env, withinMs: 120 * MINUTE });
    expect(report.results).toEqual([
      expect.objectContaining({ profileId: 'openai:me@example.com', status: 'refreshed' }),
    ]);
    expect(read()?.refresh).not.toBe(signedIn.fields.refresh);
    expect(read()).toMatchObject({ type: 'oauth', provider: 'openai', accountId: 'acct-123' });
  });
});
