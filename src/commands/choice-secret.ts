import { UsageError } from '../services/errors.js';
import type { CatalogChoice } from '../services/providers/catalog.js';
import type { CommandContext } from './context.js';

/** The secret from stdin, else from the variable the gateway reads, else a masked prompt. */
export async function readChoiceSecret(
  ctx: CommandContext,
  choice: CatalogChoice,
  label: string,
  optional: boolean,
): Promise<string> {
  if (!ctx.io.stdin.isTTY) {
    const piped = await ctx.readSecret('');
    if (piped.trim() !== '') return piped;
  }
  // A key choice reads its *_API_KEY first, a token choice its *_TOKEN (Anthropic's apiKey lists the token first).
  const wantsToken = choice.credential.kind === 'token';
  const names = [...choice.credential.envVars].sort(
    (a, b) => Number(/TOKEN/.test(a) !== wantsToken) - Number(/TOKEN/.test(b) !== wantsToken),
  );
  for (const name of names) {
    const value = ctx.io.env[name];
    if (value && value.trim() !== '') return value;
  }
  if (!ctx.io.stdin.isTTY && optional) return '';
  if (!ctx.io.stdin.isTTY)
    throw new UsageError(
      `no secret on stdin${unsetVariables(names)}; pipe it in, e.g. \`printf %s "$KEY" | authdeck onboard --non-interactive --auth-choice ${choice.id}\``,
    );
  return ctx.readSecret(`${label}: `);
}

/** The variables read, in the order read: " and X is not set" / " and neither X nor Y is set". */
function unsetVariables(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return ` and ${names[0]} is not set`;
  return ` and neither ${names.slice(0, -1).join(', ')} nor ${names.at(-1)} is set`;
}
