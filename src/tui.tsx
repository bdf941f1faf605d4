import type { CommandContext } from './commands/context.js';

export interface TuiRequest {
  screen: 'home' | 'onboard' | 'dashboard' | 'pick' | 'setup-token';
}

/** Placeholder root until the screens land: the TUI entry point the CLI loads lazily. */
export async function launchTui(ctx: CommandContext, request: TuiRequest): Promise<number> {
  const { runStatus } = await import('./commands/status.js');
  void request;
  return runStatus(ctx, {});
}
