import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { AuthdeckError } from '../errors.js';

export const CLAUDE_INSTALL_HINT =
  'install Claude Code with `npm install -g @anthropic-ai/claude-code` (see https://docs.anthropic.com/en/docs/claude-code), or pass --claude-bin PATH';

/** `--claude-bin` when given (it must be executable), else the first `claude` on PATH. */
export function findClaudeBinary(pathEnv: string | undefined, explicit?: string): string {
  if (explicit !== undefined && explicit !== '') {
    const path = isAbsolute(explicit) ? explicit : resolve(explicit);
    if (!isExecutableFile(path)) throw new AuthdeckError(`--claude-bin: ${path} is not an executable file`);
    return path;
  }
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'claude');
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new AuthdeckError(`\`claude\` is not on PATH: ${CLAUDE_INSTALL_HINT}`);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
