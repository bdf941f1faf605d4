import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';

type KeyHandler = (input: string, key: Key) => void;

interface KeyRouter {
  add(handler: { current: KeyHandler }): () => void;
}

const KeyRouterContext = createContext<KeyRouter | null>(null);

/**
 * One input listener for the whole app, mounted once. Ink's useInput subscribes in an effect
 * that runs after the frame is on screen, so keys typed right after a screen change (a paste
 * right after Enter) could reach no one; handlers registered here are in place before then.
 */
export function KeyRouterProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Set<{ current: KeyHandler }>());
  useInput((input, key) => {
    // Ink reports "\r" as return but a lone "\n" (Enter typed while the terminal was still in
    // line mode) only as input: both are Enter here, for every handler.
    const enter = !key.return && (input === '\n' || input === '\r\n');
    const routedKey = enter ? { ...key, return: true } : key;
    const routedInput = enter ? '' : input;
    for (const handler of [...handlers.current]) handler.current(routedInput, routedKey);
  });
  const router = useMemo<KeyRouter>(
    () => ({
      add(handler) {
        handlers.current.add(handler);
        return () => handlers.current.delete(handler);
      },
    }),
    [],
  );
  return <KeyRouterContext.Provider value={router}>{children}</KeyRouterContext.Provider>;
}

/** Like Ink's useInput, but subscribed during the commit (see KeyRouterProvider). */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('useKeys needs a KeyRouterProvider above it');
  const latest = useRef(handler);
  latest.current = handler;
  const active = options.isActive !== false;
  useLayoutEffect(() => (active ? router.add(latest) : undefined), [router, active]);
}
