/**
 * The top-level keys of `openclaw.json` that OpenClaw 2026.9.6 accepts (its root schema is strict:
 * any other key stops the gateway and every `openclaw` command with "Unrecognized key").
 * test/interop checks the list against the installed OpenClaw's schema.
 */
export const OPENCLAW_ROOT_KEYS: readonly string[] = [
  '$schema',
  'meta',
  'env',
  'wizard',
  'diagnostics',
  'logging',
  'update',
  'telemetry',
  'browser',
  'ui',
  'secrets',
  'auth',
  'accessGroups',
  'acp',
  'models',
  'nodeHost',
  'agents',
  'worktreeRoot',
  'worktreeAcceleration',
  'tools',
  'security',
  'bindings',
  'broadcast',
  'attachments',
  'messages',
  'tts',
  'commands',
  'approvals',
  'session',
  'cron',
  'transcripts',
  'hooks',
  'channels',
  'discovery',
  'talk',
  'gateway',
  'cloudWorkers',
  'desktop',
  'memory',
  'mcp',
  'skills',
  'plugins',
  'surfaces',
  'proxy',
];

/** The OpenClaw release line the list is of: a config of another is not judged by it. */
export const ROOT_KEYS_OF = '2026.9.';

const KNOWN = new Set([...OPENCLAW_ROOT_KEYS, '$include']);

/**
 * Top-level keys OpenClaw 2026.9 refuses (`$include` is resolved before it validates). `__proto__`
 * it passes: its parse drops it before the schema sees the object (`constructor` it refuses).
 */
export function unknownRootKeys(doc: Record<string, unknown>): string[] {
  return Object.keys(doc).filter((key) => !KNOWN.has(key) && key !== '__proto__');
}

/**
 * What in the config keeps OpenClaw from starting, for the OpenClaw seen (`openclawVersion`): a
 * top-level key it does not know, or 2026.5's `agents.defaults.cliBackends`. Said only for the
 * release line the list is of.
 */
export function rootKeyProblems(
  config: { unknownRootKeys: string[]; models?: { cliBackendsSet?: boolean } },
  openclawVersion: string | undefined,
): string[] {
  if (!openclawVersion?.startsWith(ROOT_KEYS_OF)) return [];
  const problems: string[] = [];
  if (config.unknownRootKeys.length > 0) {
    const keys = config.unknownRootKeys.map((key) => JSON.stringify(key)).join(', ');
    const one = config.unknownRootKeys.length === 1;
    problems.push(
      `the top-level ${one ? `key ${keys} is not one` : `keys ${keys} are not ones`} OpenClaw 2026.9 knows (it says "Unrecognized key"); take ${one ? 'it' : 'them'} out, or move ${one ? 'it' : 'them'} where ${one ? 'it belongs' : 'they belong'}`,
    );
  }
  // 2026.5's way to serve a provider by a local CLI; 2026.9 takes CLI backends from plugins and
  // refuses the key ("agents.defaults: Unrecognized key").
  if (config.models?.cliBackendsSet)
    problems.push(
      'agents.defaults.cliBackends is not a key OpenClaw 2026.9 knows (it says "Unrecognized key"; CLI backends come from plugins there); take it out',
    );
  return problems;
}
