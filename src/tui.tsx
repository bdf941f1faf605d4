import { setFlagsFromString } from 'node:v8';
import type { CommandContext } from './commands/context.js';
import { writeWrapped } from './commands/output.js';
import { terminalSize } from './components/text-layout.js';
import { releaseEarlyKeys } from './early-keys.js';
import { drawPlainLines, drawPlainLink, plainFirstFrame, takeOverFirstFrame } from './first-frame.js';
import { watchLineEnd } from './line-end.js';
import { homeScreen, type Screen, type TuiResult } from './navigation.js';
import { parseDuration } from './services/durations.js';
import { ExitCode, UsageError } from './services/errors.js';
import { readPreferences } from './services/prefs.js';
import { type AgentState, loadAgentState } from './services/profiles/agent-state.js';
import { setProgressListener } from './services/progress.js';
import type { SetupTokenSession, SetupTokenSnapshot } from './services/setup-token/session.js';
import { guardLine } from './services/terminal-text.js';
import { WritesInFlight } from './writes-in-flight.js';

/**
 * Starts the Ink app for one screen and resolves with its exit code once it has unmounted and
 * the terminal is restored. Ink and React are imported here, and only here, so that the plain
 * commands never pay for them.
 */
export async function launchTui(
  ctx: CommandContext,
  screen: Screen | 'home',
  /** Where a screen's printed answer goes (`pick --print`): stdout unless the screen is drawn elsewhere. */
  printTo: NodeJS.WritableStream = ctx.io.stdout,
  /** The agent's state when the command has read it already (its store is not opened again). */
  state?: AgentState,
): Promise<number> {
  const { stdin, stdout } = ctx.io;
  if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') {
    throw new UsageError('this screen needs a terminal');
  }
  if (!ctx.paint.enabled) process.env.FORCE_COLOR = '0';
  // Raw mode now, not when Ink mounts: keys typed while the TUI loads are kept as they are
  // (no echo, Enter stays "\r") and reach the first screen.
  releaseEarlyKeys();
  stdin.setRawMode(true);
  // From before the plain first frame: a resize while Ink loads re-wraps that frame too.
  const stopClearingOnResize = clearScreenWhenNarrower(stdout);
  // Pastes marked by the terminal: a line break inside one is text, not Enter (key-router).
  stdout.write('\x1b[?2004h');
  const writes = new WritesInFlight();
  // The screen says what it waits for itself: a line on stderr would tear its frame.
  const restoreProgress = setProgressListener(undefined);
  const lineEnd = watchLineEnd(stdout);
  let exitCode: number;
  try {
    exitCode = await runApp(ctx, screen, printTo, state, writes);
  } finally {
    restoreProgress();
    lineEnd.stop();
    if (lineEnd.midLine()) stdout.write('\n');
    stdout.write('\x1b[?2004l');
    stopClearingOnResize();
    stdin.setRawMode(false);
  }
  // Left with Ctrl+C twice while a write was under way: the process still waits for it (it cannot
  // be stopped halfway), and once it has landed the outcome is decided — its code, not 130.
  const waited = writes.busy;
  await untilWritesLand(writes, ctx.io.stderr);
  return waited ? writes.exitCodeAfterWaiting(exitCode) : exitCode;
}

/**
 * Left while a write was still under way (Enter on the summary while its plugin installs): the
 * process cannot end before it lands, so it says what it waits for instead of seeming to hang.
 * The terminal is back to normal by now, so Ctrl+C reaches authdeck, which stops the install
 * (plugin-install.ts: it runs in a process group of its own, npm and all).
 */
async function untilWritesLand(writes: WritesInFlight, stderr: NodeJS.WritableStream): Promise<void> {
  if (!writes.busy) return;
  stderr.write(`authdeck: waiting for ${writes.underWay ?? 'the write under way to land'}…\n`);
  await new Promise<void>((done) => writes.whenIdle(() => done()));
  if (writes.landed) stderr.write(`${guardLine(writes.landed)}\n`);
}

