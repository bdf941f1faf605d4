import { wrapText } from '../../components/text-layout.js';

/**
 * The welcome step's words laid out at the terminal's width, for the step and for the plain
 * first frame drawn before Ink loads (so this module loads no Ink): the hand-over moves nothing.
 */

/** The label column: a value starts after it, and its continuation lines too. */
export const WELCOME_LABEL = 12;

export const WELCOME = 'Welcome. This sets up a credential for an AI provider, where the gateway reads it.';

/**
 * A value's lines under its label at `width`: wrapped (a path after a `/`) rather than cut at
 * the edge, since what the saves are written for, and why, is what the step is there to say.
 */
export function welcomeRow(value: string, width: number): string[] {
  return wrapText(value, Math.max(8, width - WELCOME_LABEL));
}
