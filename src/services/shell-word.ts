/**
 * A word of a command authdeck shows to be pasted into a shell: as it is when plain, else in
 * single quotes, so an id or provider read from a file (`$(…)`, a backtick, `;`) is only text.
 */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A flag and its value as one shows them to paste: `--provider=-rf` where the value starts like a flag. */
export function flagWord(flag: string, value: string): string {
  return value.startsWith('-') ? `${flag}=${shellWord(value)}` : `${flag} ${shellWord(value)}`;
}
