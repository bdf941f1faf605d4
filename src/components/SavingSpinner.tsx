import type { AgentStore } from '../services/store/agent-store.js';
import { Spinner } from './Spinner.js';

/** "Saving…", and why it may take a while when OpenClaw has to create the store first. */
export function SavingSpinner({ store, what }: { store: AgentStore | undefined; what?: string }) {
  const saving = what ? `Saving ${what}…` : 'Saving…';
  return (
    <Spinner
      label={
        store?.saveRunsOpenclaw
          ? `${saving} the store does not exist yet, so OpenClaw creates it (this runs OpenClaw: up to a minute)`
          : saving
      }
    />
  );
}
