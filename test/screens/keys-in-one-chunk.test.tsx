import { describe, expect, it } from 'vitest';
import { anthropicPair, createFakeServices, fakeState } from '../helpers/fake-services.js';
import { openProviderList, renderApp, waitForFrame, waitUntil } from '../helpers/ink.js';

// Keys that arrive together in one read (fast typing, tmux, ssh, a loaded machine) must act
// as if they came one by one: each sees what the keys before it did.
const profiles = {
  ...anthropicPair(),
  'groq:main': { type: 'api_key', provider: 'groq', key: 'gsk_dddddddddddddddddddddddd' },
};

describe('keys that arrive in one chunk', () => {
  it('picker: ↓ then Enter chooses the row ↓ moved to, and writes once', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick', provider: 'anthropic', print: true });
    await waitForFrame(app, 'Which anthropic profile should agent main use first?');
    await app.type('\x1b[B\r\r');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
    expect(app.exits).toEqual([{ exitCode: 0, print: 'anthropic:default' }]);
  });

  it('picker: Enter on the provider then ↓ Enter reach the profile list', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'pick' });
    await waitForFrame(app, 'Which provider?');
    await app.type('\r\x1b[B\r');
    await waitUntil(() => app.exits.length > 0, 'the picker to exit');
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
  });

  it('dashboard: j then K moves the row j went to', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    expect(app.frame()).toMatch(/▸\s+1\*?\s+anthropic:work/);
    await app.type('jK');
    await waitForFrame(app, /anthropic order: anthropic:default → anthropic:work/);
    expect(services.calls).toEqual([['setOrder', 'anthropic', ['anthropic:default', 'anthropic:work']]]);
  });

  it('dashboard: / then a filter and Enter in one chunk filters', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'dashboard' });
    await waitForFrame(app, 'anthropic:work');
    await app.type('/groq\r');
    const frame = await waitForFrame(app, 'filter: groq');
    expect(frame).toContain('groq:main');
    expect(frame).not.toContain('anthropic:work');
  });

  it('text field: three Backspaces in one chunk delete three characters', async () => {
    const services = createFakeServices({ state: fakeState(profiles) });
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    const key = `gsk_${'y'.repeat(40)}`;
    await app.type(`${key}xyz`);
    expect(app.frame()).toContain('47 characters');
    await app.type('\x7f\x7f\x7f');
    expect(app.frame()).toContain('44 characters');
    await app.press('enter');
    await waitForFrame(app, 'Profile name:');
    // The provider search fills with nothing invisible either.
  });

  it('text fields: Enter typed in a run with the keys after it submits, and the rest reach the next step', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'groq', method: 'api-key' });
    await waitForFrame(app, 'Paste the Groq API key');
    // Typed (no paste markers): the key, then Enter, the profile name, Enter and `n` for the .env in one read.
    await app.type(`gsk_${'y'.repeat(40)}`);
    await app.type('\rmine\rn');
    await waitForFrame(app, 'Saved');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({
      profileId: 'groq:mine',
      secret: `gsk_${'y'.repeat(40)}`,
    });
  });

  it('a secret and the answers after it in one read: Enter Enter n are answers, not more of the secret', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard', provider: 'openai', method: 'api-key' });
    await waitForFrame(app, 'Paste the OpenAI API key');
    const key = `sk-proj-${'k'.repeat(150)}`;
    // As tmux or a fast typist sends them: the key, Enter, Enter (the default name) and `n`.
    await app.type(`${key}\r\rn`);
    await waitForFrame(app, 'Saved');
    expect(services.calls.find(([name]) => name === 'saveCredential')?.[1]).toMatchObject({ secret: key });
  });

  it('a secret pasted over two lines with no paste markers is not cut at the line break', async () => {
    // A terminal without bracketed paste, the key as it wrapped, in one read: its first line
    // alone has a key's shape, and its tail must not land in the (unmasked) name field.
    // A last line of one or two characters is the key's too (a y or n alone would be an answer).
    for (const tail of ['6789ABCDEFGHIJKLMNOPQRSTUV', 'WX', 'Q']) {
      const app = await renderApp(createFakeServices(), { name: 'onboard', provider: 'openai', method: 'api-key' });
      await waitForFrame(app, 'Paste the OpenAI API key');
      const head = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';
      await app.type(`${head}\n${tail}`);
      expect(app.frame(), tail).toContain(`${head.length + tail.length} characters`);
      expect(app.frame()).not.toContain('Profile name:');
      await app.press('enter');
      await waitForFrame(app, 'Profile name:');
      expect(app.frame()).not.toContain(`openai:${tail}`);
      app.unmount();
    }
  });

  it('provider search: the cursor goes to the first match when the search changes', async () => {
    const app = await openProviderList(createFakeServices());
    for (let i = 0; i < 4; i++) await app.press('down');
    await app.type('anthropic');
    await waitForFrame(app, /❯ Anthropic/);
    await app.press('enter');
    await waitForFrame(app, 'How do you want to sign in to Anthropic?');
  });

  it('the method list moves with j and k too, as every list without a text field does', async () => {
    const app = await openProviderList(createFakeServices());
    await app.type('anthropic');
    await waitForFrame(app, /❯ Anthropic/);
    await app.press('enter');
    const first = await waitForFrame(app, 'How do you want to sign in to Anthropic?');
    const second =
      first
        .split('\n')
        .filter((line) => /^ {2}\S/.test(line))[0]
        ?.trim()
        .split('  ')[0] ?? '';
    expect(second).not.toBe('');
    await app.type('j');
    await waitForFrame(app, `❯ ${second}`);
    await app.type('k');
    await waitForFrame(app, /❯ /);
    expect(app.frame()).not.toContain(`❯ ${second}`);
  });

  it('provider search: a product name finds its provider (claude → Anthropic, gemini → Google)', async () => {
    for (const [typed, label] of [
      ['claude', 'Anthropic'],
      ['gemini', 'Google'],
      ['kimi', 'Kimi Code'],
    ]) {
      const app = await openProviderList(createFakeServices());
      await app.type(typed ?? '');
      await waitForFrame(app, new RegExp(`❯ ${label}`));
      app.unmount();
    }
  });

  it('provider search: a provider a plugin serves with nothing to onboard is found, and says what it needs', async () => {
    const services = createFakeServices();
    const app = await openProviderList(services);
    await app.type('bedrock');
    await waitForFrame(app, /❯ Amazon Bedrock\s+amazon-bedrock · nothing to onboard/);
    await app.press('enter');
    const frame = await waitForFrame(app, 'the amazon-bedrock plugin serves it');
    expect(frame).toContain('openclaw plugins install @openclaw/amazon-bedrock-provider');
    expect(frame).toContain('Which provider?');
    expect(services.calls).toEqual([]);
    // Another search takes the note away with the row.
    await app.press('backspace');
    await app.type('x');
    await waitUntil(() => !app.frame().includes('the amazon-bedrock plugin serves it'), 'the note to go');
  });

  it('provider search: typing a name and Enter in one chunk picks what the search narrowed to', async () => {
    const services = createFakeServices();
    const app = await renderApp(services, { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.type('\rgroq\x7f\x7foq\r');
    await waitForFrame(app, 'How do you want to sign in to Groq?');
  });
});

