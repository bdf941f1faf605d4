import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SetupTokenSessionLike } from '../../app-services.js';
import { useServices } from '../../contexts.js';
import { useSyncReducer } from '../../hooks/use-sync-reducer.js';
import type { SavedCredential } from '../../services/actions.js';
import { errorMessage, UsageError } from '../../services/errors.js';
import { profileAWriteWouldReplace } from '../../services/profiles/agent-state.js';
import { describeProfile } from '../../services/profiles/credential-view.js';
import { ProfileConflictError, resolveProfileId } from '../../services/profiles/profile-actions.js';
import type { SetupTokenSnapshot } from '../../services/setup-token/session.js';
import { freeProfileName } from '../onboard/profile-names.js';

export type FlowStage =
  | 'checking'
  | 'ask-name'
  | 'ask-overwrite'
  | 'missing-claude'
  | 'running'
  | 'saving'
  | 'saved'
  | 'save-failed';

export interface ExistingProfile {
  id: string;
  type: string;
  expiresAt?: number;
}

export interface FlowState {
  stage: FlowStage;
  profileId: string;
  replace: 'same-type' | 'never';
  existing?: ExistingProfile;
  claudeBin?: string;
  error?: string;
  saved?: SavedCredential;
  /** The name the name question offers: `claude`, or the first free `claude-N`. */
  suggestion?: string;
}

type FlowAction =
  | { type: 'missing-claude'; error: string }
  | {
      type: 'ask';
      stage: 'ask-name' | 'ask-overwrite';
      existing: ExistingProfile;
      claudeBin?: string;
      problem?: string;
      suggestion?: string;
    }
  | { type: 'name-refused'; problem: string }
  | { type: 'run'; profileId?: string; replace: 'same-type' | 'never'; claudeBin?: string }
  | { type: 'ask-name'; suggestion?: string }
  | { type: 'saving' }
  | { type: 'saved'; result: SavedCredential }
  | { type: 'save-failed'; error: string };

function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'missing-claude':
      return { ...state, stage: 'missing-claude', error: action.error };
    case 'ask':
      return {
        ...state,
        stage: action.stage,
        profileId: action.existing.id,
        existing: action.existing,
        error: action.problem,
        ...(action.claudeBin ? { claudeBin: action.claudeBin } : {}),
        ...(action.suggestion ? { suggestion: action.suggestion } : {}),
      };
    case 'name-refused':
      return { ...state, stage: 'ask-name', error: action.problem };
    case 'run':
      return {
        ...state,
        stage: 'running',
        replace: action.replace,
        ...(action.profileId ? { profileId: action.profileId, existing: undefined } : {}),
        ...(action.claudeBin ? { claudeBin: action.claudeBin } : {}),
      };
    case 'ask-name':
      return {
        ...state,
        stage: 'ask-name',
        error: undefined,
        ...(action.suggestion ? { suggestion: action.suggestion } : {}),
      };
    case 'saving':
      return { ...state, stage: 'saving', error: undefined };
    case 'saved':
      return { ...state, stage: 'saved', saved: action.result };
    case 'save-failed':
      return { ...state, stage: 'save-failed', error: action.error };
  }
}

export interface SetupTokenFlowOptions {
  profileId?: string;
  claudeBin?: string;
  yes?: boolean;
}

const NO_SESSION = { subscribe: () => () => {}, current: undefined };

/**
 * The setup-token flow behind the screen, as straight as events allow: where the token goes is
 * settled first (asking when the profile id is taken, before claude runs, so a shown-once token
 * is never left without a home); the handler that settles it starts claude; the session's own
 * "token" event saves it. Effects only look at the outside once at mount and dispose claude.
 */
