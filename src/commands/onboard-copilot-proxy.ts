import { onboardChoice } from '../services/actions.js';
import type { CatalogChoice } from '../services/providers/catalog.js';
import {
  COPILOT_PROXY,
  copilotProxyBaseUrl,
  copilotProxyModelIds,
  copilotProxySetup,
} from '../services/providers/copilot-proxy.js';
import { refuseBlockedChoice } from '../services/providers/plugin-state.js';
import type { DefaultModelPolicy } from '../services/providers/setup-plan.js';
import type { CommandContext } from './context.js';
import { reportOnboarded } from './onboard-report.js';

/**
 * `onboard --auth-choice copilot-proxy`: OpenClaw's two questions as flags — `--custom-base-url`
 * (default http://localhost:3000/v1) and `--custom-model-id`, a comma-separated list (default
 * OpenClaw's) — checked first; the proxy is not contacted, as OpenClaw does not contact it.
 */
export async function onboardCopilotProxy(
  ctx: CommandContext,
  choice: CatalogChoice,
  options: { customBaseUrl?: string | undefined; customModelId?: string | undefined; json?: boolean },
  policy: DefaultModelPolicy,
): Promise<number> {
  const planned = copilotProxySetup(
    copilotProxyBaseUrl(options.customBaseUrl),
    copilotProxyModelIds(options.customModelId),
  );
  const state = await ctx.stateForWrite();
  refuseBlockedChoice(state.store, choice, COPILOT_PROXY);
  const now = ctx.io.now();
  const done = await onboardChoice(await ctx.actionContext(state), {
    choice,
    provider: COPILOT_PROXY,
    credential: { kind: 'token', ...planned.credential },
    setup: planned.setup,
    defaultModel: policy,
    now: ctx.io.now,
  });
  reportOnboarded(ctx, { done, secret: planned.credential.secret, kind: 'token', now }, options.json === true);
  return 0;
}
