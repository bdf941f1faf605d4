import { cleanup, render } from 'ink-testing-library';
import { act, type ReactElement } from 'react';
import { expect } from 'vitest';
import { App } from '../../src/app.js';
import type { AppServices, SetupTokenSessionLike } from '../../src/app-services.js';
import type { Screen, TuiResult } from '../../src/navigation.js';
import { fakeSecrets } from './fake-secrets.js';

// Every screen a test drew is unmounted after it (test/setup/terminal-ink.ts): test files share a
// worker, and a spinner left ticking would draw into the next file's tests.
(globalThis as { unmountInkScreens?: () => Promise<void> }).unmountInkScreens = () =>
  act(async () => {
    cleanup();
  });

export type Rendered = ReturnType<typeof render> & {
  type(text: string): Promise<void>;
  press(key: keyof typeof KEYS): Promise<void>;
  frame(): string;
  settle(): Promise<void>;
  /**
   * ink-testing-library draws 100 columns (and screens read 24 rows); this gives the terminal
   * another size, as a resize does.
   */
  resize(columns: number, rows?: number): Promise<void>;
};

const KEYS = {
  enter: '\r',
  escape: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  backspace: '\x7f',
  tab: '\t',
  'ctrl-c': '\x03',
  home: '\x1b[H',
  end: '\x1b[F',
  left: '\x1b[D',
  right: '\x1b[C',
  'ctrl-a': '\x01',
  'ctrl-e': '\x05',
  'ctrl-u': '\x15',
  'page-up': '\x1b[5~',
  'page-down': '\x1b[6~',
} as const;

/** ink-testing-library with React 19: every render and write inside act(), or keys get lost. */
export async function renderInk(element: ReactElement): Promise<Rendered> {
  // Set here, not when this module loads: test files share a worker (and this module), and a
  // file that renders with ink-testing-library alone does not run React's act() checks.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let instance!: ReturnType<typeof render>;
  await act(async () => {
    instance = render(element);
  });
  // Keys after a screen change wait a turn of the event loop (the key router); a few turns
  // let a chunk that crosses several steps arrive where it is going.
  const settle = () =>
    act(async () => {
      for (let turn = 0; turn < 4; turn++) await new Promise((done) => setImmediate(done));
    });
  const unmountNow = instance.unmount;
  return Object.assign(instance, {
    // Unmounting updates React too: inside act(), as every other change here.
    unmount() {
      act(() => unmountNow());
    },
    async type(text: string) {
      await act(async () => {
        instance.stdin.write(text);
      });
      await settle();
    },
    async press(key: keyof typeof KEYS) {
      await act(async () => {
        instance.stdin.write(KEYS[key]);
      });
      // A lone ESC waits for a possible sequence before Ink reports it.
      if (key === 'escape') await act(async () => new Promise((done) => setTimeout(done, 60)));
      await settle();
    },
    frame: () => instance.lastFrame() ?? '',
    settle,
    async resize(columns: number, rows?: number) {
      await act(async () => {
        Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
        if (rows !== undefined) Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
        instance.stdout.emit('resize');
      });
      await settle();
    },
  });
}

export async function renderApp(services: AppServices, screen: Screen): Promise<Rendered & { exits: TuiResult[] }> {
  const exits: TuiResult[] = [];
  const rendered = await renderInk(
    <App services={services} initialScreen={screen} onExit={(result) => exits.push(result)} />,
  );
  return Object.assign(rendered, { exits });
}

/** The wizard opened from its welcome to the provider list (Enter past the welcome). */
export async function openProviderList(services: AppServices): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp(services, { name: 'onboard' });
  await waitForFrame(app, 'Welcome');
  await app.press('enter');
  await waitForFrame(app, 'Which provider?');
  return app;
}

/**
 * On the wizard's secret step: a Groq key pasted, the profile named (`name`, or Enter for the
 * suggestion), the daemon's .env declined — its save starts.
 */
export async function enterGroqKey(app: Rendered, name?: string): Promise<void> {
  await app.type(fakeSecrets.groqKey());
  await app.press('enter');
  await waitForFrame(app, 'Profile name:');
  if (name) await app.type(name);
  await app.press('enter');
  await waitForFrame(app, "daemon's .env?");
  await app.type('n');
}

/** Waits (in act) until the frame matches, for effects that resolve promises. */
export async function waitForFrame(rendered: Rendered, pattern: RegExp | string, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = rendered.frame();
    if (typeof pattern === 'string' ? frame.includes(pattern) : pattern.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; frame:\n${frame}`);
    await act(async () => new Promise((done) => setTimeout(done, 10)));
  }
}

/** Waits (in act) until a condition about the app (an exit, a call) holds. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await act(async () => new Promise((done) => setTimeout(done, 10)));
  }
}

/** A setup-token session whose screen state the test sets by hand. */
export class FakeSetupTokenSession implements SetupTokenSessionLike {
  current: SetupTokenSessionLike['current'] = { phase: 'starting', recognised: false };
  codes: string[] = [];
  retries = 0;
  cancelled = false;
  disposed = false;
  written: string[] = [];
  private listeners = new Set<(snapshot: SetupTokenSessionLike['current']) => void>();
  subscribe(listener: (snapshot: SetupTokenSessionLike['current']) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** What claude's screen showed: replayed to a view that opens (as the real session replays it). */
  raw: string[] = [];
  onRawData(listener: (data: string) => void) {
    for (const data of this.raw) listener(data);
    return () => {};
  }
  start() {}
  async submitCode(code: string) {
    this.codes.push(code);
  }
  retry() {
    this.retries++;
  }
  write(data: string) {
    this.written.push(data);
  }
  resize() {}
  cancel() {
    this.cancelled = true;
  }
  dispose() {
    this.disposed = true;
  }
  async emit(patch: Partial<SetupTokenSessionLike['current']>) {
    this.current = { ...this.current, ...patch };
    await act(async () => {
      for (const listener of this.listeners) listener(this.current);
    });
  }
}

/**
 * A wizard field answered wrong, then right: `bad` shows `reason` and Enter stays on `question`;
 * the field is cleared (Ctrl+U) and `good` entered.
 */
export async function refusedThenAnswered(
  app: Rendered,
  field: { question: string; bad: string; reason: string; good: string },
): Promise<void> {
  await app.type('\x15');
  await app.type(field.bad);
  await waitForFrame(app, field.reason);
  await app.press('enter');
  expect(app.frame()).toContain(field.question);
  await app.type('\x15');
  await app.type(field.good);
  await app.press('enter');
}
