import { DYNAMIC_SOURCES, type DynamicSource } from '../services/completion/model.js';
import { completionValues } from '../services/completion/values.js';
import type { CommandIO } from './output.js';

/**
 * `authdeck __complete <what> [words…]`, what the completion scripts ask on Tab (profile ids,
 * agents, providers, auth choices, sign-ins) given the words typed so far: one value per line.
 * Not in the help. Whatever goes wrong (a broken store, an unknown agent, a bad word), it prints
 * nothing and exits 0, so the shell just offers nothing.
 */
export async function runComplete(args: readonly string[], io: CommandIO): Promise<number> {
  const [what, ...words] = args;
  if (!(DYNAMIC_SOURCES as readonly string[]).includes(what ?? '')) return 0;
  try {
    const values = await completionValues(what as DynamicSource, words, io.env);
    if (values.length > 0) io.stdout.write(`${values.join('\n')}\n`);
  } catch {
    // Nothing to offer.
  }
  return 0;
}
