import { useStdout } from 'ink';
import { useCallback, useSyncExternalStore } from 'react';
import { terminalSize } from '../components/text-layout.js';

type Size = { columns: number; rows: number };

/**
 * One `resize` listener per output, whatever number of components ask: a summary of many lines,
 * each laid out to the width, added one each and tripped Node's "possible memory leak" warning
 * (11 listeners) — printed over the screen.
 */
interface Watch {
  size: Size;
  listeners: Set<() => void>;
  onResize: () => void;
}

const watches = new WeakMap<NodeJS.WriteStream, Watch>();

function watchOf(stdout: NodeJS.WriteStream): Watch {
  const known = watches.get(stdout);
  if (known) return known;
  const watch: Watch = {
    size: terminalSize(stdout),
    listeners: new Set(),
    onResize: () => {
      watch.size = terminalSize(stdout);
      for (const listener of watch.listeners) listener();
    },
  };
  watches.set(stdout, watch);
  return watch;
}

/** Columns (usable: one short of the terminal's, text-layout.ts) and rows of the terminal, updated on resize. */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const watch = watchOf(stdout);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (watch.listeners.size === 0) {
        // Unwatched meanwhile: the size may have changed.
        watch.size = terminalSize(stdout);
        stdout.on('resize', watch.onResize);
      }
      watch.listeners.add(listener);
      return () => {
        watch.listeners.delete(listener);
        if (watch.listeners.size === 0) stdout.off('resize', watch.onResize);
      };
    },
    [stdout, watch],
  );
  return useSyncExternalStore(subscribe, () => watch.size);
}
