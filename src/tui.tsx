import type { CommandContext } from './commands/context.js';
import type { Screen, TuiResult } from './navigation.js';
import { ExitCode, UsageError } from './services/errors.js';
import { parseDuration } from './services/durations.js';
import { readPreferences } from './services/prefs.js';

/**
 * Starts the Ink app for one screen and resolves with its exit code once it has unmounted and
 * the terminal is restored. Ink and React are imported here, and only here, so that the plain
 * commands never pay for them.
 */
export async function launchTui(ctx: CommandContext, screen: Screen): Promise<number> {
  const { stdin, stdout, env } = ctx.io;
  if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') {
    throw new UsageError('this screen needs a terminal');
  }
  if (!ctx.paint.enabled) process.env.FORCE_COLOR = '0';
  const workspace = await ctx.workspace();
  const [{ render }, { App }, { createAppServices }, { nodePtySpawner }, { watchAgentFiles }] = await Promise.all([
    import('ink'),
    import('./app.js'),
    import('./app-services.js'),
    import('./services/setup-token/pty.js'),
    import('./services/watch.js'),
  ]);
  const services = createAppServices({
    workspace,
    warnWithinMs: parseDuration(readPreferences(env).warnWithin),
    spawnPty: nodePtySpawner,
    watch: watchAgentFiles,
    writeToTerminal: (data) => stdout.write(data),
    env,
    setupTokenOptions: env.AUTHDECK_SETUP_TOKEN_UNRECOGNISED_MS ? { unrecognisedAfterMs: Number(env.AUTHDECK_SETUP_TOKEN_UNRECOGNISED_MS) } : {},
  });
  let result: TuiResult = { exitCode: ExitCode.ok };
  const instance = render(<App services={services} initialScreen={screen} onExit={(value) => (result = value)} />, {
    stdin,
    stdout,
    stderr: ctx.io.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
  }
  if (result.print !== undefined) stdout.write(`${result.print}\n`);
  return result.exitCode;
}
