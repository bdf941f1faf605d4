import type { TerminalSession } from './pty-driver.js';

/** In the wizard, from "Which provider?": OpenAI searched and chosen; at the method question. */
export async function chooseOpenaiInWizard(session: TerminalSession): Promise<void> {
  await session.waitFor('Which provider?');
  await session.type('openai');
  await session.waitFor('❯ OpenAI openai');
  await session.press('enter');
  await session.waitFor('How do you want to sign in to OpenAI?');
}

/** From the wizard's welcome: OpenAI, API key, the default profile name, no .env; the summary screen. */
export async function addOpenaiKeyInWizard(
  session: TerminalSession,
  key: string,
  /** What OpenClaw's onboarding names it: openai:default before 2026.8 (JSON files), openai:api-key since. */
  profileId = 'openai:default',
): Promise<string> {
  await session.press('enter');
  await chooseOpenaiInWizard(session);
  await session.press('enter');
  await session.waitFor('Paste the OpenAI API key');
  await session.type(key);
  await session.waitFor('looks right');
  await session.press('enter');
  await session.waitFor('Profile name:');
  await session.press('enter');
  await session.waitFor("daemon's .env?");
  await session.type('n');
  // The key check reaches a closed local port (see the PTY driver): straight on to the summary.
  const summary = await session.waitFor(`Saved ${profileId}`);
  await session.waitFor((screen) =>
    /key check: network \(could not reach 127\.0\.0\.1:\d+: check your internet/.test(screen.replace(/\s+/g, ' ')),
  );
  return summary;
}
