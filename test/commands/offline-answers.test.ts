import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// No network, as a sign-in or a key check meets it: a name that does not resolve (DNS) and a
// port nothing listens on (connection refused). The answer names the host and what to check.
const NO_DNS = 'http://authdeck-offline.invalid';
const OFFLINE =
  /could not reach (authdeck-offline\.invalid|127\.0\.0\.1:\d+): check your internet connection \(or proxy\)/;

/** A loopback port that was free a moment ago: connecting to it is refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const login = (args: string[], env: Record<string, string>) =>
  runCommand(['--no-reload', 'login', ...args], { home: makeTempHome().home, env });

describe('offline answers', () => {
  it('login --provider xai without a network says to check the connection, not "try again later"', async () => {
    for (const base of [NO_DNS, await closedPort()]) {
      const result = await login(['--provider', 'xai', '--method', 'device'], {
        AUTHDECK_OAUTH_XAI_DISCOVERY: `${base}/.well-known/openid-configuration`,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(OFFLINE);
      expect(result.stderr).not.toContain('did not publish');
    }
  });

  it('xAI answering an error is the server’s doing: its status and "try again later"', async () => {
    const server = createServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await login(['--provider', 'xai', '--method', 'device'], {
        AUTHDECK_OAUTH_XAI_DISCOVERY: `http://127.0.0.1:${port}/.well-known/openid-configuration`,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/answered HTTP 503: try again later/);
      expect(result.stderr).not.toMatch(OFFLINE);
    } finally {
      server.close();
    }
  });

  it('OpenAI and GitHub sign-ins say what to check', async () => {
    const openai = await login(['--provider', 'openai', '--method', 'device'], {
      AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_USER_CODE: `${NO_DNS}/usercode`,
    });
    expect(openai.code).toBe(1);
    expect(openai.stderr).toMatch(OFFLINE);
    const github = await login(['--provider', 'github-copilot'], {
      AUTHDECK_OAUTH_GITHUB_COPILOT_DEVICE_CODE: `${await closedPort()}/device`,
    });
    expect(github.code).toBe(1);
    expect(github.stderr).toMatch(OFFLINE);
    expect(github.stderr).toContain('connection refused');
  });

  it('a key check that cannot reach the provider says so, not a verdict on the key', async () => {
    const { home, mainAgentDir } = makeTempHome();
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: { 'openai:default': { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey() } },
    });
    const result = await runCommand(['status', '--probe', '--json'], {
      home,
      env: { AUTHDECK_PROBE_BASE_URL_OPENAI: NO_DNS },
    });
    const [probe] = JSON.parse(result.stdout).probes;
    expect(probe.result).toBe('network');
    expect(probe.detail).toMatch(OFFLINE);
    expect(probe.detail).toContain('the key was not checked');
  });
});

describe('a --profile-id the save would refuse', () => {
  it('is refused before the sign-in starts, not after it, when the tokens would be thrown away', async () => {
    let asked = 0;
    const server = createServer((_request, response) => {
      asked += 1;
      response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const id of ['anthropic:x', 'openai:', ':x']) {
        const result = await login(['--provider', 'openai', '--method', 'device', '--profile-id', id], {
          AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_USER_CODE: `http://127.0.0.1:${port}/usercode`,
        });
        expect(result.code, id).toBe(64);
        expect(result.stderr, id).toMatch(/^authdeck: --profile-id: /);
      }
      expect(asked).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe("the wizard's options given to a sign-in", () => {
  it('--non-interactive is no use there either, but a script passes it: taken, not refused', async () => {
    const result = await login(['--provider', 'openai', '--method', 'device', '--non-interactive'], {
      AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_USER_CODE: `${NO_DNS}/usercode`,
      AUTHDECK_STORE_GENERATION: 'json',
    });
    expect(result.stderr).not.toContain('has no use in a sign-in');
    expect(result.stderr).toMatch(OFFLINE);
  });

  it.each([
    ['--auth-choice', 'groq-api-key'],
    ['--token-expires-in', '5d'],
    ['--custom-base-url', 'http://127.0.0.1:9/v1'],
  ])('%s is refused (exit 64), not silently dropped', async (flag, value) => {
    const result = await login(['--provider', 'openai', '--method', 'device', flag, value], {
      AUTHDECK_OAUTH_OPENAI_CODEX_DEVICE_USER_CODE: `${NO_DNS}/usercode`,
      AUTHDECK_STORE_GENERATION: 'json',
    });
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      `authdeck: ${flag} has no use in a sign-in; leave it out, or use \`authdeck onboard\` for a key or token\n`,
    );
  });
});
