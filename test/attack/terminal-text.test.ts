import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forTerminal, guardLine, jsonText, linkTarget, shown } from '../../src/services/terminal-text.js';
import { fakeSecrets } from '../helpers/fake-secrets.js';
import { installOpenclawFixture } from '../helpers/openclaw-fixtures.js';
import { runCommand } from '../helpers/run-command.js';
import { makeTempHome, writeJsonFile } from '../helpers/temp-state.js';

// What an attacker who can write a store, a config or a server answer puts in a string.
const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07'; // "echo pwned" to the clipboard
const TITLE = '\x1b]0;owned\x07'; // the window title
const CLEAR = '\x1b[2J\x1b[H'; // clear the screen
const C1_CSI = '\u009b31m'; // a C1 CSI, which terminals take as ESC [
const BIDI = '\u202e'; // right-to-left override
const ZERO_WIDTH = '\u200b';

/** What must never reach a terminal from data: any escape but a colour, C1, bidi, invisible marks. */
function rawControls(output: string): string[] {
  const withoutColours = output.replace(/\x1b\[[0-9;]*m/g, '');
  return [...withoutColours.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/g)].map(
    (match) => `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function hostileHome() {
  const temp = makeTempHome();
  const key = fakeSecrets.openaiKey('hostile');
  writeJsonFile(join(temp.mainAgentDir, 'auth-profiles.json'), {
    version: 1,
    profiles: {
      [`openai:${OSC52}clip`]: { type: 'api_key', provider: 'openai', key },
      [`openai:title${TITLE}`]: {
        type: 'api_key',
        provider: 'openai',
        key: `${key.slice(0, 20)}${CLEAR}${C1_CSI}AAAA`,
      },
      'openai:forged\n  1* openai:trusted': { type: 'api_key', provider: 'openai', key },
      [`openai:${BIDI}lamrof`]: { type: 'token', provider: 'openai', token: key, expires: Date.now() - 1000 },
      [`anthro${ZERO_WIDTH}pic:twin`]: { type: 'api_key', provider: `anthro${ZERO_WIDTH}pic`, key },
    },
    order: { openai: [`openai:${OSC52}clip`, 'openai:forged\n  1* openai:trusted'] },
  });
  writeJsonFile(temp.configPath, { agents: { defaults: { model: { primary: 'openai/gpt-5' } } } });
  return temp;
}

describe('text from files, servers and arguments reaches the terminal only as text', () => {
  it('shows controls, bidi and invisible marks as visible escapes, and keeps the rest', () => {
    expect(shown(`a${OSC52}b`)).toBe('a\\x1b]52;c;ZWNobyBwd25lZA==\\x07b');
    expect(shown('line\nnext\r\t')).toBe('line\\nnext\\r\\t');
    expect(shown(`${BIDI}abc${ZERO_WIDTH}`)).toBe('\\u202eabc\\u200b');
    expect(shown('me@例え.jp 🙂')).toBe('me@例え.jp 🙂');
    expect(shown('\u009b')).toBe('\\x9b');
  });

  it('lets only authdeck colours through a line, and a newline cannot start a line', () => {
    expect(guardLine(`\x1b[32m✔\x1b[39m saved ${CLEAR}x\ny`)).toBe('\x1b[32m✔\x1b[39m saved \\x1b[2J\\x1b[Hx\\ny');
  });

  it('keeps JSON exact while escaping what a terminal would act on', () => {
    const value = { id: `a${C1_CSI}${BIDI}\u2028` };
    const text = jsonText(value);
    expect(rawControls(text)).toEqual([]);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('makes links only of plain http(s) addresses', () => {
    expect(linkTarget('https://auth.example.com/device?code=AB CD')).toBe(
      'https://auth.example.com/device?code=AB%20CD',
    );
    expect(linkTarget('https://example.com/\x07\x1b]52;c;x\x07')).toBe('https://example.com/%07%1B]52;c;x');
    expect(linkTarget('javascript:alert(1)')).toBeUndefined();
  });

  it('status, status --check --all and order get print hostile ids as text, one line each', async () => {
    const { home } = hostileHome();
    for (const args of [['status'], ['status', '--check', '--all'], ['order', 'get', '--provider', 'openai']]) {
      const run = await runCommand(args, { home });
      expect(rawControls(run.stdout + run.stderr), args.join(' ')).toEqual([]);
      expect(run.stdout).not.toMatch(/^\s*1\* openai:trusted/m);
    }
    const status = await runCommand(['status'], { home });
    expect(status.stdout).toContain('openai:\\x1b]52;c;ZWNobyBwd25lZA==\\x07clip');
    expect(status.stdout).toContain('openai:\\u202elamrof');
  });

  it('order set names the hostile ids it leaves out as text (a tab came through raw)', async () => {
    const { home, mainAgentDir } = hostileHome();
    const files = join(mainAgentDir, 'auth-profiles.json');
    const doc = JSON.parse(readFileSync(files, 'utf8'));
    doc.profiles['openai:plain'] = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('plain') };
    doc.profiles['openai:tab\tx'] = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('tab') };
    writeJsonFile(files, doc);
    const run = await runCommand(['order', 'set', '--provider', 'openai', 'plain', '--no-reload'], { home });
    expect(run.code).toBe(0);
    expect(rawControls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain('\t');
    expect(run.stderr).toContain('openai:tab\\tx');
    expect(run.stderr).toContain('openai:\\x1b]52;c;ZWNobyBwd25lZA==\\x07clip');
  });

  it('migrate and migrate --apply list hostile ids from the JSON files as text', async () => {
    const { home, stateDir, mainAgentDir } = hostileHome();
    // A home OpenClaw 2026.9 made, beside which the JSON files are leftovers to migrate.
    installOpenclawFixture('a-v9-shared-fresh', stateDir);
    // A colour is let through authdeck's own lines, never from an id.
    const files = join(mainAgentDir, 'auth-profiles.json');
    const doc = JSON.parse(readFileSync(files, 'utf8'));
    doc.profiles['openai:red\x1b[31mtext'] = { type: 'api_key', provider: 'openai', key: fakeSecrets.openaiKey('red') };
    writeJsonFile(files, doc);
    for (const args of [['migrate'], ['migrate', '--apply', '--yes']]) {
      const run = await runCommand(args, { home });
      expect(run.code, args.join(' ')).toBe(0);
      expect(rawControls(run.stdout + run.stderr), args.join(' ')).toEqual([]);
      expect(run.stdout).toContain('openai:\\x1b]52;c;ZWNobyBwd25lZA==\\x07clip');
      expect(run.stdout).toContain('openai:red\\x1b[31mtext');
      expect(run.stdout).not.toContain('\x1b[31m');
    }
  });

  it('status --json keeps the exact ids, with no raw control on the terminal', async () => {
    const { home } = hostileHome();
    const run = await runCommand(['status', '--json'], { home });
    expect(rawControls(run.stdout)).toEqual([]);
    const ids = JSON.parse(run.stdout).profiles.map((profile: { id: string }) => profile.id);
    expect(ids).toContain(`openai:${OSC52}clip`);
    expect(ids).toContain(`anthro${ZERO_WIDTH}pic:twin`);
  });

  it('an error message repeats a typed argument as text', async () => {
    const { home } = makeTempHome();
    const run = await runCommand(['remove', `x${TITLE}${CLEAR}`, '--yes'], { home });
    expect(run.code).not.toBe(0);
    expect(rawControls(run.stderr)).toEqual([]);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const json = await runCommand(['status', '--json', '--state-dir', `/nowhere${C1_CSI}`, '--agent', `a${BIDI}`], {
      home,
    });
    expect(rawControls(json.stdout + json.stderr)).toEqual([]);
  });

  it('a profile name with control or invisible characters is refused, and an empty one is not taken as default', async () => {
    const { home } = makeTempHome();
    for (const name of ['bell\x07', `rtl${BIDI}`, `zero${ZERO_WIDTH}width`, '']) {
      const run = await runCommand(['add-key', '--provider', 'openai', '--profile-id', name], {
        home,
        input: fakeSecrets.openaiKey(),
      });
      expect(run.code, JSON.stringify(name)).toBe(64);
      expect(rawControls(run.stderr)).toEqual([]);
    }
  });
});

describe('token --reveal', () => {
  it('prints a stored secret holding escapes as text on a terminal, and byte for byte into a pipe', async () => {
    const { home, mainAgentDir } = makeTempHome();
    const secret = 'eyJ\x1b]52;c;cm0gLXJmIH4=\x07.x';
    writeJsonFile(join(mainAgentDir, 'auth-profiles.json'), {
      version: 1,
      profiles: {
        'openai-codex:a': { type: 'oauth', provider: 'openai-codex', access: secret, refresh: 'r', expires: 1 },
      },
    });
    const terminal = await runCommand(['token', 'openai-codex:a', '--reveal'], { home, stdoutIsTerminal: true });
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).not.toContain('\x1b');
    expect(terminal.stdout).toContain('cm0gLXJmIH4=');
    expect(terminal.stderr).toContain('shown escaped here');
    const piped = await runCommand(['token', 'openai-codex:a'], { home });
    expect(piped.stdout).toBe(`${secret}\n`);
  });
});

describe('forTerminal', () => {
  it('escapes every string inside a value and leaves the value it was given untouched', () => {
    const report = { ok: ['a', 'b'], nested: { id: 'evil\x1b]52;c;x\x07', n: 1 }, list: [{ id: 'fine' }] };
    const before = structuredClone(report);
    const safe = forTerminal(report);
    expect(safe.nested.id).toBe('evil\\x1b]52;c;x\\x07');
    expect(report).toEqual(before);
    // What held nothing to escape is the very same value: nothing to copy.
    expect(safe.ok).toBe(report.ok);
    expect(safe.list).toBe(report.list);
    expect(forTerminal(before)).not.toBe(before);
    const clean = { a: ['x'], b: { c: 'y' } };
    expect(forTerminal(clean)).toBe(clean);
  });
});
