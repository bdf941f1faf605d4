import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome } from '../helpers/temp-state.js';

// A mistyped provider is refused with the closest ids wherever --provider is taken, instead of
// opening the wizard on it, saving a key under it, or showing it "in use, missing".
const run = (args: string[], input?: string) =>
  runCommand(args, { home: makeTempHome().home, ...(input !== undefined ? { input } : {}) });

describe('a mistyped --provider', () => {
  it.each([
    ['login', '--provider', 'opneai'],
    ['onboard', '--provider', 'opneai'],
    ['status', '--provider', 'opneai'],
    ['status', '--check', '--provider', 'opneai'],
    ['explain', 'opneai/gpt-5'],
    ['explain', '--provider', 'opneai'],
    ['order', 'get', '--provider', 'opneai'],
    ['order', 'clear', '--provider', 'opneai'],
    ['order', 'set', '--provider', 'opneai', 'a1'],
    ['pick', '--provider', 'opneai'],
  ])('%s %s %s %s: did you mean, exit 64', async (...args) => {
    const line = args.filter((arg): arg is string => typeof arg === 'string');
    const result = await run(line);
    expect(result.code).toBe(64);
    // Commands that can save a provider of your own say how.
    const custom = line[0] === 'login' || line[0] === 'onboard' ? ' For a provider of your own, add --custom.' : '';
    expect(result.stderr).toBe(`authdeck: "opneai" is not a provider OpenClaw knows; did you mean openai?${custom}\n`);
  });

  it('add-key names each close id once, when a profile of it exists too', async () => {
    const { home } = makeTempHome();
    await runCommand(['--no-reload', 'add-key', '--provider', 'openai'], { home, input: fakeSecrets.openaiKey() });
    const result = await runCommand(['add-key', '--provider', 'opneai'], { home, input: fakeSecrets.openaiKey('b') });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/did you mean openai\?/);
    expect(result.stderr).not.toMatch(/openai, openai/);
  });

  it('"custom" points at the custom endpoint, not at --custom (a provider of your own)', async () => {
    for (const command of ['onboard', 'add-key']) {
      const result = await run([command, '--provider', 'custom'], fakeSecrets.openaiKey());
      expect(result.code, command).toBe(64);
      expect(result.stderr, command).toBe(
        `authdeck: "custom" is OpenClaw's custom endpoint (an OpenAI- or Anthropic-compatible server), not a provider: choose "Custom endpoint" in \`authdeck onboard\`, or run \`authdeck onboard --auth-choice custom-api-key --custom-base-url URL --custom-model-id ID\`; for a provider of your own named custom, add --custom\n`,
      );
    }
  });

  it('a product name points at its provider: gemini, chatgpt, claude', async () => {
    for (const [typed, meant] of [
      ['gemini', 'google'],
      ['chatgpt', 'openai'],
      ['claude', 'anthropic'],
    ] as const) {
      const result = await run(['add-key', '--provider', typed], fakeSecrets.openaiKey());
      expect(result.code, typed).toBe(64);
      expect(result.stderr, typed).toBe(
        `authdeck: "${typed}" is not a provider OpenClaw knows; did you mean ${meant}? For a provider of your own, add --custom.\n`,
      );
    }
  });

  it('a name close to none is refused as add-key refuses it; --custom says it is a provider of your own', async () => {
    for (const args of [
      ['onboard', '--provider', 'nonsense'],
      ['login', '--provider', 'nonsense'],
      ['onboard', '--non-interactive', '--provider', 'nonsense', '--method', 'api-key'],
    ]) {
      const result = await run(args, 'abc');
      expect(result.code, args.join(' ')).toBe(64);
      expect(result.stderr, args.join(' ')).toMatch(/^authdeck: "nonsense" is not a provider OpenClaw knows/);
    }
    const custom = await run(['onboard', '--provider', 'my-proxy', '--custom']);
    expect(custom.code).toBe(64);
    expect(custom.stderr).toContain('onboard needs a terminal');
    const saved = await run(
      ['--no-reload', 'onboard', '--non-interactive', '--provider', 'my-proxy', '--custom', '--method', 'api-key'],
      'my-proxy-secret-123',
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('my-proxy:default');
  });

  it("login names Google's Gemini CLI sign-in as removed, not as an unknown provider", async () => {
    for (const id of ['gemini-cli', 'google-gemini-cli']) {
      const result = await run(['login', '--provider', id]);
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(
        /^authdeck: Google's Gemini CLI sign-in is not offered: OpenClaw 2026\.9 removed it/,
      );
      expect(result.stderr).toContain('authdeck onboard --provider google');
    }
  });

  it('a provider with a profile here needs no --custom', async () => {
    const { home } = makeTempHome();
    await runCommand(['--no-reload', 'add-key', '--provider', 'my-proxy', '--custom'], {
      home,
      input: 'secret-abc-123',
    });
    const result = await runCommand(['pick', '--provider', 'my-proxy'], { home });
    expect(result.stderr).not.toContain('not a provider');
  });
});

