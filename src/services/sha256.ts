import type { BinaryLike } from 'node:crypto';

/**
 * SHA-256 hex of a text, with node:crypto loaded on first use: importing it at the top costs
 * every `status` ~4 ms of start-up for a hash that only a refresh or the keep-alive needs.
 */
export function sha256Hex(data: BinaryLike): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest('hex');
}
