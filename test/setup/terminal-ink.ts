// The app loads Ink with no CI marks in the environment (src/tui.tsx, asInteractiveTerminal), so
// it always draws as on a terminal; screen tests render Ink the same way, on CI machines too.
// Ink reads the marks once, when it is first imported, which is after this file runs.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
