import { isAbsolute, resolve } from 'node:path';
import { AuthdeckError } from '../errors.js';
import { findOnPath, isExecutableFile } from '../find-program.js';

export const CLAUDE_INSTALL_HINT =
  'install Claude Code with `npm install -g @anthropic-ai/claude-code` (see https://docs.anthropic.com/en/docs/claude-code), or pass --claude-bin PATH';

/** `--claude-bin` when given (it must be executable), else the first `claude` on PATH. */
export function findClaudeBinary(pathEnv: string | undefined, explicit?: string): string {
  if (explicit !== undefined && explicit !== '') {
    const path = isAbsolute(explicit) ? explicit : resolve(explicit);
    if (!isExecutableFile(path)) throw new AuthdeckError(`--claude-bin: ${path} is not an executable file`);
    return path;
  }
  const found = findOnPath('claude', pathEnv);
  if (found) return found;
  throw new AuthdeckError(`\`claude\` is not on PATH: ${CLAUDE_INSTALL_HINT}`);
}
