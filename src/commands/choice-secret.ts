import { UsageError } from '../services/errors.js';
import type { SecretRef } from '../services/profiles/credential-view.js';
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
  const names = variablesOf(choice);
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

/** The variables the gateway reads the choice's secret from: a key choice's *_API_KEY first, a token choice's *_TOKEN (Anthropic's apiKey lists the token first). */
function variablesOf(choice: CatalogChoice): string[] {
  const wantsToken = choice.credential.kind === 'token';
  return [...choice.credential.envVars].sort(
    (a, b) => Number(/TOKEN/.test(a) !== wantsToken) - Number(/TOKEN/.test(b) !== wantsToken),
  );
}

/**
 * `--secret-input-mode ref`, as OpenClaw's onboarding takes it: the key is read from the variable
 * the gateway reads, and the profile stores where it is (`keyRef`), not the key. Nothing is read
 * from stdin.
 */
export function readChoiceSecretRef(ctx: CommandContext, choice: CatalogChoice): { secret: string; ref: SecretRef } {
  if (choice.credential.kind !== 'api_key')
    throw new UsageError(`--secret-input-mode ref is for API keys; ${choice.id} stores a ${choice.credential.kind}`);
  const names = variablesOf(choice);
  if (names.length === 0)
    throw new UsageError(
      `--secret-input-mode ref stores the variable a key comes from, and the gateway reads none for ${choice.id}; leave it out`,
    );
  const name = names.find((variable) => (ctx.io.env[variable] ?? '').trim() !== '');
  if (!name)
    throw new UsageError(
      `--secret-input-mode ref stores where the key is, not the key: set ${names.join(' or ')} in this environment and retry (or leave out --secret-input-mode)`,
    );
  return { secret: ctx.io.env[name] as string, ref: { source: 'env', provider: 'default', id: name } };
}
