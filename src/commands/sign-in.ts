import { createInterface } from 'node:readline';
import { takeInterrupts } from '../interrupts.js';
import { type SignInSetup, signIn, writeSignInFacts } from '../services/actions.js';
import { describeExpiry } from '../services/durations.js';
import { CancelledError, UsageError } from '../services/errors.js';
import { anthropicCliSignIn as signInLocally } from '../services/oauth/anthropic-cli-sign-in.js';
import { readAgentModels } from '../services/oauth/config-facts.js';
import { findOAuthProvider, type SignInMethod } from '../services/oauth/oauth-providers.js';
import { hasDisplay } from '../services/oauth/open-browser.js';
import type { SignedIn, SignInPrompt, SignInQuestion } from '../services/oauth/sign-in-types.js';
import { pluginGap, refuseBlockedPlugin } from '../services/providers/plugin-state.js';
import type { DefaultModelPolicy } from '../services/providers/setup-plan.js';
import type { AgentStore } from '../services/store/agent-store.js';
import { shown } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { defaultModelJson, describeDefaultModel, notePlugin } from './onboard-report.js';
import { writeJson, writeLine } from './output.js';

export interface SignInCommandOptions {
  provider: string;
  method: SignInMethod | undefined;
  profileId?: string;
  openBrowser: boolean;
  json: boolean;
  /** The default model a sign-in's onboarding sets: `auto` keeps one of another provider. */
  defaultModel?: DefaultModelPolicy;
}

/**
 * `authdeck login --provider P --method browser|device`: the sign-in in the terminal. Prompts
 * go to stderr (stdout is the answer, JSON with --json); the link is opened in a browser only
 * where there is a display; a browser elsewhere can still finish by pasting its final address.
 */
export async function runSignIn(ctx: CommandContext, options: SignInCommandOptions): Promise<number> {
  const info = findOAuthProvider(options.provider);
  await ctx.stateForWrite();
  if (info?.kind === 'none') return runLocalLoginCheck(ctx, options);
  const controller = new AbortController();
  const releaseInterrupts = takeInterrupts(() => controller.abort());
  // One reader of the terminal: a line answers a question when one is asked, else it is a paste.
  const lines = ctx.io.stdin.isTTY ? createInterface({ input: ctx.io.stdin, terminal: false }) : undefined;
  let answer: ((line: string) => void) | undefined;
  // Each line is checked as it comes (against the link shown): a wrong paste says why, and the next one is read.
  let checkPaste: (text: string) => string | undefined = () => 'the sign-in link is not ready yet';
  const pastedRedirect =
    options.method !== 'device' && lines
      ? new Promise<string>((resolve) => {
          lines.on('line', (line) => {
            // Esc, then Enter (the terminal shows ^[): the person means to stop, as in the screens.
            if (/^(\x1b)+$/.test(line.trim())) {
              controller.abort();
              return;
            }
            if (answer || line.trim() === '') return;
            const problem = checkPaste(line);
            if (problem) ctx.note(ctx.paint.red(`${problem}; paste it again, or wait for the browser`));
            else resolve(line);
          });
        })
      : undefined;
  lines?.on('line', (line) => {
    const waiting = answer;
    answer = undefined;
    waiting?.(line);
  });
  const ask = lines
    ? (question: SignInQuestion) => {
        ctx.note(`${question.message}${question.placeholder ? ` (like ${question.placeholder})` : ''}:`);
        return new Promise<string>((resolve) => {
          answer = resolve;
        });
      }
    : undefined;
  try {
    const { signedIn, saved, setup } = await signIn(
      await ctx.actionContext(),
      {
        provider: options.provider,
        method: options.method ?? defaultMethod(ctx, options.provider, options.openBrowser),
        ...(options.profileId ? { profileName: options.profileId } : {}),
        openBrowser: options.openBrowser,
      },
      {
        env: ctx.io.env,
        signal: controller.signal,
        ...(ctx.io.sleep ? { sleep: ctx.io.sleep } : {}),
        ...(pastedRedirect ? { pastedRedirect } : {}),
        ...(ask ? { ask } : {}),
        onPrompt: (prompt) => {
          if (prompt.kind === 'link') checkPaste = prompt.checkPaste;
          showPrompt(ctx, prompt, info?.label ?? options.provider);
        },
      },
      options.defaultModel ?? 'auto',
    );
    if (options.json) {
      writeJson(ctx.io.stdout, {
        ok: true,
        profileId: saved.profileId,
        type: signedIn.kind,
        storePath: saved.storePath,
        layer: saved.layer,
        replaced: saved.replaced,
        expiresAt: saved.expiresAt ?? null,
        email: signedIn.fields.email ?? null,
        configPath: saved.config.path,
        gateway: saved.gateway.status,
        configChanged: setup.config?.changed ?? false,
        pluginsEnabled: setup.enabled,
        defaultModel: defaultModelJson(setup.defaultModel),
        notes: signedIn.notes ?? [],
      });
    } else {
      const expiry =
        saved.expiresAt !== undefined
          ? `; access ${describeExpiry(saved.expiresAt, ctx.io.now())}, the gateway renews it`
          : '';
      writeLine(
        ctx.io.stdout,
        `${ctx.paint.green('✔')} Signed in: ${saved.replaced ? 'replaced' : 'saved'} ${ctx.paint.bold(saved.profileId)} (${signedIn.kind}${expiry}) in ${saved.storePath}`,
      );
      showSetup(ctx, setup);
      await noteMissingPlugin(ctx, saved.store, saved.profileId.slice(0, saved.profileId.indexOf(':')));
      ctx.noteGateway(saved);
      showNotes(ctx, signedIn);
    }
    return 0;
  } catch (error) {
    if (controller.signal.aborted) throw new CancelledError('sign-in cancelled');
    throw error;
  } finally {
    releaseInterrupts();
    lines?.close();
  }
}

