import { useApp, useInput } from 'ink';
import { useCallback, useMemo, useReducer, useState } from 'react';
import type { AppServices } from './app-services.js';
import { createKeyRouter, KeyRouterProvider } from './components/key-router.js';
import {
  type NavigationActions,
  NavigationActionsContext,
  ServicesContext,
  SwitchServicesContext,
} from './contexts.js';
import { currentScreen, navigationReducer, type Screen, type TuiResult } from './navigation.js';
import { ScreenOutlet } from './screens/ScreenOutlet.js';
import { ExitCode } from './services/errors.js';

export interface AppProps {
  services: AppServices;
  initialScreen: Screen;
  onExit: (result: TuiResult) => void;
}

/**
 * The root: provides the services (one context, so tests pass fakes), keeps the screen stack
 * in a typed reducer, and owns leaving (Ctrl+C anywhere leaves; nothing half-done is written,
 * because screens write only when a step is confirmed).
 */
export function App({ services: initialServices, initialScreen, onExit }: AppProps) {
  const { exit: exitInk } = useApp();
  const [services, setServices] = useState(initialServices);
  const [navigation, dispatch] = useReducer(navigationReducer, { stack: [initialScreen] });
  const stackDepth = navigation.stack.length;
  const [router] = useState(() => createKeyRouter());

  const exit = useCallback(
    (result: TuiResult) => {
      onExit(result);
      exitInk();
    },
    [onExit, exitInk],
  );
  const actions = useMemo<NavigationActions>(
    () => ({
      push: (screen) => {
        router.holdRest();
        dispatch({ type: 'push', screen });
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
    if (key.ctrl && input === 'c') exit({ exitCode: ExitCode.cancelled });
  });

  return (
    <ServicesContext.Provider value={services}>
      <SwitchServicesContext.Provider value={setServices}>
        <NavigationActionsContext.Provider value={actions}>
          <KeyRouterProvider router={router}>
            <ScreenOutlet screen={currentScreen(navigation)} />
          </KeyRouterProvider>
        </NavigationActionsContext.Provider>
      </SwitchServicesContext.Provider>
    </ServicesContext.Provider>
  );
}
