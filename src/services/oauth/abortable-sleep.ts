import { CancelledError } from '../errors.js';

/** A wait that ends early (rejecting) when the sign-in is cancelled. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError('sign-in cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('sign-in cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
