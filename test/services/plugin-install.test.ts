import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChoice } from '../../src/services/providers/catalog.js';
import { installPlugin } from '../../src/services/providers/plugin-install.js';
import { makeTempHome } from '../helpers/temp-state.js';

/** What OpenClaw 2026.9.6 printed for Groq offline (ClawHub unreachable). */
const GROQ_OFFLINE = [
  '[config] warnings: plugins.entries.groq: Plugin "groq" settings cannot be checked until its data/settings upgrade finishes.',
  '│',
  '◇  Doctor warnings ──────────────────────────────────╮',
  '│  - Failed to install missing configured plugin "groq" from           │',
  '│    clawhub:@openclaw/groq-provider: fetch failed | getaddrinfo       │',
  '├──────────────────────────────────────────────────────────────────────╯',
  '@openclaw/groq-provider unavailable; using clawhub:@openclaw/groq-provider instead.',
  'Resolving clawhub:@openclaw/groq-provider…',
  'fetch failed | getaddrinfo ENOTFOUND clawhub.ai | ENOTFOUND',
];

/** What it printed for DeepSeek behind a proxy that inspects TLS (npm's error, its line breaks as `\n`). */
const DEEPSEEK_TLS = [
  '[state-migrations] Plugin "deepseek" data/settings upgrade is unfinished: Failed to install missing configured plugin "deepseek" from @openclaw/deepseek-provider: npm view failed: npm error code SELF_SIGNED_CERT_IN_CHAIN\\nnpm error errno SELF_SIGNED_CERT_IN_CHAIN\\nnpm error request to https://registry.npmjs.org/@openclaw%2fdeepseek-provider failed, reason: self-signed certificate in certificate chain',
  'Failed to install @openclaw/deepseek-provider: npm view failed: npm error code SELF_SIGNED_CERT_IN_CHAIN\\nnpm error errno SELF_SIGNED_CERT_IN_CHAIN\\nnpm error request to https://registry.npmjs.org/@openclaw%2fdeepseek-provider…',
];

/** A stand-in `openclaw` that prints `output` on stderr and fails. */
function failingOpenclaw(home: string, output: string[]): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  // printf is the shell's own: PATH holds only this directory.
  const printed = output.map((line) => `'${line}'`).join(' ');
  writeFileSync(join(bin, 'openclaw'), `#!/bin/sh\nprintf '%s\\n' ${printed} >&2\nexit 1\n`);
  chmodSync(join(bin, 'openclaw'), 0o755);
  return bin;
}

describe('installPlugin', () => {
  it("a failure's reason is the error OpenClaw ends on, not a line cut out of its doctor's boxed warnings", async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const plugin = findChoice('groq-api-key')!.plugin!;
    const reason = await installPlugin(
      { env: { PATH: failingOpenclaw(home, GROQ_OFFLINE) }, stateDir, configPath },
      plugin,
    );
    // Said as every offline answer is said: the host, what to check, the code.
    expect(reason).toBe(
      'could not reach clawhub.ai: check your internet connection (or proxy) (host name not found, ENOTFOUND)',
    );
  });

  it('a certificate npm does not trust is said in one line with the registry, not as OpenClaw’s migration note', async () => {
    const { home, stateDir, configPath } = makeTempHome();
    const plugin = findChoice('deepseek-api-key')!.plugin!;
    const reason = await installPlugin(
      { env: { PATH: failingOpenclaw(home, DEEPSEEK_TLS) }, stateDir, configPath },
      plugin,
    );
    expect(reason).toBe(
      'could not reach registry.npmjs.org: check your internet connection (or proxy) (a certificate in its chain is self-signed: a proxy that inspects TLS?, SELF_SIGNED_CERT_IN_CHAIN)',
    );
  });
});
