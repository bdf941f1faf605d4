import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../contexts.js';
import { errorMessage } from '../services/errors.js';
import type { AgentState } from '../services/profiles/agent-state.js';

export interface AgentStateView {
  state: AgentState | undefined;
  /** Why the last read failed (a store that does not parse, a lock that stays held): shown, never thrown. */
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * The agent's credentials as on disk, re-read when the files change (the gateway writes them
 * too). A failed read keeps the last good state on screen next to the error.
 */
export function useAgentState(): AgentStateView {
  const services = useServices();
  const [state, setState] = useState<AgentState | undefined>(services.preloadedState);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(services.preloadedState === undefined);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    services.loadState().then(
      (next) => {
        if (current !== generation.current) return;
        setState(next);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current !== generation.current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
  }, [services]);

  useEffect(() => {
    const preloaded = services.preloadedState;
    if (preloaded === undefined) {
      setState(undefined);
      setLoading(true);
      reload();
    }
    const stop = services.watchState(reload);
    // The preloaded state was read before the watch began: look once more, after the first
    // frames, for a write that fell in between.
    const recheck = preloaded ? setTimeout(reload, 500) : undefined;
    return () => {
      generation.current++;
      if (recheck) clearTimeout(recheck);
      stop();
    };
  }, [services, reload]);

  return { state, error, loading, reload };
}
