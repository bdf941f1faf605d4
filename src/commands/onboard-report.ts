import type { GatewayOutcome } from '../services/actions.js';
import { rewrittenLines } from '../services/config/config-changes.js';
import { formatExpiryDate, formatRelative } from '../services/durations.js';
import { findOnPath } from '../services/find-program.js';
import { describeRef, type SecretRef } from '../services/profiles/credential-view.js';
import { maskSecret } from '../services/profiles/credentials.js';
import { sameSecretNote, savedVerb } from '../services/profiles/save-words.js';
import { endpointWarning } from '../services/providers/catalog.js';
import { imageDefaultSet, type OnboardedChoice, type WrittenSetup } from '../services/providers/onboard-choice.js';
import {
  INSTALL_TIMEOUT_MS,
  installPlugin,
  needWords,
  type PluginNeed,
  pluginInstalledWords,
} from '../services/providers/plugin-install.js';
import { type DefaultModelOutcome, modelRefWords } from '../services/providers/setup-plan.js';
import { forTerminal, shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { writeJson, writeWrapped } from './output.js';
import { promptConfirm } from './secret-input.js';

export interface OnboardReport {
  done: OnboardedChoice & GatewayOutcome;
  secret?: string;
  kind: string;
  now: number;
  /** The external plugin the choice needed: still missing, or installed by this run. */
  plugin?: PluginOutcome;
  /** What went wrong after the save (the save stands): one line each. */
  warnings?: string[];
  /** Stored instead of the secret (`--secret-input-mode ref`). */
  ref?: SecretRef;
}

/** An external plugin onboarding needed: `installed` by this run, or still missing (`problem`: why). */
export interface PluginOutcome {
  need: PluginNeed;
  installed: boolean;
  problem?: string;
}

/** The default model's line for people; flags to change it named where it was kept. */
export function describeDefaultModel(outcome: DefaultModelOutcome): string | undefined {
  if (outcome.status === 'none') return undefined;
  const ref = modelRefWords(outcome.ref);
  switch (outcome.status) {
    case 'set':
      return `default model: ${ref}${outcome.previous ? ` (was ${modelRefWords(outcome.previous)})` : ''}`;
    case 'already':
      return `default model: ${ref} (already)`;
    case 'same-provider':
      return `default model: ${modelRefWords(outcome.current)} kept (same provider; --set-default-model makes it ${ref})`;
    case 'kept':
      return `default model: ${modelRefWords(outcome.current)} kept; --set-default-model makes it ${ref}`;
    case 'skipped':
      return `default model: not set (--keep-default-model); ${ref} is this choice's`;
  }
}

export function defaultModelJson(outcome: DefaultModelOutcome) {
  return {
    status: outcome.status,
    ref: 'ref' in outcome ? outcome.ref : null,
    current: 'current' in outcome ? outcome.current : 'previous' in outcome ? (outcome.previous ?? null) : null,
  };
}

/** `--json` and the lines for people after an auth choice was set up (README "Providers"). */
export function reportOnboarded(ctx: CommandContext, report: OnboardReport, json: boolean): void {
  const { done, secret, now, plugin } = report;
  const first = done.saved[0];
  if (json) {
    writeJson(ctx.io.stdout, {
      ok: !plugin || plugin.installed,
      authChoice: done.choice.id,
      provider: done.provider,
      profiles: done.saved.map((saved) => ({
        profileId: saved.profileId,
        type: report.kind,
        masked: secret && !report.ref ? maskSecret(secret) : null,
        ...(report.ref ? { secretRef: describeRef(report.ref) } : {}),
        storePath: saved.storePath,
        layer: saved.layer,
        replaced: saved.replaced,
        expiresAt: saved.expiresAt ?? null,
      })),
      configPath: done.config.path,
      configChanged: done.config.changed || done.saved.some((saved) => saved.config.changed),
      ...setupJson(done, plugin),
      gateway: done.gateway.status,
      warnings: [endpointWarning(done.choice, servesPlugins(done)), ...(report.warnings ?? [])].filter(
        (line) => line !== undefined,
      ),
    });
    return;
  }
  const out = ctx.io.stdout;
  const { paint } = ctx;
  // A local server or a custom endpoint stores no profile: its provider block is what was set up.
  if (done.saved.length === 0)
    writeWrapped(out, `${paint.green('✔')} ${shown(done.choice.label)} set up for the gateway`);
  for (const raw of done.saved) {
    // Ids, refs and paths come from arguments and files: shown as text, never as terminal codes.
    const saved = forTerminal(raw);
    const where = saved.layer === 'shared' ? `${saved.storePath} (shared store)` : saved.storePath;
    const masked = report.ref ? `, ref ${describeRef(report.ref)}` : secret ? ` ${maskSecret(secret)}` : '';
    writeWrapped(
      out,
      `${paint.green('✔')} ${savedVerb(saved)} ${paint.bold(saved.profileId)} (${report.kind}${masked}) in ${where}`,
    );
    if (saved.expiresAt !== undefined) {
      const assumed = saved.expiryAssumed
        ? ' (assumed: setup-tokens last one year; pass --token-expires-in to change)'
        : '';
      writeWrapped(
        out,
        `  expires ${formatExpiryDate(saved.expiresAt, now)}, ${formatRelative(saved.expiresAt, now)}${assumed}`,
      );
    }
    for (const path of saved.orderAppendedIn)
      writeWrapped(
        out,
        `  added to the end of the ${shown(done.provider)} order in ${path}, so the gateway tries it after the others`,
      );
    if (saved.orderNote) ctx.note(paint.yellow(`warning: ${saved.orderNote}`));
    // The choice's own other profiles hold the same secret on purpose.
    const twins = (saved.sameSecretAs ?? []).filter((id) => !done.saved.some((other) => other.profileId === id));
    if (twins.length > 0) ctx.note(paint.yellow(`warning: ${shown(sameSecretNote(twins, saved.profileId))}`));
  }
  for (const rewritten of rewrittenLines([first?.config, done.config]))
    writeWrapped(out, paint.yellow(`  ${rewritten}`));
  const line = setupLine(done);
  if (line) writeWrapped(out, line);
  else if (first?.config.changed)
    writeWrapped(out, `  ${first.config.created ? 'created' : 'recorded in'} ${first.config.path}`);
  const endpoint = endpointWarning(done.choice, servesPlugins(done));
  if (endpoint) ctx.note(ctx.paint.yellow(`warning: ${endpoint}`));
  for (const warning of report.warnings ?? []) ctx.note(ctx.paint.yellow(`warning: ${shown(warning)}`));
  if (plugin?.installed) notePluginInstalled(ctx, plugin.need);
  else if (plugin) notePlugin(ctx, done.provider, plugin.need, plugin.problem);
  ctx.noteGateway(done);
}

/** `  in <config>: enabled …; wrote models.providers.…; default model: …`, or undefined when nothing was. */
export function setupLine(done: WrittenSetup): string | undefined {
  const lines: string[] = [];
  if (done.enabled.length > 0)
    lines.push(`enabled the ${done.enabled.join(', ')} plugin${done.enabled.length > 1 ? 's' : ''}`);
  const providers = Object.keys(done.setup.providers);
  if (providers.length > 0 && done.config.applied.some((change) => change.path[1] === 'providers'))
    lines.push(`wrote models.providers.${providers.join(', models.providers.')}`);
  const model = describeDefaultModel(done.defaultModel);
  if (model) lines.push(model);
  const image = imageDefaultSet(done);
  if (image) lines.push(`image default model: ${image}`);
  return lines.length > 0 ? shown(`  in ${done.config.path}: ${lines.join('; ')}`) : undefined;
}

export function notePlugin(ctx: CommandContext, provider: string, plugin: PluginNeed, problem?: string): void {
  ctx.note(
    ctx.paint.yellow(
      problem
        ? `warning: ${needWords(plugin, provider)}; it could not be installed now (${problem}), the credential is kept — run it again later:`
        : `warning: ${needWords(plugin, provider)} (${plugin.reason}):`,
    ),
    `  ${plugin.installCommand}`,
  );
}

function notePluginInstalled(ctx: CommandContext, plugin: PluginNeed): void {
  ctx.note(`${ctx.paint.green('✔')} ${pluginInstalledWords(plugin.id)}`);
}

const INSTALL_WAIT = `  this can take minutes offline (at most ${Math.round(INSTALL_TIMEOUT_MS / 60_000)}); Ctrl+C stops it and keeps the credential`;

/**
 * Onboarding installs the external plugin its choice needs, as `openclaw onboard` does (through
 * `openclaw plugins install`, for the same state dir); `skip` (`--skip-plugin-install`) or no
 * `openclaw` to run leaves it to the person. Runs before the report, so `--json` tells the outcome.
 */
export async function installForOnboarding(
  ctx: CommandContext,
  where: Parameters<typeof installPlugin>[0],
  need: PluginNeed | undefined,
  options: { skip: boolean; json: boolean },
): Promise<PluginOutcome | undefined> {
  if (!need) return undefined;
  if (options.skip) return { need, installed: false };
  if (!findOnPath('openclaw', where.env.PATH)) return { need, installed: false, problem: 'openclaw is not on PATH' };
  if (!options.json)
    ctx.note(ctx.paint.dim(`installing the ${need.id} plugin: ${need.installCommand} (from npm or ClawHub)…`));
  // Offline, npm retries for minutes: the wait is said, and how to leave it without losing anything.
  if (!options.json) ctx.note(ctx.paint.dim(INSTALL_WAIT));
  const problem = await installPlugin(where, need.source);
  return problem ? { need, installed: false, problem } : { need, installed: true };
}

/**
 * In a terminal, offers to run the install OpenClaw's onboarding would run; offline or failing,
 * one line says why and the credential stays. Returns what the gateway still lacks.
 */
export async function offerPluginInstall(
  ctx: CommandContext,
  where: Parameters<typeof installPlugin>[0],
  plugin: PluginNeed | undefined,
): Promise<PluginNeed | undefined> {
  if (!plugin || !ctx.interactive || !findOnPath('openclaw', where.env.PATH)) return plugin;
  if (!(await promptConfirm(`Run \`${plugin.installCommand}\` now?`, ctx.io.stdin, ctx.io.stderr))) return plugin;
  ctx.note(ctx.paint.dim('installing (OpenClaw fetches it from npm or ClawHub)…'));
  ctx.note(ctx.paint.dim(INSTALL_WAIT));
  const problem = await installPlugin(where, plugin.source);
  if (problem) {
    ctx.note(
      ctx.paint.yellow(
        `could not install the ${plugin.id} plugin: ${problem}; the credential is kept — run the command again later`,
      ),
    );
    return plugin;
  }
  notePluginInstalled(ctx, plugin);
  return undefined;
}

/** The `--json` keys of a setup written beside a credential. */
export function setupJson(done: WrittenSetup, plugin: PluginOutcome | undefined) {
  return {
    pluginsEnabled: done.enabled,
    providersWritten: Object.keys(done.setup.providers),
    defaultModel: defaultModelJson(done.defaultModel),
    imageDefaultModel: imageDefaultSet(done) ?? null,
    plugin: plugin
      ? {
          id: plugin.need.id,
          installed: plugin.installed,
          installCommand: plugin.need.installCommand,
          reason: plugin.installed ? null : (plugin.problem ?? plugin.need.reason),
        }
      : null,
  };
}

/** Whether the home the choice was written to runs OpenClaw 2026.8+ (its store says; none saved: assumed). */
function servesPlugins(done: OnboardedChoice): boolean {
  return done.saved[0]?.store.pluginsServeProviders ?? true;
}
