import { parseDuration } from '../services/durations.js';
import { UsageError } from '../services/errors.js';
import { buildExplanation } from '../services/explain/explain.js';
import { readPreferences } from '../services/prefs.js';
import { isWritableModelId } from '../services/providers/model-id.js';
import { isValidProviderId, normalizeProviderId } from '../services/providers.js';
import { forTerminal, shownTyped } from '../services/terminal-text.js';
import type { CommandContext } from './context.js';
import { formatExplanation } from './format-explain.js';
import { writeJson, writeWrappedBlock } from './output.js';
import { knownProvider, providersHere } from './provider-arg.js';
import { command, flag, text } from './spec.js';

const EXPLAIN_OPTIONS = {
  json: flag('json', 'print one JSON object (schema in the README)'),
  // As status, order and pick take it: the same as the provider alone as the argument.
  provider: text('provider', 'id', 'one provider, any model (the same as `explain <provider>`)', 'providers'),
};

/**
 * `authdeck explain [provider/model]`: 0 when some model of the chain can serve a request now,
 * 1 when every one is skipped (README "Exit codes"); unreadable state throws (3).
 */
export async function runExplain(ctx: CommandContext, asked: string | undefined, json: boolean): Promise<number> {
  const state = await ctx.agentState({ waitForLock: true });
  // The gateway trims a model ref it reads; a copied one often carries a space.
  const requested = asked?.trim();
  // A mistyped provider would be explained as one nobody has: refused with the closest ids.
  const slash = requested?.indexOf('/') ?? -1;
  // A ref with nothing before or after its slash (or a second slash right after it) names no
  // model: said, not explained as one.
  const model = slash > 0 ? requested?.slice(slash + 1).trim() : undefined;
  // OpenClaw's `model@profile` pins one profile: the model is what explain takes.
  const pin = requested?.lastIndexOf('@') ?? -1;
  if (requested !== undefined && pin > slash && slash > 0 && pin < requested.length - 1)
    throw new UsageError(
      `explain: "${shownTyped(requested)}" pins a profile (OpenClaw's model@profile); explain takes the model alone: \`authdeck explain ${shownTyped(requested.slice(0, pin))}\``,
    );
  // No config can name a ref with a blank or a control in it (isWritableModelId): nothing to explain.
  if (
    requested !== undefined &&
    (requested === '' || slash === 0 || model === '' || model?.startsWith('/') || !isWritableModelId(requested))
  )
    throw new UsageError(
      `explain: "${shownTyped(requested)}" is not a provider/model ref (like anthropic/claude-opus-4-6)`,
    );
  const typed = requested === undefined ? undefined : slash > 0 ? requested.slice(0, slash) : requested;
  if (typed !== undefined && isValidProviderId(normalizeProviderId(typed)))
    knownProvider(typed, { custom: false, known: providersHere(state), flag: 'explain', customUnlessNear: true });
  const nowMs = ctx.io.now();
  const report = await buildExplanation(state, {
    nowMs,
    warnWithinMs: parseDuration(readPreferences(ctx.io.env).warnWithin),
    ...(requested !== undefined ? { requested } : {}),
  });
  // Ids, refs and reasons come from files and arguments: shown safely.
  if (json) writeJson(ctx.io.stdout, report);
  else {
    // A terminal's own width (as the dashboard's panel does); into a pipe or a file each line
    // whole, as status and doctor write them there: grep finds a sentence on one line.
    const out = ctx.io.stdout;
    const width = out.isTTY === true && (out.columns ?? 0) > 0 ? Math.max(20, out.columns) : WHOLE_LINES;
    writeWrappedBlock(out, formatExplanation(forTerminal(report), ctx.paint, nowMs, width));
  }
  return report.servedBy ? 0 : 1;
}

/** Wider than any line explain makes: nothing is broken. */
const WHOLE_LINES = 1_000_000;

export const explainCommand = command({
  name: 'explain',
  description: 'why a profile is used, skipped or waiting: each model of the agent in fallback order',
  examples: [
    'authdeck explain                                # the default model and its fallbacks',
    'authdeck explain anthropic/claude-opus-4-6      # that model, then the fallbacks',
    'authdeck explain anthropic --agent coder --json  # one provider, any model',
    'authdeck explain --provider deepseek            # the same, as status takes it',
  ],
  options: EXPLAIN_OPTIONS,
  args: [{ name: 'provider/model', values: 'providers' }],
  run: (ctx, { json, provider }, [requested]) => {
    if (provider !== undefined && requested !== undefined)
      throw new UsageError('explain: give a provider/model or --provider, not both');
    if (provider?.includes('/'))
      throw new UsageError(
        `explain: --provider takes a provider; a model is the argument: \`authdeck explain ${shownTyped(provider.trim())}\``,
      );
    return runExplain(ctx, requested ?? provider, json);
  },
});
