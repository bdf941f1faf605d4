import { splitSetting } from '../config/config-shape.js';
import { rootKeyProblems } from '../config/root-keys.js';
import { type AgentState, listAgentProfiles } from '../profiles/agent-state.js';
import { flagWord } from '../shell-word.js';
import { awaitingImport, importFix } from './awaiting-import.js';
import type { Finding } from './doctor-types.js';

/** openclaw.json and the store must agree: the config decides which stored profiles are tried. */
export function checkConfigAgreement(state: AgentState): Finding[] {
  const { config } = state.workspace;
  const findings: Finding[] = config.agentProblems.map((problem) => ({
    code: 'agents-config',
    severity: 'error',
    subject: config.path,
    problem,
    why: 'OpenClaw 2026.9 refuses this agent roster: the gateway will not start, and which agent a command acts on is unsettled',
    fix: 'fix agents in the config as the problem says (or `openclaw doctor --fix`)',
  }));
  for (const line of config.shapeProblems) {
    const { setting, problem } = splitSetting(line);
    findings.push({
      code: 'config-invalid',
      severity: 'error',
      subject: setting,
      problem: `${problem} (in ${config.path})`,
      why: 'OpenClaw refuses the whole config, so the gateway does not start; authdeck writes nothing into it either',
      fix: `correct it in ${config.path}, then run \`openclaw config validate\``,
    });
  }
  for (const problem of rootKeyProblems(config, state.generation.openclawVersion))
    findings.push({
      code: 'config-unknown-keys',
      severity: 'error',
      subject: config.path,
      problem,
      why: 'OpenClaw 2026.9 refuses the whole file: the gateway will not start or reload, and every openclaw command stops on it',
      fix: 'take the keys out of the config (OpenClaw names them too: `openclaw config validate`)',
    });
  const rows = new Map(listAgentProfiles(state).map((row) => [row.view.id, row.view]));
  const waiting = new Map(awaitingImport(state).map((profile) => [profile.id, profile]));
  for (const [id, entry] of Object.entries(config.authProfiles)) {
    const stored = rows.get(id);
    const inFile = waiting.get(id);
    if (!stored && inFile) {
      // Its secret is there, in a file the gateway no longer reads: imported, it is in use again.
      findings.push({
        code: 'config-without-secret',
        severity: 'warning',
        subject: id,
        problem: `listed in ${config.path} (auth.profiles) but not in the store: it is in ${inFile.file}, not imported yet`,
        why: 'the gateway skips it until it is imported; while the config lists profiles for a provider, only listed ones are tried',
        fix: importFix(state),
      });
    } else if (!stored) {
      findings.push({
        code: 'config-without-secret',
        severity: 'warning',
        subject: id,
        problem: `listed in ${config.path} (auth.profiles) but not in the store`,
        why: 'the gateway skips it; while the config lists profiles for a provider, only listed ones are tried',
        fix: `add its secret (\`authdeck add-key ${flagWord('--provider', entry.provider)} ${flagWord('--profile-id', id)}\`) or delete auth.profiles["${id}"] from ${config.path}`,
      });
    } else if (entry.mode && entry.mode !== stored.type && !(entry.mode === 'oauth' && stored.type === 'token')) {
      findings.push({
        code: 'mode-mismatch',
        severity: 'error',
        subject: id,
        problem: `${config.path} says mode "${entry.mode}", the store holds a ${stored.type}`,
        why: 'OpenClaw excludes a profile whose configured mode differs from its type (mode_mismatch)',
        fix: `set auth.profiles["${id}"].mode to "${stored.type}" in ${config.path}`,
      });
    }
  }
  return findings;
}
