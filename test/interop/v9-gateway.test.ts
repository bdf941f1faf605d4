import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn } from '../helpers/openclaw-fixtures.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { writeJsonFile } from '../helpers/temp-state.js';
import { interopHome, onCleanup } from './interop-home.js';
import { freePort, NO_GATEWAY_PORT, openclaw, parseJsonOutput, startGateway } from './openclaw-harness.js';

describe('OpenClaw 2026.9.6 running', () => {
  it('reloads a running gateway, so a profile authdeck adds is in use without a restart', async () => {
    const h = interopHome('2026.9.6');
    const port = await freePort();
    const gatewayToken = `gw-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    // As `openclaw onboard` leaves it: a local gateway with a token in the config.
    writeJsonFile(h.configPath, {
      gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: gatewayToken } },
    });
    expect(
      (
        await openclaw('2026.9.6', h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
          stdin: `${fakeSecrets.setupToken('gw')}\n`,
        })
      ).code,
    ).toBe(0);
    const gateway = await startGateway('2026.9.6', h.home, port);
    onCleanup(gateway.stop);
    // authdeck finds the port and the token in openclaw.json, as OpenClaw's own CLI does.
    const added = await h.authdeck(
      ['add-key', '--provider', 'openai', '--profile-id', 'live'],
      fakeSecrets.openaiKey('live'),
      { OPENCLAW_GATEWAY_PORT: '' },
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stderr).toContain(`the running gateway reloaded its auth (ws://127.0.0.1:${port})`);
    const auth = parseJsonOutput<{ providers: Array<{ profiles: Array<{ profileId: string }> }> }>(
      await openclaw('2026.9.6', h.home, ['gateway', 'call', 'models.authStatus', '--json'], {
        env: { OPENCLAW_GATEWAY_PORT: String(port), OPENCLAW_GATEWAY_TOKEN: gatewayToken },
      }),
    );
    expect(auth.providers.flatMap((provider) => provider.profiles.map((profile) => profile.profileId))).toContain(
      'openai:live',
    );
  });

  it('shows on the dashboard what OpenClaw writes', async () => {
    const h = interopHome('2026.9.6');
    expect(
      (
        await openclaw('2026.9.6', h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
          stdin: `${fakeSecrets.setupToken('dash')}\n`,
        })
      ).code,
    ).toBe(0);
    const session = TerminalSession.launch(['dashboard'], {
      home: h.home,
      env: { PATH: h.PATH, OPENCLAW_GATEWAY_PORT: NO_GATEWAY_PORT },
    });
    onCleanup(() => session.kill());
    await session.waitFor('anthropic:manual', 20_000);
    const written = await openclaw(
      '2026.9.6',
      h.home,
      ['models', 'auth', 'paste-token', '--provider', 'anthropic', '--profile-id', 'anthropic:from-openclaw'],
      { stdin: `${fakeSecrets.setupToken('dash2')}\n` },
    );
    expect(written).toMatchObject({ code: 0 });
    const exited = Date.now();
    await session.waitFor('anthropic:from-openclaw', 5_000);
    // The live-update budget (250 ms) is measured in bench/; here it only has to arrive.
    console.log(`dashboard showed OpenClaw's write ${Date.now() - exited} ms after openclaw exited`);
  });

  it("doctor --fix and the dashboard's fixes ask the running gateway to reload", async () => {
    const h = interopHome('2026.9.6');
    const port = await freePort();
    const gatewayToken = `gw-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    writeJsonFile(h.configPath, {
      gateway: { mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: gatewayToken } },
    });
    expect(
      await openclaw('2026.9.6', h.home, ['models', 'auth', 'paste-token', '--provider', 'anthropic'], {
        stdin: `${fakeSecrets.setupToken('fix')}\n`,
      }),
    ).toMatchObject({ code: 0 });
    // An order that names a profile that is gone: doctor's safe fix rewrites it in the store.
    const danglingOrder = () =>
      execOn(
        h.stateDb,
        `insert into config_machine_state (state_key, value_json, updated_at_ms) values ('authProfiles.state', ?, 1)
         on conflict(state_key) do update set value_json = excluded.value_json`,
        JSON.stringify({ version: 1, order: { anthropic: ['anthropic:manual', 'anthropic:gone'] } }),
      );
    danglingOrder();
    const gateway = await startGateway('2026.9.6', h.home, port);
    onCleanup(gateway.stop);
    const fixed = await h.authdeck(['doctor', '--fix'], undefined, { OPENCLAW_GATEWAY_PORT: '' });
    expect(fixed.stdout).toContain('fixed: anthropic order is now anthropic:manual');
    expect(fixed.stderr).toContain(`the running gateway reloaded its auth (ws://127.0.0.1:${port})`);

    // The dashboard's D then f: the same action, through the services the screens use.
    danglingOrder();
    const { resolveWorkspace } = await import('../../src/services/config/workspace.js');
    const { realServices } = await import('../helpers/real-services.js');
    const workspace = await resolveWorkspace({ env: { HOME: h.home, PATH: h.PATH } });
    const services = realServices(workspace, { HOME: h.home, PATH: h.PATH });
    const { findings } = await services.runDoctor();
    const applied = await services.applyDoctorFixes(findings);
    expect(applied.done).toContain('anthropic order is now anthropic:manual');
    expect(applied.gatewayNote?.line).toBe(`the running gateway reloaded its auth (ws://127.0.0.1:${port})`);
  });
});
