import { UsageError } from '../errors.js';
import { hasUnsafeCharacters, shown } from '../terminal-text.js';

/** Longest model id authdeck writes into openclaw.json from text it did not choose. */
export const MODEL_ID_MAX = 200;

/**
 * A model id from another program's text (a plugin manifest, a local server's list, a flag) that
 * may go into openclaw.json, perhaps as the gateway's default: no blank, control, escape or bidi
 * mark, not a runaway length. A leading `/` is fine: vLLM serves a model by the path it was
 * started with, and OpenClaw reads `vllm//models/x` as the model `/models/x`.
 */
export function isWritableModelId(id: string): boolean {
  // `@` in a model ref names an auth profile to OpenClaw (`provider/model@profile`).
  return /^[^\s@]+$/.test(id) && !hasUnsafeCharacters(id) && id.length <= MODEL_ID_MAX;
}

/** `--custom-model-id` as written, or a one-line refusal. */
export function checkedModelIdFlag(id: string): string {
  const trimmed = id.trim();
  if (!trimmed) throw new UsageError('--custom-model-id is empty');
  if (!isWritableModelId(trimmed))
    throw new UsageError(
      `--custom-model-id "${shown(trimmed, 60)}" is not a model id authdeck writes (a blank, an @, a control or bidi character, or more than ${MODEL_ID_MAX} characters)`,
    );
  return trimmed;
}
