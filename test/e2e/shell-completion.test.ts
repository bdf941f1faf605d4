import { afterEach, describe, it } from 'vitest';
import { TerminalSession } from '../helpers/pty-driver.js';
import { completionHome, SCRIPT_FILE, SEEDED_IDS, type ShellName, shellBinary } from '../helpers/shell-completion.js';

const sessions: TerminalSession[] = [];
afterEach(() => {
  while (sessions.length > 0) sessions.pop()!.kill();
});

/** Each shell with no rc file of the user's, then the script sourced as the README says. */
const START: Record<ShellName, string> = {
  bash: 'exec bash --norc --noprofile -i',
  zsh: 'exec zsh -f -i',
  fish: 'exec fish --no-config -i',
};
// The echo computes its word, so the screen holds it only once the shell has run the line.
const SOURCE: Record<ShellName, string> = {
  bash: `source ~/${SCRIPT_FILE.bash} && echo sourced-$((40 + 2))`,
  zsh: `autoload -Uz compinit && compinit -u -D && source ~/${SCRIPT_FILE.zsh} && echo sourced-$((40 + 2))`,
  fish: `source ~/${SCRIPT_FILE.fish}; and echo sourced-(math 40 + 2)`,
};
/** bash lists on the second Tab; zsh and fish on the first. */
const TABS_TO_LIST: Record<ShellName, number> = { bash: 2, zsh: 1, fish: 1 };

async function shellWithCompletion(shell: ShellName, setup = SOURCE[shell]) {
  const home = await completionHome(shell);
  const session = TerminalSession.launch([], {
    home: home.home,
    shell: START[shell],
    env: home.env,
    cols: 120,
    rows: 40,
  });
  sessions.push(session);
  await session.type(`${setup}\r`);
  await session.waitFor('sourced-42');
  return session;
}

const containsAll = (words: string[]) => (screen: string) => words.every((word) => screen.includes(word));

for (const shell of ['bash', 'zsh', 'fish'] as const) {
  const absent = !shellBinary(shell);
  describe.skipIf(absent)(`${shell} completion in a terminal${absent ? ` (skipped: no ${shell} here)` : ''}`, () => {
    it(`${shell}: authdeck pa<Tab> completes to paste-token`, async () => {
      const session = await shellWithCompletion(shell);
      await session.type('authdeck pa');
      await session.press('tab');
      await session.waitFor('authdeck paste-token');
    });

    it(`${shell}: authdeck add-key --provider <Tab> lists the providers`, async () => {
      const session = await shellWithCompletion(shell);
      await session.type('authdeck add-key --provider ');
      await session.press('tab', TABS_TO_LIST[shell]);
      await session.waitFor(containsAll(['anthropic', 'deepseek', 'groq', 'openrouter', 'xai']));
    });

    it(`${shell}: authdeck remove <Tab> lists the profile ids of the store; openai:t<Tab> completes one`, async () => {
      const session = await shellWithCompletion(shell);
      await session.type('authdeck remove ');
      await session.press('tab', TABS_TO_LIST[shell]);
      await session.waitFor(containsAll(SEEDED_IDS));
      // The line erased, not interrupted: a shell may drop what is typed just after Ctrl+C (zsh
      // lost it once in about 14 runs).
      await session.press('ctrl-u');
      await session.type('authdeck remove openai:t');
      await session.press('tab');
      await session.waitFor('authdeck remove openai:team');
    });
  });
}

describe.skipIf(!shellBinary('zsh'))(
  `zsh completion installed on $fpath${shellBinary('zsh') ? '' : ' (skipped: no zsh here)'}`,
  () => {
    it('zsh: compinit loads _authdeck from $fpath; authdeck remove <Tab> lists the profile ids', async () => {
      const session = await shellWithCompletion(
        'zsh',
        'fpath=(~ $fpath); autoload -Uz compinit && compinit -u -D && echo sourced-$((40 + 2))',
      );
      await session.type('authdeck remove ');
      await session.press('tab');
      await session.waitFor(containsAll(SEEDED_IDS));
    });
  },
);
