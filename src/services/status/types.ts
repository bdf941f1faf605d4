import type { ProbeOutcome } from '../probe/probe-runner.js';
import type { LayerRole } from '../store/agent-store.js';
import type { StoreReport } from '../store/report.js';
import type { HealthStatus } from './health.js';
import type { ProviderUse } from './model-types.js';
import type { OrderSource } from './order.js';

/**
 * The shape of the `status` answer, in a module of its own: the report, its words and its check
 * all use these, and none of them need each other's code to do so.
 */
export type { StoreReport };

export const STATUS_SCHEMA = 'authdeck.status/2';

export interface ProfileReport {
  id: string;
  provider: string;
  type: string;
  status: HealthStatus;
  expiresAt: number | null;
  remainingMs: number | null;
  masked: string | null;
  secretRef: string | null;
  /** `store` or `inherited`: the layer, in the words of status --json schema 1 (kept for scripts). */
  source: 'store' | 'inherited';
  /** local: the agent's own store; shared: the store all agents read (2026.8+); inherited: the main agent's. */
  layer: LayerRole;
  orderPosition: number | null;
  next: boolean;
  /** Why the gateway would not try this profile (null when it would). */
  notTried: string | null;
  usage: 'cooldown' | 'disabled' | null;
  cooldownUntil: number | null;
  disabledUntil: number | null;
  disabledReason: string | null;
  email: string | null;
  displayName: string | null;
}

export interface EnvReport {
  provider: string;
  variable: string;
  type: 'api_key' | 'token';
  masked: string;
  origin: 'process' | 'dotenv';
}

/**
 * What the gateway uses for the provider: its profiles, an env key, the config's
 * `models.providers.<id>.apiKey`, no key at all (`local`: an endpoint on this machine or network,
 * OpenClaw 2026.9+), or nothing.
 */
export type EffectiveSource = 'profiles' | 'env' | 'config' | 'local' | 'missing';

export interface ProviderReport {
  provider: string;
  label: string;
  inUse: boolean;
  /** Live views only (not `--json`): what keeps the gateway from it (its plugin), in a few words. */
  unserved?: string;
  /** The models that put the provider in use (empty when it is not). */
  usedBy: Array<Pick<ProviderUse, 'ref' | 'role'>>;
  effectiveSource: EffectiveSource;
  order: string[];
  orderSource: OrderSource;
  /**
   * The explicit order in force (agent override, main/shared store, or config), or null; a shared
   * order has the agent's own profiles of the provider ahead of it, as the gateway merges them.
   */
  explicitOrder: string[] | null;
  next: string | null;
  /** The variable `models.providers.<id>.apiKey` reads, when it is not set (that key then does not count). */
  configKeyUnset: string | null;
  /** The key the config names is OpenClaw's marker for a server that takes none (`ollama-local`). */
  configKeyMarker: string | null;
  /**
   * Its profiles only a JSON file this SQLite-era gateway no longer reads holds: they work once
   * imported (`openclaw doctor --fix`), so the fix is the import, not another credential.
   */
  awaitingImport: string[];
}

export interface StatusReport {
  schema: typeof STATUS_SCHEMA;
  generatedAt: string;
  agent: { id: string; dir: string; isMain: boolean; from: 'flag' | 'env' | 'config' };
  stateDir: string;
  configPath: string;
  /** Which generation of OpenClaw's store is in force, where its parts are, and why authdeck thinks so. */
  store: StoreReport;
  storePath: string;
  statePath: string | null;
  /** The layer under the agent's own: the main agent's store, or the shared store. */
  mainStorePath: string | null;
  warnWithinMs: number;
  profiles: ProfileReport[];
  env: EnvReport[];
  providers: ProviderReport[];
  missingProviders: string[];
  summary: Record<HealthStatus | 'cooldown' | 'disabled', number>;
  check: CheckResult;
  /** Live probe results (`status --probe`), else null. */
  probes: ProbeOutcome[] | null;
  warnings: string[];
}

/**
 * gateway: what OpenClaw's `models status --check` judges (providers in use, by the profiles
 * the order would try); all: every token and OAuth profile counts too.
 */
export type CheckMode = 'gateway' | 'all';

/** One thing that decided the exit code: which provider, which profile (if one), and why. */
export interface CheckFinding {
  exitCode: 1 | 2;
  provider: string;
  profileId: string | null;
  message: string;
  /**
   * An OAuth sign-in whose refresh token the gateway uses before the access token runs out:
   * OpenClaw's check still counts it as expiring (exit 2), doctor and monitor leave it alone.
   */
  renewsItself?: true;
  /** Every profile the provider's order names waits out a window until then (ms): time, not a new credential, mends it. */
  waitsUntil?: number;
}

export interface CheckResult {
  mode: CheckMode;
  exitCode: 0 | 1 | 2;
  reasons: CheckFinding[];
}
