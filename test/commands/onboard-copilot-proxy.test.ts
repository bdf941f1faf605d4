import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const onboard = (home: string, flags: string[]) =>
  runCommand(['onboard', '--non-interactive', '--auth-choice', 'copilot-proxy', ...flags], { home, input: '' });

describe('onboard --auth-choice copilot-proxy', () => {
  it("writes OpenClaw's defaults with no flags: the proxy's address, its five models, the first the default", async () => {
    const temp = makeTempHome();
    const result = await onboard(temp.home, []);
    expect(result.stderr).not.toContain('authdeck:');
    expect(result.code).toBe(0);
    expect(readJson(join(temp.mainAgentDir, 'auth-profiles.json')).profiles['copilot-proxy:local']).toEqual({
      type: 'token',
      provider: 'copilot-proxy',
      token: 'n/a',
    });
    const config = readJson(temp.configPath);
    expect(config.models.providers['copilot-proxy']).toMatchObject({
      baseUrl: 'http://localhost:3000/v1',
      apiKey: 'n/a',
      authHeader: false,
    });
    expect(config.models.providers['copilot-proxy'].models).toHaveLength(5);
    expect(config.agents.defaults.model).toEqual({ primary: 'copilot-proxy/gpt-5-mini' });
    expect(Object.keys(config.agents.defaults.models)).toHaveLength(5);
    expect(config.plugins.entries['copilot-proxy']).toEqual({ enabled: true });
  });

  it('models written again without the default one: the default follows; --profile-id names the profile', async () => {
    const temp = makeTempHome();
    expect((await onboard(temp.home, ['--custom-model-id', 'a,b'])).code).toBe(0);
    expect((await onboard(temp.home, ['--custom-model-id', 'x', '--profile-id', 'work'])).code).toBe(0);
    const config = readJson(temp.configPath);
    expect(config.agents.defaults.model.primary).toBe('copilot-proxy/x');
    expect(Object.keys(readJson(join(temp.mainAgentDir, 'auth-profiles.json')).profiles)).toContain(
      'copilot-proxy:work',
    );
  });

  it.each([
    [['--custom-base-url', 'http://h:3000/v1?x=1'], 'an address alone, with no query, fragment or user'],
    [['--custom-model-id', 'a@b'], '"a@b" is not a model id authdeck writes'],
    [['--custom-base-url', 'ftp://x'], '"ftp://x" is not an http(s) URL for the Copilot Proxy'],
    [['--custom-model-id', ' , '], 'name at least one model id for the Copilot Proxy'],
    [['--custom-model-id', 'a,b\u001b[2Jc'], 'is not a model id authdeck writes'],
  ])('refuses %j with exit 64 in one line, writing nothing', async (flags, reason) => {
    const temp = makeTempHome();
    const result = await onboard(temp.home, flags);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(temp.configPath)).toBe(false);
  });
});
