/**
 * A variable of an environment by a name that came from a file or an argument: `toString` or
 * `constructor` in a `.env` is a variable like any other, not Object's method.
 */
export function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  return Object.hasOwn(env, name) ? env[name] : undefined;
}
