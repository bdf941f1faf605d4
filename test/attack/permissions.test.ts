import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';
import { makeTempHome } from '../helpers/temp-state.js';

/** The CLI under `umask 000`, as a careless shell or a service manager may start it. */
function underOpenUmask(args: string[], home: string, input = '') {
  return spawnSync(
    '/bin/sh',
    ['-c', `umask 000; exec "${process.execPath}" "${CLI_PATH}" --no-reload "$@"`, 'sh', ...args],
    {
      input,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        NO_COLOR: '1',
        AUTHDECK_STORE_GENERATION: 'json',
        XDG_CONFIG_HOME: join(home, '.config'),
      },
    },
  );
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('what authdeck creates is private whatever the umask', () => {
  it('its settings dir, the state dirs and the files in them', () => {
    const { home, stateDir, mainAgentDir } = makeTempHome();
    expect(underOpenUmask(['prefs', 'set', 'warnWithin', '2h'], home).status).toBe(0);
    expect(mode(join(home, '.config', 'authdeck'))).toBe(0o700);
    expect(mode(join(home, '.config', 'authdeck', 'config.json'))).toBe(0o600);
    expect(underOpenUmask(['add-key', '--provider', 'openai'], home, fakeSecrets.openaiKey()).status).toBe(0);
    expect(mode(mainAgentDir)).toBe(0o700);
    expect(mode(join(mainAgentDir, 'auth-profiles.json'))).toBe(0o600);
    expect(mode(join(stateDir, 'openclaw.json'))).toBe(0o600);
  });

  it('doctor reports a settings dir others can write in, and --fix closes it', async () => {
    const { home } = makeTempHome();
    const dir = join(home, '.config', 'authdeck');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    const doctor = await runCli(['doctor'], { home });
    expect(doctor.stdout).toContain(
      `${dir}: authdeck's own settings dir is mode 777: other users can look inside and write in it`,
    );
    await runCli(['doctor', '--fix'], { home });
    expect(mode(dir)).toBe(0o700);
  });

  it('doctor --fix leaves a shared (sticky) directory the state dir links to as it was, and says why', async () => {
    const { home, stateDir } = makeTempHome();
    const shared = join(home, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    spawnSync('rm', ['-rf', stateDir]);
    symlinkSync(shared, stateDir);
    const doctor = await runCli(['doctor'], { home });
    expect(doctor.stdout).toContain(`the state dir (a link to ${shared}) is mode 1777`);
    expect(doctor.stdout).toContain('it is a shared directory (sticky), so authdeck leaves its mode alone');
    expect(doctor.stdout).toContain(`point the link ${stateDir} there`);
    await runCli(['doctor', '--fix'], { home });
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
    // The shared directory named as the state dir itself: the variable to change, not a link.
    const direct = await runCli(['doctor'], { home, env: { OPENCLAW_STATE_DIR: shared } });
    expect(direct.stdout).toContain('set OPENCLAW_STATE_DIR to it');
  });
});

describe("a database's -wal and -shm left read-only (a read of a 0400 database makes them so)", () => {
  it('doctor names the one that blocks every write, and --fix makes it writable', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const db = join(stateDir, 'state', 'openclaw.sqlite');
    const env = { AUTHDECK_STORE_GENERATION: undefined };
    writeFileSync(`${db}-shm`, Buffer.alloc(32_768));
    chmodSync(`${db}-shm`, 0o400);
    const shm = await runCli(['doctor'], { home, env });
    expect(shm.stdout).toContain(`${db}-shm: mode 400: not writable, so no one can write ${db}`);
    await runCli(['doctor', '--fix'], { home, env });
    expect(mode(`${db}-shm`)).toBe(0o600);
  });
});

// From an adversarial run: a .env, openclaw.json or store kept in a dotfiles folder and linked
// into the state dir, readable by everyone, was never reported (doctor looked at the link).
describe('a secrets file linked in from elsewhere', () => {
  it('doctor names its target and mode, and --fix makes the target private', async () => {
    const { home, stateDir } = makeTempHome();
    const dots = join(home, 'dots');
    mkdirSync(dots);
    const kept = join(dots, 'env');
    writeFileSync(kept, `OPENAI_API_KEY=${fakeSecrets.openaiKey()}\n`);
    chmodSync(kept, 0o644);
    symlinkSync(kept, join(stateDir, '.env'));
    const doctor = await runCli(['doctor'], { home });
    expect(doctor.stdout).toContain(`${join(stateDir, '.env')}: a link to ${kept}, mode 644: readable by other users`);
    await runCli(['doctor', '--fix'], { home });
    expect(mode(kept)).toBe(0o600);
  });
});

describe('a secrets file linked to nothing', () => {
  it('doctor names the link and its missing target (the gateway reads nothing there; doctor said nothing)', async () => {
    const { home, stateDir } = makeTempHome();
    const gone = join(home, 'dots', 'env');
    symlinkSync(gone, join(stateDir, '.env'));
    const doctor = JSON.parse((await runCli(['doctor', '--json'], { home })).stdout);
    expect(doctor.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'dangling-link',
          subject: join(stateDir, '.env'),
          problem: `a link to ${gone}, which does not exist`,
        }),
      ]),
    );
  });
});