/**
 * A screen stays open for hours and re-reads the store on every change: V8's size-first heap
 * keeps a 5,000-profile dashboard under 150 MiB where it grew past 250 over a few re-reads
 * (README "Budgets"). Set once the first frame is on screen (the plain one, or Ink's): set
 * before, it cost that frame ~25 ms.
 */
let heapSizedFirst = false;
function sizeFirstHeap(): void {
  if (heapSizedFirst) return;
  heapSizedFirst = true;
  setFlagsFromString('--optimize-for-size');
}

async function runApp(
  ctx: CommandContext,
  requested: Screen | 'home',
  printTo: NodeJS.WritableStream,
  state: AgentState | undefined,
  writes: WritesInFlight,
): Promise<number> {
  const { stdin, stdout, env } = ctx.io;
  const workspace = await ctx.workspace();
  // The first screen's data is read while Ink loads, so the first frame already shows it; and
  // drawn at once as plain text, so that nobody waits ~100 ms for Ink and React to load.
  const warnWithinMs = parseDuration(readPreferences(env).warnWithin);
  let inkLoaded = false;
  let plainLines = 0;
  const preloaded = (state ? Promise.resolve(state) : loadAgentState(workspace)).then(
    (state) => {
      if (!inkLoaded) plainLines = drawPlainFrame(ctx, requested, state, warnWithinMs);
      // Only once that frame is up: a screen drawn by Ink alone (setup-token's link) waits for it.
      if (plainLines > 0) sizeFirstHeap();
      return state;
    },
    () => undefined,
  );
  const setupTokenOptions = env.AUTHDECK_SETUP_TOKEN_UNRECOGNISED_MS
    ? { unrecognisedAfterMs: Number(env.AUTHDECK_SETUP_TOKEN_UNRECOGNISED_MS) }
    : {};
  // claude first, Ink second: the sign-in link is what the user waits for.
  const early =
    requested !== 'home' && requested.name === 'setup-token'
      ? await import('./early-setup-token.js').then(async ({ startSetupTokenEarly }) =>
          startSetupTokenEarly(requested, await preloaded, env, setupTokenOptions),
        )
      : undefined;
  // Its link as plain text if claude prints it before Ink has loaded; Ink's first frame replaces it.
  let linkRows = 0;
  const showLink = ({ url }: { url?: string }) => {
    if (url && !inkLoaded && linkRows === 0) linkRows = drawPlainLink(stdout, url);
  };
  const stopShowingLink = early?.session.subscribe(showLink);
  if (early) {
    // Not a blank terminal meanwhile: the line Ink's screen starts with.
    if (plainLines === 0) plainLines = drawPlainLines(stdout, ['Starting claude setup-token…']);
    showLink(early.session.current);
    // Loading Ink holds the event loop for ~100 ms, during which claude's output is not read: a
    // claude that answers at once has its link drawn first (a real one takes about a second,
    // and Ink has loaded long before).
    await claudeHasSpoken(early.session, CLAUDE_FIRST_MS);
  }
  const [{ render }, { App }, { createAppServices }, { nodePtySpawner }, { watchAgentFiles }] = await whileInkLoads(
    () =>
      Promise.all([
        import('ink'),
        import('./app.js'),
        import('./create-app-services.js'),
        import('./services/setup-token/pty.js'),
        import('./services/files/watch.js'),
      ]),
  );
  inkLoaded = true;
  stopShowingLink?.();
  const services = createAppServices({
    workspace,
    preloadedState: await preloaded,
    warnWithinMs,
    spawnPty: nodePtySpawner,
    watch: watchAgentFiles,
    writeToTerminal: (data) => stdout.write(data),
    env,
    reload: ctx.globals.reload !== false,
    setupTokenOptions,
    ...(early ? { earlySetupToken: early } : {}),
  });
  const screen = requested === 'home' ? homeScreen(services.preloadedState) : requested;
  let result: TuiResult = { exitCode: ExitCode.ok };
  if (plainLines + linkRows > 0) takeOverFirstFrame(stdout, plainLines + linkRows);
  const instance = render(
    <App services={services} initialScreen={screen} onExit={(value) => (result = value)} writes={writes} />,
    {
      stdin,
      stdout,
      stderr: ctx.io.stderr,
      exitOnCtrlC: false,
      patchConsole: false,
      // A cursor move should reach the screen within one frame. (Ink's incrementalRendering was
      // tried and left off: it left stale rows on screen after a move.)
      maxFps: 60,
    },
  );
  sizeFirstHeap();
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    // Started early but never handed to the screen (it asked a question, then was left).
    if (early && !services.tookEarlySetupToken()) early.session.dispose();
  }
  // `pick --print` into `$(…)` gets the exact id; a terminal gets it shown safely, broken at
  // spaces or after a path's slashes where it is wider ("Removed … from /home/…/auth-profiles.json").
  if (result.print !== undefined) {
    const out = printTo as NodeJS.WriteStream;
    if (out.isTTY) writeWrapped(out, result.print);
    else out.write(`${result.print}\n`);
  }
  return result.exitCode;
}

