import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

const key = (end: string) => `sk-api-${'a'.repeat(60)}${end}`;
const onboard = (home: string, choice: string, secret: string) =>
  runCommand(['onboard', '--non-interactive', '--auth-choice', choice], { home, input: secret });

describe('onboarding another region of a provider', () => {
  it("says the endpoint moved under the other region's key, naming it (a CN key fails on the global endpoint)", async () => {
    const { home, configPath } = makeTempHome();
    expect((await onboard(home, 'minimax-cn-api', key('c'))).code).toBe(0);
    const global = await onboard(home, 'minimax-global-api', key('g'));
    expect(global.code).toBe(0);
    expect(readJson(configPath).models.providers.minimax.baseUrl).toBe('https://api.minimax.io/anthropic');
    expect(global.stderr).toContain(
      'warning: models.providers.minimax.baseUrl moved from https://api.minimaxi.com/anthropic to https://api.minimax.io/anthropic: minimax:cn, set up for the old endpoint, is now sent to the new one too',
    );
    // The same region again moves nothing: no warning.
    const again = await onboard(home, 'minimax-global-api', key('h'));
    expect(again.stderr).not.toContain('moved from');
  });

  it('add-key for a provider with several regions moves no endpoint (it cannot tell which): no warning', async () => {
    const { home } = makeTempHome();
    expect((await onboard(home, 'minimax-cn-api', key('c'))).code).toBe(0);
    const added = await runCommand(['add-key', '--provider', 'minimax', '--profile-id', 'minimax:cn'], {
      home,
      input: key('d'),
    });
    expect(added.code).toBe(0);
    expect(added.stderr).not.toContain('moved from');
  });

  it('the same key for the other region is said to be the same secret twice', async () => {
    const { home } = makeTempHome();
    expect((await onboard(home, 'minimax-cn-api', key('s'))).code).toBe(0);
    const again = await onboard(home, 'minimax-global-api', key('s'));
    expect(again.stderr).toContain('warning: the same secret is also saved as minimax:cn');
  });
});
