import type { Screen } from '../../navigation.js';
import {
  findOAuthProvider,
  OAUTH_PROVIDERS,
  type OAuthProviderInfo,
  type SignInMethod,
} from '../../services/oauth/oauth-providers.js';
import { probeEndpoint } from '../../services/probe/probe-endpoints.js';
import type { SecretKind } from '../../services/profiles/credentials.js';
import { type CatalogChoice, findChoice } from '../../services/providers/catalog.js';
import { CLOUDFLARE_CHOICE, CLOUDFLARE_PROVIDER } from '../../services/providers/cloudflare-gateway.js';
import { FOUNDRY_KEY_CHOICE, FOUNDRY_PROVIDER } from '../../services/providers/foundry.js';
import { setupForSecret } from '../../services/providers/provider-setup.js';
import { homeEnvVar, type OnboardingMethod, providerInfo } from '../../services/providers.js';
import type { OnboardAction, OnboardState, OnboardStep } from './onboard-types.js';

export function secretKind(method: OnboardingMethod | undefined): SecretKind {
  return method === 'api-key' ? 'api_key' : 'token';
}

/** The gateway variable an API key can also go to, when the provider has one. */
export function envVariableFor(provider: string, method: OnboardingMethod): string | undefined {
  return method === 'api-key' ? homeEnvVar(providerInfo(provider), 'api_key')?.name : undefined;
}

function go(state: OnboardState, step: OnboardStep, patch: Partial<OnboardState> = {}): OnboardState {
  return { ...state, ...patch, error: undefined, step, history: [...state.history, state.step] };
}

/** The endpoints or plans to choose from for a provider's method (none: only one). */
export function endpointChoices(provider: string | undefined, method: OnboardingMethod | undefined): CatalogChoice[] {
  if (!provider) return [];
  if (method === 'browser' || method === 'device') return signInChoices(provider, method);
  if (method !== 'api-key' && method !== 'paste-token') return [];
  return setupForSecret(provider, secretKind(method)).alternatives;
}

/**
 * A provider signed in to at one of several places with no sign-in of its own name (MiniMax's
 * OAuth: Global or CN, each its own auth choice): which one, asked as an endpoint is.
 */
function signInChoices(provider: string, method: 'browser' | 'device'): CatalogChoice[] {
  // GitHub Copilot and Copilot Enterprise store under one provider: asked which, as MiniMax's regions are.
  const signIns = signInsFor(provider, method);
  const choices = signIns.flatMap((entry) => findChoice(entry.id) ?? []);
  return choices.length > 1 && choices.length === signIns.length ? choices : [];
}

/** The sign-ins that save under this provider by this method: its own first. */
function signInsFor(provider: string, method: SignInMethod): OAuthProviderInfo[] {
  const own = findOAuthProvider(provider);
  const stored = OAUTH_PROVIDERS.filter(
    (entry) => entry !== own && entry.storeProvider === provider && entry.methods.includes(method),
  );
  return own?.methods.includes(method) ? [own, ...stored] : stored;
}

/** The step after the method: Cloudflare's ids, Foundry's deployment, or which endpoint (where there are several), then the secret. */
function afterMethod(state: OnboardState): OnboardStep {
  if (state.provider === CLOUDFLARE_PROVIDER && state.method === 'api-key' && !state.cloudflare)
    return 'cloudflare-ids';
  if (state.provider === FOUNDRY_PROVIDER && state.method === 'api-key' && !state.foundry) return 'foundry';
  return endpointChoices(state.provider, state.method).length > 0 && !state.authChoice ? 'auth-choice' : 'secret';
}

/** The step after choosing a provider: its method, unless one was given. */
function afterProvider(state: OnboardState): OnboardStep {
  if (state.method === 'local-server') return 'local';
  return state.method ? afterMethod(state) : 'method';
}

