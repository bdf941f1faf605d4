import type { AgentState } from '../profiles/agent-state.js';
import { upgradePending } from '../store/upgrade-pending.js';
import { shown } from '../terminal-text.js';
import type { Finding } from './doctor-types.js';

/**
 * A home an older OpenClaw wrote beside a newer `openclaw` on PATH: that one refuses the old
 * config ("Unrecognized key" for keys 2026.5 wrote, such as gateway.tailscale.resetOnExit) until
 * its `doctor --fix` upgrades the home — said, so that "nothing to fix" is not the answer while
 * a gateway restarted on it would not start.
 */
export function checkInstalledOpenclaw(state: AgentState): Finding[] {
  const pending = upgradePending(state.generation, state.workspace.env);
  if (!pending) return [];
  return [
    {
      code: 'openclaw-upgrade-pending',
      severity: 'warning',
      subject: shown(pending.bin),
      problem: `the openclaw on PATH is ${pending.installed}, and this home was last written by OpenClaw ${pending.home} (JSON files)`,
      why: `OpenClaw ${pending.installed} keeps credentials in SQLite and refuses settings of the older config: it will not start on this home until it upgrades it (a gateway still running ${pending.home} is fine until it restarts); authdeck writes for ${pending.home} until then`,
      fix: '`openclaw doctor --fix` (it upgrades the config and imports the JSON credential files), then restart the gateway',
    },
  ];
}
