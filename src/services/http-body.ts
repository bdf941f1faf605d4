import { AuthdeckError } from './errors.js';

/** The most authdeck reads of a server's answer: token and discovery answers are a few KB. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * A response body as text, read only up to `maxBytes`: a server that answers with hundreds of
 * megabytes (a fault, or hostile) is cut off with a reason instead of filling memory.
 */
export async function readBodyText(response: Response, what: string, maxBytes = MAX_ANSWER_BYTES): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes)
        throw new AuthdeckError(`${what} answered with more than ${Math.round(maxBytes / 1024)} KB; not read`);
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** A JSON object answer, read as readBodyText does; anything else reads as an empty object. */
export async function readBodyJson(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await readBodyText(response, what);
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
