import * as jsonc from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { applyConfigEditsToText } from '../../src/services/config/config-text-edit.js';

// A long value (a local server's model list) is laid out by authdeck, not by jsonc-parser's
// formatter, whose time grows with the square of the value (1,000 models: 3 s under the lock).
// The text must be what the formatter would have written, in every layout a config comes in.

const LAYOUTS = {
  'two spaces, a comment': '{\n  // c\n  "gateway": {"mode": "local"}\n}\n',
  'tabs and CRLF': '{\r\n\t"models": {\r\n\t\t"providers": {"a": 1}\r\n\t}\r\n}\r\n',
  empty: '{}',
  'four spaces, compact inside': '{\n    "models": { "providers": { "x": {"models": [1]} } }\n}\n',
};

function formatterWrites(text: string, path: string[], value: unknown): string {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions = indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
  return jsonc.applyEdits(text, jsonc.modify(text, path, value, { formattingOptions }));
}

const models = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `M ${i}`,
    input: ['text'],
    cost: {},
    tags: [],
    n: 1.5,
  }));

describe('a long value written into openclaw.json', () => {
  it.each(Object.entries(LAYOUTS))('is laid out as jsonc-parser lays it out (%s)', (_, text) => {
    for (const [path, value] of [
      [['models', 'providers', 'p'], { baseUrl: 'http://x', models: models(300) }],
      [['models', 'providers', 'x', 'models'], models(300)],
    ] as const) {
      expect(applyConfigEditsToText(jsonc, text, [{ path: [...path], value }])).toBe(
        formatterWrites(text, [...path], value),
      );
    }
  });

  it('takes a 5,000-model list as it takes a short one: laid out, the rest of the file as it was', () => {
    const text = LAYOUTS['two spaces, a comment'];
    const value = { baseUrl: 'http://x', models: models(5000) };
    const written = applyConfigEditsToText(jsonc, text, [{ path: ['models', 'providers', 'p'], value }]);
    expect(jsonc.parse(written).models.providers.p).toEqual(value);
    expect(written).toContain('// c');
    expect(written).not.toContain('authdeck-value-');
  });
});

describe('many new keys of one object (a migration of thousands of profiles)', () => {
  const LAYOUTS_WITH_PROFILES = {
    ...LAYOUTS,
    'profiles already there':
      '{\n  "auth": {\n    "profiles": {\n      "a:b": {"provider": "a", "mode": "api_key"}\n    }\n  }\n}\n',
  };
  const entry = (i: number) => ({
    path: ['auth', 'profiles', `groq:p${i}`],
    value: { provider: 'groq', mode: 'api_key' },
  });

  it.each(Object.entries(LAYOUTS_WITH_PROFILES))('are written as an edit each would write them (%s)', (_, text) => {
    const edits = Array.from({ length: 5 }, (_, i) => entry(i));
    const oneByOne = edits.reduce((written, edit) => formatterWrites(written, edit.path, edit.value), text);
    expect(applyConfigEditsToText(jsonc, text, edits)).toBe(oneByOne);
  });

  it('a key that is there already is replaced, not written twice', () => {
    const text = LAYOUTS_WITH_PROFILES['profiles already there'];
    const edits = [entry(0), { path: ['auth', 'profiles', 'a:b'], value: { provider: 'a', mode: 'token' } }, entry(1)];
    const written = applyConfigEditsToText(jsonc, text, edits);
    expect(written.match(/"a:b"/g)).toHaveLength(1);
    expect(jsonc.parse(written).auth.profiles).toEqual({
      'a:b': { provider: 'a', mode: 'token' },
      'groq:p0': { provider: 'groq', mode: 'api_key' },
      'groq:p1': { provider: 'groq', mode: 'api_key' },
    });
  });

  it('takes 20,000 as it takes two: each in place, the rest of the file as it was', () => {
    const text = LAYOUTS['two spaces, a comment'];
    const written = applyConfigEditsToText(
      jsonc,
      text,
      Array.from({ length: 20_000 }, (_, i) => entry(i)),
    );
    expect(Object.keys(jsonc.parse(written).auth.profiles)).toHaveLength(20_000);
    expect(written).toContain('// c');
    expect(written).not.toContain('authdeck-keys-');
  });
});
