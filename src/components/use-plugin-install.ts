import { useRef, useState } from 'react';
import { useServices } from '../contexts.js';
import { useSyncReducer } from '../hooks/use-sync-reducer.js';
import { errorMessage } from '../services/errors.js';
import type { PluginNeed } from '../services/providers/plugin-install.js';
import type { KeyHint } from './KeyHints.js';
import type { KeyTable } from './key-table.js';
import { useKeyTable } from './use-key-table.js';

/**
 * `i` runs the install; after a failure `i` tries again (the network may be back) — a key that
 * did nothing and said nothing after a failed install read as broken. Offline, npm can take over a
 * minute to give up: `x` stops it.
 */
export type PluginInstallState =
  /** `stopped`: an install the person stopped with x; i offers it again. */
  | { status: 'idle'; stopped?: boolean }
  | { status: 'installing'; need: PluginNeed; startedAt: number }
  | { status: 'installed'; need: PluginNeed }
  | { status: 'failed'; need: PluginNeed; reason: string };

type PluginInstallAction =
  | { type: 'started'; need: PluginNeed; at: number }
  | { type: 'answered'; reason: string | undefined }
  | { type: 'stopped' };

function installReducer(state: PluginInstallState, action: PluginInstallAction): PluginInstallState {
  if (action.type === 'started')
    return state.status === 'idle' || state.status === 'failed'
      ? { status: 'installing', need: action.need, startedAt: action.at }
      : state;
  if (state.status !== 'installing') return state;
  if (action.type === 'stopped') return { status: 'idle', stopped: true };
  return action.reason === undefined
    ? { status: 'installed', need: state.need }
    : { status: 'failed', need: state.need, reason: action.reason };
}

export interface PluginInstallView {
  /** The plugin the gateway still lacks, as the setup last read it. */
  need: PluginNeed | undefined;
  state: PluginInstallState;
  /** `i` acts now (also for the hint bar). */
  offered: boolean;
  /** `i` is a key here at all: openclaw is on PATH, so the line names the key, not only the command. */
  canInstall: boolean;
  /** `x` stops the install under way (offline, npm can take minutes to give up). */
  stoppable: boolean;
  /** `i` and `x` while they act, for the screen's hint bar. */
  hints: KeyHint[];
}

interface InstallKeyContext {
  need: boolean;
  canInstall: boolean;
  status: PluginInstallState['status'];
}

const KEYS: KeyTable<'install' | 'stop', InstallKeyContext> = [
  {
    action: 'install',
    keys: ['i'],
    label: 'i',
    hint: 'install plugin',
    when: ({ need, canInstall, status }) => need && canInstall && status === 'idle',
  },
  {
    action: 'install',
    keys: ['i'],
    label: 'i',
    hint: 'try the install again',
    when: ({ need, canInstall, status }) => need && canInstall && status === 'failed',
  },
  { action: 'stop', keys: ['x'], label: 'x', hint: 'stop the install', when: ({ status }) => status === 'installing' },
];

/**
 * `i`: runs `openclaw plugins install` for the plugin a saved provider still lacks, then
 * `onInstalled` once it is in. The rest of the screen stays usable meanwhile; leaving does not
 * stop the install (the app waits for it as for any write under way).
 */
export function usePluginInstall(need: PluginNeed | undefined, onInstalled?: () => void): PluginInstallView {
  const services = useServices();
  // Read once: PATH does not change under a running screen.
  const [canInstall] = useState(() => services.canInstallPlugin());
  const [state, dispatch, current] = useSyncReducer(installReducer, (): PluginInstallState => ({ status: 'idle' }));
  const stop = useRef<AbortController | undefined>(undefined);
  const install = () => {
    if (!need) return;
    dispatch({ type: 'started', need, at: services.now() });
    stop.current = new AbortController();
    const signal = stop.current.signal;
    services.installPlugin(need, signal).then(
      (reason) => {
        // Stopped by the person (x), not failed: it can be run again.
        if (signal.aborted && reason !== undefined) return dispatch({ type: 'stopped' });
        dispatch({ type: 'answered', reason });
        // Started in the same turn, so Ctrl+C waiting on the install waits on what follows it too.
        if (reason === undefined) onInstalled?.();
      },
      (error: unknown) => dispatch({ type: 'answered', reason: errorMessage(error) }),
    );
  };
  const keyContext = (status: PluginInstallState['status']) => ({ need: need !== undefined, canInstall, status });
  const hints = useKeyTable(
    KEYS,
    keyContext(state.status),
    { install, stop: () => stop.current?.abort() },
    { current: () => keyContext(current().status) },
  );
  return {
    need,
    state,
    offered: need !== undefined && canInstall && state.status === 'idle',
    canInstall,
    stoppable: state.status === 'installing',
    hints,
  };
}
