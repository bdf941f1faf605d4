import type { PathEnv } from './config/paths.js';

/**
 * How to run another authdeck command from where the person is. Someone who started it with
 * `npm start` in a clone has no `authdeck` on PATH until `npm link`: "authdeck status" would be
 * "command not found" for them, `npm start -- status` works.
 */
export function authdeckCommand(args: string, env: PathEnv): string {
  return env.npm_lifecycle_event === 'start' ? `npm start -- ${args}` : `authdeck ${args}`;
}
