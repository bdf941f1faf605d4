import { isAbsolute, resolve } from 'node:path';
import { AuthdeckError } from '../errors.js';
import { findOnPath, isExecutableFile } from '../find-program.js';

const INSTALL_CLAUDE =
  'install Claude Code with `npm install -g @anthropic-ai/claude-code` (see https://docs.anthropic.com/en/docs/claude-code)';

/** A token made on a machine that has Claude Code needs none here. */
const PASTE_INSTEAD = 'or paste a token made elsewhere: `authdeck paste-token --provider anthropic`';
/** Where a command line can take one more flag. */
export const CLAUDE_INSTALL_HINT = `${INSTALL_CLAUDE}, or pass --claude-bin PATH; ${PASTE_INSTEAD}`;
/** In the app (the dashboard's `s`, the wizard), where no flag can be added any more. */
export const CLAUDE_INSTALL_HINT_IN_APP = `${INSTALL_CLAUDE}, or name it: \`authdeck setup-token --claude-bin PATH\`; ${PASTE_INSTEAD}`;

/** `--claude-bin` when given (it must be executable), else the first `claude` on PATH. */
export function findClaudeBinary(pathEnv: string | undefined, explicit?: string, hint = CLAUDE_INSTALL_HINT): string {
  if (explicit !== undefined && explicit !== '') {
    const path = isAbsolute(explicit) ? explicit : resolve(explicit);
    if (!isExecutableFile(path)) throw new AuthdeckError(`--claude-bin: ${path} is not an executable file`);
    return path;
  }
  const found = findOnPath('claude', pathEnv);
  if (found) return found;
  throw new AuthdeckError(`\`claude\` is not on PATH: ${hint}`);
}
