import { describe, expect, it } from 'vitest';
import { CLAUDE_INSTALL_HINT_IN_APP, findClaudeBinary } from '../../src/services/setup-token/find-claude.js';
import { makeTempDir } from '../helpers/temp-state.js';

describe('claude not on PATH', () => {
  it('says --claude-bin on a command line, and the command that takes it inside the app', () => {
    const empty = makeTempDir();
    expect(() => findClaudeBinary(empty)).toThrow(/, or pass --claude-bin PATH; /);
    expect(() => findClaudeBinary(empty, undefined, CLAUDE_INSTALL_HINT_IN_APP)).toThrow(
      /or name it: `authdeck setup-token --claude-bin PATH`; /,
    );
    // A token made on another machine needs no Claude Code here: said too (it was not).
    expect(() => findClaudeBinary(empty)).toThrow(
      /or paste a token made elsewhere: `authdeck paste-token --provider anthropic`$/,
    );
  });
});