describe('explain given what is not a model ref', () => {
  it.each([['anthropic/'], ['/gpt-5'], ['anthropic//x'], ['  ']])('"%s": one line, exit 64', async (ref) => {
    const result = await run(['explain', ref]);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      `authdeck: explain: "${ref.trim()}" is not a provider/model ref (like anthropic/claude-opus-4-6)\n`,
    );
  });

  it('a ref with a control character in it: one line with it shown as text, exit 64', async () => {
    const result = await run(['explain', 'xai/gr\x1bok']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'authdeck: explain: "xai/gr\\x1bok" is not a provider/model ref (like anthropic/claude-opus-4-6)\n',
    );
  });

  it("OpenClaw's model@profile pin: says explain takes the model alone, with the command", async () => {
    const result = await run(['explain', 'anthropic/claude-opus-4-7@anthropic:t']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'authdeck: explain: "anthropic/claude-opus-4-7@anthropic:t" pins a profile (OpenClaw\'s model@profile); explain takes the model alone: `authdeck explain anthropic/claude-opus-4-7`\n',
    );
  });

  it('a ref copied with spaces around it is the ref', async () => {
    const result = await run(['explain', ' anthropic/claude-opus-4-6 ', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).models[0].ref).toBe('anthropic/claude-opus-4-6');
  });

  it.each([
    ['explain', 'anthropic/ghp_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIII1234'],
    ['explain', `google/${fakeSecrets.googleKey()}`],
    ['remove', `groq:${fakeSecrets.groqKey()}`],
    ['token', `openai:github_pat_11AAAABBBBCCCCDDDDEEEE22_${'f'.repeat(59)}`],
    ['remove', `anthropic:${fakeSecrets.anthropicApiKey()},`],
    ['token', `'${fakeSecrets.anthropicApiKey()}'`],
    ['remove', 'https://ghp_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIII1234@github.com'],
    ['explain', 'openai/gpt-5#hf_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH12'],
  ])('%s %s: a token after provider/ or provider: is refused, and not echoed', async (command, argument) => {
    const result = await run([command, argument]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('a secret was passed on the command line');
    const secret = /[A-Za-z0-9_-]{30,}/.exec(argument)?.[0] ?? argument;
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it.each([
    ['groq/deepseek-r1-distill-llama-70b'],
    ['xai/xai-team-profile-for-the-night-shift'],
    ['--state-dir=/srv/hf_transformers_cache_dir_2024/x'],
    ['--state-dir=/srv/ghs_runner_workspace_directory_x'],
    ['--agent=123e4567-e89b-12d3-a456-426614174000'],
    ['deepseek-r1-distill-llama-70b-instruct'],
  ])('%s: a long model id or a path is no secret', async (ref) => {
    const result = await run(['explain', ref]);
    expect(result.stderr).not.toContain('a secret was passed');
  });

  it('a key pasted as the model is refused, and not echoed', async () => {
    const key = fakeSecrets.anthropicApiKey();
    const result = await run(['explain', `anthropic/${key}`]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('a secret was passed on the command line');
    expect(result.stdout + result.stderr).not.toContain(key);
  });
});

describe("openai-codex, OpenClaw's id for ChatGPT sign-ins before 2026.7", () => {
  it('is taken as the README shows it, on a home of that era, with no custom-provider advice', async () => {
    const { home } = makeTempHome();
    const token = `eyJ${'x'.repeat(80)}`;
    const saved = await runCommand(
      ['--no-reload', 'paste-token', '--provider', 'openai-codex', '--profile-id', 'me', '--expires-in', '90d'],
      { home, input: token },
    );
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Saved openai-codex:me');
    expect(saved.stderr).not.toContain('does not know');
    const order = await runCommand(['order', 'get', '--provider', 'openai-codex'], { home });
    expect(order.code).toBe(0);
  });
});

describe('a provider a plugin serves with nothing to onboard (Amazon Bedrock)', () => {
  // `add-key --provider bedrock` said "not a provider OpenClaw knows" with no suggestion, and a key
  // saved for amazon-bedrock was told to add a models.providers block (a newcomer's walk): its plugin
  // signs with AWS credentials and comes from the external catalog.
  it('"bedrock" points at amazon-bedrock', async () => {
    const result = await run(['add-key', '--provider', 'bedrock'], fakeSecrets.openaiKey());
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('did you mean amazon-bedrock');
  });

  it('a save is refused with what its plugin needs and where its docs are; --custom stores it, with no models.providers advice', async () => {
    const { home } = makeTempHome();
    const refused = await runCommand(['add-key', '--provider', 'amazon-bedrock'], { home, input: 'k'.repeat(32) });
    expect(refused.code).toBe(64);
    expect(refused.stderr).toBe(
      "authdeck: OpenClaw's onboarding stores no credential for Amazon Bedrock: the amazon-bedrock plugin serves it (install it: `openclaw plugins install @openclaw/amazon-bedrock-provider`) and reads its credentials as its docs say: see https://docs.openclaw.ai/providers/bedrock. To store a credential under this id anyway, add --custom.\n",
    );
    const saved = await runCommand(['--no-reload', 'add-key', '--provider', 'amazon-bedrock', '--custom'], {
      home,
      input: 'k'.repeat(32),
    });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain('the amazon-bedrock plugin serves it');
    expect(saved.stderr).not.toContain('does not know');
    expect(saved.stderr).not.toContain('models.providers');
    // Looked at like any provider the gateway knows.
    const order = await runCommand(['order', 'get', '--provider', 'amazon-bedrock'], { home });
    expect(order.code).toBe(0);
    const doctor = await runCommand(['doctor', '--json'], { home });
    expect(doctor.stdout).not.toContain('unknown-provider');
  });
});
