import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { execOn, installOpenclawFixture, readCell } from '../helpers/openclaw-fixtures.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { runCli } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** An `openclaw` on PATH the way pnpm or npm link it: a shell script that names the package. */
function pnpmStyleOpenclaw(home: string, version: string): string {
  const pkg = join(home, 'pnpm', 'global', '5', 'node_modules', 'openclaw');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'openclaw', version }));
  writeFileSync(join(pkg, 'openclaw.mjs'), 'process.exit(70);\n');
  const bin = join(home, 'pnpm', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\nbasedir=$(dirname "$0")\nexec node "$basedir/../global/5/node_modules/openclaw/openclaw.mjs" "$@"\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return bin;
}

/** A shim that hides the package (volta, asdf): only running it tells the version. */
function shimOpenclaw(home: string, version: string): string {
  const bin = join(home, 'shims');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'openclaw'),
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "OpenClaw ${version} (abc1234)"; exit 0; fi\nexit 70\n`,
  );
  chmodSync(join(bin, 'openclaw'), 0o755);
  return bin;
}

const basePath = process.env.PATH ?? '';

describe('the store generation of a home with no store yet', () => {
  it('with nothing to tell, a script is refused with the flag to use, and nothing is written', async () => {
    const { home, mainAgentDir, configPath } = makeTempHome();
    const run = await runCli(['add-key', '--provider', 'openai'], {
      home,
      input: fakeSecrets.openaiKey(),
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('no OpenClaw store yet, and no openclaw on PATH');
    expect(run.stderr).toContain('--store-generation sqlite|json');
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    expect(existsSync(configPath)).toBe(false);
  });

  it('with nothing to tell, the read commands do not state a generation as fact either', async () => {
    const { home } = makeTempHome();
    const env = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
    const status = await runCommand(['status'], { home, env });
    expect(status.stdout).toContain('Store not known yet: a first save asks which OpenClaw reads it');
    expect(status.stdout).not.toContain('JSON files (OpenClaw ≤ 2026.6.1)');
    const json = JSON.parse((await runCommand(['status', '--json'], { home, env })).stdout);
    expect(json.store.certain).toBe(false);
    const doctor = await runCommand(['doctor'], { home, env });
    expect(doctor.stdout).toContain('no credential store yet, and nothing here says which kind OpenClaw will want');
    const migrate = await runCommand(['migrate'], { home, env });
    expect(migrate.stdout.trim()).toBe('Nothing to migrate: no OpenClaw store yet, and no openclaw on PATH.');
  });

  for (const [kind, make] of [
    ['a pnpm/npm launcher script', pnpmStyleOpenclaw],
    ['a shim that hides the package', shimOpenclaw],
  ] as const) {
    it(`finds OpenClaw 2026.9.6 through ${kind}, and writes no JSON store`, async () => {
      const { home, mainAgentDir } = makeTempHome();
      const env = { PATH: `${make(home, '2026.9.6')}:${basePath}`, AUTHDECK_STORE_GENERATION: undefined };
      const status = JSON.parse((await runCli(['status', '--json'], { home, env })).stdout);
      expect(status.store.storeGeneration).toBe('shared-sqlite');
      expect(status.store.evidence).toMatch(/the installed openclaw( \(`openclaw --version`\))? is 2026\.9\.6/);
      const run = await runCli(['add-key', '--provider', 'openai'], { home, env, input: fakeSecrets.openaiKey() });
      // The store does not exist: authdeck hands the secret to that openclaw (a fake that fails here).
      expect(run.code).not.toBe(0);
      expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(false);
    });
  }

  it('--store-generation json writes the JSON store', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const run = await runCli(['--store-generation', 'json', 'add-key', '--provider', 'openai'], {
      home,
      input: fakeSecrets.openaiKey(),
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    expect(run.code).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai:default'].type).toBe('api_key');
  });

  it("another agent's first save on a home whose main agent has JSON files is not asked again", async () => {
    const { home, stateDir, mainAgentDir } = makeTempHome();
    const env = { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' };
    const first = await runCommand(['--store-generation', 'json', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    expect(first.code).toBe(0);
    expect(existsSync(join(mainAgentDir, 'auth-profiles.json'))).toBe(true);
    mkdirSync(join(stateDir, 'agents', 'coder', 'agent'), { recursive: true });
    const coder = await runCommand(['--agent', 'coder', 'add-key', '--provider', 'groq'], {
      home,
      env,
      input: fakeSecrets.groqKey(),
    });
    expect(coder.code).toBe(0);
    expect(
      readJson(join(stateDir, 'agents', 'coder', 'agent', 'auth-profiles.json')).profiles['groq:default'].type,
    ).toBe('api_key');
  });

  it('a person at a terminal is asked, before the secret', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const session = TerminalSession.launch(['add-key', '--provider', 'openai'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    sessions.push(session);
    await session.waitFor('Which OpenClaw will read these credentials?');
    expect(session.screen()).not.toContain('API key:');
    await session.type('j');
    await session.waitFor('OpenAI API key:');
    await session.type(fakeSecrets.openaiKey());
    await session.press('enter');
    expect(await session.waitForExit()).toBe(0);
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['openai:default'].type).toBe('api_key');
  });

  it('in a 60-column terminal the question breaks at spaces, each answer going on under its label', async () => {
    const { home } = makeTempHome();
    const session = TerminalSession.launch(['add-key', '--provider', 'openai'], {
      home,
      cols: 60,
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    sessions.push(session);
    const screen = await session.waitFor('[j] OpenClaw 2026.6.1 or earlier');
    const words = screen.replace(/\s+/g, ' ');
    expect(words).toContain('Which OpenClaw will read these credentials?');
    expect(words).toContain('(SQLite store; OpenClaw must create it: no openclaw on PATH)');
    expect(screen).toMatch(/^ {6}\S/m);
  });

  it('says which keys answer, and refuses the SQLite store at once when no openclaw could create it', async () => {
    const { home, configPath } = makeTempHome();
    const session = TerminalSession.launch(['add-key', '--provider', 'openai'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: undefined },
    });
    sessions.push(session);
    await session.waitFor('OpenClaw must create it: no openclaw on PATH)');
    await session.type('x');
    await session.waitFor('press s or j (Esc cancels)');
    await session.type('s');
    expect(await session.waitForExit()).toBe(64);
    expect(session.screen()).toContain(
      'the SQLite store is created by OpenClaw itself and there is no openclaw on PATH',
    );
    expect(session.screen()).not.toContain('API key:');
    expect(existsSync(configPath)).toBe(false);
  });
});

describe('a state database OpenClaw made before any credential (`openclaw onboard --auth-choice skip`)', () => {
  it('the first save also writes the auth.sharedStore marker, without which OpenClaw reads another database', async () => {
    const { home, stateDir } = makeTempHome();
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    execOn(stateDb, `delete from config_machine_state where state_key like 'auth%'`);
    const saved = await runCommand(['add-key', '--provider', 'anthropic'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' },
      input: fakeSecrets.anthropicApiKey(),
    });
    expect(saved.code).toBe(0);
    const cell = (key: string) =>
      readCell(stateDb, `select value_json from config_machine_state where state_key = ?`, key);
    expect(cell('auth.sharedStore')).toEqual({ location: 'state-db' });
    expect(Object.keys((cell('authProfiles.store') as { profiles: object }).profiles)).toEqual(['anthropic:default']);
  });
});

describe('a database OpenClaw was stopped before it made (Ctrl+C early in its first run)', () => {
  // A state database with no table in it was read as an older generation's per-agent store
  // ("per-agent SQLite (OpenClaw 2026.6.5–2026.7)" beside OpenClaw 2026.9.6), and a save then
  // stopped with exit 3 ("no schema ownership record; run `openclaw doctor --fix`").
  it('counts as no store yet: the installed OpenClaw decides, and a save has it make the store', async () => {
    const { home, stateDir, mainAgentDir } = makeTempHome();
    mkdirSync(join(stateDir, 'state'), { recursive: true });
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');
    const db = new DatabaseSync(stateDb);
    db.exec('create table t(a); drop table t');
    db.close();
    const env = { PATH: `${pnpmStyleOpenclaw(home, '2026.9.6')}:${basePath}`, AUTHDECK_STORE_GENERATION: undefined };
    const status = await runCommand(['status', '--json'], { home, env });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).store).toMatchObject({
      storeGeneration: 'shared-sqlite',
      evidence: expect.stringMatching(/the installed openclaw is 2026\.9\.6/),
    });
    const saved = await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], {
      home,
      env,
      input: fakeSecrets.openaiKey(),
    });
    // Handed to that openclaw to make its store (a fake that fails here), not refused.
    expect(saved.stderr).toContain('`openclaw models auth order clear --provider openai');
    expect(saved.stderr).not.toContain('doctor --fix');
    expect(existsSync(join(mainAgentDir, 'openclaw-agent.sqlite'))).toBe(false);
  });
});

