import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { SetupTokenSessionLike } from '../app-services.js';
import { useServices } from '../contexts.js';
import { describeProfile } from '../services/credential-view.js';
import { profileAWriteWouldReplace } from '../services/agent-state.js';
import { SETUP_TOKEN_LIFETIME_MS } from '../services/durations.js';
import { ProfileConflictError, resolveProfileId, type SaveCredentialResult } from '../services/profile-actions.js';
import type { SetupTokenSnapshot } from '../services/setup-token/session.js';
import { useSetupTokenSession } from './use-setup-token-session.js';
import { errorMessage } from '../services/errors.js';

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
  replace: 'any' | 'never';
  existing?: ExistingProfile;
  claudeBin?: string;
  /** Set once claude has been started; it is never started twice (its token is shown once). */
  sessionStarted: boolean;
  error?: string;
  saved?: SaveCredentialResult;
}

type FlowAction =
  | {
      type: 'checked';
      existing?: ExistingProfile;
      explicit: boolean;
      yes: boolean;
      claudeBin?: string;
      claudeError?: string;
    }
  | { type: 'name-taken'; existing: ExistingProfile }
  | { type: 'use-name'; profileId: string }
  | { type: 'overwrite' }
  | { type: 'ask-name' }
  | { type: 'saving' }
  | { type: 'saved'; result: SaveCredentialResult }
  | { type: 'save-failed'; error: string };

export function setupTokenFlowReducer(state: FlowState, action: FlowAction): FlowState {
  const next = flowStep(state, action);
  return next.stage === 'running' && !next.sessionStarted ? { ...next, sessionStarted: true } : next;
}

function flowStep(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'checked': {
      if (action.claudeError) return { ...state, stage: 'missing-claude', error: action.claudeError };
      const next = { ...state, claudeBin: action.claudeBin, existing: action.existing };
      if (!action.existing) return { ...next, stage: 'running', replace: 'never' };
      if (action.yes) return { ...next, stage: 'running', replace: 'any' };
      return { ...next, stage: action.explicit ? 'ask-overwrite' : 'ask-name' };
    }
    case 'name-taken':
      return { ...state, stage: 'ask-overwrite', profileId: action.existing.id, existing: action.existing };
    case 'use-name':
      return { ...state, profileId: action.profileId, existing: undefined, replace: 'never', stage: 'running' };
    case 'overwrite':
      return { ...state, replace: 'any', stage: 'running' };
    case 'ask-name':
      return { ...state, stage: 'ask-name' };
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

/**
 * The whole setup-token flow behind the screen: where the token goes (asking when the profile
 * id is taken, before claude runs, so a shown-once token is never left without a home), the
 * claude session, and saving the token as a profile that expires in one year.
 */
export function useSetupTokenFlow(options: SetupTokenFlowOptions) {
  const services = useServices();
  const [state, dispatch] = useReducer(setupTokenFlowReducer, {
    stage: 'checking',
    profileId: resolveProfileId('anthropic', options.profileId),
    replace: 'never',
    sessionStarted: false,
  });

  const findExisting = useCallback(
    async (profileId: string): Promise<ExistingProfile | undefined> => {
      const snapshot = await services.loadState();
      const raw = profileAWriteWouldReplace(snapshot, profileId);
      if (!raw) return undefined;
      const view = describeProfile(profileId, raw, {});
      return { id: profileId, type: view.type, ...(view.expiresAt !== undefined ? { expiresAt: view.expiresAt } : {}) };
    },
    [services],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let claudeBin: string | undefined;
      let claudeError: string | undefined;
      try {
        claudeBin = services.findClaude(options.claudeBin);
      } catch (error) {
        claudeError = errorMessage(error);
      }
      const existing = claudeError ? undefined : await findExisting(state.profileId);
      if (!cancelled)
        dispatch({
          type: 'checked',
          existing,
          explicit: options.profileId !== undefined,
          yes: options.yes === true,
          claudeBin,
          claudeError,
        });
    })();
    return () => {
      cancelled = true;
    };
    // Runs once: later name changes go through chooseName.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { claudeBin, sessionStarted } = state;
  const create = useMemo(
    () => (claudeBin && sessionStarted ? () => services.createSetupTokenSession(claudeBin) : undefined),
    [services, claudeBin, sessionStarted],
  );
  const { session, snapshot } = useSetupTokenSession(create);

  const save = useCallback(
    async (token: string) => {
      dispatch({ type: 'saving' });
      try {
        const result = await services.saveCredential({
          profileId: state.profileId,
          provider: 'anthropic',
          kind: 'token',
          secret: token,
          expiresAt: services.now() + SETUP_TOKEN_LIFETIME_MS,
          replace: state.replace,
        });
        dispatch({ type: 'saved', result });
      } catch (error) {
        if (error instanceof ProfileConflictError) {
          dispatch({ type: 'name-taken', existing: { id: error.profileId, type: error.existingType } });
          return;
        }
        dispatch({ type: 'save-failed', error: errorMessage(error) });
      }
    },
    [services, state.profileId, state.replace],
  );

  const token = snapshot?.phase === 'token' && !snapshot.tokenProblem ? snapshot.token : undefined;
  useEffect(() => {
    if (token && state.stage === 'running') void save(token);
  }, [token, state.stage, save]);

  const chooseName = useCallback(
    async (name: string) => {
      const profileId = resolveProfileId('anthropic', name);
      const existing = await findExisting(profileId);
      if (existing) dispatch({ type: 'name-taken', existing });
      else dispatch({ type: 'use-name', profileId });
    },
    [findExisting],
  );

  return {
    state,
    session,
    snapshot,
    chooseName,
    overwrite: () => dispatch({ type: 'overwrite' }),
    askName: () => dispatch({ type: 'ask-name' }),
    retrySave: () => (token ? save(token) : undefined),
  };
}

export type SetupTokenFlow = ReturnType<typeof useSetupTokenFlow>;
export type { SetupTokenSnapshot };
