import { UsageError } from '../errors.js';
import type { SignInOptions, SignInQuestion } from './sign-in-types.js';

/**
 * A value OpenClaw reads from the environment or else asks for: the variable wins, as in
 * OpenClaw; with no way to ask (a script), the error names the variable to set.
 */
export async function askFor(options: SignInOptions, question: SignInQuestion): Promise<string> {
  const fromEnv = question.envName ? options.env[question.envName]?.trim() : undefined;
  if (fromEnv) return fromEnv;
  if (!options.ask)
    throw new UsageError(
      `${question.message}: ${question.envName ? `set ${question.envName}, or ` : ''}sign in from a terminal`,
    );
  const answer = (await options.ask(question)).trim();
  if (!answer) throw new UsageError(`${question.message}: nothing was entered`);
  return answer;
}
