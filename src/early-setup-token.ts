import type { AgentState } from './services/profiles/agent-state.js';
import { profileAWriteWouldReplace } from './services/profiles/agent-state.js';
import { storedProfileType } from './services/profiles/credential-view.js';
import { resolveProfileId } from './services/profiles/profile-actions.js';
import type { SetupTokenSession } from './services/setup-token/session.js';

export interface EarlySetupToken {
  claudeBin: string;
  session: SetupTokenSession;
}

/**
 * `claude setup-token` takes about a second to show its sign-in link: start it before Ink loads
 * (~100 ms) when nothing has to be asked first, so the link shows as soon as claude prints it.
 * When the target profile is taken (a question comes first) or claude is missing, the screen
 * does as it always does.
 */
export async function startSetupTokenEarly(
  screen: { profileId?: string; claudeBin?: string; yes?: boolean },
  state: AgentState | undefined,
  env: NodeJS.ProcessEnv,
  sessionOptions: { unrecognisedAfterMs?: number },
): Promise<EarlySetupToken | undefined> {
  if (!state) return undefined;
  let profileId: string;
  try {
    profileId = resolveProfileId('anthropic', screen.profileId);
  } catch {
    return undefined;
  }
  const existing = profileAWriteWouldReplace(state, profileId);
  if (existing && !(screen.yes && storedProfileType(existing) === 'token')) return undefined;
  const [{ findClaudeBinary }, { SetupTokenSession }, { nodePtySpawner }] = await Promise.all([
    import('./services/setup-token/find-claude.js'),
    import('./services/setup-token/session.js'),
    import('./services/setup-token/pty.js'),
  ]);
  let claudeBin: string;
  try {
    claudeBin = findClaudeBinary(env.PATH, screen.claudeBin);
  } catch {
    return undefined;
  }
  const session = new SetupTokenSession({ claudeBin, spawn: nodePtySpawner, env, ...sessionOptions });
  session.start();
  return { claudeBin, session };
}
