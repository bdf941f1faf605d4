import { type AgentState, listAgentProfiles } from '../profiles/agent-state.js';

/** A profile in a JSON credential file this OpenClaw no longer reads, and not in its store. */
export interface AwaitingImport {
  id: string;
  provider: string | undefined;
  file: string;
}

/** The profiles only the JSON files hold: the gateway uses them once they are imported. */
export function awaitingImport(state: AgentState): AwaitingImport[] {
  const stored = new Set(listAgentProfiles(state).map((row) => row.view.id));
  return state.legacyFiles.flatMap((file) =>
    file.credentials
      ? (file.profiles ?? [])
          .filter((profile) => !stored.has(profile.id))
          .map((profile) => ({ ...profile, file: file.path }))
      : [],
  );
}

/**
 * How the JSON files get into the SQLite store. While that store does not exist, `openclaw
 * doctor --fix` itself (it creates the database; `authdeck migrate --apply` has nothing to write
 * into and says so).
 */
export function importFix(state: AgentState): string {
  return state.store.migrationLayer.present
    ? '`authdeck migrate` shows what `openclaw doctor --fix` would import; `authdeck migrate --apply` does it'
    : '`openclaw doctor --fix` creates the SQLite store and imports them (`authdeck migrate` shows what it would import)';
}
