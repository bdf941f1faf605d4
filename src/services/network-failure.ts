/**
 * A request that never got an answer (no network, DNS, a refused or dropped connection, no
 * answer in time) told apart from a server that answered: the first is the person's network
 * to check, the second is the server's word. Node's fetch wraps the socket error in `cause`.
 */

/** A certificate this machine does not trust: most often a proxy or firewall that reads TLS. */
const TLS_WORDS: Readonly<Record<string, string>> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'a certificate in its chain is self-signed: a proxy that inspects TLS?',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate’s issuer is not trusted here',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate could not be verified',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host',
};

const WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed before an answer',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connecting timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  ...TLS_WORDS,
};

/** The codes of a TLS connection this machine refused to trust. */
export const TLS_CODES = Object.keys(TLS_WORDS);

/** The innermost error code (`ENOTFOUND`, `UND_ERR_SOCKET`, …), through `cause` and AggregateError. */
export function errorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 4) return undefined;
  const own = (error as NodeJS.ErrnoException).code;
  if (typeof own === 'string' && own) return own;
  const nested = error instanceof AggregateError ? error.errors[0] : error.cause;
  return errorCode(nested, depth + 1);
}

function timedOut(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || errorCode(error) === 'UND_ERR_CONNECT_TIMEOUT');
}

/** "could not reach auth.x.ai: check your internet connection (or proxy) (host name not found, ENOTFOUND)" */
export function couldNotReach(host: string, error?: unknown): string {
  const code = errorCode(error);
  const detail = timedOut(error) ? 'no answer in time' : code ? `${WORDS[code] ?? 'request failed'}, ${code}` : '';
  return `could not reach ${host}: check your internet connection (or proxy)${detail ? ` (${detail})` : ''}`;
}