describe('the provider list on a short terminal', () => {
  it('at 60×10 keeps the question, the search and the highlighted row on screen', async () => {
    const app = await renderApp(createFakeServices(), { name: 'onboard' });
    await waitForFrame(app, 'Welcome');
    await app.resize(60, 10);
    await app.press('enter');
    await waitForFrame(app, 'Which provider?');
    const frame = app.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(10);
    expect(frame).toContain('search:');
    expect(frame).toMatch(/❯ OpenAI/);
    // Lower still, the list gives way to one row before the question scrolls off.
    await app.resize(60, 8);
    await waitUntil(() => app.frame().split('\n').length <= 8, 'the frame to fit 8 rows');
    expect(app.frame()).toContain('Which provider?');
  });
});

describe('the provider list offers what OpenClaw offers on this machine', () => {
  it.skipIf(process.platform === 'darwin')(
    'has no Apple Foundation Models off macOS (OpenClaw: darwin only)',
    async () => {
      const app = await openProviderList(createFakeServices());
      await app.type('apple');
      const frame = await waitForFrame(app, 'search: apple');
      expect(frame).not.toContain('Apple Foundation Models');
    },
  );
});

describe('the provider list pages', () => {
  it('PgDn goes a page down and stops at the last provider; PgUp comes back to the first', async () => {
    const app = await openProviderList(createFakeServices());
    const first = (await waitForFrame(app, '❯')).match(/❯ (.+)/)?.[1];
    await app.press('page-down');
    const paged = await waitForFrame(app, '❯');
    expect(paged.match(/❯ (.+)/)?.[1]).not.toBe(first);
    for (let press = 0; press < 10; press++) await app.press('page-down');
    const last = (await waitForFrame(app, '❯')).match(/❯ (.+)/)?.[1];
    await app.press('page-down');
    expect(app.frame().match(/❯ (.+)/)?.[1]).toBe(last);
    for (let press = 0; press < 10; press++) await app.press('page-up');
    expect(app.frame().match(/❯ (.+)/)?.[1]).toBe(first);
    expect(app.frame()).toContain('↑/↓ or PgUp/PgDn to scroll');
  });
});
