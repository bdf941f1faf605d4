import { onboardChoice } from '../services/actions.js';
import { resolveProfileId } from '../services/profiles/profile-actions.js';
import type { CatalogChoice } from '../services/providers/catalog.js';
import { COPILOT_PROXY, copilotProxySetup } from '../services/providers/copilot-proxy.js';
import { setupNotes } from '../services/providers/onboard-choice.js';
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
  options: {
    customBaseUrl?: string | undefined;
    customModelId?: string | undefined;
    profileId?: string | undefined;
    json?: boolean;
  },
  policy: DefaultModelPolicy,
): Promise<number> {
  const planned = copilotProxySetup({ baseUrl: options.customBaseUrl, modelIds: options.customModelId });
  // OpenClaw names it copilot-proxy:local; --profile-id names it otherwise, as for every choice.
  const profileId =
    options.profileId !== undefined ? resolveProfileId(COPILOT_PROXY, options.profileId, '--profile-id') : undefined;
  const state = await ctx.stateForWrite();
  refuseBlockedChoice(state.store, choice, COPILOT_PROXY);
  const now = ctx.io.now();
  const done = await onboardChoice(await ctx.actionContext(state), {
    choice,
    provider: COPILOT_PROXY,
    credential: { kind: 'token', ...planned.credential, ...(profileId ? { profileId } : {}) },
    setup: planned.setup,
    defaultModel: policy,
    now: ctx.io.now,
  });
  const warnings = setupNotes(
    state,
    done,
    done.saved.map((saved) => saved.profileId),
  );
  reportOnboarded(
    ctx,
    { done, secret: planned.credential.secret, kind: 'token', now, ...(warnings.length > 0 ? { warnings } : {}) },
    options.json === true,
  );
  return 0;
}
