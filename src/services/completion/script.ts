import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import type { CompletionModel, Shell } from './model.js';
import { zshScript } from './zsh.js';

/** The completion script for one shell. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  if (shell === 'bash') return bashScript(model);
  if (shell === 'zsh') return zshScript(model);
  return fishScript(model);
}
