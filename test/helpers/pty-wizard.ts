import type { TerminalSession } from './pty-driver.js';

/** In the wizard, from "Which provider?": OpenAI searched and chosen; at the method question. */
export async function chooseOpenaiInWizard(session: TerminalSession): Promise<void> {
  await session.waitFor('Which provider?');
  await session.type('openai');
  await session.waitFor('❯ OpenAI openai');
  await session.press('enter');
  await session.waitFor('How do you want to sign in to OpenAI?');
}