/** The wizard's steps as a reducer; nothing is written until the `saving` step. */
export function onboardReducer(state: OnboardState, action: OnboardAction): OnboardState {
  switch (action.type) {
    case 'continue':
      return go(state, state.provider ? afterProvider(state) : 'provider');
    case 'provider':
      return go(state, afterProvider({ ...state, provider: action.provider }), { provider: action.provider });
    case 'custom-provider':
      return go(state, 'custom-provider');
    case 'custom-endpoint':
      return go(state, 'custom-endpoint');
    case 'method':
      if (action.method === 'local-server') return go(state, 'local', { method: action.method });
      return go(state, afterMethod({ ...state, method: action.method }), {
        method: action.method,
        envVariable: state.provider ? envVariableFor(state.provider, action.method) : undefined,
      });
    case 'auth-choice':
      return go(state, 'secret', { authChoice: action.authChoice });
    case 'cloudflare-ids':
      return go(state, 'secret', { cloudflare: action.ids, authChoice: CLOUDFLARE_CHOICE });
    case 'foundry':
      return go(state, 'secret', { foundry: action.answers, authChoice: FOUNDRY_KEY_CHOICE });
    case 'secret':
      return go(state, 'profile-id', { secret: action.secret });
    case 'pasted-secret': {
      const chosen = onboardReducer(onboardReducer(state, { type: 'provider', provider: action.provider }), {
        type: 'method',
        method: action.method,
      });
      return { ...chosen, secret: action.secret };
    }
    case 'profile-typed':
      return { ...state, typedProfileId: action.profileId };
    case 'profile-id':
      if (action.existingType)
        return go(state, 'overwrite', { profileId: action.profileId, existingType: action.existingType });
      return go(state, nextAfterProfile(state), {
        profileId: action.profileId,
        replace: 'never',
        existingType: undefined,
      });
    case 'overwrite':
      return go(state, nextAfterProfile(state), { replace: 'same-type' });
    case 'env':
      return go(state, 'saving', { writeEnv: action.writeEnv });
    case 'saved':
      return {
        ...state,
        step: canVerify(state) ? 'verify' : 'summary',
        history: [],
        result: action.result,
        probe: undefined,
        wrote: true,
      };
    case 'verified':
      return state.step === 'verify'
        ? { ...state, step: 'summary', ...(action.probe ? { probe: action.probe } : {}) }
        : state;
    case 'model-notes':
      return state.result ? { ...state, result: { ...state.result, modelNotes: action.notes } } : state;
    case 'add-another':
      // Only a summary offers it, so something was written: a custom endpoint, a local server or
      // the Copilot Proxy counts too (their steps write without a 'saved'), and Esc there is done.
      return { ...initialOnboardState(), step: 'provider', wrote: true };
    case 'save-failed':
      return { ...state, error: action.error };
    case 'back': {
      const previous = state.history[state.history.length - 1];
      if (!previous) return state;
      // Back at a question, its answer is open again: the header must not still show it. A
      // secret stays for its own step (Esc from the profile name), not for another provider or method.
      const reopened: Partial<OnboardState> =
        previous === 'provider' || previous === 'custom-provider'
          ? {
              provider: undefined,
              method: undefined,
              envVariable: undefined,
              authChoice: undefined,
              cloudflare: undefined,
              foundry: undefined,
              secret: undefined,
            }
          : previous === 'method'
            ? {
                method: undefined,
                lastMethod: state.method,
                envVariable: undefined,
                authChoice: undefined,
                cloudflare: undefined,
                foundry: undefined,
                secret: undefined,
              }
            : previous === 'auth-choice'
              ? { authChoice: undefined, lastAuthChoice: state.authChoice, secret: undefined }
              : {};
      return { ...state, ...reopened, step: previous, history: state.history.slice(0, -1), error: undefined };
    }
  }
}

/** An API key of a provider with a free read-only check gets one before the summary. */
function canVerify(state: OnboardState): boolean {
  return state.method === 'api-key' && state.provider !== undefined && probeEndpoint(state.provider, {}) !== undefined;
}

function nextAfterProfile(state: OnboardState): OnboardStep {
  const variable = state.provider && state.method ? envVariableFor(state.provider, state.method) : undefined;
  return variable ? 'env' : 'saving';
}

export function initialOnboardState(
  provider?: string,
  method?: OnboardingMethod,
  resumeAt?: 'method' | 'auth-choice',
  providerGiven = false,
): OnboardState {
  // Back from the setup-token or a sign-in screen: at the question it came from again, and Esc
  // still leads back one step at a time as before it — to the provider list and the welcome,
  // unless `--provider` skipped them (then Esc at the method leaves, as it did).
  const asked: OnboardStep[] = providerGiven ? [] : ['welcome', 'provider'];
  const state: OnboardState = {
    step: resumeAt ?? 'welcome',
    history: resumeAt === 'auth-choice' ? [...asked, 'method'] : resumeAt ? asked : [],
    ...(provider ? { provider } : {}),
    ...(method ? { method } : {}),
    ...(provider && method ? { envVariable: envVariableFor(provider, method) } : {}),
    replace: 'never',
    writeEnv: false,
    wrote: false,
  };
  // `--provider` (and `--method`) answered the first questions: the wizard opens on the next
  // one, so a secret pasted at once lands in its field instead of on the welcome text; `--method`
  // alone opens on the providers that offer it.
  if (resumeAt || (!provider && !method)) return state;
  return { ...state, step: provider ? afterProvider(state) : 'provider' };
}

/** The screen that takes over the secret step for a method with its own (setup-token, a sign-in). */
export function handOverScreen(at: OnboardState, home = false): Screen | undefined {
  // Esc there comes back to the method question; done there, on to the dashboard as the wizard would.
  const backTo = {
    name: 'onboard',
    ...(at.provider ? { provider: at.provider } : {}),
    resumeAt: 'method',
    ...(at.method ? { lastMethod: at.method } : {}),
    ...(at.history.includes('provider') ? {} : { providerGiven: true }),
    ...(home ? { home } : {}),
  } as const;
  if (at.method === 'setup-token') return { name: 'setup-token', backTo };
  if ((at.method === 'browser' || at.method === 'device') && at.provider) {
    // The sign-in chosen where the provider has several (endpointChoices), else the provider's own;
    // back from it, that question again.
    const chosen = at.authChoice && findOAuthProvider(at.authChoice) ? at.authChoice : undefined;
    const back = chosen ? { ...backTo, method: at.method, resumeAt: 'auth-choice' as const } : backTo;
    // OpenRouter's sign-in is openrouter-oauth: the sign-in's id, not the provider it saves under.
    const own = findOAuthProvider(at.provider) ? at.provider : signInsFor(at.provider, at.method)[0]?.id;
    const signInId = chosen ?? own ?? at.provider;
    return { name: 'sign-in', provider: signInId, method: at.method, backTo: back };
  }
  return undefined;
}
