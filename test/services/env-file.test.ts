import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editEnvText, readDaemonEnv, setDaemonEnvVar } from '../../src/services/env-file.js';
import { fileMode, makeTempHome, writeText } from '../helpers/temp-state.js';

describe('daemon .env', () => {
  it('sets a variable and keeps comments, other variables and multi-line values', async () => {
    const { stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    writeText(
      path,
      '# gateway env\nexport OPENAI_API_KEY=old\nPEM="-----BEGIN\nOPENAI_API_KEY=not-a-var\n-----END"\n\nOTHER=1\n',
    );
    await setDaemonEnvVar(path, 'OPENAI_API_KEY', 'sk-new');
    expect(readFileSync(path, 'utf8')).toBe(
      '# gateway env\nexport OPENAI_API_KEY=sk-new\nPEM="-----BEGIN\nOPENAI_API_KEY=not-a-var\n-----END"\n\nOTHER=1\n',
    );
    expect(fileMode(path)).toBe(0o600);
    await setDaemonEnvVar(path, 'GROQ_API_KEY', 'gsk_x');
    expect((await readDaemonEnv(path)).GROQ_API_KEY).toBe('gsk_x');
    expect((await readDaemonEnv(path)).PEM).toContain('OPENAI_API_KEY=not-a-var');
  });

  it('unsets a variable, appends a new one, and quotes values that need it', async () => {
    expect(editEnvText('A=1\nB=2\n', 'A', undefined)).toBe('B=2\n');
    expect(editEnvText('A=1', 'B', 'B=2')).toBe('A=1\nB=2\n');
    const { stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    await setDaemonEnvVar(path, 'A', 'has space');
    expect(readFileSync(path, 'utf8')).toBe("A='has space'\n");
  });

  it('keeps the note after a replaced value, and the gateway reads the new value', async () => {
    const { stateDir } = makeTempHome();
    const path = join(stateDir, '.env');
    writeText(path, 'OPENAI_API_KEY=sk-old   # work key\nGROQ_API_KEY=\'g old\' # team\nXAI_API_KEY=x#bare\nA="1"\n');
    await setDaemonEnvVar(path, 'OPENAI_API_KEY', 'sk-new');
    await setDaemonEnvVar(path, 'GROQ_API_KEY', 'g new');
    await setDaemonEnvVar(path, 'XAI_API_KEY', 'xai-new');
    await setDaemonEnvVar(path, 'A', '2');
    expect(readFileSync(path, 'utf8')).toBe(
      "OPENAI_API_KEY=sk-new   # work key\nGROQ_API_KEY='g new' # team\nXAI_API_KEY=xai-new#bare\nA=2\n",
    );
    expect(await readDaemonEnv(path)).toEqual({
      OPENAI_API_KEY: 'sk-new',
      GROQ_API_KEY: 'g new',
      XAI_API_KEY: 'xai-new',
      A: '2',
    });
  });
});
