import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

describe('authdeck prefs', () => {
  it('answers --json for get and set as list does: the key and its value, as read back', async () => {
    const { home } = makeTempHome();
    const set = await runCommand(['prefs', 'set', 'warnWithin', '48h', '--json'], { home });
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(set.stdout)).toEqual({ warnWithin: '48h' });
    const got = await runCommand(['prefs', 'get', 'warnWithin', '--json'], { home });
    expect(JSON.parse(got.stdout)).toEqual({ warnWithin: '48h' });
    const listed = await runCommand(['prefs', 'list', '--json'], { home });
    expect(JSON.parse(listed.stdout)).toMatchObject({ warnWithin: '48h' });
    // Without --json, the words stay as they were.
    expect((await runCommand(['prefs', 'get', 'warnWithin'], { home })).stdout).toBe('48h\n');
  });
});
