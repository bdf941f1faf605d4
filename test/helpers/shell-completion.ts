import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fakeSecrets } from './fake-secrets.js';
import { CLI_PATH } from './run-cli.js';
import { runCommand } from './run-command.js';
import { makeTempHome, writeJsonFile } from './temp-state.js';

export type ShellName = 'bash' | 'zsh' | 'fish';

/** Where a shell is installed, or undefined: its tests are skipped (CI installs them, see .ci/run). */
export function shellBinary(name: ShellName): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/bin', '/usr/local/bin'];
  return dirs
    .filter((dir) => dir.startsWith('/'))
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}

export const SCRIPT_FILE: Record<ShellName, string> = {
  bash: 'authdeck.bash',
  zsh: '_authdeck',
  fish: 'authdeck.fish',
};

/** The profile ids seeded into every completion home. */
export const SEEDED_IDS = ['anthropic:work', 'openai:default', 'openai:team'];

/**
 * A home as a user of shell completion has it: three profiles in the main agent's store, an
 * agent `work`, an `authdeck` on PATH that runs the built CLI, and the shell's script written by
 * `authdeck completion <shell>` in the home.
 */
export async function completionHome(shell: ShellName) {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'anthropic:work': { type: 'token', provider: 'anthropic', token: fakeSecrets.setupToken() },
      'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
      'openai:team': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('team') },
    },
  });
  writeJsonFile(join(temp.stateDir, 'agents', 'work', 'agent', 'auth-profiles.json'), { version: 1, profiles: {} });
  const binDir = join(temp.home, 'bin');
  const wrapper = join(binDir, 'authdeck');
  mkdirSync(binDir);
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${CLI_PATH}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const script = await runCommand(['completion', shell], { home: temp.home });
  if (script.code !== 0) throw new Error(`authdeck completion ${shell} failed: ${script.stderr}`);
  const scriptPath = join(temp.home, SCRIPT_FILE[shell]);
  writeFileSync(scriptPath, script.stdout);
  const env = {
    HOME: temp.home,
    XDG_CONFIG_HOME: join(temp.home, '.config'),
    PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`,
    LANG: 'C.UTF-8',
    AUTHDECK_STORE_GENERATION: 'json',
  };
  return { ...temp, binDir, scriptPath, env, script: script.stdout };
}

const run = promisify(execFile);

/**
 * What bash's completion offers for `line` (the cursor at its end): `_authdeck` called as
 * readline calls it, COMPREPLY printed one per line.
 */
export async function bashCompletions(home: Awaited<ReturnType<typeof completionHome>>, line: string) {
  const { stdout } = await run(
    shellBinary('bash')!,
    [
      '--norc',
      '--noprofile',
      '-c',
      `source "$SCRIPT"; COMP_LINE=$LINE; COMP_POINT=\${#LINE}; _authdeck; printf "%s\\n" "\${COMPREPLY[@]}"`,
    ],
    { env: { ...home.env, SCRIPT: home.scriptPath, LINE: line } },
  );
  return stdout.split('\n').filter((entry) => entry !== '');
}

/** What fish offers for `line` (`complete -C`), candidates without their descriptions. */
export async function fishCompletions(home: Awaited<ReturnType<typeof completionHome>>, line: string) {
  const { stdout } = await run(shellBinary('fish')!, ['--no-config', '-c', 'source $SCRIPT; complete -C $LINE'], {
    env: { ...home.env, SCRIPT: home.scriptPath, LINE: line },
  });
  return stdout
    .split('\n')
    .filter((entry) => entry !== '')
    .map((entry) => entry.split('\t')[0]);
}
