import { afterEach } from 'vitest';

// The app loads Ink with no CI marks in the environment (src/tui.tsx, asInteractiveTerminal), so
// it always draws as on a terminal; screen tests render Ink the same way, on CI machines too.
// Ink reads the marks once, when it is first imported, which is after this file runs.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

// Each file starts outside React's act() environment; renderInk (test/helpers/ink.tsx) enters it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

// The screens a test drew (test/helpers/ink.tsx), unmounted when it ends.
afterEach(async () => {
  await (globalThis as { unmountInkScreens?: () => Promise<void> }).unmountInkScreens?.();
});