/** The plain first frame of the screen `authdeck` is about to show; the number of lines drawn. */
function drawPlainFrame(
  ctx: CommandContext,
  requested: Screen | 'home',
  state: AgentState,
  warnWithinMs: number,
): number {
  const { stdout } = ctx.io;
  const screen = requested === 'home' ? homeScreen(state) : requested;
  const size = terminalSize(stdout);
  const lines = plainFirstFrame(screen, state, size, { color: ctx.paint.enabled, nowMs: ctx.io.now(), warnWithinMs });
  // Taller than the terminal, it would scroll, and Ink could not draw over it.
  if (!lines || lines.length >= size.rows) return 0;
  stdout.write(`${lines.join('\n')}\n`);
  return lines.length;
}

/** How long Ink's loading waits for claude's first words (its link, or that it failed). */
const CLAUDE_FIRST_MS = 250;

function claudeHasSpoken(session: SetupTokenSession, withinMs: number): Promise<void> {
  const spoken = ({ url, phase }: SetupTokenSnapshot) => url !== undefined || phase !== 'starting';
  if (spoken(session.current)) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(finish, withinMs);
    const stop = session.subscribe((snapshot) => {
      if (spoken(snapshot)) finish();
    });
    function finish() {
      clearTimeout(timer);
      stop();
      done();
    }
  });
}

/**
 * When the terminal narrows it re-wraps the frame already on screen, so it spans more lines
 * than Ink drew, and Ink's erase-and-redraw leaves the difference behind: the
 * top of the old frame stayed above the new one. The visible screen is cleared first (this
 * listener runs before Ink's), so Ink redraws from the top onto a clean screen.
 */
function clearScreenWhenNarrower(stdout: NodeJS.WritableStream & { columns?: number }): () => void {
  let width = stdout.columns ?? 0;
  const onResize = () => {
    const narrower = (stdout.columns ?? 0) < width;
    width = stdout.columns ?? 0;
    // Only narrower: no line of a frame is as wide as the terminal, so a wider one re-wraps
    // nothing — and Ink, whose frame did not change, would not redraw a cleared screen.
    if (narrower) stdout.write('\x1b[2J\x1b[H');
  };
  stdout.prependListener('resize', onResize);
  return () => {
    stdout.off('resize', onResize);
  };
}

/**
 * Runs while the TUI modules load, with two things hidden for just that long (nothing else runs
 * meanwhile):
 * - `fetch`: Ink's layout engine (yoga) loads its WebAssembly from a data: URL with it when there
 *   is one, which drags in Node's whole HTTP client: measured 120 ms against 56 ms without.
 * - `CI` and `CONTINUOUS_INTEGRATION`: Ink decides once, when it loads, that either means no
 *   terminal to draw on, and then shows nothing until it exits (the screen stayed blank for anyone
 *   with `CI=true` in their shell). A screen runs only on a terminal (launchTui checks).
 */
async function whileInkLoads<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const marks = ['CI', 'CONTINUOUS_INTEGRATION'].filter((name) => name in process.env);
  const saved = marks.map((name) => [name, process.env[name]] as const);
  if (fetch?.configurable)
    Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  for (const name of marks) delete process.env[name];
  try {
    return await load();
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
    for (const [name, value] of saved) process.env[name] = value;
  }
}
