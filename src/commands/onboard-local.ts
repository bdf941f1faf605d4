import { onboardChoice } from '../services/actions.js';
import type { CatalogChoice } from '../services/providers/catalog.js';
import { planLocalServer } from '../services/providers/local-setup.js';
import { refuseBlockedChoice } from '../services/providers/plugin-state.js';
import type { DefaultModelPolicy } from '../services/providers/setup-plan.js';
import { readChoiceSecret } from './choice-secret.js';
import type { CommandContext } from './context.js';
import { reportOnboarded } from './onboard-report.js';

/** Ollama, LM Studio, vLLM, SGLang: the server found (or, for vLLM/SGLang with a model named, written as given). */
export async function onboardLocal(
  ctx: CommandContext,
  choice: CatalogChoice,
  options: { customBaseUrl?: string | undefined; customModelId?: string | undefined; json?: boolean },
  policy: DefaultModelPolicy,
): Promise<number> {
  const kind = choice.id as Parameters<typeof planLocalServer>[0]['kind'];
  const state = await ctx.stateForWrite();
  // Before the server is looked for and the key read, as for every other choice.
  refuseBlockedChoice(state.store, choice, kind);
  const key = (await readChoiceSecret(ctx, choice, `${choice.label} key (Enter for none)`, true)).trim();
  const local = await planLocalServer({
    kind,
    baseUrl: options.customBaseUrl,
    modelId: options.customModelId,
    ...(key ? { apiKey: key } : {}),
  });
  const now = ctx.io.now();
  const done = await onboardChoice(await ctx.actionContext(state), {
    choice,
    provider: kind,
    ...(local.credential ? { credential: { kind: 'api_key', ...local.credential } } : {}),
    setup: local.setup,
    defaultModel: policy,
    now: ctx.io.now,
  });
  reportOnboarded(
    ctx,
    { done, ...(local.credential ? { secret: local.credential.secret } : {}), kind: 'api_key', now },
    options.json === true,
  );
  return 0;
}
