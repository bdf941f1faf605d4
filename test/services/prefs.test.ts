import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferencesDir, readPreferences, setPreference } from '../../src/services/prefs.js';
import { fileMode, makeTempHome, writeText } from '../helpers/temp-state.js';

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

  it("keeps other keys' numbers exactly as written when a preference is set", async () => {
    const { home } = makeTempHome();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const file = join(preferencesDir(env), 'config.json');
    writeText(file, '{"warnWithin":"48h","x":9007199254740993,"y":1.50,"z":1e400,"n":-0,"e":1E2}\n');
    await setPreference(env, 'warnWithin', '12h');
    expect(readPreferences(env).warnWithin).toBe('12h');
    const text = readFileSync(file, 'utf8').replace(/\s+/g, '');
    expect(text).toBe('{"warnWithin":"12h","x":9007199254740993,"y":1.50,"z":1e400,"n":-0,"e":1E2}');
  });
});