describe('a main agent database OpenClaw made with no credential in it (an order cleared on a fresh home)', () => {
  // authdeck took the file alone for the legacy layout and wrote into it, where OpenClaw 2026.9.6
  // takes the state database for its first write (initializeFreshSharedAuthStore reads the rows).
  it('does not keep the legacy layout: the first save goes to the state database, with its marker', async () => {
    const { home, stateDir, mainAgentDir } = makeTempHome();
    installOpenclawFixture('d-v9-legacy-main', stateDir);
    rmSync(join(mainAgentDir, 'auth-state.json'), { force: true });
    const agentDb = join(mainAgentDir, 'openclaw-agent.sqlite');
    execOn(agentDb, 'delete from auth_profile_store; delete from auth_profile_state');
    const saved = await runCommand(['--no-reload', 'add-key', '--provider', 'groq'], {
      home,
      env: { AUTHDECK_STORE_GENERATION: undefined, PATH: '/nonexistent' },
      input: fakeSecrets.groqKey(),
    });
    expect(saved.code, saved.stderr).toBe(0);
    const stateDb = join(stateDir, 'state', 'openclaw.sqlite');
    expect(saved.stdout).toContain(`in ${stateDb} (shared store)`);
    expect(
      readCell(stateDb, `select value_json from config_machine_state where state_key = ?`, 'auth.sharedStore'),
    ).toEqual({
      location: 'state-db',
    });
  });
});
