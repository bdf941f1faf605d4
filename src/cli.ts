import { GLOBAL_OPTIONS, runCommandLine } from './command-line.js';
import { runComplete } from './commands/complete.js';
import { completionCommand } from './commands/completion.js';
import { doctorCommand } from './commands/doctor.js';
import { envCommand } from './commands/env.js';
import { explainCommand } from './commands/explain.js';
import { dashboardCommand, onboardCommand, pickCommand } from './commands/interactive.js';
import { loginCommand, logoutCommand } from './commands/login.js';
import { migrateCommand } from './commands/migrate.js';
import { monitorCommand } from './commands/monitor.js';
import { orderCommand } from './commands/order.js';
import type { CommandIO } from './commands/output.js';
import { prefsCommand } from './commands/prefs.js';
import { refreshCommand } from './commands/refresh.js';
import { removeCommand } from './commands/remove.js';
import { addKeyCommand, pasteTokenCommand } from './commands/save-credential.js';
import { setupTokenCommand } from './commands/setup-token.js';
import type { CommandSpec } from './commands/spec.js';
import { runStatus, statusCommand } from './commands/status.js';
import { tokenCommand } from './commands/token.js';

/**
 * The command surface (README "Commands"): each command's flags, help and run live in its own file
 * under src/commands/; this file only arranges them in a tree and runs one (src/command-line.ts).
 * Ink and React live in the TUI chunk, which only the interactive commands import, on demand;
 * `status` alone also has a bundle of its own (src/entry-status.ts).
 */
const ROOT: CommandSpec = {
  name: 'authdeck',
  description:
    'Onboard AI model providers and manage the credentials of an OpenClaw-compatible gateway. Without a command: the dashboard (or the onboarding wizard) in a terminal, else `status`.',
  run: async (ctx) => {
    if (!ctx.interactive) return runStatus(ctx, {});
    const state = await ctx.stateForWrite();
    return (await import('./tui.js')).launchTui(ctx, 'home', undefined, state);
  },
  subcommands: [
    onboardCommand,
    loginCommand,
    logoutCommand,
    dashboardCommand,
    pickCommand,
    statusCommand,
    explainCommand,
    pasteTokenCommand,
    setupTokenCommand,
    addKeyCommand,
    removeCommand,
    refreshCommand,
    tokenCommand,
    orderCommand,
    migrateCommand,
    doctorCommand,
    envCommand,
    monitorCommand,
    prefsCommand,
    completionCommand(() => ({ root: ROOT, globals: GLOBAL_OPTIONS })),
    {
      name: 'models',
      description:
        'OpenClaw spellings: models status, models auth list|add|login|logout|paste-api-key|paste-token|setup-token|order',
      subcommands: [
        statusCommand,
        {
          name: 'auth',
          description: 'OpenClaw spellings: list, add, login, logout, paste-api-key, paste-token, setup-token, order',
          subcommands: [
            {
              ...statusCommand,
              name: 'list',
              aliases: [],
              description: `as \`authdeck status\`: ${statusCommand.description}`,
            },
            {
              ...onboardCommand,
              name: 'add',
              aliases: [],
              description: `as \`authdeck onboard\`: ${onboardCommand.description}`,
            },
            loginCommand,
            logoutCommand,
            {
              ...addKeyCommand,
              name: 'paste-api-key',
              aliases: [],
              description: `as \`authdeck add-key\`: ${addKeyCommand.description}`,
            },
            pasteTokenCommand,
            setupTokenCommand,
            orderCommand,
          ],
        },
      ],
    },
  ],
};

/** Runs one command line of the whole tree (README "Commands"). */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  // The completion scripts' helper: outside the tree (no help, no checks), silent on any failure.
  if (argv[0] === '__complete') return runComplete(argv.slice(1), io);
  return runCommandLine(ROOT, argv, io);
}
