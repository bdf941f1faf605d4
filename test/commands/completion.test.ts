import { execFile } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runCommand } from '../helpers/run-command.js';
import {
  bashCompletions,
  completionHome,
  fishCompletions,
  SEEDED_IDS,
  type ShellName,
  shellBinary,
} from '../helpers/shell-completion.js';
import { makeTempHome } from '../helpers/temp-state.js';

const run = promisify(execFile);
const SHELLS: ShellName[] = ['bash', 'zsh', 'fish'];
const missing = (shell: ShellName) => (shellBinary(shell) ? '' : ` (skipped: no ${shell} on this machine)`);

/** The commands a help screen lists under "Commands:". */
function helpCommands(help: string): string[] {
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return section ? section.split('\n').map((line) => line.trim().split(/\s+/)[0] ?? '') : [];
}

/** The flags a help screen lists under "Options:", long and short. */
function helpOptions(help: string): string[] {
  const section = help.split('\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').flatMap((line) => {
    const match = /^\s+(?:(-\w), )?\s*(--[\w-]+)/.exec(line);
    return match ? [match[2]!, ...(match[1] ? [match[1]] : [])] : [];
  });
}

describe('authdeck completion', () => {
  it('says how to install it in each shell, and lists itself but not its hidden helper', async () => {
    const { home } = makeTempHome();
    const help = await runCommand(['completion', '--help'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: authdeck completion [options] <shell>');
    expect(help.stdout).toContain('authdeck completion bash > ~/.local/share/bash-completion/completions/authdeck');
    expect(help.stdout).toContain('zsh   mkdir -p ~/.zfunc && authdeck completion zsh > ~/.zfunc/_authdeck');
    expect(help.stdout).toContain('authdeck completion fish > ~/.config/fish/completions/authdeck.fish');
    const root = await runCommand(['--help'], { home });
    expect(helpCommands(root.stdout)).toContain('completion');
    expect(root.stdout).not.toContain('__complete');
  });

  it('refuses a shell it has no script for with one line and exit 64', async () => {
    const { home } = makeTempHome();
    for (const args of [['completion', 'powershell'], ['completion']]) {
      const result = await runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await runCli(['completion', 'powershell'], { home })).stderr).toBe(
      'authdeck: completion: no script for the shell "powershell"; use bash, zsh or fish\n',
    );
  });

  for (const shell of SHELLS) {
    it.skipIf(!shellBinary(shell))(`prints a ${shell} script that ${shell} parses${missing(shell)}`, async () => {
      const { script, scriptPath } = await completionHome(shell);
      expect(script).toMatch(/^(#compdef authdeck\n)?# authdeck completion for /);
      const check = { bash: ['-n', scriptPath], zsh: ['-n', scriptPath], fish: ['--no-execute', scriptPath] }[shell];
      await expect(run(shellBinary(shell)!, check)).resolves.toMatchObject({ stderr: '' });
    });
  }
});

describe.skipIf(!shellBinary('bash'))(`bash completion, as readline asks it${missing('bash')}`, () => {
  it('offers exactly the commands the help lists, and completes a prefix', async () => {
    const home = await completionHome('bash');
    const help = await runCommand(['--help'], { home: home.home });
    expect(await bashCompletions(home, 'authdeck ')).toEqual(helpCommands(help.stdout));
    expect(await bashCompletions(home, 'authdeck pa')).toEqual(['paste-token']);
    expect(await bashCompletions(home, 'authdeck models auth or')).toEqual(['order']);
    expect(await bashCompletions(home, 'authdeck order s')).toEqual(['set']);
    expect(await bashCompletions(home, 'authdeck bogus ')).toEqual([]);
  });

  it('offers, at every command path the help shows, the options its help lists', async () => {
    const home = await completionHome('bash');
    const paths: string[][] = [[]];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const help = (await runCommand([...path, '--help'], { home: home.home })).stdout;
      const line = ['authdeck', ...path, '-'].join(' ');
      expect((await bashCompletions(home, line)).sort(), line).toEqual(helpOptions(help).sort());
      for (const command of helpCommands(help)) paths.push([...path, command]);
    }
    expect(paths.length).toBeGreaterThan(40);
  });

  it("offers each command's own options, and the values of an option", async () => {
    const home = await completionHome('bash');
    expect(await bashCompletions(home, 'authdeck status --j')).toEqual(['--json']);
    expect(await bashCompletions(home, 'authdeck add-key --e')).toEqual(['--env']);
    expect(await bashCompletions(home, 'authdeck status --e')).toEqual([]);
    expect(await bashCompletions(home, 'authdeck add-key --provider an')).toEqual(['anthropic']);
    expect(await bashCompletions(home, 'authdeck onboard --method ')).toEqual([
      'api-key',
      'setup-token',
      'paste-token',
      'browser',
      'device',
      'local-server',
    ]);
    expect(await bashCompletions(home, 'authdeck onboard --auth-choice deepseek')).toEqual(['deepseek-api-key']);
    expect(await bashCompletions(home, 'authdeck login --provider openrouter-')).toEqual(['openrouter-oauth']);
    expect(await bashCompletions(home, 'authdeck --store-generation ')).toEqual(['json', 'sqlite']);
    expect(await bashCompletions(home, 'authdeck --agent ')).toEqual(['main', 'work']);
    expect(await bashCompletions(home, 'authdeck completion ')).toEqual(['bash', 'zsh', 'fish']);
    // A value of its own to make up: nothing offered, not the options.
    expect(await bashCompletions(home, 'authdeck status --within ')).toEqual([]);
  });

  it('offers profile ids where a command takes one, past a colon as readline splits it', async () => {
    const home = await completionHome('bash');
    for (const line of ['authdeck remove ', 'authdeck token ', 'authdeck --agent work refresh ', 'authdeck logout '])
      expect(await bashCompletions(home, line), line).toEqual(SEEDED_IDS);
    expect(await bashCompletions(home, 'authdeck order set --provider openai ')).toEqual([
      'openai:default',
      'openai:team',
    ]);
    expect(await bashCompletions(home, 'authdeck paste-token --provider anthropic --profile-id ')).toEqual([
      'anthropic:work',
    ]);
    // Readline replaces only what follows the last ':' (COMP_WORDBREAKS), so that much is offered.
    expect(await bashCompletions(home, 'authdeck remove openai:t')).toEqual(['team']);
    expect(await bashCompletions(home, 'authdeck add-key --provider=anth')).toEqual(['anthropic']);
  });

  it('reads a quoted or escaped word as the shell will: a --state-dir with a space in it', async () => {
    const home = await completionHome('bash');
    const spaced = join(home.home, 'open claw');
    symlinkSync(home.stateDir, spaced);
    for (const written of [`"${spaced}"`, `'${spaced}'`, spaced.replace(' ', '\\ ')]) {
      const line = `authdeck --state-dir ${written} remove `;
      expect(await bashCompletions(home, line), line).toEqual(SEEDED_IDS);
    }
    expect(await bashCompletions(home, `authdeck --state-dir "${spaced}" remove "openai:t`)).toEqual(['team']);
  });
});

describe.skipIf(!shellBinary('fish'))(`fish completion, as complete -C answers${missing('fish')}`, () => {
  it('offers commands, options, values and profile ids', async () => {
    const home = await completionHome('fish');
    expect(await fishCompletions(home, 'authdeck pa')).toEqual(['paste-token']);
    expect(await fishCompletions(home, 'authdeck status --js')).toEqual(['--json']);
    expect(await fishCompletions(home, 'authdeck add-key --provider anth')).toEqual(['anthropic']);
    expect(await fishCompletions(home, 'authdeck add-key --provider=anth')).toEqual(['--provider=anthropic']);
    expect(await fishCompletions(home, 'authdeck remove ')).toEqual(SEEDED_IDS);
    expect(await fishCompletions(home, 'authdeck remove openai:t')).toEqual(['openai:team']);
    expect(await fishCompletions(home, 'authdeck models auth order set --provider anthropic ')).toEqual([
      'anthropic:work',
    ]);
  });
});