/**
 * A local CLI's own login (the Claude CLI): checked, nothing stored; what OpenClaw's onboarding
 * writes to openclaw.json for it is written, and shown.
 */
async function runLocalLoginCheck(ctx: CommandContext, options: SignInCommandOptions): Promise<number> {
  const state = await ctx.stateForWrite();
  // The Claude CLI's login is used through the anthropic plugin: refused where the config blocks it.
  refuseBlockedPlugin(state.store, 'anthropic');
  const signedIn = await signInLocally({
    env: ctx.io.env,
    onPrompt: () => {},
    currentModels: await readAgentModels(state.workspace.configPath, state.workspace.agentId),
  });
  const setup = await writeSignInFacts(
    state.workspace,
    signedIn.config ?? [],
    'anthropic',
    options.defaultModel ?? 'auto',
    state.store.pluginsServeProviders,
  );
  if (options.json) {
    writeJson(ctx.io.stdout, {
      ok: true,
      type: 'none',
      email: signedIn.fields.email ?? null,
      configChanged: setup.config?.changed ?? false,
      pluginsEnabled: setup.enabled,
      defaultModel: defaultModelJson(setup.defaultModel),
    });
    return 0;
  }
  const who = signedIn.fields.email ? ` as ${ctx.paint.bold(shown(signedIn.fields.email))}` : '';
  writeLine(
    ctx.io.stdout,
    `${ctx.paint.green('✔')} The Claude CLI is signed in${who}; it keeps its own login, so no credential is stored`,
  );
  showSetup(ctx, setup);
  showNotes(ctx, signedIn);
  return 0;
}

/** A plugin the gateway still lacks to use the sign-in (OpenAI's Codex runtime, on 2026.9), and its install command. */
async function noteMissingPlugin(ctx: CommandContext, store: AgentStore, provider: string): Promise<void> {
  if (!store.pluginsServeProviders) return;
  const { providerPlugin } = await import('../services/providers/catalog.js');
  const { need, blocked } = await pluginGap(providerPlugin(provider), provider, store.workspace);
  if (need) notePlugin(ctx, provider, need);
  if (blocked) ctx.note(ctx.paint.yellow(`warning: ${blocked}`));
}

/** What the provider asked to pass on (server text). */
function showNotes(ctx: CommandContext, signedIn: SignedIn): void {
  for (const note of signedIn.notes ?? []) ctx.note(ctx.paint.dim(shown(note, 500)));
}

/** What OpenClaw's onboarding writes to openclaw.json besides the profile, as written. */
function showSetup(ctx: CommandContext, setup: SignInSetup): void {
  if (!setup.config) return;
  const lines: string[] = [];
  if (setup.enabled.length > 0) lines.push(`enabled the ${setup.enabled.join(', ')} plugin`);
  const model = describeDefaultModel(setup.defaultModel);
  if (model) lines.push(model);
  const other = setup.config.applied.filter((change) => change.path[0] !== 'plugins' && change.path[1] !== 'model');
  if (other.length > 0) lines.push(`set ${other.map((change) => change.path.join('.')).join(', ')}`);
  if (lines.length > 0) writeLine(ctx.io.stdout, `  in ${setup.config.path}: ${shown(lines.join('; '), 600)}`);
}

/**
 * Browser by default, as OpenClaw does; but with no terminal to paste into and no display for a
 * browser (a script over SSH), only a device code can finish — where the sign-in has one (else
 * its own way, which says what it needs).
 */
function defaultMethod(ctx: CommandContext, provider: string, openBrowser: boolean): SignInMethod | undefined {
  if (ctx.io.stdin.isTTY || hasDisplay(ctx.io.env)) return undefined;
  const entry = findOAuthProvider(provider);
  if (entry?.methods.includes('device')) return 'device';
  // A browser that cannot open here: the link is printed only when asked (--no-browser, for a
  // browser elsewhere that reaches this machine's loopback port, as over `ssh -L`).
  if (openBrowser && entry?.methods.every((method) => method === 'browser'))
    throw new UsageError(
      `${entry.label} signs in only in a browser, and none can open here (no terminal, no display): run \`authdeck login --provider ${provider}\` in a terminal, or add --no-browser to print the link for a browser that reaches this machine (ssh -L)`,
    );
  return undefined;
}

function showPrompt(ctx: CommandContext, prompt: SignInPrompt, label: string): void {
  const { paint } = ctx;
  if (prompt.kind === 'link') {
    if (prompt.portProblem) ctx.note(paint.yellow(prompt.portProblem));
    ctx.note(`Open this link to sign in to ${label}:`, '', `  ${paint.cyan(prompt.url)}`, '');
    if (prompt.opened) ctx.note(paint.dim('(opened in your browser)'));
    if (ctx.io.stdin.isTTY)
      ctx.note(
        paint.dim(
          'Waiting for the browser. If it runs on another machine, paste the address it ends on here and press Enter.',
        ),
      );
  } else if (prompt.kind === 'device') {
    const minutes = Math.max(1, Math.round((prompt.expiresAt - ctx.io.now()) / 60_000));
    ctx.note(
      `Sign in to ${label}: open ${paint.cyan(prompt.verificationUriComplete ?? prompt.verificationUri)}`,
      'and enter the code',
      '',
      `    ${paint.bold(prompt.userCode)}`,
      '',
      paint.dim(`(valid for ${minutes} min; Ctrl+C cancels)`),
    );
  } else ctx.note(paint.dim('Exchanging the sign-in for tokens…'));
}
