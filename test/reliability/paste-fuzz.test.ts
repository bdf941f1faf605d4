import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSecret, normalizeSecret } from '../../src/services/profiles/credentials.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { TerminalSession } from '../helpers/pty-driver.js';
import { makeTempHome, readJson } from '../helpers/temp-state.js';

// What terminals, web pages and chat apps wrap around a copied secret, applied at random
// places with a seeded generator (failures are reproducible from the seed in the name).
const NOISE = [
  '\r\n',
  '\n',
  '\r',
  '\t',
  ' ',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\x1b[0m',
  '\x1b[31m',
  '\x1b]8;;\x07',
  '\x00',
];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function wrap(secret: string, seed: number): string {
  const next = random(seed);
  let out = '';
  for (const char of secret) {
    if (next() < 0.08) out += NOISE[Math.floor(next() * NOISE.length)];
    out += char;
  }
  const framed = next() < 0.5 ? `\x1b[200~${out}\x1b[201~` : out;
  return next() < 0.5 ? `${framed}\n` : framed;
}

const SECRETS: Array<[string, 'api_key' | 'token', () => string]> = [
  ['anthropic', 'token', () => fakeSecrets.setupToken('fuzz')],
  ['anthropic', 'api_key', () => fakeSecrets.anthropicApiKey('fuzz')],
  ['openai', 'api_key', () => fakeSecrets.openaiKey('fuzz')],
  ['openrouter', 'api_key', () => fakeSecrets.openrouterKey('fuzz')],
  ['groq', 'api_key', () => fakeSecrets.groqKey('fuzz')],
  ['google', 'api_key', () => fakeSecrets.googleKey('fuzz')],
];

describe('the secret normaliser under fuzzed pastes', () => {
  it.each(Array.from({ length: 200 }, (_, seed) => seed))(
    'seed %i: wrapping noise is removed and the secret accepted',
    (seed) => {
      const [provider, kind, make] = SECRETS[seed % SECRETS.length]!;
      const secret = make();
      const pasted = wrap(secret, seed);
      expect(normalizeSecret(pasted)).toBe(secret);
      expect(checkSecret(provider, kind, pasted)).toMatchObject({ ok: true, secret });
    },
  );

  it('emoji, right-to-left text and 1 MB are refused with a reason, never echoed', () => {
    const key = fakeSecrets.openaiKey('odd');
    for (const odd of [`${key}😀`, `\u202e${key}`, `${key}\u05d0`, 'x'.repeat(1024 * 1024)]) {
      const check = checkSecret('openai', 'api_key', odd);
      expect(check.ok).toBe(false);
      expect(check.error).not.toContain(key);
      expect(check.error!.length).toBeLessThan(300);
    }
  });
});

describe('the masked prompt in a real terminal', () => {
  const sessions: TerminalSession[] = [];
  afterEach(() => {
    while (sessions.length > 0) sessions.pop()!.kill();
  });

  it.each([3, 17, 42, 101])('seed %i: a fuzzed paste is saved as the clean secret, masked on screen', async (seed) => {
    const { home, mainAgentDir } = makeTempHome();
    const token = fakeSecrets.setupToken(`pty-${seed}`);
    const session = TerminalSession.launch(['--no-reload', 'paste-token', '--provider', 'anthropic'], { home });
    sessions.push(session);
    await session.waitFor('token:');
    // Always as a bracketed paste ending in Enter: how a terminal delivers a pasted line.
    await session.type(
      `\x1b[200~${wrap(token, seed)
        .replace(/\x1b\[20[01]~/g, '')
        .replace(/\n$/, '')}\x1b[201~`,
    );
    await session.type('\r');
    expect(await session.waitForExit()).toBe(0);
    expect(session.screen()).not.toContain(token.slice(13, 60));
    expect(readJson(join(mainAgentDir, 'auth-profiles.json')).profiles['anthropic:default'].token).toBe(token);
  });
});
