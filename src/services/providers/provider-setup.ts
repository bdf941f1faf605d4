/**
 * The setup behind a bare `add-key` / `paste-token`: which of the provider's auth choices the
 * secret stands for, so the gateway gets what `openclaw onboard` would write for it (README
 * "Providers"). One choice of that kind: its whole setup. Several (regions, plans): only the
 * plugin they share, and the choices to name for the rest. None: nothing (a provider of your own).
 */
import type { SecretKind } from '../profiles/credentials.js';
import { type CatalogChoice, choicesForProvider } from './catalog.js';
import { catalogSetup, type ProviderSetup } from './setup-plan.js';

export interface SecretSetup {
  setup: ProviderSetup;
  /** The choice the secret stands for, when only one fits. */
  choice?: CatalogChoice;
  /** Choices that differ in endpoint or region: the person names one with `onboard --auth-choice`. */
  alternatives: CatalogChoice[];
}

const NONE: SecretSetup = { setup: { plugins: [], providers: {} }, alternatives: [] };

export function setupForSecret(provider: string, kind: SecretKind): SecretSetup {
  const own = choicesForProvider(provider).filter((choice) => choice.scopes.includes('text-inference'));
  if (own.length === 0) return NONE;
  const fitting = own.filter((choice) => choice.credential.kind === kind);
  if (fitting.length === 1) {
    const choice = fitting[0] as CatalogChoice;
    return { setup: catalogSetup(choice), choice, alternatives: [] };
  }
  const candidates = fitting.length > 0 ? fitting : own;
  // The plugin every candidate enables is safe to enable whichever is meant.
  const sets = candidates.map((choice) => new Set(catalogSetup(choice).plugins));
  const shared = [...(sets[0] ?? [])].filter((id) => sets.every((set) => set.has(id)));
  return { setup: { plugins: shared, providers: {} }, alternatives: fitting.length > 1 ? fitting : [] };
}
