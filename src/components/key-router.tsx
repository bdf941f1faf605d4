import { type Key, useInput } from 'ink';
import { createContext, type ReactNode, useContext, useLayoutEffect, useRef } from 'react';
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
}

/**
 * One input listener for the whole app. Ink hands over a run of plain keys ("jK", three
 * Backspaces, "openai⏎") as one string; the router splits it so every handler sees one key
 * at a time. Keys after a screen change wait one turn of the event loop, so that they reach
 * the new screen's handlers rather than the old one's.
 */
export function createKeyRouter(defer: (work: () => void) => void = setImmediate): KeyRouter {
  const handlers = new Set<{ current: KeyHandler }>();
  const queue: Array<[string, RoutedKey]> = [];
  let held = false;
  let waiting = false;
  // Bracketed paste (the TUI turns it on): the terminal marks where a paste starts and ends, so
  // a line break inside one is text, not Enter, however the paste is cut into chunks. A line
  // break at its very end is Enter (a paste that ends in a newline submits): it waits for the
  // next key to tell which it is.
  let pasting = false;
  let heldBreak: RoutedKey | undefined;
  const drain = () => {
    while (queue.length > 0) {
      const [input, key] = queue.shift()!;
      for (const handler of [...handlers]) handler.current(input, key);
      if (held) {
        // Keys of this chunk and any typed before the next turn wait for the commit.
        held = false;
        waiting = true;
        defer(() => {
          waiting = false;
          drain();
        });
        return;
      }
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
        if (heldBreak) queue.push(['', { ...heldBreak, inChunk: false, chunkEnd: true }]);
        heldBreak = undefined;
      } else if (pasting) {
        if (heldBreak) queue.push(['', heldBreak]);
        heldBreak = undefined;
        const keys = splitKeyChunk(input, key).map(([text, flags]): [string, RoutedKey] => [
          text,
          { ...flags, inChunk: true, chunkEnd: false },
        ]);
        if (keys.at(-1)?.[1].return) heldBreak = keys.pop()?.[1];
        queue.push(...keys);
      } else queue.push(...splitKeyChunk(input, key));
      if (!waiting) drain();
    },
    holdRest() {
      held = true;
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
}

/** For a key handler that moves to another step: the keys after it wait for the new step. */
export function useHoldRestOfKeys(): () => void {
  const router = useRouter();
  return router.holdRest;
}
