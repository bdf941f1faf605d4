import { type Key, useInput } from 'ink';
import { createContext, type ReactNode, useCallback, useContext, useLayoutEffect, useRef, useState } from 'react';
import { type RoutedKey, splitKeyChunk } from './key-chunks.js';

export type { RoutedKey };

type KeyHandler = (input: string, key: RoutedKey) => void;

export interface KeyRouter {
  add(handler: { current: KeyHandler }): () => void;
  /** Ink's input event: split into keys and delivered in order. */
  route(input: string, key: Key): void;
  /**
   * The key being handled changes the screen or step: keys after it (same chunk, or typed
   * while they wait) go to whoever listens once React has committed the change.
   */
  holdRest(): void;
  /** React committed a render of a component that listens (useKeys says so from a layout effect). */
  committed(): void;
}

/** How long held keys wait for a commit that never comes (a hold whose change rendered nothing). */
const COMMIT_FALLBACK_MS = 1000;

export interface KeyRouterTiming {
  /** Runs work after the current turn of the event loop (setImmediate). */
  defer?: (work: () => void) => void;
  /** Runs work after COMMIT_FALLBACK_MS unless cancelled (the returned function). */
  fallback?: (work: () => void) => () => void;
}

/**
 * One input listener for the whole app. Ink hands over a run of plain keys ("jK", three
 * Backspaces, "openai⏎") as one string; the router splits it so every handler sees one key
 * at a time. Keys after a screen change wait until React has committed it (and one turn more,
 * so every layout effect of that commit has run), so that they reach the new screen's handlers
 * rather than the old one's. A turn of the event loop alone is not enough: React 19 renders an
 * update from outside React in a scheduler task that is queued after it, so the old step's
 * handler got the rest of a burst (each key typed at the wizard's welcome replaced the search).
 */
export function createKeyRouter({
  defer = setImmediate,
  fallback = (work) => {
    const timer = setTimeout(work, COMMIT_FALLBACK_MS);
    timer.unref();
    return () => clearTimeout(timer);
  },
}: KeyRouterTiming = {}): KeyRouter {
  const handlers = new Set<{ current: KeyHandler }>();
  const queue: Array<[string, RoutedKey]> = [];
  let draining = false;
  let held = false;
  /** Keys wait: for a commit (cancelFallback set), then for the turn after it. */
  let waiting = false;
  let cancelFallback: (() => void) | undefined;
  // Bracketed paste (the TUI turns it on): the terminal marks where a paste starts and ends, so
  // a line break inside one is text, not Enter, however the paste is cut into chunks. A line
  // break at its very end is Enter (a paste that ends in a newline submits): it waits for the
  // next key to tell which it is.
  let pasting = false;
  let heldBreak: RoutedKey | undefined;
  const resume = () => {
    cancelFallback?.();
    cancelFallback = undefined;
    defer(() => {
      waiting = false;
      drain();
    });
  };
  const drain = () => {
    draining = true;
    try {
      while (queue.length > 0) {
        const [input, key] = queue.shift()!;
        for (const handler of [...handlers]) handler.current(input, key);
        if (held) {
          // Keys of this chunk and any typed before the commit wait for it.
          held = false;
          waiting = true;
          cancelFallback = fallback(resume);
          return;
        }
      }
    } finally {
      draining = false;
    }
  };
  return {
    add(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    route(input, key) {
      const marker = pasteMarker(input, key);
      if (marker === 'start') {
        pasting = true;
        return;
      }
      if (marker === 'end') {
        pasting = false;
        // A paste that ends in a line break submits, as a typed Enter would.
        if (heldBreak) queue.push(['', { ...heldBreak, inChunk: false, chunkEnd: true, pasted: false }]);
        heldBreak = undefined;
      } else if (pasting) {
        if (heldBreak) queue.push(['', heldBreak]);
        heldBreak = undefined;
        const keys = splitKeyChunk(input, key).map(([text, flags]): [string, RoutedKey] => [
          text,
          { ...flags, inChunk: true, chunkEnd: false, pasted: true },
        ]);
        if (keys.at(-1)?.[1].return) heldBreak = keys.pop()?.[1];
        queue.push(...keys);
      } else queue.push(...splitKeyChunk(input, key));
      if (!waiting) drain();
    },
    holdRest() {
      // Only a key being handled has keys after it; a change made later (a save that
      // finished) has none to hold, and may render nothing that would release them.
      if (draining) held = true;
    },
    committed() {
      if (cancelFallback) resume();
    },
  };
}

/** Ink passes the terminal's paste markers on as text without their ESC: `[200~` and `[201~`. */
function pasteMarker(input: string, key: Key): 'start' | 'end' | undefined {
  if (key.ctrl || key.meta) return undefined;
  if (input === '[200~' || input === '\x1b[200~') return 'start';
  if (input === '[201~' || input === '\x1b[201~') return 'end';
  return undefined;
}

const KeyRouterContext = createContext<KeyRouter | null>(null);

/**
 * Mounted once. Ink's useInput subscribes in an effect that runs after the frame is on screen,
 * so keys typed right after a screen change could reach no one; handlers registered through
 * useKeys are in place during the commit.
 */
export function KeyRouterProvider({ router, children }: { router: KeyRouter; children: ReactNode }) {
  useInput((input, key) => router.route(input, key));
  return <KeyRouterContext.Provider value={router}>{children}</KeyRouterContext.Provider>;
}

function useRouter(): KeyRouter {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('useKeys needs a KeyRouterProvider above it');
  return router;
}

/**
 * Like Ink's useInput, but subscribed during the commit. Several keys can arrive before React
 * re-renders, so a handler must read state it changes through a ref (useSyncReducer), never
 * from the last render.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useRouter();
  const latest = useRef(handler);
  latest.current = handler;
  const active = options.isActive !== false;
  useLayoutEffect(() => (active ? router.add(latest) : undefined), [router, active]);
  // Every commit that renders a listener may be the one held keys wait for (a new step, screen).
  useLayoutEffect(() => router.committed());
}

/** For a key handler that moves to another step: the keys after it wait for the new step. */
export function useHoldRestOfKeys(): () => void {
  const router = useRouter();
  return router.holdRest;
}

/**
 * A step's own question (which of its fields is asked): a key that moves to the next one holds
 * the keys after it for that question, as a step change does ("acct⏎gw⏎" in one read is two answers).
 */
export function useQuestionState<T>(initial: T | (() => T)): [T, (next: T) => void] {
  const [value, setValue] = useState(initial);
  const holdRest = useHoldRestOfKeys();
  const set = useCallback(
    (next: T) => {
      holdRest();
      setValue(next);
    },
    [holdRest],
  );
  return [value, set];
}
