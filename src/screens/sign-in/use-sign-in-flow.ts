import { useEffect, useRef, useState } from 'react';
import type { SignInResult } from '../../app-services.js';
import { useServices } from '../../contexts.js';
import { errorMessage } from '../../services/errors.js';
import type { SignInMethod } from '../../services/oauth/oauth-providers.js';
import type { SignInPrompt, SignInQuestion } from '../../services/oauth/sign-in-types.js';

export type SignInFlowState =
  | { stage: 'waiting'; prompt?: SignInPrompt }
  /** A value the sign-in needs and the environment does not give (Chutes' client id, an Enterprise host). */
  | { stage: 'asking'; question: SignInQuestion }
  | { stage: 'exchanging' }
  | { stage: 'saved'; result: SignInResult }
  | { stage: 'failed'; error: string };

/**
 * One sign-in, started when the screen opens (it is the outside world this screen syncs with)
 * and cancelled when it closes; `retry` starts another. A pasted redirect is checked here, so a
 * wrong paste says why and the browser's own redirect can still arrive.
 */
export function useSignInFlow(provider: string, method: SignInMethod) {
  const services = useServices();
  const [state, setState] = useState<SignInFlowState>({ stage: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  const [pasteProblem, setPasteProblem] = useState<string>();
  const paste = useRef<(text: string) => void>(undefined);
  const answer = useRef<(text: string) => void>(undefined);
  const controller = useRef<AbortController>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (retry) starts a new sign-in.
  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    const pastedRedirect = new Promise<string>((resolve) => {
      paste.current = resolve;
    });
    setState({ stage: 'waiting' });
    services
      .signIn({
        provider,
        method,
        signal: abort.signal,
        ...(method === 'browser' ? { pastedRedirect } : {}),
        ask: (question) =>
          new Promise<string>((resolve, reject) => {
            answer.current = (text) => {
              answer.current = undefined;
              setState({ stage: 'waiting' });
              resolve(text);
            };
            abort.signal.addEventListener('abort', () => reject(new Error('sign-in cancelled')), { once: true });
            if (!abort.signal.aborted) setState({ stage: 'asking', question });
          }),
        onPrompt: (prompt) => {
          if (abort.signal.aborted) return;
          setState(prompt.kind === 'exchanging' ? { stage: 'exchanging' } : { stage: 'waiting', prompt });
        },
      })
      .then(
        (result) => {
          if (!abort.signal.aborted) setState({ stage: 'saved', result });
        },
        (error: unknown) => {
          if (!abort.signal.aborted) setState({ stage: 'failed', error: errorMessage(error) });
        },
      );
    return () => abort.abort();
  }, [services, provider, method, attempt]);
  return {
    state,
    pasteProblem,
    /** The pasted address, used or refused: the reason it was refused, or undefined. */
    submitPaste(text: string): string | undefined {
      const problem =
        state.stage === 'waiting' && state.prompt?.kind === 'link'
          ? state.prompt.checkPaste(text)
          : 'the sign-in link is not ready yet';
      setPasteProblem(problem);
      if (!problem) paste.current?.(text);
      return problem;
    },
    /** The answer to the question asked; an empty one is not sent (the field stays). */
    submitAnswer(text: string) {
      if (text.trim() !== '') answer.current?.(text.trim());
    },
    cancel: () => controller.current?.abort(),
    retry: () => setAttempt((count) => count + 1),
  };
}
