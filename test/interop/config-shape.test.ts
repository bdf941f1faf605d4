import { describe, expect, it } from 'vitest';
import { ACCEPTED, type Config, REFUSED } from '../helpers/config-shape-cases.js';
import { writeJsonFile } from '../helpers/temp-state.js';
import { interopHome } from './interop-home.js';
import { openclaw, VERSIONS } from './openclaw-harness.js';

// authdeck's word that OpenClaw refuses a setting's type (doctor's `config-invalid`, explain's
// "will not start") is OpenClaw's own: `openclaw config validate` on the same file.
describe.each(VERSIONS)('OpenClaw %s and authdeck agree on which settings it refuses', (version) => {
  const cases = [
    ...REFUSED.map(([setting, change]) => [setting, change, true] as const),
    ...ACCEPTED.map(([name, change]) => [name, change, false] as const),
  ];
  it.each(cases)(
    '%s',
    async (setting, change, refused) => {
      const home = interopHome(version);
      const config: Config = {};
      change(config);
      writeJsonFile(home.configPath, config);
      const validate = await openclaw(version, home.home, ['config', 'validate']);
      expect({ setting, refusedByOpenclaw: validate.code !== 0 }).toEqual({ setting, refusedByOpenclaw: refused });
      const doctor = JSON.parse((await home.authdeck(['doctor', '--json'])).stdout);
      const invalid = doctor.findings.filter((finding: { code: string }) => finding.code === 'config-invalid');
      expect(invalid.map((finding: { subject: string }) => finding.subject)).toEqual(refused ? [setting] : []);
    },
    120_000,
  );
});
