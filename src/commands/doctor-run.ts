import { applyDoctorFixes } from '../services/actions.js';
import { rereadConfig } from '../services/config/workspace.js';
import type { Finding, SafeFix } from '../services/doctor/doctor-types.js';
import { type DoctorReport, doctorExitCode, runDoctor } from '../services/doctor/run-doctor.js';
import { parseDuration } from '../services/durations.js';
import { readPreferences } from '../services/prefs.js';
import { countOf } from '../services/status/words.js';
import { forTerminal, shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { type Painter, type ReadLine, writeJson, writeWrapped } from './output.js';

export const DOCTOR_SCHEMA = 'authdeck.doctor/1';

/** `authdeck doctor [--fix]`: what keeps the gateway from working, why, and the exact fix. */
export async function runDoctorCommand(ctx: CommandContext, options: { fix: boolean; json: boolean }): Promise<number> {
  const workspace = await ctx.workspaceDespiteConfig();
  const doctorOptions = {
    nowMs: ctx.io.now(),
    warnWithinMs: parseDuration(readPreferences(ctx.io.env).warnWithin),
  };
  let report = await runDoctor(workspace, doctorOptions);
  // With a config that does not parse only the file fixes are found; the gateway reads none of them.
  const context = workspace.configUnreadable ? { workspace, reload: false } : await ctx.actionContext();
  const applied = options.fix ? await applyDoctorFixes(context, report.findings) : undefined;
  const fixed = applied?.fixed ?? [];
  if (fixed.length > 0) {
    // A fix may have changed openclaw.json (a plugin enabled): the check after it reads it again.
    if (!workspace.configUnreadable) workspace.config = await rereadConfig(workspace);
    report = await runDoctor(workspace, doctorOptions);
  }
  const exitCode = doctorExitCode(report);
  if (options.json) {
    writeJson(ctx.io.stdout, {
      schema: DOCTOR_SCHEMA,
      agent: workspace.agentId,
      stateDir: workspace.stateDir,
      exitCode,
      findings: report.findings.map(({ safeFix, ...finding }) => ({ ...finding, fixable: safeFix !== undefined })),
      fixed: fixed.map((entry) => ({
        code: entry.finding.code,
        subject: entry.finding.subject,
        done: entry.done,
        ...(entry.failed ? { failed: true } : {}),
      })),
    });
    return exitCode;
  }
  const out = ctx.io.stdout;
  writeWrapped(out, ctx.paint.dim(`authdeck doctor · agent ${workspace.agentId} · ${workspace.stateDir}`));
  for (const entry of fixed)
    writeWrapped(
      out,
      entry.failed
        ? `${ctx.paint.red('✘')} ${shown(entry.done)}`
        : `${ctx.paint.green('✔')} fixed: ${shown(entry.done)}`,
    );
  for (const finding of report.findings)
    writeWrapped(
      out,
      ...formatFinding(forTerminal({ ...finding, safeFix: undefined }), finding.safeFix, ctx.paint, options.fix),
    );
  writeWrapped(out, summary(report, ctx.paint, fixed.length > 0));
  // After --fix, what is still listed is not for it to do: say so, rather than leave it unexplained.
  if (applied && exitCode !== 0)
    writeWrapped(
      out,
      `--fix ${fixed.length ? 'did what it safely could' : 'changed nothing'}: what is left above is yours to do, as its fix says (--fix installs nothing, chooses nothing for you and removes nothing you may need)`,
    );
  if (applied) ctx.noteGateway(applied);
  return exitCode;
}

const MARK = { error: '✘', warning: '!', info: 'i' } as const;

/** Where the text of a `why:` or `fix:` line starts: its continuation lines go under it. */
const LABEL_HANG = '    why: '.length;

function formatFinding(finding: Finding, safeFix: SafeFix | undefined, paint: Painter, fixRan: boolean): ReadLine[] {
  const color = finding.severity === 'error' ? paint.red : finding.severity === 'warning' ? paint.yellow : paint.dim;
  // The finding's fix is what a person does; this says, once, that --fix does it for them.
  const does = safeFix?.kind === 'refresh-oauth' ? 'refreshes it' : 'does this';
  const auto = safeFix && !fixRan ? paint.dim(` (\`authdeck doctor --fix\` ${does})`) : '';
  return [
    `${color(MARK[finding.severity])} ${paint.bold(finding.subject)}: ${finding.problem}`,
    { text: `    why: ${finding.why}`, hang: LABEL_HANG },
    { text: `    fix: ${finding.fix}${auto}`, hang: LABEL_HANG },
  ];
}

function summary(report: DoctorReport, paint: Painter, fixedSome: boolean): string {
  const count = (severity: Finding['severity']) => report.findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  if (errors + warnings === 0)
    // After fixes were made, "nothing to fix" read as if they had not been needed.
    return paint.green(
      `✔ ${fixedSome ? 'nothing left to fix' : 'nothing to fix'}${count('info') ? ` (${countOf(count('info'), 'note')})` : ''}`,
    );
  return [
    errors ? paint.red(countOf(errors, 'error')) : '',
    warnings ? paint.yellow(countOf(warnings, 'warning')) : '',
    count('info') ? countOf(count('info'), 'note') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
