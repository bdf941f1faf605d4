import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, readJson, writeJsonFile, writeText } from '../helpers/temp-state.js';

// `remove` clears what OpenClaw's `models auth logout` clears in openclaw.json; otherwise the next
// doctor flags the leftover entry and the gateway skips the provider's other profiles.
function home() {
  const temp = makeTempHome();
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      'anthropic:work': {
        type: 'token',
        provider: 'anthropic',
        token: fakeSecrets.setupToken('w'),
        expires: Date.now() + 9e9,
      },
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('d') },
      'openai:solo': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() },
    },
  });
  writeText(
    temp.configPath,
    `{
  // kept: a comment
  "auth": {
    "profiles": {
      "anthropic:work": { "provider": "anthropic", "mode": "token" },
      "anthropic:default": { "provider": "anthropic", "mode": "api_key" },
      "openai:solo": { "provider": "openai", "mode": "api_key" }
    },
    "order": { "anthropic": ["anthropic:work", "anthropic:default"], "openai": ["openai:solo"] }
  },
  "models": { "providers": { "openai": { "baseUrl": "https://api.openai.com/v1", "apiKey": "openai:solo" } } },
  "gateway": { "port": 18789 }
}
`,
  );
  return temp;
}

describe('remove: the config no longer names the removed profile', () => {
  it('drops its auth.profiles entry and its place in auth.order, as OpenClaw logout does', async () => {
    const { home: dir, configPath } = home();
    const run = await runCommand(['remove', 'anthropic:work', '--yes'], { home: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `and its mentions in ${configPath}: auth.profiles["anthropic:work"], auth.order.anthropic`,
    );
    const text = readFileSync(configPath, 'utf8');
    expect(text).toContain('// kept: a comment');
    const config = JSON.parse(text.replace(/^\s*\/\/.*$/m, ''));
    expect(Object.keys(config.auth.profiles)).toEqual(['anthropic:default', 'openai:solo']);
    expect(config.auth.order).toEqual({ anthropic: ['anthropic:default'], openai: ['openai:solo'] });
    expect(config.gateway).toEqual({ port: 18789 });
    // Nothing left for doctor to flag about it.
    const doctor = await runCommand(['doctor', '--json'], { home: dir });
    expect(doctor.stdout).not.toContain('anthropic:work');
  });

  it('drops an order list left empty and a provider apiKey that names the profile', async () => {
    const { home: dir, configPath } = home();
    const run = await runCommand(['remove', 'openai:solo', '--yes', '--json'], { home: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).config).toEqual({
      status: 'removed',
      path: configPath,
      places: ['auth.profiles["openai:solo"]', 'auth.order.openai', 'models.providers.openai.apiKey'],
    });
    const config = JSON.parse(readFileSync(configPath, 'utf8').replace(/^\s*\/\/.*$/m, ''));
    expect(config.auth.order).toEqual({ anthropic: ['anthropic:work', 'anthropic:default'] });
    expect(config.models.providers.openai).toEqual({ baseUrl: 'https://api.openai.com/v1' });
  });

  it('keeps the entry, and says why, while another agent still holds the same id', async () => {
    const { home: dir, configPath, stateDir } = home();
    writeJsonFile(join(stateDir, 'agents', 'work', 'agent', 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'anthropic:work': { type: 'api_key', provider: 'anthropic', key: fakeSecrets.anthropicApiKey('other') },
      },
    });
    const before = readFileSync(configPath, 'utf8');
    const run = await runCommand(['remove', 'anthropic:work', '--yes'], { home: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `kept auth.profiles["anthropic:work"], auth.order.anthropic in ${configPath}: agent work still has anthropic:work`,
    );
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    expect(
      readJson(join(stateDir, 'agents', 'main', 'agent', 'auth-profiles.json')).profiles['anthropic:work'],
    ).toBeUndefined();
  });

  it('with no config file, removes the profile and writes no config', async () => {
    const temp = makeTempHome();
    writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:solo': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
    });
    const run = await runCommand(['remove', 'openai:solo', '--yes'], { home: temp.home });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('mentions');
    expect(() => readFileSync(temp.configPath)).toThrow();
  });
});
