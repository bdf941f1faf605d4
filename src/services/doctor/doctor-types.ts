/** error: the gateway fails or loses a credential; warning: it will, or is exposed; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** A fix `doctor --fix` may apply on its own: none of them loses a credential. */
export type SafeFix =
  | { kind: 'chmod'; path: string; mode: number }
  | { kind: 'stale-lock'; lockedFile: string }
  | { kind: 'temp-file'; path: string; lockedFile: string }
  | { kind: 'dangling-order'; layer: 'own' | 'base'; provider: string; keep: string[] }
  /** Orders OpenClaw does not read written again, with the empty store row OpenClaw's save writes beside them. */
  | { kind: 'unread-order'; layer: 'own' | 'base'; orders: Record<string, string[]> }
  /** An OAuth sign-in renewed with its refresh token, under the gateway's refresh lock. */
  | { kind: 'refresh-oauth'; profileId: string }
  /** plugins.entries.<id>.enabled = true in openclaw.json (the plugin is bundled or installed). */
  | { kind: 'enable-plugin'; pluginId: string };

export interface Finding {
  /** Stable kebab-case name of the check, for scripts (`--json`). */
  code: string;
  severity: Severity;
  /** The file, profile or provider it is about. */
  subject: string;
  problem: string;
  /** Why it matters to the gateway. */
  why: string;
  /**
   * The exact fix: a command, or what to change where. It never names `doctor --fix`: whoever
   * shows a finding with a safeFix says how it applies there (the CLI's `--fix`, the dashboard's `f`).
   */
  fix: string;
  safeFix?: SafeFix;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
