import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 S256: a verifier kept here, its challenge sent with the authorize request. */
export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The `state` that ties the redirect to this sign-in (a redirect with another one is refused). */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
