import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppServices } from './app-services.js';
import { createKeyRouter, KeyRouterProvider } from './components/key-router.js';
import { Paragraph } from './components/Paragraph.js';
import {
  LeavingContext,
  type NavigationActions,
  NavigationActionsContext,
  ServicesContext,
  SwitchServicesContext,
  WritesBusyContext,
} from './contexts.js';
import { passInterrupt } from './interrupts.js';
import { currentScreen, navigationReducer, type Screen, type TuiResult } from './navigation.js';
import { ScreenOutlet } from './screens/ScreenOutlet.js';
import { ExitCode } from './services/errors.js';
import { shown } from './services/terminal-text.js';
import { WritesInFlight } from './writes-in-flight.js';

export interface AppProps {
  services: AppServices;
  initialScreen: Screen;
  onExit: (result: TuiResult) => void;
  /** The writes under way, for the caller to wait on a write still landing once the app has left. */
  writes?: WritesInFlight;
}

/**
 * The root: provides the services (one context, so tests pass fakes), keeps the screen stack
 * in a typed reducer, and owns leaving (Ctrl+C anywhere leaves; nothing half-done is written,
 * because screens write only when a step is confirmed).
 */
export function App({ services: initialServices, initialScreen, onExit, writes: given }: AppProps) {
  const { exit: exitInk } = useApp();
  const [writes] = useState(() => given ?? new WritesInFlight());
  const [untracked, setServices] = useState(initialServices);
  const services = useMemo(() => writes.track(untracked), [writes, untracked]);
  const writesBusy = useCallback(() => writes.busy, [writes]);
  // Ctrl+C during a write: leave once it has landed, so the last frame says what was written.
  const [leaving, setLeaving] = useState(false);
  const leavingRef = useRef(false);
  const [navigation, dispatch] = useReducer(navigationReducer, { stack: [initialScreen] });
  const stackDepth = navigation.stack.length;
  const [router] = useState(() => createKeyRouter());

  // Once: a screen that ends itself after a write may do so while Ctrl+C waits for that write.
  const exited = useRef(false);
  // Cancelling leaves on a frame that says so, not on the screen it left (a code field and
  // its hints, as if still waiting); so does a screen that ends itself while Ctrl+C waits for
  // its write (the frame without the "leaving once" line): drawn first, left from the effect below.
  const [last, setLast] = useState<TuiResult>();
  const cancelled = last?.exitCode === ExitCode.cancelled;
  const exit = useCallback((result: TuiResult) => {
    if (exited.current) return;
    exited.current = true;
    // Every way out draws a last frame first: without the key hints (nothing takes keys now),
    // so what stays on the terminal is the outcome, not a question still seeming to wait.
    setLast(result);
  }, []);
  useEffect(() => {
    if (!last) return;
    onExit(last);
    exitInk();
  }, [last, onExit, exitInk]);
  const actions = useMemo<NavigationActions>(
    () => ({
      push: (screen, from) => {
        router.holdRest();
        dispatch({ type: 'push', screen, ...(from ? { from } : {}) });
      },
      replace: (screen) => {
        router.holdRest();
        dispatch({ type: 'replace', screen });
      },
      back: () => {
        router.holdRest();
        dispatch({ type: 'back' });
      },
      finish: (result) => {
        router.holdRest();
        if (stackDepth > 1) dispatch({ type: 'back', ...(result.select ? { select: result.select } : {}) });
        else exit(result);
      },
      exit,
      canGoBack: stackDepth > 1,
    }),
    [exit, stackDepth, router],
  );

  useInput((input, key) => {
    if (!(key.ctrl && input === 'c')) return;
    if (leavingRef.current) {
      exit({ exitCode: ExitCode.cancelled });
      return;
    }
    // Once something was written the outcome is decided (README "Exit codes"): Ctrl+C leaves on
    // the screen that says what (the wizard's summary), with its exit code, not "Cancelled." 130.
    if (!writes.busy) {
      exit({ exitCode: writes.exitCodeAfterWaiting(ExitCode.cancelled) });
      return;
    }
    leavingRef.current = true;
    setLeaving(true);
    // OpenClaw making the store has written nothing yet: it is stopped, as the plain commands stop
    // it (it held the terminal until its 3-minute timeout). A plugin install is waited for.
    if (!writes.installing) passInterrupt('SIGINT');
    writes.whenIdle((failed) =>
      setLanded(failed ? (writes.cancelled ? ExitCode.cancelled : ExitCode.failure) : ExitCode.ok),
    );
  });
  // Left from an effect, after the screen has drawn the write's outcome.
  const [landed, setLanded] = useState<number>();
  useEffect(() => {
    if (landed !== undefined) exit({ exitCode: landed });
  }, [landed, exit]);

  return (
    <ServicesContext.Provider value={services}>
      <WritesBusyContext.Provider value={writesBusy}>
        <SwitchServicesContext.Provider value={setServices}>
          <NavigationActionsContext.Provider value={actions}>
            <KeyRouterProvider router={router}>
              <LeavingContext.Provider value={last !== undefined || (leaving && landed !== undefined)}>
                {cancelled ? (
                  // A second Ctrl+C stops waiting on screen; the write under way lands all the same.
                  <Text dimColor>{writes.busy ? 'Left; the write under way still lands.' : 'Cancelled.'}</Text>
                ) : (
                  // The usable columns (text-layout.ts usableColumns): never the terminal's last one.
                  // Padding, not a width from state: Ink redraws on a resize before React re-renders.
                  <Box paddingRight={1} flexDirection="column">
                    <ScreenOutlet screen={currentScreen(navigation)} />
                  </Box>
                )}
                {leaving && landed === undefined && !last && writes.busy && (
                  <Text color="yellow">
                    {/* OpenClaw still making the store is stopped (above): "lands anyway" was not true of it. */}
                    Ctrl+C: leaving once this write has landed — or, if OpenClaw is still creating the store, once it is
                    stopped with nothing written (Ctrl+C again stops waiting)
                  </Text>
                )}
                {leaving && landed !== undefined && (
                  // Broken at spaces and after a path's slashes, never inside a file's name.
                  <Paragraph
                    text={`${shown(writes.landed ?? '')} (left with Ctrl+C)`}
                    color={landed === ExitCode.ok ? 'green' : 'red'}
                  />
                )}
              </LeavingContext.Provider>
            </KeyRouterProvider>
          </NavigationActionsContext.Provider>
        </SwitchServicesContext.Provider>
      </WritesBusyContext.Provider>
    </ServicesContext.Provider>
  );
}
