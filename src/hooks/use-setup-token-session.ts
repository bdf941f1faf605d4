import { useEffect, useState } from 'react';
import type { SetupTokenSessionLike } from '../app-services.js';
import type { SetupTokenSnapshot } from '../services/setup-token/session.js';

/**
 * Starts a `claude setup-token` session when `create` is given and follows its state. The
 * session is disposed (claude and its process group killed) when the screen goes away.
 */
export function useSetupTokenSession(create: (() => SetupTokenSessionLike) | undefined): {
  session: SetupTokenSessionLike | undefined;
  snapshot: SetupTokenSnapshot | undefined;
} {
  const [session, setSession] = useState<SetupTokenSessionLike>();
  const [snapshot, setSnapshot] = useState<SetupTokenSnapshot>();
  useEffect(() => {
    if (!create) return;
    const created = create();
    setSession(created);
    const unsubscribe = created.subscribe(setSnapshot);
    created.start();
    setSnapshot(created.current);
    return () => {
      unsubscribe();
      created.dispose();
    };
  }, [create]);
  return { session, snapshot };
}
