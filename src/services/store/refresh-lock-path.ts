import { join } from 'node:path';
import { sha256Hex } from '../sha256.js';
import type { GenerationId } from './generation.js';

const MASK = (1n << 64n) - 1n;
const PRIME = 1099511628211n;

/**
 * The lock OpenClaw's gateway takes before it refreshes one OAuth profile, under the state dir:
 * `locks/oauth-refresh/sha256-<hex>.lock` (JSON era) or `lock-<32 hex>.lock` (2026.7+, two
 * FNV-1a lanes over `["provider","profileId"]`). Holding it, no gateway refreshes that profile.
 */
export function oauthRefreshLockPath(
  stateDir: string,
  generation: GenerationId,
  provider: string,
  profileId: string,
): string {
  const dir = join(stateDir, 'locks', 'oauth-refresh');
  if (generation === 'json') {
    return join(dir, `sha256-${sha256Hex(`${provider}\0${profileId}`)}.lock`);
  }
  let left = 14695981039346656037n;
  let right = 11160318154034397263n;
  for (const byte of Buffer.from(JSON.stringify([provider, profileId]), 'utf8')) {
    left = ((left ^ BigInt(byte)) * PRIME) & MASK;
    right = ((right ^ ((BigInt(byte) + 11400714819323198485n) & MASK)) * PRIME) & MASK;
  }
  return join(dir, `lock-${left.toString(16).padStart(16, '0')}${right.toString(16).padStart(16, '0')}.lock`);
}
