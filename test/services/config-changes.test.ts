import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { type ConfigChange, changeConfig } from '../../src/services/config/config-changes.js';
import { AuthdeckError, UnreadableStateError } from '../../src/services/errors.js';
import { fileMode, makeTempHome, readJson, writeText } from '../helpers/temp-state.js';

const ENABLE_XAI: ConfigChange = { path: ['plugins', 'entries', 'xai', 'enabled'], value: true };
const XAI_BLOCK = { baseUrl: 'https://api.x.ai/v1', api: 'openai-responses', models: [] };
const ADD_XAI_BLOCK: ConfigChange = { path: ['models', 'providers', 'xai'], value: XAI_BLOCK };

/** A file's bytes and modification time, made old first so that any write would show. */
function snapshot(path: string) {
  const old = new Date('2020-01-01T00:00:00Z');
  utimesSync(path, old, old);
  return () => ({ text: readFileSync(path, 'utf8'), mtime: statSync(path).mtimeMs });
}

describe('changeConfig', () => {
  it('creates a missing config (0600) holding the changes, and hands the plan an empty one', async () => {
    const { configPath } = makeTempHome();
    const seen: unknown[] = [];
    const result = await changeConfig(configPath, (doc) => {
      seen.push(doc);
      return [ENABLE_XAI, ADD_XAI_BLOCK];
    });
    expect(seen).toEqual([{}]);
    expect(result).toMatchObject({ path: configPath, files: [configPath], changed: true, created: true });
    expect(readJson(configPath)).toEqual({
      plugins: { entries: { xai: { enabled: true } } },
      models: { providers: { xai: XAI_BLOCK } },
    });
    expect(fileMode(configPath)).toBe(0o600);
  });

  it('creates nothing when there is no config and the plan is empty', async () => {
    const { configPath } = makeTempHome();
    const result = await changeConfig(configPath, () => []);
    expect(result).toEqual({ path: configPath, files: [], changed: false, created: false, applied: [] });
    expect(existsSync(configPath)).toBe(false);
  });

  it('writes nothing when the plan is empty: the same bytes, the same modification time', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, '{\n  // mine\n  "gateway": { "port": 18789 }\n}\n');
    const now = snapshot(configPath);
    const before = now();
    let seen: unknown;
    const result = await changeConfig(configPath, (doc) => {
      seen = doc;
      return [];
    });
    expect(seen).toEqual({ gateway: { port: 18789 } });
    expect(result.changed).toBe(false);
    expect(now()).toEqual(before);
  });

  it('keeps comments, formatting and keys it does not know in a JSONC file', async () => {
    const { configPath } = makeTempHome();
    writeText(
      configPath,
      `{\n    // the gateway\n    "gateway": { "port": 18789 }, /* inline */\n    "futureSection": { "x": [1, 2] },\n    "plugins": {\n        "entries": { "openai": { "enabled": true, "tuning": 3 } }, // mine\n    },\n}\n`,
    );
    const result = await changeConfig(configPath, () => [ENABLE_XAI, ADD_XAI_BLOCK]);
    expect(result.backupPath).toBeUndefined();
    const text = readFileSync(configPath, 'utf8');
    for (const kept of ['// the gateway', '/* inline */', '// mine', '"gateway": { "port": 18789 }'])
      expect(text).toContain(kept);
    expect(text).toMatch(/\n {4}"futureSection"/);
    expect(JSON5.parse(text)).toEqual({
      gateway: { port: 18789 },
      futureSection: { x: [1, 2] },
      plugins: { entries: { openai: { enabled: true, tuning: 3 }, xai: { enabled: true } } },
      models: { providers: { xai: XAI_BLOCK } },
    });
  });

  it('rewrites a JSON5-only config as JSON with every value kept, the original in openclaw.json.bak', async () => {
    const { configPath } = makeTempHome();
    const original = `{ gateway: { mode: 'local' }, plugins: { entries: { openai: { enabled: true } } } }`;
    writeText(configPath, original);
    const result = await changeConfig(configPath, () => [ENABLE_XAI]);
    expect(result.backupPath).toBe(`${configPath}.bak`);
    expect(readFileSync(`${configPath}.bak`, 'utf8')).toBe(original);
    expect(JSON5.parse(readFileSync(configPath, 'utf8'))).toEqual({
      gateway: { mode: 'local' },
      plugins: { entries: { openai: { enabled: true }, xai: { enabled: true } } },
    });
  });

  it('edits a section brought in with $include in the file that holds it; the plan sees it resolved', async () => {
    const { configPath, stateDir } = makeTempHome();
    const included = join(stateDir, 'models.json5');
    const root = '{\n  // split config\n  "models": { "$include": "./models.json5" }\n}\n';
    writeText(configPath, root);
    writeText(included, '{\n  // providers live here\n  "mode": "merge",\n  "providers": {}\n}\n');
    let seen: unknown;
    const result = await changeConfig(configPath, (doc) => {
      seen = doc;
      return [ADD_XAI_BLOCK, ENABLE_XAI];
    });
    expect(seen).toEqual({ models: { mode: 'merge', providers: {} } });
    expect(result.files.sort()).toEqual([configPath, included].sort());
    const rootText = readFileSync(configPath, 'utf8');
    expect(rootText).toContain('// split config');
    expect(JSON5.parse(rootText)).toEqual({
      models: { $include: './models.json5' },
      plugins: { entries: { xai: { enabled: true } } },
    });
    const includedText = readFileSync(included, 'utf8');
    expect(includedText).toContain('// providers live here');
    expect(JSON5.parse(includedText)).toEqual({ mode: 'merge', providers: { xai: XAI_BLOCK } });
  });

  it('refuses a section an $include with siblings brings in, and writes neither file', async () => {
    const { configPath, stateDir } = makeTempHome();
    const included = join(stateDir, 'models.json');
    writeText(configPath, '{ "models": { "$include": "./models.json", "mode": "merge" } }\n');
    writeText(included, '{ "providers": {} }\n');
    const root = snapshot(configPath);
    const other = snapshot(included);
    const [rootBefore, otherBefore] = [root(), other()];
    await expect(changeConfig(configPath, () => [ADD_XAI_BLOCK])).rejects.toThrow(
      /merges "\$include" with keys of its own at models, and a write there would flatten the include \(OpenClaw refuses it too\); nothing was saved: keep that section in one file \(drop the \$include, or move the keys beside it into the included file\), then save again/,
    );
    expect(root()).toEqual(rootBefore);
    expect(other()).toEqual(otherBefore);
  });

  it('says which way an $include cannot be written through: its whole content, several files', async () => {
    for (const [root, said] of [
      ['{ "$include": "./main.json" }', 'takes its whole content from "$include"'],
      [
        '{ "models": { "$include": ["./main.json", "./more.json"] } }',
        'merges several files with "$include" at models',
      ],
    ] as const) {
      const { configPath, stateDir } = makeTempHome();
      writeText(configPath, `${root}\n`);
      writeText(join(stateDir, 'main.json'), '{}\n');
      writeText(join(stateDir, 'more.json'), '{}\n');
      await expect(changeConfig(configPath, () => [ADD_XAI_BLOCK])).rejects.toThrow(`${configPath} ${said}, and`);
    }
  });

  it('refuses to overwrite a config it cannot parse, before planning, and leaves it as it was', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, '{\n  "plugins": {\n    "entries": [}\n}');
    const now = snapshot(configPath);
    const before = now();
    let planned = false;
    const attempt = changeConfig(configPath, () => {
      planned = true;
      return [ENABLE_XAI];
    });
    await expect(attempt).rejects.toBeInstanceOf(UnreadableStateError);
    await expect(attempt).rejects.toThrow(/not valid JSON5 at line 3, column .*authdeck will not overwrite it/);
    expect(planned).toBe(false);
    expect(now()).toEqual(before);
  });

  it('refuses to edit under a key written twice, naming the lines, and writes nothing', async () => {
    const { configPath } = makeTempHome();
    writeText(configPath, '{\n  "plugins": { "entries": {} },\n  "plugins": { "entries": {} }\n}\n');
    const now = snapshot(configPath);
    const before = now();
    const attempt = changeConfig(configPath, () => [ENABLE_XAI]);
    await expect(attempt).rejects.toBeInstanceOf(AuthdeckError);
    await expect(attempt).rejects.toThrow(/has "plugins" twice \(lines 2 and 3\)/);
    expect(now()).toEqual(before);
  });
});
