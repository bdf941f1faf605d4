import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferencesDir, readPreferences, setPreference } from '../../src/services/prefs.js';
import { fileMode, makeTempHome } from '../helpers/temp-state.js';

describe('preferences', () => {
  it('defaults, then stores a validated value in a 0600 file that the fast reader sees', async () => {
    const { home } = makeTempHome();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    expect(readPreferences(env).warnWithin).toBe('24h');
    await setPreference(env, 'warnWithin', '48h');
    expect(readPreferences(env).warnWithin).toBe('48h');
    expect(fileMode(join(preferencesDir(env), 'config.json'))).toBe(0o600);
    await expect(setPreference(env, 'warnWithin', 'soon')).rejects.toThrow(/not a duration/);
    await expect(setPreference(env, 'colour', 'x')).rejects.toThrow(/unknown preference/);
  });
});