export function useSetupTokenFlow(options: SetupTokenFlowOptions) {
  const services = useServices();
  const [state, dispatch, current] = useSyncReducer(
    flowReducer,
    (): FlowState => ({
      stage: 'checking',
      profileId: resolveProfileId('anthropic', options.profileId),
      replace: 'never',
    }),
  );
  const [session, setSession] = useState<SetupTokenSessionLike>();
  const sessionRef = useRef<SetupTokenSessionLike>(undefined);
  const tokenRef = useRef<string>(undefined);
  const source = session ?? NO_SESSION;
  const subscribe = useMemo(() => source.subscribe.bind(source), [source]);
  const snapshot = useSyncExternalStore(subscribe, () => source.current as SetupTokenSnapshot | undefined);

  const findExisting = useCallback(
    async (profileId: string): Promise<ExistingProfile | undefined> => {
      const raw = profileAWriteWouldReplace(await services.loadState(), profileId);
      if (!raw) return undefined;
      const view = describeProfile(profileId, raw, {});
      return { id: profileId, type: view.type, ...(view.expiresAt !== undefined ? { expiresAt: view.expiresAt } : {}) };
    },
    [services],
  );

  // The name offered when one is asked: `claude`, or the first free `claude-N` (a taken name
  // offered again led straight back to the replace question).
  const freeName = useCallback(async (): Promise<string> => {
    const state = await services.loadState();
    return freeProfileName('anthropic', (id) => profileAWriteWouldReplace(state, id) !== undefined, 'claude');
  }, [services]);

  const save = async (token: string) => {
    tokenRef.current = token;
    dispatch({ type: 'saving' });
    const { profileId, replace } = current();
    try {
      dispatch({
        type: 'saved',
        result: await services.saveCredential({
          profileId,
          provider: 'anthropic',
          kind: 'token',
          secret: token,
          replace,
        }),
      });
    } catch (error) {
      if (error instanceof ProfileConflictError) {
        const existing = { id: error.profileId, type: error.existingType };
        dispatch(
          existing.type === 'token'
            ? { type: 'ask', stage: 'ask-overwrite', existing }
            : {
                type: 'ask',
                stage: 'ask-name',
                existing,
                problem: otherTypeProblem(existing),
                suggestion: await freeName(),
              },
        );
      } else dispatch({ type: 'save-failed', error: errorMessage(error) });
    }
  };

  /** claude runs once: its token is shown once, so a second run would be a second sign-in. */
  const run = (action: Extract<FlowAction, { type: 'run' }>) => {
    dispatch(action);
    if (sessionRef.current) return;
    const claudeBin = current().claudeBin;
    if (!claudeBin) return;
    const created = services.createSetupTokenSession(claudeBin);
    sessionRef.current = created;
    const onSnapshot = (next: SetupTokenSnapshot) => {
      if (next.phase === 'token' && !next.tokenProblem && next.token && tokenRef.current === undefined)
        void save(next.token);
    };
    created.subscribe(onSnapshot);
    setSession(created);
    created.start();
    // claude started before Ink loaded (early-setup-token.ts) may have printed its token already.
    onSnapshot(created.current as SetupTokenSnapshot);
  };

  // At mount: is claude there, and is the profile free? Then claude starts, or a question comes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once; later names go through chooseName.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let claudeBin: string;
      try {
        claudeBin = services.findClaude(options.claudeBin);
      } catch (error) {
        if (!cancelled) dispatch({ type: 'missing-claude', error: errorMessage(error) });
        return;
      }
      const existing = await findExisting(current().profileId);
      if (cancelled) return;
      if (!existing) run({ type: 'run', replace: 'never', claudeBin });
      else if (existing.type !== 'token')
        dispatch({
          type: 'ask',
          stage: 'ask-name',
          existing,
          claudeBin,
          problem: otherTypeProblem(existing),
          suggestion: await freeName(),
        });
      else if (options.yes) run({ type: 'run', replace: 'same-type', claudeBin });
      else
        dispatch({
          type: 'ask',
          stage: options.profileId !== undefined ? 'ask-overwrite' : 'ask-name',
          existing,
          claudeBin,
        });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // claude and its process group go when the screen does.
  useEffect(() => () => sessionRef.current?.dispose(), []);

  return {
    state,
    session,
    snapshot,
    chooseName: async (name: string) => {
      let profileId: string;
      try {
        profileId = resolveProfileId('anthropic', name);
      } catch (error) {
        // A name that cannot be an id ("my token", "openai:x") is said under the field, as the
        // wizard says it; thrown, it ended the screen (and the dashboard that opened it).
        if (!(error instanceof UsageError)) throw error;
        return dispatch({ type: 'name-refused', problem: error.message.replace(/^--profile-id: /, '') });
      }
      const existing = await findExisting(profileId);
      if (existing?.type === 'token') dispatch({ type: 'ask', stage: 'ask-overwrite', existing });
      else if (existing)
        dispatch({
          type: 'ask',
          stage: 'ask-name',
          existing,
          problem: otherTypeProblem(existing),
          suggestion: await freeName(),
        });
      else if (tokenRef.current) {
        // The token came while the name was being settled: it goes to the new name.
        dispatch({ type: 'run', profileId, replace: 'never' });
        void save(tokenRef.current);
      } else run({ type: 'run', profileId, replace: 'never' });
    },
    /** Only a token may be replaced by a token: the question is not offered for other types. */
    overwrite: () => {
      const { existing } = current();
      if (existing && existing.type !== 'token') return;
      if (tokenRef.current) {
        dispatch({ type: 'run', replace: 'same-type' });
        void save(tokenRef.current);
      } else run({ type: 'run', replace: 'same-type' });
    },
    askName: async () => dispatch({ type: 'ask-name', suggestion: await freeName() }),
    retrySave: () => (tokenRef.current ? save(tokenRef.current) : undefined),
  };
}

export type SetupTokenFlow = ReturnType<typeof useSetupTokenFlow>;

/** The same rule as `add-key` and the wizard (refuseReplacing): a token never replaces another type. */
function otherTypeProblem(existing: ExistingProfile): string {
  return `${existing.id} holds ${existing.type === 'api_key' ? 'an API key' : `a ${existing.type} credential`}; a setup-token never replaces another type: choose another name`;
}
